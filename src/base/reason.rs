//! Reason codes: every refusal's stable [`Reason`], what it may reveal outside the host
//! ([`PublicCategory`], SEC-06) and its [`ReasonFamily`] (a binding's error class). One table,
//! `reasons!` below, declares each reason once: its number (C ABI), code, category, family and
//! meaning.

use std::fmt;

crate::base::names::wire_enum! {
    /// What a refusal may reveal to the person in front of the host's page (SEC-06).
    pub enum PublicCategory {
        /// The link cannot be used: forged, tampered, unknown key, cancelled, or wrong kind.
        InvalidLink => "invalid_link",
        /// The link or session has expired; the agent must share again.
        Expired => "expired",
        /// The verification code was not accepted.
        CodeIncorrect => "code_incorrect",
        /// The verification code expired; ask for a new one.
        CodeExpired => "code_expired",
        /// Too many attempts or sends; try again later or ask the agent to share again.
        TryLater => "try_later",
        /// The actor may not do this (permission or plan).
        Forbidden => "forbidden",
        /// The request itself is invalid.
        BadRequest => "bad_request",
        /// Something went wrong inside; nothing was changed.
        Internal => "internal",
    }
}

crate::base::names::wire_enum! {
    /// The family of a reason: what went wrong, for a binding's error classes (Python's
    /// `LinkError`, `CodeError`, ...). Every reason belongs to exactly one.
    pub enum ReasonFamily {
        /// A link or session token was refused (forged, expired, cancelled, wrong purpose).
        Link => "link",
        /// A verification code or a code send was refused.
        Code => "code",
        /// The actor lacks a permission, or the plan a feature.
        Policy => "policy",
        /// Records passed together do not belong together, or are in the wrong state.
        Record => "record",
        /// A value (email, text, id, URL, colour, logo, attachment, time) is invalid.
        Validation => "validation",
        /// The request itself is malformed: JSON, fields, types, version, size.
        Request => "request",
        /// The engine configuration is invalid (keys, ranges).
        Config => "config",
        /// Something failed inside the library; nothing was changed.
        Internal => "internal",
    }
}

macro_rules! reasons {
    ($( $variant:ident = $number:literal => $code:literal, $category:ident, $family:ident, $meaning:literal; )*) => {
        /// Every reason the engine can refuse for. Codes are stable; see `docs/api.md`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Reason {
            $( #[doc = $meaning] $variant, )*
        }

        impl Reason {
            /// Every reason, in declaration order.
            pub const ALL: &'static [Reason] = &[ $( Reason::$variant, )* ];

            /// The stable number of the reason (C ABI); a retired number is never reused.
            pub const fn number(self) -> u32 {
                match self { $( Reason::$variant => $number, )* }
            }

            /// The reason with a number, if there is one.
            pub fn from_number(number: u32) -> Option<Reason> {
                match number { $( $number => Some(Reason::$variant), )* _ => None }
            }

            /// The stable machine-readable code.
            pub const fn code(self) -> &'static str {
                match self { $( Reason::$variant => $code, )* }
            }

            /// The category safe to show outside the host.
            pub const fn public_category(self) -> PublicCategory {
                match self { $( Reason::$variant => PublicCategory::$category, )* }
            }

            /// The family the reason belongs to.
            pub const fn family(self) -> ReasonFamily {
                match self { $( Reason::$variant => ReasonFamily::$family, )* }
            }

            /// What the reason means, in one sentence (its documentation).
            pub const fn meaning(self) -> &'static str {
                match self { $( Reason::$variant => $meaning, )* }
            }

            /// The reason for a code, if there is one. A search of [`Reason::ALL`], not a
            /// `match` on strings: a cold path (reading back a refusal), and 2 KB less of
            /// WebAssembly.
            pub fn from_code(code: &str) -> Option<Reason> {
                Reason::ALL.iter().copied().find(|reason| reason.code() == code)
            }
        }
    };
}

