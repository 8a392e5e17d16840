//! Turning agent sharing on (AGT-01), sharing a ticket with agents (AGT-02) and removing them
//! again (AGT-05), with the scheduled replies the removal takes away (AGT-07).

use super::{
    active_share, check_shares, replies, AgentShare, AgentSharingSettings, Colleague, InboxTicket,
    ScheduledReply,
};
use crate::audit::{AuditActor, AuditEvent, AuditKind};
use crate::base::error::{Error, Reason, Result};
use crate::base::ids::{AgentId, AgentShareId};
use crate::base::random::RandomSource;
use crate::base::time::Now;
use crate::engine::Engine;
use crate::policy::{Actor, Permission};
use serde::Serialize;

/// The site setting after an admin changed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SharingSettingsChanged {
    /// The settings to store.
    pub settings: AgentSharingSettings,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}

/// An agent a ticket was not shared with, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SkippedAgent {
    /// The agent.
    pub agent_id: AgentId,
    /// Why: `already_shared` or `agent_has_inbox_access`.
    pub refusal: Error,
}

/// The result of sharing a ticket with agents: the new shares to store, and every agent left
/// out with its reason. Nothing is skipped silently, and no share is ever made twice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgentSharesAdded {
    /// The new shares to store, in the order the agents were given.
    pub added: Vec<AgentShare>,
    /// The agents not added, in the order given.
    pub skipped: Vec<SkippedAgent>,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}

/// A removed share: the record to delete, and the scheduled replies the host must cancel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgentShareRemoved {
    /// The share to delete.
    pub removed: AgentShare,
    /// The agent's pending replies on the ticket that were scheduled under this share: cancel
    /// them (AGT-07). Replies scheduled under inbox access, or by other agents, are not here.
    pub cancelled_replies: Vec<ScheduledReply>,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}

/// Refuses an actor who can open the ticket neither through its inbox nor through a share.
fn require_ticket_access(
    actor: &Actor,
    ticket: &InboxTicket,
    shares: &[AgentShare],
    settings: &AgentSharingSettings,
) -> Result<()> {
    if actor.has_inbox(&ticket.inbox_id) || active_share(settings, shares, &actor.id).is_some() {
        Ok(())
    } else {
        Err(Error::new(
            Reason::NoTicketAccess,
            "the actor can open neither the ticket's inbox nor the ticket through a share",
        ))
    }
}

fn event(actor: &Actor, now: Now, event: AuditKind) -> AuditEvent {
    AuditEvent {
        at: now.timestamp(),
        actor: AuditActor::Agent {
            id: actor.id.clone(),
        },
        event,
    }
}

impl Engine {
    /// An admin turns agent sharing on or off for the account (AGT-01): needs the
    /// `agent_sharing_settings` permission (admins by default).
    pub fn set_agent_sharing(
        &self,
        actor: &Actor,
        enabled: bool,
        now: Now,
    ) -> Result<SharingSettingsChanged> {
        self.policy
            .require_permission(actor, Permission::AgentSharingSettings)?;
        Ok(SharingSettingsChanged {
            settings: AgentSharingSettings { enabled },
            events: vec![event(
                actor,
                now,
                AuditKind::AgentSharingChanged { enabled },
            )],
        })
    }

