//! Sharing a ticket thread with an external collaborator (EXT-01..14, SEC-02, SEC-04..08).
//!
//! The lifecycle: [`Engine::create_share`] → the collaborator opens the link
//! ([`Engine::open_link`], which emails a code) → [`Engine::check_code`] gives a session →
//! [`Engine::view`] and [`Engine::reply`] → [`Engine::cancel_share`], or the link expires.
//! Every operation takes the records it needs and returns the new records plus the audit events
//! to store; a refusal changes nothing.

use crate::audit::{AuditActor, AuditEvent, AuditKind};
use crate::branding::{Branding, CompanyName};
use crate::codes::{self, CodeChallenge, CodeMatch};
use crate::email::{self, EmailMessage, ShareEmail};
use crate::engine::Engine;
use crate::error::{Error, Reason, Result};
use crate::ids::{AgentId, ChallengeId, EmailAddress, ItemId, ShareId, TicketId};
use crate::links::{self, Purpose, TokenClaims};
use crate::policy::{Actor, Permission, PlanFeature};
use crate::random::RandomSource;
use crate::text::{bounded, Lines};
use crate::thread::{
    self, Attachment, Author, AuthorRole, ExternalNotePurpose, ItemKind, SharedCustomer,
    ThreadItem, TicketThread,
};
use crate::timestamp::Timestamp;
use serde::{Deserialize, Serialize};

/// The longest subject, in characters.
pub const MAX_SUBJECT_CHARS: usize = 200;
/// The longest agent message or collaborator reply, in characters.
pub const MAX_BODY_CHARS: usize = 20_000;
/// The most attachments on one reply.
pub const MAX_ATTACHMENTS: usize = 10;
/// The largest attachment, in bytes (25 MiB).
pub const MAX_ATTACHMENT_BYTES: u64 = 25 * 1024 * 1024;

/// The account the agent works for: its plan and email branding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// The company name used when no branding overrides it.
    pub company_name: CompanyName,
    /// The plan, a key of the policy's plan table.
    pub plan: String,
    /// The email branding an admin set (EXT-13); used only while the plan includes it.
    #[serde(default)]
    pub branding: Option<Branding>,
}

/// What the agent fills in to share (EXT-01).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ShareRequest {
    /// The ticket to share.
    pub ticket_id: TicketId,
    /// The collaborator's address.
    pub recipient: String,
    /// The email's subject.
    pub subject: String,
    /// The explanatory message.
    pub message: String,
    /// Whether to show customer name and order details; off unless the agent ticks it (EXT-01).
    #[serde(default)]
    pub include_customer_details: bool,
}

/// Whether the collaborator still has to enter a code.
///
/// Read through [`VerificationRecord`]: the same JSON, without serde's buffering of internally
/// tagged enums (a sizeable part of the WebAssembly build).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(
    tag = "state",
    rename_all = "snake_case",
    try_from = "VerificationRecord"
)]
pub enum Verification {
    /// A code must be entered before the thread is shown (EXT-06).
    Required,
    /// The address verified for this ticket in an earlier share (EXT-09).
    Inherited {
        /// The earlier share.
        from: ShareId,
    },
    /// The right code was entered.
    Verified {
        /// When.
        at: Timestamp,
    },
}

/// The states of [`Verification`], as its `state` field names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VerificationState {
    Required,
    Inherited,
    Verified,
}

crate::names::wire_names!(VerificationState {
    Required => "required",
    Inherited => "inherited",
    Verified => "verified",
});

/// [`Verification`] as it reads: the tag and every field, checked together by `try_from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[doc(hidden)]
pub struct VerificationRecord {
    state: VerificationState,
    #[serde(default)]
    from: Option<ShareId>,
    #[serde(default)]
    at: Option<Timestamp>,
}

impl TryFrom<VerificationRecord> for Verification {
    type Error = Error;
    fn try_from(record: VerificationRecord) -> Result<Self> {
        match record {
            VerificationRecord { state: VerificationState::Required, from: None, at: None } => {
                Ok(Self::Required)
            }
            VerificationRecord { state: VerificationState::Inherited, from: Some(from), at: None } => {
                Ok(Self::Inherited { from })
            }
            VerificationRecord { state: VerificationState::Verified, from: None, at: Some(at) } => {
                Ok(Self::Verified { at })
            }
            _ => Err(Error::new(
                Reason::InvalidRequest,
                "verification: required has no fields, inherited has `from` only, verified has `at` only",
            )),
        }
    }
}