reasons! {
    // Tokens (SEC-01, SEC-06, SEC-07).
    TokenMalformed = 1 => "token_malformed", InvalidLink, Link,
        "The token is not a well-formed token of a known version.";
    TokenOversized = 2 => "token_oversized", InvalidLink, Link,
        "The token is longer than the bound (checked before decoding).";
    TokenUnknownKey = 3 => "token_unknown_key", InvalidLink, Link,
        "The token names a key id the keyring does not hold.";
    TokenBadSignature = 4 => "token_bad_signature", InvalidLink, Link,
        "The token's signature does not verify.";
    TokenWrongPurpose = 5 => "token_wrong_purpose", InvalidLink, Link,
        "The token is authentic but made for another purpose (a session used as a link, say).";
    LinkExpired = 6 => "link_expired", Expired, Link,
        "The link's 72 h (configurable) lifetime is over (EXT-08).";
    LinkCancelled = 7 => "link_cancelled", InvalidLink, Link,
        "The share was cancelled by an agent (EXT-10).";
    SessionExpired = 8 => "session_expired", Expired, Link,
        "The collaborator's session is over; open the link again.";

    // Verification codes (SEC-02, EXT-06).
    CodeMalformed = 9 => "code_malformed", CodeIncorrect, Code,
        "The entered code is not a string of the configured number of digits.";
    CodeExpired = 10 => "code_expired", CodeExpired, Code,
        "The code's lifetime is over.";
    CodeLocked = 11 => "code_locked", TryLater, Code,
        "Too many wrong codes: this challenge accepts nothing more.";
    CodeAlreadyUsed = 12 => "code_already_used", CodeExpired, Code,
        "This challenge was already answered correctly; codes are accepted once.";
    CodeSendLimited = 13 => "code_send_limited", TryLater, Code,
        "A code was sent too recently, or too many were sent this hour.";
    VerificationLocked = 14 => "verification_locked", TryLater, Code,
        "Too many wrong codes in a row for this address and ticket (SEC-02): a re-share keeps the count, so the guesses per collaborator stay bounded.";
    VerificationRequired = 15 => "verification_required", InvalidLink, Link,
        "The share needs email verification first.";

    // Policy (EXT-02, EXT-03, EXT-13).
    PermissionDenied = 16 => "permission_denied", Forbidden, Policy,
        "The actor's role lacks the permission.";
    PlanFeatureMissing = 17 => "plan_feature_missing", Forbidden, Policy,
        "The account's plan does not include the feature.";

    // Records and state.
    RecordMismatch = 18 => "record_mismatch", BadRequest, Record,
        "Records passed together do not belong together (a challenge of another share, say).";
    AlreadyCancelled = 19 => "already_cancelled", BadRequest, Record,
        "The share is already cancelled.";

    // Input validation (EXT-13, SEC-03, SEC-07).
    InvalidEmail = 20 => "invalid_email", BadRequest, Validation,
        "An email address that is not valid.";
    InvalidText = 21 => "invalid_text", BadRequest, Validation,
        "A text field that is empty, too long or holds control characters.";
    InvalidId = 22 => "invalid_id", BadRequest, Validation,
        "An identifier that is empty, too long or has forbidden characters.";
    InvalidUrl = 23 => "invalid_url", BadRequest, Validation,
        "A URL that is not an absolute https URL.";
    InvalidColour = 24 => "invalid_colour", BadRequest, Validation,
        "A colour that is not a hex code.";
    LogoTooLarge = 25 => "logo_too_large", BadRequest, Validation,
        "A logo larger than 250x100 px.";
    LogoUnreadable = 26 => "logo_unreadable", BadRequest, Validation,
        "Logo bytes that are not a readable image.";
    AttachmentLimit = 27 => "attachment_limit", BadRequest, Validation,
        "Attachments over the count or size bound.";
    InvalidTime = 28 => "invalid_time", BadRequest, Validation,
        "A timestamp or duration outside the supported range.";
    InvalidConfig = 29 => "invalid_config", BadRequest, Config,
        "A configuration value out of range.";
    KeyTooShort = 30 => "key_too_short", BadRequest, Config,
        "A signing key shorter than 32 bytes.";
    InvalidKeyring = 31 => "invalid_keyring", BadRequest, Config,
        "A keyring with no keys, duplicate ids, or an active id it does not hold.";
    RandomnessUnavailable = 32 => "randomness_unavailable", Internal, Internal,
        "The randomness source failed.";

    // The JSON operation surface and the bindings (SEC-03).
    InvalidRequest = 33 => "invalid_request", BadRequest, Request,
        "The request is not valid JSON, or a field is missing, unknown or of the wrong type.";
    UnknownOperation = 34 => "unknown_operation", BadRequest, Request,
        "The request names an operation this version does not have.";
    UnsupportedVersion = 35 => "unsupported_version", BadRequest, Request,
        "The request asks for an API version newer than this library's.";
    RequestTooLarge = 36 => "request_too_large", BadRequest, Request,
        "The request is larger than the documented bound.";
    InternalError = 37 => "internal_error", Internal, Internal,
        "A bug: the engine panicked, and the boundary caught it. Nothing was changed.";

    // Agent shares (AGT-01..08).
    AgentSharingDisabled = 38 => "agent_sharing_disabled", Forbidden, Policy,
        "Agent sharing is off in the site settings; an admin must turn it on (AGT-01).";
    AgentHasInboxAccess = 39 => "agent_has_inbox_access", BadRequest, Record,
        "The agent can open the ticket's inbox already, so a share would add nothing (AGT-02).";
    AlreadyShared = 40 => "already_shared", BadRequest, Record,
        "The ticket is already shared with this agent: one share per agent and ticket (AGT-02).";
    NoTicketAccess = 41 => "no_ticket_access", Forbidden, Policy,
        "The agent can open neither the ticket's inbox nor the ticket through a share (AGT-03, AGT-08).";
    ForwardingUnavailable = 42 => "forwarding_unavailable", Forbidden, Policy,
        "Forwarding is not available on a shared ticket, for anyone (AGT-06).";
    ReplyAuthorLostAccess = 43 => "reply_author_lost_access", Forbidden, Policy,
        "The author of the scheduled reply no longer has the access it was scheduled under; it is not sent (AGT-07).";

    // CCs and followers (CCF-01..12).
    CcLimitReached = 44 => "cc_limit_reached", BadRequest, Validation,
        "The ticket has its most CCs (48 by default, CCF-12).";
    AddressBlocklisted = 45 => "address_blocklisted", BadRequest, Validation,
        "The address or its domain is on the blocklist, or is the helpdesk's own; it never becomes a CC or follower (CCF-07).";
    CcsDisabled = 46 => "ccs_disabled", Forbidden, Policy,
        "CCs are off for the account.";
    FollowersDisabled = 47 => "followers_disabled", Forbidden, Policy,
        "Followers are off for the account.";
    CannotAddCcs = 48 => "cannot_add_ccs", Forbidden, Policy,
        "A light agent or a third party cannot add CCs by email (CCF-05, CCF-08).";

    // Sharing agreements between accounts (ACC-01..21).
    AgreementNotPending = 49 => "agreement_not_pending", BadRequest, Record,
        "Only a pending invite is accepted, declined or left pending (ACC-01).";
    AgreementInactive = 50 => "agreement_inactive", BadRequest, Record,
        "The agreement was deactivated or broken, which is final: a new invite is needed (ACC-06, ACC-07).";
    AgreementNotDeclined = 51 => "agreement_not_declined", BadRequest, Record,
        "Only a declined invite is sent again (ACC-08).";
    AgreementDeclined = 52 => "agreement_declined", BadRequest, Record,
        "A declined invite is not in force, so there is nothing to deactivate; invite again (ACC-06, ACC-08).";
    AgreementWrongSide = 53 => "agreement_wrong_side", Forbidden, Policy,
        "That step belongs to the other side of the agreement (ACC-01, ACC-02).";
    AgreementExists = 54 => "agreement_exists", BadRequest, Record,
        "A pending or accepted agreement in this direction exists already (ACC-02).";
    CustomFieldsUnavailable = 55 => "custom_fields_unavailable", BadRequest, Validation,
        "Custom-field sync is offered only between two instances, never to a third-party system (ACC-04).";
    AgreementNotAccepted = 56 => "agreement_not_accepted", Forbidden, Policy,
        "Only an accepted agreement carries tickets (ACC-06, ACC-09).";
    TicketClosed = 57 => "ticket_closed", BadRequest, Record,
        "A closed ticket cannot be shared (ACC-10).";
    TicketAlreadyShared = 58 => "ticket_already_shared", BadRequest, Record,
        "The ticket is shared with a partner already: one account per ticket (ACC-09).";
    SharedTicketUnmergeable = 59 => "shared_ticket_unmergeable", BadRequest, Record,
        "A shared ticket cannot be merged (ACC-10).";
    ReceivingOnly = 60 => "receiving_only", Forbidden, Policy,
        "An account with only receiving agreements cannot share tickets, nor stop sharing one it received (ACC-12).";
    UnknownStatus = 61 => "unknown_status", BadRequest, Validation,
        "The status is not one of the account's statuses (ACC-13).";
    StatusNotSynced = 62 => "status_not_synced", Forbidden, Policy,
        "The agreement does not sync status: private comments only (ACC-13, ACC-15).";
    FieldsNotSynced = 63 => "fields_not_synced", Forbidden, Policy,
        "The agreement does not sync custom fields (ACC-04, ACC-20).";
    PublicCommentNotAllowed = 64 => "public_comment_not_allowed", Forbidden, Policy,
        "Under private comments only, the receiver adds private comments only (ACC-14).";

    // The Networked Help Desk protocol (NHD-04..08): refusals a partner's request is answered with.
    PartnerUnauthenticated = 65 => "partner_unauthenticated", Forbidden, Policy,
        "The partner's request carries no usable X-Ticket-Sharing-Token (HTTP 401, NHD-04).";
    PartnerWrongKey = 66 => "partner_wrong_key", Forbidden, Policy,
        "The partner's token does not hold the agreement's access key (HTTP 403, NHD-04).";
    PartnerUnknown = 67 => "partner_unknown", BadRequest, Record,
        "No agreement or shared ticket with that uuid, or no such resource (HTTP 404, NHD-04, NHD-08).";
    PartnerMethodNotAllowed = 68 => "partner_method_not_allowed", BadRequest, Request,
        "The resource does not take that HTTP method (HTTP 405, NHD-07, NHD-08).";
    PartnerVersion = 69 => "partner_version", BadRequest, Request,
        "The partner speaks a protocol version other than 1 (HTTP 412, NHD-05).";
    PartnerMediaType = 70 => "partner_media_type", BadRequest, Request,
        "The partner's body is not application/json or text/x-json (HTTP 422, NHD-05, NHD-09).";
    PartnerExists = 71 => "partner_exists", BadRequest, Record,
        "The partner creates what exists already: an agreement in force, a ticket shared (HTTP 422, NHD-07, NHD-08).";
    PartnerNotOwnField = 72 => "partner_not_own_field", BadRequest, Record,
        "The partner changes a field that is not its side's to change (HTTP 422, NHD-07).";

    // What a collaborator's page may see (SEC-06).
    LinkRecordMismatch = 73 => "link_record_mismatch", InvalidLink, Link,
        "The link or session is not for the records given (another share, ticket or challenge): from outside, an invalid link (SEC-06).";

    // The bindings' engines.
    EngineClosed = 74 => "engine_closed", BadRequest, Request,
        "The engine was closed (freed) before the call: build a new one.";

    // Sharing agreements, continued.
    NoAgreement = 75 => "no_agreement", Forbidden, Policy,
        "The account has no agreement with that partner to share under (ACC-12).";

    // CCs and followers, continued.
    AlreadyFollower = 76 => "already_follower", BadRequest, Record,
        "The person follows the ticket: a person holds one role, and an email never makes a follower a CC (CCF-05).";
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn sec_03_reason_codes_are_unique_and_round_trip() {
        let mut seen = HashSet::new();
        for reason in Reason::ALL {
            assert!(
                seen.insert(reason.code()),
                "duplicate code {}",
                reason.code()
            );
            assert_eq!(Reason::from_code(reason.code()), Some(*reason));
            assert_eq!(Reason::from_number(reason.number()), Some(*reason));
        }
        assert_eq!(Reason::from_code("nope"), None);
    }

    #[test]
    fn sec_06_token_refusals_look_like_any_invalid_link() {
        for reason in [
            Reason::TokenMalformed,
            Reason::TokenOversized,
            Reason::TokenUnknownKey,
            Reason::TokenBadSignature,
            Reason::TokenWrongPurpose,
            Reason::LinkCancelled,
        ] {
            assert_eq!(reason.public_category(), PublicCategory::InvalidLink);
        }
        assert_eq!(
            Reason::LinkExpired.public_category(),
            PublicCategory::Expired
        );
    }
}
