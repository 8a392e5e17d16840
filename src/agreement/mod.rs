//! Sharing agreements between accounts, and the tickets shared under them (ACC-01..21).
//!
//! An account invites a partner account to a one-way agreement whose terms it sets; the
//! partner's admins accept, decline or leave it pending; either side may deactivate it, for
//! good ([`lifecycle`], one function per transition, all through one transition table,
//! [`transition::transition`]). Under an accepted agreement the sender shares tickets
//! ([`tickets`]); what crosses between the two copies of a shared ticket follows the terms:
//! statuses through the mapping table ([`status`]), custom fields through a compatibility plan
//! ([`fields`]), and comments, users, attachments and tags through [`content`].
//!
//! Each account keeps its own copy of an agreement ([`Agreement`], with the [`Side`] it is on).
//! What the partner must learn comes back as a [`PartnerNotice`] for the host to deliver (the
//! Networked Help Desk protocol is that delivery); the domain itself speaks no HTTP.

pub use crate::audit::subjects::AgreementStatus;
pub mod content;
pub mod field_values;
pub mod fields;
/// The identifiers of account-to-account sharing (in [`crate::base`], so that audit events can
/// name them).
pub use crate::base::hex_ids as ids;
pub mod incoming;
pub mod lifecycle;
mod lines;
pub mod notices;
/// The agreement operations on the JSON surface.
pub mod ops;
pub mod partner;
pub mod status;
/// The shared-ticket operations on the JSON surface.
pub mod ticket_ops;
pub mod tickets;
pub mod transition;

pub use crate::account::AccountName;
pub use ids::{AccessKey, AgreementId, SharedCommentId, SharedTicketId, SharedUserId};
pub use notices::{
    AgreementChange, AgreementsBroken, Invitation, InviteReceived, Offer, PartnerNotice,
    PartnerUpdate,
};
pub use transition::AgreementEvent;

use crate::base::error::{Error, Reason, Result};
use crate::base::ids::AccountId;
use crate::base::revision::Revision;
use crate::base::time::Timestamp;
use crate::base::url::HttpsUrl;
use serde::{Deserialize, Serialize};

crate::base::names::wire_enum! {
    /// Which end of an agreement an account is: the sender shares tickets, the receiver gets them
    /// (ACC-02: one way; the other direction is its own agreement).
    pub enum Side {
        /// The account that invited and shares tickets.
        Sender => "sender",
        /// The account that was invited and receives tickets.
        Receiver => "receiver",
    }
}

impl Side {
    /// The other end.
    pub const fn other(self) -> Self {
        match self {
            Self::Sender => Self::Receiver,
            Self::Receiver => Self::Sender,
        }
    }
}

crate::base::names::wire_enum! {
    /// What the partner is: another instance of the same product, or a third-party system reached
    /// by its sharing URL (ACC-01).
    #[derive(Default)]
    pub enum PartnerKind {
        /// Another instance of the same helpdesk product.
        #[default]
        Instance => "instance",
        /// Another system that speaks the sharing protocol.
        ThirdParty => "third_party",
    }
}

crate::base::names::wire_enum! {
    /// The comment permission of an agreement (ACC-04).
    pub enum CommentTerms {
        /// *Make public & private comments, sync status*: the receiver may talk to the requester
        /// and change the status, solving included (ACC-15).
        PublicAndPrivate => "public_and_private",
        /// *Make private comments, do not sync status*: the receiver only informs the sender.
        PrivateOnly => "private_only",
    }
}

/// The terms the sender sets (ACC-04).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Terms {
    /// Which comments the receiver may make, and whether the status syncs.
    pub comments: CommentTerms,
    /// Whether tags sync (ACC-19).
    #[serde(default)]
    pub sync_tags: bool,
    /// Whether custom fields sync (ACC-20): only between two instances (ACC-04).
    #[serde(default)]
    pub sync_custom_fields: bool,
}

impl Terms {
    /// Whether the status syncs: only under *public and private comments, sync status* (ACC-13).
    pub const fn syncs_status(&self) -> bool {
        matches!(self.comments, CommentTerms::PublicAndPrivate)
    }

    /// Refuses terms that cannot be offered to a partner of `kind` (ACC-04).
    pub(crate) fn check_for(&self, kind: PartnerKind) -> Result<()> {
        if self.sync_custom_fields && kind == PartnerKind::ThirdParty {
            return Err(Error::new(
                Reason::CustomFieldsUnavailable,
                "terms.sync_custom_fields: custom-field sync is offered only between two instances, never to a third-party system",
            ));
        }
        Ok(())
    }
}

crate::base::names::wire_enum! {
    /// Why an agreement ended.
    pub enum EndCause {
        /// An admin of one side deactivated it (ACC-06).
        Deactivated => "deactivated",
        /// One side's account was renamed (ACC-07).
        AccountRenamed => "account_renamed",
    }
}