impl Verification {
    /// Whether the collaborator needs no (more) code.
    pub const fn is_satisfied(self) -> bool {
        !matches!(self, Self::Required)
    }
}

/// Who cancelled a share, and when (EXT-10).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Cancellation {
    /// When.
    pub at: Timestamp,
    /// The agent.
    pub by: AgentId,
}

/// One share of a ticket thread with one collaborator: the record the host stores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ExternalShare {
    /// The share.
    pub id: ShareId,
    /// The shared ticket.
    pub ticket_id: TicketId,
    /// The agent who shared.
    pub shared_by: AgentId,
    /// The collaborator.
    pub recipient: EmailAddress,
    /// The email's subject.
    pub subject: String,
    /// The agent's message.
    pub message: String,
    /// Whether customer name and order details are shown.
    pub include_customer_details: bool,
    /// When it was shared.
    pub shared_at: Timestamp,
    /// The first instant at which the link is refused as expired (EXT-08).
    pub expires_at: Timestamp,
    /// Whether a code is still needed.
    pub verification: Verification,
    /// Set once an agent cancelled it.
    #[serde(default)]
    pub cancellation: Option<Cancellation>,
}

impl ExternalShare {
    /// Refuses a cancelled (EXT-10) or expired (EXT-08) share. Cancellation wins: it is the
    /// agent's explicit act.
    pub fn check_live(&self, now: Timestamp) -> Result<()> {
        if self.cancellation.is_some() {
            return Err(Error::new(Reason::LinkCancelled, "the share was cancelled"));
        }
        if now >= self.expires_at {
            return Err(Error::new(Reason::LinkExpired, "link expired"));
        }
        Ok(())
    }
}

/// A new share: records to store, the email to send, the link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ShareCreated {
    /// The share record.
    pub share: ExternalShare,
    /// The external note for the ticket thread (EXT-04).
    pub note: ThreadItem,
    /// The email to the collaborator (EXT-05).
    pub email: EmailMessage,
    /// The link token (also inside `link_url`); the host need not store it.
    pub link_token: String,
    /// The *View conversation* URL.
    pub link_url: String,
    /// Audit events to store (SEC-04, EXT-14).
    pub events: Vec<AuditEvent>,
}

/// What opening a link leads to. Opening never changes a record but for sending a code (SEC-05).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
// Outcome types are built once per call and moved straight out; boxing would only add noise.
#[allow(clippy::large_enum_variant)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum LinkOpened {
    /// No code needed: here is a session (EXT-09).
    Verified {
        /// The session token.
        session_token: String,
        /// When the session ends.
        session_expires_at: Timestamp,
    },
    /// A code was emailed: store the challenge, send the email.
    CodeSent {
        /// The new challenge, replacing any earlier one.
        challenge: CodeChallenge,
        /// The code email.
        email: EmailMessage,
        /// Audit events to store.
        events: Vec<AuditEvent>,
    },
    /// A code sent earlier is still valid: show the code form, send nothing.
    CodePending {
        /// The pending challenge.
        challenge_id: ChallengeId,
        /// When its code expires.
        expires_at: Timestamp,
    },
}

/// A new code on request: store the challenge, send the email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CodeSent {
    /// The new challenge, replacing the earlier one.
    pub challenge: CodeChallenge,
    /// The code email.
    pub email: EmailMessage,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}

/// The result of entering a code. Both outcomes change records: store them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[allow(clippy::large_enum_variant)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum CodeChecked {
    /// The right code: the collaborator is verified and gets a session.
    Accepted {
        /// The share, now verified.
        share: ExternalShare,
        /// The challenge, now used.
        challenge: CodeChallenge,
        /// The session token (SEC-08).
        session_token: String,
        /// When the session ends (never after the link).
        session_expires_at: Timestamp,
        /// Audit events to store.
        events: Vec<AuditEvent>,
    },
    /// A wrong code: one try counted.
    Rejected {
        /// The challenge with the try counted.
        challenge: CodeChallenge,
        /// Wrong codes still allowed; 0 means the challenge is locked.
        attempts_left: u32,
        /// Audit events to store.
        events: Vec<AuditEvent>,
    },
}

/// What the collaborator sees (EXT-07).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SharedView {
    /// The share.
    pub share_id: ShareId,
    /// The ticket.
    pub ticket_id: TicketId,
    /// The agent's subject.
    pub subject: String,
    /// The agent's message.
    pub message: String,
    /// Incoming and outgoing messages and this share's external notes, in thread order.
    pub items: Vec<ThreadItem>,
    /// Customer name and orders, only when the share included them; never contact details.
    pub customer: Option<SharedCustomer>,
    /// When the link expires.
    pub expires_at: Timestamp,
}