    /// An agent or admin shares `ticket` with `agents` (AGT-01, AGT-02): sharing must be on,
    /// the actor needs the `agent_share` permission and access to the ticket. `shares` are the
    /// ticket's current shares. An agent who has a share already, or can open the ticket's
    /// inbox, is skipped with that reason; an agent listed twice is a bad request.
    pub fn share_with_agents(
        &self,
        actor: &Actor,
        ticket: &InboxTicket,
        agents: &[Colleague],
        shares: &[AgentShare],
        settings: &AgentSharingSettings,
        now: Now,
        rng: &mut dyn RandomSource,
    ) -> Result<AgentSharesAdded> {
        check_shares(ticket, shares)?;
        if !settings.enabled {
            return Err(Error::new(
                Reason::AgentSharingDisabled,
                "agent sharing is off; an admin must turn it on in the site settings",
            ));
        }
        self.policy
            .require_permission(actor, Permission::AgentShare)?;
        require_ticket_access(actor, ticket, shares, settings)?;
        let mut result = AgentSharesAdded {
            added: Vec::new(),
            skipped: Vec::new(),
            events: Vec::new(),
        };
        // Sets, so that the call costs in proportion to its lists, not their product.
        let shared: std::collections::HashSet<_> = shares.iter().map(|s| &s.agent_id).collect();
        let mut listed = std::collections::HashSet::with_capacity(agents.len());
        for (index, agent) in agents.iter().enumerate() {
            if !listed.insert(&agent.id) {
                return Err(Error::with_detail(
                    Reason::InvalidRequest,
                    format!("agents[{index}]: an agent listed twice"),
                ));
            }
            let refusal = if shared.contains(&agent.id) {
                Some(Error::new(
                    Reason::AlreadyShared,
                    "the ticket is already shared with this agent",
                ))
            } else if agent.has_inbox(&ticket.inbox_id) {
                Some(Error::new(
                    Reason::AgentHasInboxAccess,
                    "the agent can open the ticket's inbox already",
                ))
            } else {
                None
            };
            if let Some(refusal) = refusal {
                result.skipped.push(SkippedAgent {
                    agent_id: agent.id.clone(),
                    refusal,
                });
                continue;
            }
            let share = AgentShare {
                id: AgentShareId::random(rng)?,
                ticket_id: ticket.id.clone(),
                agent_id: agent.id.clone(),
                shared_by: actor.id.clone(),
                shared_at: now.timestamp(),
            };
            result.events.push(event(
                actor,
                now,
                AuditKind::AgentShareAdded {
                    share_id: share.id,
                    ticket_id: share.ticket_id.clone(),
                    agent_id: share.agent_id.clone(),
                },
            ));
            result.added.push(share);
        }
        Ok(result)
    }

    /// An agent or admin removes the share `share_id` of the ticket's `shares` (AGT-05, AGT-07,
    /// AGT-08): needs the `agent_share` permission and access to the ticket; possible whether
    /// sharing is on or off. `agent` is the agent the share is removed from, as the host knows
    /// them now; `pending` their pending scheduled replies on the ticket. Those scheduled under
    /// this share come back to be cancelled, unless the agent can open the ticket's inbox, whose
    /// access they keep.
    pub fn unshare_with_agent(
        &self,
        actor: &Actor,
        ticket: &InboxTicket,
        share_id: AgentShareId,
        agent: &Colleague,
        shares: &[AgentShare],
        pending: &[ScheduledReply],
        now: Now,
    ) -> Result<AgentShareRemoved> {
        check_shares(ticket, shares)?;
        let share = shares.iter().find(|s| s.id == share_id).ok_or(Error::new(
            Reason::RecordMismatch,
            "share_id: the share is not among the ticket's shares",
        ))?;
        if agent.id != share.agent_id {
            return Err(Error::new(
                Reason::RecordMismatch,
                "agent: the share is not the agent's",
            ));
        }
        self.policy
            .require_permission(actor, Permission::AgentShare)?;
        // Removing is always possible, so a share counts here even while sharing is off.
        require_ticket_access(
            actor,
            ticket,
            shares,
            &AgentSharingSettings { enabled: true },
        )?;
        replies::check_pending(ticket, pending)?;
        let cancelled_replies: Vec<ScheduledReply> = if agent.has_inbox(&ticket.inbox_id) {
            Vec::new()
        } else {
            pending
                .iter()
                .filter(|r| r.author == share.agent_id && r.via_share == Some(share.id))
                .cloned()
                .collect()
        };
        let mut events = vec![event(
            actor,
            now,
            AuditKind::AgentShareRemoved {
                share_id: share.id,
                ticket_id: share.ticket_id.clone(),
                agent_id: share.agent_id.clone(),
            },
        )];
        events.extend(cancelled_replies.iter().map(|reply| {
            event(
                actor,
                now,
                AuditKind::ScheduledReplyCancelled {
                    reply_id: reply.id,
                    ticket_id: reply.ticket_id.clone(),
                    author: reply.author.clone(),
                },
            )
        }));
        Ok(AgentShareRemoved {
            removed: share.clone(),
            cancelled_replies,
            events,
        })
    }
}
