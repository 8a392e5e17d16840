//! Sharing a ticket thread with an external collaborator (EXT-01..14, SEC-02, SEC-04..08).
//!
//! The lifecycle: [`Engine::create_share`] → the collaborator opens the link
//! ([`Engine::open_link`], which emails a code) → [`Engine::check_code`] gives a session →
//! [`Engine::view`] and [`Engine::reply`] → [`Engine::cancel_share`], or the link expires.
//! Every operation takes the records it needs and returns the new records plus the audit events
//! to store; a refusal changes nothing.
//!
//! - this module: the records the host stores ([`ExternalShare`]) and the agent's and the
//!   collaborator's inputs;
//! - [`agent`]: sharing and cancelling; [`collaborator`]: opening the link, codes, the session,
//!   the view and replies; [`results`]: what each operation returns;
//! - [`links`]: the signed link and session tokens; [`codes`]: verification codes;
//!   [`thread`]: the ticket thread and the collaborator's view of it; [`status`]: where a
//!   share stands, for the pages that list or show it; [`email`] and
//!   [`branding`]: the emails and their branding.
//!
//! [`Engine`]: crate::Engine
//! [`Engine::create_share`]: crate::Engine::create_share
//! [`Engine::open_link`]: crate::Engine::open_link
//! [`Engine::check_code`]: crate::Engine::check_code
//! [`Engine::view`]: crate::Engine::view
//! [`Engine::reply`]: crate::Engine::reply
//! [`Engine::cancel_share`]: crate::Engine::cancel_share

pub mod agent;
pub mod branding;
pub mod codes;
pub mod collaborator;
pub mod email;
pub mod links;
pub mod ops;
pub mod results;
pub mod status;
pub mod thread;

pub use results::{
    CodeChecked, CodeSent, LinkOpened, ReplyAccepted, ShareCancelled, ShareCreated, SharedView,
};

use crate::base::error::{Error, Reason, Result};
use crate::base::ids::{AgentId, EmailAddress, ShareId, TicketId};
use crate::base::revision::Revision;
use crate::base::time::Timestamp;
use serde::{Deserialize, Serialize};
use thread::Attachment;

/// The longest subject, in characters.
pub const MAX_SUBJECT_CHARS: usize = 200;
/// The longest agent message or collaborator reply, in characters.
pub const MAX_BODY_CHARS: usize = 20_000;
/// The most attachments on one reply.
pub const MAX_ATTACHMENTS: usize = 10;
/// The largest attachment, in bytes (25 MiB).
pub const MAX_ATTACHMENT_BYTES: u64 = 25 * 1024 * 1024;

/// What the agent fills in to share (EXT-01).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(
    tag = "state",
    rename_all = "snake_case",
    try_from = "VerificationRecord"
)]
#[cfg_attr(feature = "schema", schemars(!try_from))]
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

crate::base::names::wire_names!(VerificationState {
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cancellation {
    /// When.
    pub at: Timestamp,
    /// The agent.
    pub by: AgentId,
}

/// A stored share's subject: the rules it was made under (one line, 200 characters).
fn stored_subject<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    let text = String::deserialize(d)?;
    crate::base::text::checked(
        "subject",
        &text,
        MAX_SUBJECT_CHARS,
        crate::base::text::Lines::Single,
    )
    .map_err(serde::de::Error::custom)?;
    Ok(text)
}

/// A stored share's message: the rules it was made under.
fn stored_message<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    let text = String::deserialize(d)?;
    crate::base::text::checked(
        "message",
        &text,
        MAX_BODY_CHARS,
        crate::base::text::Lines::Multi,
    )
    .map_err(serde::de::Error::custom)?;
    Ok(text)
}

/// One share of a ticket thread with one collaborator: the record the host stores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// The email's subject: checked again when the record comes back, as when it was made (a
    /// line break from a tampered database would otherwise reach an email header).
    #[serde(deserialize_with = "stored_subject")]
    pub subject: String,
    /// The agent's message, checked again when the record comes back.
    #[serde(deserialize_with = "stored_message")]
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
    /// Wrong codes in a row for this collaborator and ticket (SEC-02): carried over to a
    /// re-share to the same address, reset only by a right code.
    #[serde(default)]
    pub failures_in_a_row: u32,
    /// The record's revision: write it only over `revision - 1` (SEC-02).
    #[serde(default)]
    pub revision: Revision,
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

/// What the collaborator sends back (EXT-11).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