/// What the collaborator sends back (EXT-11).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CollaboratorReply {
    /// The text: formatted text and hyperlinks in the host's editor format.
    pub body: String,
    /// Files, by reference.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// Whether the collaborator wants a copy by email.
    #[serde(default)]
    pub send_copy: bool,
}

/// An accepted reply: an external note, never a message to the customer (EXT-11).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReplyAccepted {
    /// The external note to add to the thread.
    pub note: ThreadItem,
    /// The copy for the collaborator, if asked for.
    pub copy_email: Option<EmailMessage>,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}

/// A cancelled share (EXT-10).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ShareCancelled {
    /// The share, now cancelled.
    pub share: ExternalShare,
    /// The note telling the thread the link is now invalid.
    pub note: ThreadItem,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}

fn new_item_id(rng: &mut dyn RandomSource) -> Result<ItemId> {
    ItemId::new(ShareId::random(rng)?.to_string())
}

fn external_note(
    id: ItemId,
    share: &ExternalShare,
    purpose: ExternalNotePurpose,
    author: Author,
    body: String,
    at: Timestamp,
    attachments: Vec<Attachment>,
) -> ThreadItem {
    ThreadItem {
        id,
        kind: ItemKind::ExternalNote {
            share_id: share.id,
            purpose,
        },
        author,
        body,
        at,
        attachments,
    }
}

fn check_attachments(attachments: &[Attachment]) -> Result<()> {
    if attachments.len() > MAX_ATTACHMENTS {
        return Err(Error::with_detail(
            Reason::AttachmentLimit,
            format!("at most {MAX_ATTACHMENTS} attachments"),
        ));
    }
    for a in attachments {
        if a.size_bytes > MAX_ATTACHMENT_BYTES {
            return Err(Error::new(
                Reason::AttachmentLimit,
                "an attachment is larger than 25 MiB",
            ));
        }
        bounded("attachment name", &a.name, 255, Lines::Single)?;
        bounded(
            "attachment content type",
            &a.content_type,
            255,
            Lines::Single,
        )?;
        bounded("attachment reference", &a.reference, 1024, Lines::Single)?;
    }
    Ok(())
}

