//! Audit events (SEC-04): every state change returns the events the host must store.

pub mod subjects;

use crate::account::AccountName;
use crate::base::hex_ids::{AgreementId, SharedTicketId};
use crate::base::ids::{
    AgentId, AgentShareId, ChallengeId, EmailAddress, ItemId, ScheduledReplyId, ShareId, TicketId,
};
use crate::base::time::Timestamp;
use crate::base::url::HttpsUrl;
use serde::{Deserialize, Serialize};
use subjects::{AgreementEvent, AgreementStatus, Direction, NhdMethod, NhdResource};

/// One thing that happened, to be stored by the host beside the records it changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AuditEvent {
    /// When it happened (the `now` of the operation).
    pub at: Timestamp,
    /// Who did it.
    pub actor: AuditActor,
    /// What happened.
    pub event: AuditKind,
}

/// Who caused an audit event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum AuditActor {
    /// A signed-in agent of the host.
    Agent {
        /// The agent's id.
        id: AgentId,
    },
    /// The external collaborator, known by the address the share went to.
    Collaborator {
        /// The collaborator's address.
        email: EmailAddress,
    },
    /// Whoever sent an email that changed the ticket (CCF-05, CCF-09).
    EmailSender {
        /// The sender's address.
        email: EmailAddress,
    },
    /// The partner account of a sharing agreement, through the sharing protocol (ACC-06).
    Partner {
        /// The partner's name.
        name: AccountName,
    },
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum AuditKind {
    /// A ticket thread was shared with a collaborator (EXT-01).
    ShareCreated {
        /// The new share.
        share_id: ShareId,
        /// The shared ticket.
        ticket_id: TicketId,
        /// The collaborator's address.
        recipient: EmailAddress,
    },
    /// The agent chose to include customer name and order details (EXT-14).
    CustomerDetailsIncluded {
        /// The share.
        share_id: ShareId,
        /// The ticket whose customer details are exposed.
        ticket_id: TicketId,
    },
    /// The share needs no code: the address verified for this ticket before (EXT-09).
    VerificationInherited {
        /// The new share.
        share_id: ShareId,
        /// The earlier share whose verification carries over.
        from: ShareId,
    },
    /// A verification code was emailed (EXT-06).
    CodeSent {
        /// The share.
        share_id: ShareId,
        /// The new challenge.
        challenge_id: ChallengeId,
    },
    /// A wrong code was entered (SEC-02).
    CodeRejected {
        /// The share.
        share_id: ShareId,
        /// The challenge.
        challenge_id: ChallengeId,
        /// Wrong codes still allowed before the challenge locks.
        attempts_left: u32,
    },
    /// The challenge locked after too many wrong codes (SEC-02).
    ChallengeLocked {
        /// The share.
        share_id: ShareId,
        /// The challenge.
        challenge_id: ChallengeId,
    },
    /// The right code was entered; the collaborator is verified (EXT-06).
    CodeAccepted {
        /// The share.
        share_id: ShareId,
        /// The challenge.
        challenge_id: ChallengeId,
    },
    /// The collaborator replied; the reply is an external note (EXT-11).
    CollaboratorReplied {
        /// The share.
        share_id: ShareId,
        /// The ticket.
        ticket_id: TicketId,
        /// The new external note.
        item_id: ItemId,
        /// Whether the collaborator asked for a copy by email.
        copy_requested: bool,
    },
    /// An agent cancelled the share; the link is invalid from now on (EXT-10).
    ShareCancelled {
        /// The share.
        share_id: ShareId,
        /// The ticket.
        ticket_id: TicketId,
    },
    /// An admin changed the collaborator email's branding (EXT-13).
    BrandingUpdated,
    /// An admin turned agent sharing on or off (AGT-01).
    AgentSharingChanged {
        /// Whether sharing is now on.
        enabled: bool,
    },
    /// A ticket was shared with an agent (AGT-02).
    AgentShareAdded {
        /// The new share.
        share_id: AgentShareId,
        /// The ticket.
        ticket_id: TicketId,
        /// The agent it is shared with.
        agent_id: AgentId,
    },
    /// An agent's share of a ticket was removed; they can no longer open it (AGT-05, AGT-08).
    AgentShareRemoved {
        /// The removed share.
        share_id: AgentShareId,
        /// The ticket.
        ticket_id: TicketId,
        /// The agent who lost access.
        agent_id: AgentId,
    },
    /// An agent scheduled a reply (AGT-07).
    ReplyScheduled {
        /// The scheduled reply.
        reply_id: ScheduledReplyId,
        /// The ticket.
        ticket_id: TicketId,
        /// The share it was scheduled under, if any.
        via_share: Option<AgentShareId>,
    },
    /// A CC was added to a ticket, from the ticket or by email (CCF-05).
    CcAdded {
        /// The ticket.
        ticket_id: TicketId,
        /// The new CC.
        email: EmailAddress,
    },
    /// A CC was removed: by email (CCF-09), or made a follower from the ticket (CCF-05).
    CcRemoved {
        /// The ticket.
        ticket_id: TicketId,
        /// The removed CC.
        email: EmailAddress,
    },
    /// A follower was added from the ticket (CCF-02).
    FollowerAdded {
        /// The ticket.
        ticket_id: TicketId,
        /// The new follower.
        email: EmailAddress,
    },
    /// A scheduled reply was cancelled because its author lost the access it was scheduled
    /// under (AGT-07).
    ScheduledReplyCancelled {
        /// The cancelled reply.
        reply_id: ScheduledReplyId,
        /// The ticket.
        ticket_id: TicketId,
        /// The reply's author.
        author: AgentId,
    },
    /// A sharing agreement changed (ACC-01..08): the step and the status it led to.
    AgreementChanged {
        /// The agreement.
        agreement_id: AgreementId,
        /// The step.
        step: AgreementEvent,
        /// The status after it.
        status: AgreementStatus,
    },
    /// A ticket was shared with a partner account, or arrived from one (ACC-09, ACC-11).
    TicketShared {
        /// The account's own ticket.
        ticket_id: TicketId,
        /// The shared ticket, the same id on both sides.
        shared_ticket_id: SharedTicketId,
        /// The agreement it travels under.
        agreement_id: AgreementId,
        /// Whether it was sent or received.
        direction: Direction,
    },
    /// A ticket stopped being shared (ACC-12).
    TicketUnshared {
        /// The account's own ticket.
        ticket_id: TicketId,
        /// The shared ticket.
        shared_ticket_id: SharedTicketId,
    },
    /// The partner of an agreement moved its sharing URL (NHD-07: its own field); requests go
    /// to the new one.
    PartnerUrlChanged {
        /// The agreement.
        agreement_id: AgreementId,
        /// The partner's new sharing URL.
        url: HttpsUrl,
    },
    /// A partner's request under a known agreement was refused (NHD-04..08): a wrong key, a
    /// step that is not the partner's, a ticket under an agreement not in force.
    PartnerRequestRefused {
        /// The agreement the request named.
        agreement_id: AgreementId,
        /// Its method.
        method: NhdMethod,
        /// What it was about.
        resource: NhdResource,
        /// The HTTP status it was answered with.
        status: u16,
        /// The reason code.
        reason: String,
    },
}