/// Who ended an agreement, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ending {
    /// The side that ended it.
    pub by: Side,
    /// Deactivation or rename.
    pub cause: EndCause,
}

crate::base::names::wire_enum! {
    /// The media type a partner reads request bodies under (NHD-05).
    #[derive(Default)]
    pub enum PartnerMediaType {
        /// `application/json`: the gem's, and the default.
        #[default]
        Json => "application/json",
        /// `text/x-json`: Request Tracker's NHD extension reads a body only under this type
        /// (or none), and sends its own under it.
        TextXJson => "text/x-json",
    }
}

impl PartnerMediaType {
    /// Whether this is the default, `application/json` (left out of a record when written).
    pub fn is_json(&self) -> bool {
        *self == Self::Json
    }
}

/// An account at the other end: its name and its sharing URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Its name, shown as *received from* / *sent to* (ACC-21).
    pub name: AccountName,
    /// Its sharing URL.
    pub url: HttpsUrl,
    /// The media type its requests' bodies are written under (NHD-05): `application/json`
    /// unless said otherwise; `text/x-json` for a Request Tracker, which the host says when it
    /// invites one and the engine records when an invitation arrives under that type.
    #[serde(default, skip_serializing_if = "PartnerMediaType::is_json")]
    pub media_type: PartnerMediaType,
}

/// The host's own account, as agreements see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SharingAccount {
    /// The host's id of the account: every agreement record carries it.
    pub id: AccountId,
    /// Its name.
    pub name: AccountName,
    /// Its sharing URL.
    pub url: HttpsUrl,
    /// *Decline all sharing agreement invites* (ACC-05): invites are declined at once and the
    /// account is never told of them.
    #[serde(default)]
    pub opted_out: bool,
}

impl SharingAccount {
    /// This account as a partner sees it.
    pub fn party(&self) -> Party {
        Party {
            name: self.name.clone(),
            url: self.url.clone(),
            media_type: PartnerMediaType::Json,
        }
    }
}

/// One account's copy of an agreement: the record its host stores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// The agreement, the same in both copies.
    pub id: AgreementId,
    /// The account this copy belongs to.
    pub account_id: AccountId,
    /// The key both sides authenticate with.
    pub access_key: AccessKey,
    /// The key this account derives the ids its people and comments take towards the partner
    /// under (ACC-16, NHD-10): derived from the engine's signing key when the copy is made,
    /// never sent, so the partner cannot confirm a guessed local id. Absent in copies stored
    /// before it existed, whose ids stay derived under the access key (see `docs/agreements.md`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_key: Option<AccessKey>,
    /// Which end this account is.
    pub side: Side,
    /// The other end.
    pub partner: Party,
    /// What the other end is.
    #[serde(default)]
    pub partner_kind: PartnerKind,
    /// The terms (ACC-04).
    pub terms: Terms,
    /// Where it stands.
    pub status: AgreementStatus,
    /// Who ended it and how, once it is inactive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Ending>,
    /// When this copy was made.
    pub created_at: Timestamp,
    /// When its status last changed.
    pub updated_at: Timestamp,
    /// The record's revision: write it only over `revision - 1` (SEC-02).
    #[serde(default)]
    pub revision: Revision,
}

impl Agreement {
    /// Refuses a record that is not `account`'s, or that contradicts itself; `path` names it.
    pub(crate) fn check_of(&self, account: &SharingAccount, path: &str) -> Result<()> {
        match self.flaw(account) {
            Some(flaw) => Err(Error::with_detail(
                Reason::RecordMismatch,
                format!("{path}: {flaw}"),
            )),
            None => Ok(()),
        }
    }

    /// What is wrong with the record for `account`, if anything.
    fn flaw(&self, account: &SharingAccount) -> Option<&'static str> {
        if self.account_id != account.id {
            Some("an agreement of another account")
        } else if (self.status == AgreementStatus::Inactive) != self.ended.is_some() {
            Some("an inactive agreement, and only one, says who ended it")
        } else {
            None
        }
    }

    /// Whether tickets travel under it: accepted (ACC-06, ACC-09).
    pub fn carries_tickets(&self) -> bool {
        self.status == AgreementStatus::Accepted
    }
}

/// Checks a list of `account`'s agreements, each named by its index in `list`.
pub(crate) fn check_agreements(
    account: &SharingAccount,
    agreements: &[Agreement],
    list: &str,
) -> Result<()> {
    let mut ids = std::collections::HashSet::with_capacity(agreements.len());
    for (index, agreement) in agreements.iter().enumerate() {
        // The path is written only for a refusal: this runs over every agreement of the account.
        if let Some(flaw) = agreement.flaw(account) {
            return Err(Error::with_detail(
                Reason::RecordMismatch,
                format!("{list}[{index}]: {flaw}"),
            ));
        }
        if !ids.insert(agreement.id) {
            return Err(Error::with_detail(
                Reason::RecordMismatch,
                format!("{list}[{index}]: an agreement listed twice"),
            ));
        }
    }
    Ok(())
}