impl Engine {
    fn company<'a>(&self, account: &'a Account) -> (&'a str, Option<&'a Branding>) {
        // Branding applies only while the plan includes it (a downgraded plan falls back to default).
        match &account.branding {
            Some(b)
                if self
                    .policy
                    .plan_includes(&account.plan, PlanFeature::EmailCustomisation) =>
            {
                (b.company_name.as_str(), Some(b))
            }
            _ => (account.company_name.as_str(), None),
        }
    }

    /// Shares a ticket thread with a collaborator (EXT-01..05, EXT-09, EXT-14).
    ///
    /// `previous` holds the earlier shares of the same ticket, so that an address that verified
    /// before skips the code (EXT-09); a share of another ticket in it is refused.
    pub fn create_share(
        &self,
        actor: &Actor,
        account: &Account,
        request: &ShareRequest,
        previous: &[ExternalShare],
        now: Timestamp,
        rng: &mut dyn RandomSource,
    ) -> Result<ShareCreated> {
        self.policy.authorise(
            actor,
            Permission::ExternalShare,
            &account.plan,
            PlanFeature::TicketShare,
        )?;
        let agent_name = bounded("agent name", &actor.name, 200, Lines::Single)?;
        let recipient = EmailAddress::parse(&request.recipient)?;
        let subject = bounded(
            "subject",
            &request.subject,
            MAX_SUBJECT_CHARS,
            Lines::Single,
        )?;
        let message = bounded("message", &request.message, MAX_BODY_CHARS, Lines::Multi)?;
        if previous.iter().any(|p| p.ticket_id != request.ticket_id) {
            return Err(Error::new(
                Reason::RecordMismatch,
                "an earlier share is of another ticket",
            ));
        }
        let inherited_from = previous
            .iter()
            .filter(|p| p.recipient == recipient && p.verification.is_satisfied())
            .max_by_key(|p| p.shared_at)
            .map(|p| p.id);
        let id = ShareId::random(rng)?;
        let expires_at = now.plus(self.links.link_ttl_seconds)?;
        let share = ExternalShare {
            id,
            ticket_id: request.ticket_id.clone(),
            shared_by: actor.id.clone(),
            recipient: recipient.clone(),
            subject: subject.clone(),
            message: message.clone(),
            include_customer_details: request.include_customer_details,
            shared_at: now,
            expires_at,
            verification: inherited_from.map_or(Verification::Required, |from| {
                Verification::Inherited { from }
            }),
            cancellation: None,
        };
        let link_token = links::issue(&self.keyring, Purpose::Link, id, expires_at)?;
        let link_url = self.link_url(&link_token);
        let (company_name, branding) = self.company(account);
        let email = email::share_email(&ShareEmail {
            to: &recipient,
            agent_name: &agent_name,
            company_name,
            branding,
            subject: &subject,
            message: &message,
            link_url: &link_url,
            expires_at,
        });
        let note_body = format!(
            "Shared with {recipient}\nSubject: {subject}\n\n{message}{details}",
            details = if request.include_customer_details {
                "\n\n(Customer name and order details included.)"
            } else {
                ""
            }
        );
        let note = external_note(
            new_item_id(rng)?,
            &share,
            ExternalNotePurpose::Shared,
            Author {
                role: AuthorRole::Agent,
                name: agent_name,
            },
            note_body,
            now,
            Vec::new(),
        );
        let by = AuditActor::Agent {
            id: actor.id.clone(),
        };
        let event = |kind| AuditEvent {
            at: now,
            actor: by.clone(),
            event: kind,
        };
        let mut events = vec![event(AuditKind::ShareCreated {
            share_id: id,
            ticket_id: share.ticket_id.clone(),
            recipient,
        })];
        if request.include_customer_details {
            events.push(event(AuditKind::CustomerDetailsIncluded {
                share_id: id,
                ticket_id: share.ticket_id.clone(),
            }));
        }
        if let Some(from) = inherited_from {
            events.push(event(AuditKind::VerificationInherited {
                share_id: id,
                from,
            }));
        }
        Ok(ShareCreated {
            share,
            note,
            email,
            link_token,
            link_url,
            events,
        })
    }

    /// A token of `purpose`, signed, unexpired, for this share record, and the share live.
    fn verify_for_share(
        &self,
        token: &str,
        purpose: Purpose,
        share: &ExternalShare,
        now: Timestamp,
    ) -> Result<TokenClaims> {
        let claims = links::verify(&self.keyring, token, purpose, now)?;
        if claims.share_id != share.id {
            return Err(Error::new(
                Reason::RecordMismatch,
                "the share record is not the token's",
            ));
        }
        share.check_live(now)?;
        Ok(claims)
    }

    /// The hot path with the record: verifies a link token against its share (signature,
    /// purpose, expiry, cancellation) without changing anything (SEC-05).
    pub fn check_link(
        &self,
        token: &str,
        share: &ExternalShare,
        now: Timestamp,
    ) -> Result<TokenClaims> {
        self.verify_for_share(token, Purpose::Link, share, now)
    }

    fn session_for(&self, share: &ExternalShare, now: Timestamp) -> Result<(String, Timestamp)> {
        let expires = now
            .plus(self.links.session_ttl_seconds)?
            .min(share.expires_at);
        let token = links::issue(&self.keyring, Purpose::Session, share.id, expires)?;
        Ok((token, expires))
    }

    /// The collaborator opened the link (EXT-06, SEC-05). Email scanners do this on their own,
    /// so it changes nothing but, when no code is pending, sending one (rate-limited).
    ///
    /// `challenge` is the share's current challenge, if the host holds one.
    pub fn open_link(
        &self,
        token: &str,
        share: &ExternalShare,
        challenge: Option<&CodeChallenge>,
        account: &Account,
        now: Timestamp,
        rng: &mut dyn RandomSource,
    ) -> Result<LinkOpened> {
        self.check_link(token, share, now)?;
        if share.verification.is_satisfied() {
            let (session_token, session_expires_at) = self.session_for(share, now)?;
            return Ok(LinkOpened::Verified {
                session_token,
                session_expires_at,
            });
        }
        if let Some(current) = challenge {
            if current.share_id != share.id {
                return Err(Error::new(
                    Reason::RecordMismatch,
                    "challenge belongs to another share",
                ));
            }
            if codes::usable(current, &self.codes, now).is_ok() {
                return Ok(LinkOpened::CodePending {
                    challenge_id: current.id,
                    expires_at: current.expires_at,
                });
            }
        }
        let sent = self.send_code(share, challenge, account, now, rng)?;
        Ok(LinkOpened::CodeSent {
            challenge: sent.challenge,
            email: sent.email,
            events: sent.events,
        })
    }

    /// The collaborator asked for a new code: replaces the current one, within the cooldown and
    /// the hourly cap (SEC-02).
    pub fn resend_code(
        &self,
        token: &str,
        share: &ExternalShare,
        challenge: Option<&CodeChallenge>,
        account: &Account,
        now: Timestamp,
        rng: &mut dyn RandomSource,
    ) -> Result<CodeSent> {
        self.check_link(token, share, now)?;
        if share.verification.is_satisfied() {
            return Err(Error::new(
                Reason::RecordMismatch,
                "the share needs no code",
            ));
        }
        self.send_code(share, challenge, account, now, rng)
    }

    fn send_code(
        &self,
        share: &ExternalShare,
        previous: Option<&CodeChallenge>,
        account: &Account,
        now: Timestamp,
        rng: &mut dyn RandomSource,
    ) -> Result<CodeSent> {
        let (challenge, code) =
            codes::new_challenge(&self.keyring, &self.codes, share.id, previous, now, rng)?;
        let (company_name, _) = self.company(account);
        let email = email::code_email(
            &share.recipient,
            company_name,
            code.as_str(),
            self.codes.ttl_seconds,
        );
        let events = vec![AuditEvent {
            at: now,
            actor: AuditActor::Collaborator {
                email: share.recipient.clone(),
            },
            event: AuditKind::CodeSent {
                share_id: share.id,
                challenge_id: challenge.id,
            },
        }];
        Ok(CodeSent {
            challenge,
            email,
            events,
        })
    }

    /// The collaborator entered a code (EXT-06, SEC-02): the right one verifies the share and
    /// starts a session; a wrong one counts a try and may lock the challenge.
    pub fn check_code(
        &self,
        token: &str,
        share: &ExternalShare,
        challenge: &CodeChallenge,
        code: &str,
        now: Timestamp,
    ) -> Result<CodeChecked> {
        self.check_link(token, share, now)?;
        if challenge.share_id != share.id {
            return Err(Error::new(
                Reason::RecordMismatch,
                "challenge belongs to another share",
            ));
        }
        let actor = AuditActor::Collaborator {
            email: share.recipient.clone(),
        };
        let event = |kind| AuditEvent {
            at: now,
            actor: actor.clone(),
            event: kind,
        };
        match codes::check(&self.keyring, &self.codes, challenge, code, now)? {
            CodeMatch::Right(challenge) => {
                let mut share = share.clone();
                share.verification = Verification::Verified { at: now };
                let (session_token, session_expires_at) = self.session_for(&share, now)?;
                let events = vec![event(AuditKind::CodeAccepted {
                    share_id: share.id,
                    challenge_id: challenge.id,
                })];
                Ok(CodeChecked::Accepted {
                    share,
                    challenge,
                    session_token,
                    session_expires_at,
                    events,
                })
            }
            CodeMatch::Wrong(challenge) => {
                let attempts_left = if challenge.state == codes::ChallengeState::Locked {
                    0
                } else {
                    self.codes
                        .max_wrong_attempts
                        .saturating_sub(challenge.wrong_attempts)
                };
                let mut events = vec![event(AuditKind::CodeRejected {
                    share_id: share.id,
                    challenge_id: challenge.id,
                    attempts_left,
                })];
                if attempts_left == 0 {
                    events.push(event(AuditKind::ChallengeLocked {
                        share_id: share.id,
                        challenge_id: challenge.id,
                    }));
                }
                Ok(CodeChecked::Rejected {
                    challenge,
                    attempts_left,
                    events,
                })
            }
        }
    }

    /// Checks a session against its share (SEC-08): signed, of purpose session, for this share,
    /// not past the link, and the share not cancelled.
    pub fn check_session(
        &self,
        session_token: &str,
        share: &ExternalShare,
        now: Timestamp,
    ) -> Result<TokenClaims> {
        let claims = self.verify_for_share(session_token, Purpose::Session, share, now)?;
        if !share.verification.is_satisfied() {
            return Err(Error::new(
                Reason::VerificationRequired,
                "the share is not verified",
            ));
        }
        Ok(claims)
    }

    /// The shared thread as the collaborator sees it (EXT-07, EXT-12).
    pub fn view(
        &self,
        session_token: &str,
        share: &ExternalShare,
        thread: &TicketThread,
        now: Timestamp,
    ) -> Result<SharedView> {
        self.check_session(session_token, share, now)?;
        if thread.ticket_id != share.ticket_id {
            return Err(Error::new(
                Reason::RecordMismatch,
                "the thread is not the shared ticket's",
            ));
        }
        let (items, customer) = thread::project(share.id, share.include_customer_details, thread);
        Ok(SharedView {
            share_id: share.id,
            ticket_id: share.ticket_id.clone(),
            subject: share.subject.clone(),
            message: share.message.clone(),
            items,
            customer,
            expires_at: share.expires_at,
        })
    }

    /// The collaborator replies (EXT-11): the reply becomes an external note on this share's
    /// ticket; nothing reaches the customer.
    pub fn reply(
        &self,
        session_token: &str,
        share: &ExternalShare,
        reply: &CollaboratorReply,
        account: &Account,
        now: Timestamp,
        rng: &mut dyn RandomSource,
    ) -> Result<ReplyAccepted> {
        self.check_session(session_token, share, now)?;
        let body = bounded("reply", &reply.body, MAX_BODY_CHARS, Lines::Multi)?;
        check_attachments(&reply.attachments)?;
        let note = external_note(
            new_item_id(rng)?,
            share,
            ExternalNotePurpose::CollaboratorReply,
            Author {
                role: AuthorRole::Collaborator,
                name: share.recipient.to_string(),
            },
            body,
            now,
            reply.attachments.clone(),
        );
        let copy_email = reply.send_copy.then(|| {
            let (company_name, _) = self.company(account);
            email::reply_copy_email(&share.recipient, company_name, &share.subject, &note.body)
        });
        let events = vec![AuditEvent {
            at: now,
            actor: AuditActor::Collaborator {
                email: share.recipient.clone(),
            },
            event: AuditKind::CollaboratorReplied {
                share_id: share.id,
                ticket_id: share.ticket_id.clone(),
                item_id: note.id.clone(),
                copy_requested: reply.send_copy,
            },
        }];
        Ok(ReplyAccepted {
            note,
            copy_email,
            events,
        })
    }

    /// An agent cancels a share, with immediate effect (EXT-10). Needs the `external_share`
    /// permission but no plan feature, so a downgraded account can still withdraw access.
    pub fn cancel_share(
        &self,
        actor: &Actor,
        share: &ExternalShare,
        now: Timestamp,
        rng: &mut dyn RandomSource,
    ) -> Result<ShareCancelled> {
        self.policy
            .require_permission(actor, Permission::ExternalShare)?;
        if share.cancellation.is_some() {
            return Err(Error::new(
                Reason::AlreadyCancelled,
                "the share is already cancelled",
            ));
        }
        let mut cancelled = share.clone();
        cancelled.cancellation = Some(Cancellation {
            at: now,
            by: actor.id.clone(),
        });
        let name = bounded("agent name", &actor.name, 200, Lines::Single)?;
        let note = external_note(
            new_item_id(rng)?,
            &cancelled,
            ExternalNotePurpose::LinkInvalidated,
            Author {
                role: AuthorRole::Agent,
                name,
            },
            format!(
                "Share with {} cancelled: the link is now invalid.",
                share.recipient
            ),
            now,
            Vec::new(),
        );
        let events = vec![AuditEvent {
            at: now,
            actor: AuditActor::Agent {
                id: actor.id.clone(),
            },
            event: AuditKind::ShareCancelled {
                share_id: share.id,
                ticket_id: share.ticket_id.clone(),
            },
        }];
        Ok(ShareCancelled {
            share: cancelled,
            note,
            events,
        })
    }

    /// An admin sets the collaborator email's branding (EXT-13): needs the
    /// `email_customisation` permission and plan feature. Returns the branding to store.
    pub fn update_branding(
        &self,
        actor: &Actor,
        account: &Account,
        form: &crate::branding::BrandingForm<'_>,
        now: Timestamp,
    ) -> Result<(Branding, Vec<AuditEvent>)> {
        self.policy.authorise(
            actor,
            Permission::EmailCustomisation,
            &account.plan,
            PlanFeature::EmailCustomisation,
        )?;
        let branding = Branding::from_form(form)?;
        let events = vec![AuditEvent {
            at: now,
            actor: AuditActor::Agent {
                id: actor.id.clone(),
            },
            event: AuditKind::BrandingUpdated,
        }];
        Ok((branding, events))
    }
}
