//! What an agent may do on a ticket (AGT-03, AGT-06, AGT-08): through the inbox, everything;
//! through a share, everything on that one ticket; otherwise nothing. Forwarding is refused on a
//! shared ticket, whoever asks.

use super::{share_of, AgentShare, AgentSharingSettings, InboxTicket};
use crate::base::error::{Error, Reason, Result};
use crate::base::ids::AgentShareId;
use crate::engine::Engine;
use crate::policy::{Actor, Permission};
use serde::Serialize;

crate::base::names::wire_enum! {
    /// Something an agent does on a ticket.
    pub enum Action {
        /// See the ticket and its conversation.
        View => "view",
        /// Edit the ticket.
        Edit => "edit",
        /// Reply to the requester.
        Reply => "reply",
        /// Add an internal note.
        InternalNote => "internal_note",
        /// Update ticket fields.
        Fields => "fields",
        /// Change the ticket's inbox or tags.
        InboxAndTags => "inbox_and_tags",
        /// Schedule a reply.
        ScheduleReply => "schedule_reply",
        /// Forward the ticket (refused on a shared ticket, AGT-06).
        Forward => "forward",
        /// See who the ticket is shared with, and add or remove agents (AGT-05).
        ManageSharing => "manage_sharing",
    }
}

crate::base::names::wire_enum! {
    /// How an agent reaches a ticket.
    pub enum AccessVia {
        /// The agent can open the ticket's inbox.
        Inbox => "inbox",
        /// The ticket is shared with the agent (AGT-03).
        Share => "share",
        /// Neither (AGT-08).
        None => "none",
    }
}

/// One action's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActionVerdict {
    /// The action.
    pub action: Action,
    /// Why not, when the action is refused; absent when it is allowed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refusal: Option<Error>,
}

impl ActionVerdict {
    /// Whether the action is allowed.
    pub const fn allowed(&self) -> bool {
        self.refusal.is_none()
    }
}

/// What an agent may do on a ticket: how they reach it, and every action's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgentAccess {
    /// How the agent reaches the ticket.
    pub via: AccessVia,
    /// The share that opens it, when `via` is `share`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_id: Option<AgentShareId>,
    /// Every action, in the order of `Action`, allowed or refused with its reason.
    pub actions: [ActionVerdict; 9],
}

impl AgentAccess {
    /// The verdict on `action`: `Ok` when allowed, its refusal otherwise.
    pub fn allows(&self, action: Action) -> Result<()> {
        match self.actions.iter().find(|v| v.action == action) {
            Some(ActionVerdict {
                refusal: Some(refusal),
                ..
            }) => Err(refusal.clone()),
            _ => Ok(()),
        }
    }
}

const NO_ACCESS: Error = Error::new(
    Reason::NoTicketAccess,
    "the agent can open neither the ticket's inbox nor the ticket through a share",
);
const SHARING_OFF: Error = Error::new(
    Reason::AgentSharingDisabled,
    "agent sharing is off: the ticket's share grants nothing until an admin turns it on",
);
const NO_FORWARDING: Error = Error::new(
    Reason::ForwardingUnavailable,
    "forwarding is not available on a shared ticket",
);

impl Engine {
    /// What `agent` may do on `ticket`, given the ticket's shares and the site setting (AGT-03,
    /// AGT-06, AGT-08). Refused as a whole only for records that do not belong together;
    /// otherwise every action gets its verdict.
    pub fn agent_access(
        &self,
        agent: &Actor,
        ticket: &InboxTicket,
        shares: &[AgentShare],
        settings: &AgentSharingSettings,
    ) -> Result<AgentAccess> {
        let own_share = share_of(ticket, shares, &agent.id)?;
        let share = own_share.filter(|_| settings.enabled);
        let via = if agent.has_inbox(&ticket.inbox_id) {
            AccessVia::Inbox
        } else if share.is_some() {
            AccessVia::Share
        } else {
            AccessVia::None
        };
        let no_access = if own_share.is_some() {
            SHARING_OFF
        } else {
            NO_ACCESS
        };
        let may_not_manage = if via == AccessVia::None {
            None
        } else {
            match self
                .policy
                .require_permission(agent, Permission::AgentShare)
            {
                Err(refusal) => Some(refusal),
                Ok(()) if !settings.enabled => Some(SHARING_OFF),
                Ok(()) => None,
            }
        };
        let mut actions = Action::ALL.map(|action| ActionVerdict {
            action,
            refusal: None,
        });
        for verdict in &mut actions {
            verdict.refusal = match (via, verdict.action) {
                (AccessVia::None, _) => Some(no_access.clone()),
                (_, Action::Forward) if !shares.is_empty() => Some(NO_FORWARDING),
                (_, Action::ManageSharing) => may_not_manage.clone(),
                _ => continue,
            };
        }
        Ok(AgentAccess {
            via,
            share_id: share.map(|s| s.id).filter(|_| via == AccessVia::Share),
            actions,
        })
    }
}
