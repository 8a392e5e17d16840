//! Sharing a ticket with other agents of the same account (AGT-01..08).
//!
//! An admin turns sharing on in the site settings ([`AgentSharingSettings`], AGT-01, on every
//! plan). Agents and admins then share a ticket with agents who cannot open its inbox
//! ([`Engine::share_with_agents`], AGT-02) and remove them again
//! ([`Engine::unshare_with_agent`], AGT-05). [`Engine::agent_access`] decides, action by action,
//! what an agent may do on a ticket: everything through the inbox, everything on this one ticket
//! through a share, nothing else, and never forward a shared ticket (AGT-03, 06, 08).
//!
//! A reply an agent schedules records the access it was scheduled under
//! ([`ScheduledReply::via_share`]). Removing a share returns the replies scheduled under it for
//! the host to cancel, and [`Engine::check_scheduled_reply`], asked by the host's scheduler just
//! before each send, refuses any reply whose author no longer has that access, whatever happened
//! in between: a share removed and added again is a new share, so a reply scheduled under the
//! old one never goes out (AGT-07).
//!
//! The host keeps the records: the settings, one [`AgentShare`] per agent and ticket (deleted
//! when removed) and the scheduled replies. "Shared with me" (AGT-04) is a query over them, with
//! the predicate [`AgentShare::shared_with`]: see `docs/agent-shares.md`.
//!
//! [`Engine::share_with_agents`]: crate::Engine::share_with_agents
//! [`Engine::unshare_with_agent`]: crate::Engine::unshare_with_agent
//! [`Engine::agent_access`]: crate::Engine::agent_access
//! [`Engine::check_scheduled_reply`]: crate::Engine::check_scheduled_reply

pub mod access;
/// Agent sharing's operations on the JSON surface.
pub mod ops;
pub mod replies;
pub mod sharing;

pub use access::{AccessVia, Action, ActionVerdict, AgentAccess};
pub use replies::{ReplyScheduled, ScheduledReply};
pub use sharing::{AgentShareRemoved, AgentSharesAdded, SharingSettingsChanged, SkippedAgent};

use crate::base::error::{Error, Reason, Result};
use crate::base::ids::{AgentId, AgentShareId, InboxId, TicketId};
use crate::base::time::Timestamp;
use serde::{Deserialize, Serialize};

/// The site setting of agent sharing (AGT-01): off until an admin turns it on. While it is off,
/// no ticket can be shared and the shares that exist grant nothing (they come back into force
/// when it is turned on again; removing them is always possible).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AgentSharingSettings {
    /// Whether agents may share tickets with other agents.
    #[serde(default)]
    pub enabled: bool,
}

/// A ticket as agent sharing sees it: its id and the inbox it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InboxTicket {
    /// The ticket.
    pub id: TicketId,
    /// The inbox it belongs to.
    pub inbox_id: InboxId,
}

/// An agent a ticket is shared with, as the host knows them: their id and the inboxes they can
/// open through inbox permissions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Colleague {
    /// The agent.
    pub id: AgentId,
    /// The inboxes the agent can open.
    #[serde(default)]
    pub inboxes: Vec<InboxId>,
}

impl Colleague {
    /// Whether the agent can open `inbox` through inbox permissions.
    pub fn has_inbox(&self, inbox: &InboxId) -> bool {
        self.inboxes.contains(inbox)
    }
}

/// One ticket shared with one agent: the record the host stores while the share lasts, and
/// deletes when it is removed. At most one per agent and ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AgentShare {
    /// The share: a new id each time a ticket is shared with an agent, so a share removed and
    /// added again is a different share.
    pub id: AgentShareId,
    /// The shared ticket.
    pub ticket_id: TicketId,
    /// The agent the ticket is shared with.
    pub agent_id: AgentId,
    /// The agent or admin who shared it.
    pub shared_by: AgentId,
    /// When.
    pub shared_at: Timestamp,
}

impl AgentShare {
    /// "Shared with me" (AGT-04): whether this share opens its ticket to `agent`. The host's
    /// view lists the tickets of the shares for which this holds, while sharing is on.
    pub fn shared_with(&self, agent: &AgentId) -> bool {
        &self.agent_id == agent
    }
}

/// `agent`'s share of `ticket`, if any, checking in the same pass that every share is of
/// `ticket` and that `agent` has at most one: what a decision about `agent` relies on. Records
/// that do not belong together are refused, never half-used.
pub(crate) fn share_of<'a>(
    ticket: &InboxTicket,
    shares: &'a [AgentShare],
    agent: &AgentId,
) -> Result<Option<&'a AgentShare>> {
    let mut found = None;
    for (index, share) in shares.iter().enumerate() {
        of_ticket(ticket, share, index)?;
        if share.agent_id == *agent {
            if found.is_some() {
                return Err(second_share(index));
            }
            found = Some(share);
        }
    }
    Ok(found)
}

/// Checks that every share is of `ticket` and no agent has two, before the shares are changed:
/// records that do not belong together are refused, never half-used.
pub(crate) fn check_shares(ticket: &InboxTicket, shares: &[AgentShare]) -> Result<()> {
    let mut agents = std::collections::HashSet::with_capacity(shares.len());
    for (index, share) in shares.iter().enumerate() {
        of_ticket(ticket, share, index)?;
        if !agents.insert(&share.agent_id) {
            return Err(second_share(index));
        }
    }
    Ok(())
}

/// Refuses `share` (at `shares[index]`) unless it is a share of `ticket`.
fn of_ticket(ticket: &InboxTicket, share: &AgentShare, index: usize) -> Result<()> {
    if share.ticket_id == ticket.id {
        Ok(())
    } else {
        Err(Error::with_detail(
            Reason::RecordMismatch,
            format!("shares[{index}] is a share of another ticket"),
        ))
    }
}

fn second_share(index: usize) -> Error {
    Error::with_detail(
        Reason::RecordMismatch,
        format!("shares[{index}]: a second share for one agent"),
    )
}

/// The share that opens `ticket` to `agent`, if sharing is on and there is one.
pub(crate) fn active_share<'a>(
    settings: &AgentSharingSettings,
    shares: &'a [AgentShare],
    agent: &AgentId,
) -> Option<&'a AgentShare> {
    settings
        .enabled
        .then(|| shares.iter().find(|s| s.shared_with(agent)))
        .flatten()
}
