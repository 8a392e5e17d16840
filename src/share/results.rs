//! What the external-share operations return: the records to store, the emails to send and the
//! audit events, per outcome.

use super::codes::CodeChallenge;
use super::email::EmailMessage;
use super::thread::{SharedCustomer, ThreadItem};
use super::ExternalShare;
use crate::audit::AuditEvent;
use crate::base::ids::{ChallengeId, ShareId, TicketId};
use crate::base::time::Timestamp;
use serde::{Deserialize, Serialize};

/// A new share: records to store, the email to send, the link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
        /// The verified-device token (EXT-09): keep it in a cookie of this browser
        /// (`HttpOnly`, `Secure`, `SameSite=Lax`, until `device_expires_at`) and pass it to
        /// `link.open`; a re-share to the same address then opens without a code in this
        /// browser, and only in it.
        device_token: String,
        /// When the device token expires.
        device_expires_at: Timestamp,
        /// Audit events to store.
        events: Vec<AuditEvent>,
    },
    /// A wrong code: one try counted.
    Rejected {
        /// The share with one more wrong code in a row (SEC-02): store it with the challenge.
        share: ExternalShare,
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// An accepted reply: an external note, never a message to the customer (EXT-11).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShareCancelled {
    /// The share, now cancelled.
    pub share: ExternalShare,
    /// The note telling the thread the link is now invalid.
    pub note: ThreadItem,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}
