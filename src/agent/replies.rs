//! Scheduled replies and shared access (AGT-07): a reply records the access it was scheduled
//! under, and is sent only while that very access lasts.

use super::{share_of, AgentShare, AgentSharingSettings, InboxTicket};
use crate::audit::{AuditActor, AuditEvent, AuditKind};
use crate::base::error::{Error, Reason, Result};
use crate::base::ids::{AgentId, AgentShareId, ScheduledReplyId, TicketId};
use crate::base::random::RandomSource;
use crate::base::time::{Now, Timestamp};
use crate::engine::Engine;
use crate::policy::Actor;
use serde::{Deserialize, Serialize};

/// A reply an agent scheduled: the record the host stores until it sends or cancels it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScheduledReply {
    /// The scheduled reply.
    pub id: ScheduledReplyId,
    /// The ticket it replies on.
    pub ticket_id: TicketId,
    /// The agent who wrote and scheduled it.
    pub author: AgentId,
    /// When it was scheduled.
    pub scheduled_at: Timestamp,
    /// When the host means to send it.
    pub send_at: Timestamp,
    /// The share the author reached the ticket through when scheduling it; absent when the
    /// author could open the ticket's inbox. A reply scheduled under a share is sent only while
    /// that share (not a later one) lasts.
    #[serde(default)]
    pub via_share: Option<AgentShareId>,
}

/// A new scheduled reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReplyScheduled {
    /// The record to store.
    pub reply: ScheduledReply,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}

/// Checks that every pending reply is of `ticket`.
pub(crate) fn check_pending(ticket: &InboxTicket, pending: &[ScheduledReply]) -> Result<()> {
    match pending.iter().position(|r| r.ticket_id != ticket.id) {
        Some(index) => Err(Error::with_detail(
            Reason::RecordMismatch,
            format!("pending[{index}] is a scheduled reply of another ticket"),
        )),
        None => Ok(()),
    }
}

impl Engine {
    /// `author` schedules a reply on `ticket`, to be sent at `send_at` (after `now`): allowed to
    /// anyone who may schedule a reply there (AGT-03), and the record says through which access.
    pub fn schedule_reply(
        &self,
        author: &Actor,
        ticket: &InboxTicket,
        shares: &[AgentShare],
        settings: &AgentSharingSettings,
        send_at: Timestamp,
        now: Now,
        rng: &mut dyn RandomSource,
    ) -> Result<ReplyScheduled> {
        let access = self.agent_access(author, ticket, shares, settings)?;
        access.allows(super::Action::ScheduleReply)?;
        if send_at <= now.timestamp() {
            return Err(Error::new(
                Reason::InvalidTime,
                "send_at must be after now: a reply is scheduled for later",
            ));
        }
        let reply = ScheduledReply {
            id: ScheduledReplyId::random(rng)?,
            ticket_id: ticket.id.clone(),
            author: author.id.clone(),
            scheduled_at: now.timestamp(),
            send_at,
            via_share: access.share_id,
        };
        let events = vec![AuditEvent {
            at: now.timestamp(),
            actor: AuditActor::Agent {
                id: author.id.clone(),
            },
            event: AuditKind::ReplyScheduled {
                reply_id: reply.id,
                ticket_id: reply.ticket_id.clone(),
                via_share: reply.via_share,
            },
        }];
        Ok(ReplyScheduled { reply, events })
    }

    /// The host's scheduler asks just before sending `reply` (AGT-07): `Ok` when its author
    /// still has the access it was scheduled under (the ticket's inbox, or that very share with
    /// sharing on), `reply_author_lost_access` otherwise. `author` is the author as the host
    /// knows them now; `shares` the ticket's current shares. Changes nothing, takes no clock.
    pub fn check_scheduled_reply(
        &self,
        reply: &ScheduledReply,
        author: &Actor,
        ticket: &InboxTicket,
        shares: &[AgentShare],
        settings: &AgentSharingSettings,
    ) -> Result<()> {
        let share = share_of(ticket, shares, &author.id)?.filter(|_| settings.enabled);
        if reply.ticket_id != ticket.id || reply.author != author.id {
            return Err(Error::new(
                Reason::RecordMismatch,
                "reply: the reply is not of this ticket and author",
            ));
        }
        if author.has_inbox(&ticket.inbox_id) {
            return Ok(());
        }
        match (reply.via_share, share) {
            (Some(scheduled_under), Some(share)) if share.id == scheduled_under => Ok(()),
            _ => Err(Error::new(
                Reason::ReplyAuthorLostAccess,
                "the author no longer has the access the reply was scheduled under",
            )),
        }
    }
}
