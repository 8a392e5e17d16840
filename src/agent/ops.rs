//! Agent sharing's operations on the JSON surface, each declared once (see
//! [`crate::api::Operation`]).

use super::{
    AgentAccess, AgentShare, AgentShareRemoved, AgentSharesAdded, AgentSharingSettings, Colleague,
    InboxTicket, ReplyScheduled, ScheduledReply, SharingSettingsChanged,
};
use crate::base::error::Result;
use crate::base::ids::{AgentShareId, ScheduledReplyId};
use crate::base::time::{Now, Timestamp};
use crate::operation::{args, Context, Operation};
use crate::policy::Actor;
use serde::Serialize;

args! {
    /// Arguments of `agent_sharing.set`.
    pub struct AgentSharingSetArgs {
        /// The admin acting.
        pub actor: Actor,
        /// Whether agents may share tickets with other agents.
        pub enabled: bool,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for AgentSharingSetArgs {
    const NAME: &'static str = "agent_sharing.set";
    const METHOD: &'static str = "set_agent_sharing";
    const SUMMARY: &'static str =
        "An admin turns agent sharing on or off in the site settings; it is off until then.";
    const RULES: &'static str = "AGT-01";
    type Output = SharingSettingsChanged;

    fn run(self, c: &mut Context<'_>) -> Result<SharingSettingsChanged> {
        c.engine
            .set_agent_sharing(&self.actor, self.enabled, self.now)
    }
}

args! {
    /// Arguments of `agent_share.add`.
    pub struct AgentShareAddArgs {
        /// The agent or admin sharing, with the inboxes they can open.
        pub actor: Actor,
        /// The ticket and its inbox.
        pub ticket: InboxTicket,
        /// The agents to share it with, with the inboxes they can open.
        pub agents: Vec<Colleague>,
        /// The ticket's current shares.
        #[serde(default)]
        pub shares: Vec<AgentShare>,
        /// The site setting.
        #[serde(default)]
        pub settings: AgentSharingSettings,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for AgentShareAddArgs {
    const NAME: &'static str = "agent_share.add";
    const METHOD: &'static str = "share_with_agents";
    const SUMMARY: &'static str =
        "An agent or admin shares a ticket with agents who cannot open its inbox: the new shares, and every agent skipped with its reason.";
    const RULES: &'static str = "AGT-01, AGT-02";
    type Output = AgentSharesAdded;

    fn run(self, c: &mut Context<'_>) -> Result<AgentSharesAdded> {
        let a = self;
        c.engine.share_with_agents(
            &a.actor,
            &a.ticket,
            &a.agents,
            &a.shares,
            &a.settings,
            a.now,
            c.rng,
        )
    }
}

args! {
    /// Arguments of `agent_share.remove`.
    pub struct AgentShareRemoveArgs {
        /// The agent or admin removing the share, with the inboxes they can open.
        pub actor: Actor,
        /// The ticket and its inbox.
        pub ticket: InboxTicket,
        /// The share to remove, one of `shares`.
        pub share_id: AgentShareId,
        /// The agent it is removed from, with the inboxes they can open now.
        pub agent: Colleague,
        /// The ticket's current shares (the one removed among them).
        pub shares: Vec<AgentShare>,
        /// The agent's pending scheduled replies on the ticket.
        #[serde(default)]
        pub pending: Vec<ScheduledReply>,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for AgentShareRemoveArgs {
    const NAME: &'static str = "agent_share.remove";
    const METHOD: &'static str = "unshare_with_agent";
    const SUMMARY: &'static str =
        "An agent or admin removes an agent's share: the record to delete and the agent's replies scheduled under it, to cancel.";
    const RULES: &'static str = "AGT-05, AGT-07, AGT-08";
    type Output = AgentShareRemoved;

    fn run(self, c: &mut Context<'_>) -> Result<AgentShareRemoved> {
        let a = self;
        c.engine.unshare_with_agent(
            &a.actor, &a.ticket, a.share_id, &a.agent, &a.shares, &a.pending, a.now,
        )
    }
}

args! {
    /// Arguments of `agent.access`.
    pub struct AgentAccessArgs {
        /// The agent, with the inboxes they can open.
        pub agent: Actor,
        /// The ticket and its inbox.
        pub ticket: InboxTicket,
        /// The ticket's current shares.
        #[serde(default)]
        pub shares: Vec<AgentShare>,
        /// The site setting.
        #[serde(default)]
        pub settings: AgentSharingSettings,
    }
}

impl Operation for AgentAccessArgs {
    const NAME: &'static str = "agent.access";
    const METHOD: &'static str = "agent_access";
    const SUMMARY: &'static str =
        "What an agent may do on a ticket, action by action: everything through its inbox or a share of it, nothing otherwise, never forward a shared ticket.";
    const RULES: &'static str = "AGT-03, AGT-05, AGT-06, AGT-08";
    type Output = AgentAccess;

    fn run(self, c: &mut Context<'_>) -> Result<AgentAccess> {
        c.engine
            .agent_access(&self.agent, &self.ticket, &self.shares, &self.settings)
    }
}

args! {
    /// Arguments of `reply.schedule`.
    pub struct ReplyScheduleArgs {
        /// The agent scheduling, with the inboxes they can open.
        pub author: Actor,
        /// The ticket and its inbox.
        pub ticket: InboxTicket,
        /// The ticket's current shares.
        #[serde(default)]
        pub shares: Vec<AgentShare>,
        /// The site setting.
        #[serde(default)]
        pub settings: AgentSharingSettings,
        /// When the reply is to be sent.
        pub send_at: Timestamp,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for ReplyScheduleArgs {
    const NAME: &'static str = "reply.schedule";
    const METHOD: &'static str = "schedule_reply";
    const SUMMARY: &'static str =
        "An agent schedules a reply: the record to store, which says the access it was scheduled under.";
    const RULES: &'static str = "AGT-03, AGT-07";
    type Output = ReplyScheduled;

    fn run(self, c: &mut Context<'_>) -> Result<ReplyScheduled> {
        let a = self;
        c.engine.schedule_reply(
            &a.author,
            &a.ticket,
            &a.shares,
            &a.settings,
            a.send_at,
            a.now,
            c.rng,
        )
    }
}

args! {
    /// Arguments of `reply.check`.
    pub struct ReplyCheckArgs {
        /// The scheduled reply, as stored.
        pub reply: ScheduledReply,
        /// Its author, with the inboxes they can open now.
        pub author: Actor,
        /// The ticket and its inbox.
        pub ticket: InboxTicket,
        /// The ticket's current shares.
        #[serde(default)]
        pub shares: Vec<AgentShare>,
        /// The site setting.
        #[serde(default)]
        pub settings: AgentSharingSettings,
    }
}

/// Result of `reply.check`: the reply may be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReplyCleared {
    /// The reply cleared to send.
    pub reply_id: ScheduledReplyId,
}

impl Operation for ReplyCheckArgs {
    const NAME: &'static str = "reply.check";
    const METHOD: &'static str = "check_scheduled_reply";
    const SUMMARY: &'static str =
        "The scheduler asks just before sending a scheduled reply: cleared, or refused because its author lost the access it was scheduled under.";
    const RULES: &'static str = "AGT-07";
    type Output = ReplyCleared;

    fn run(self, c: &mut Context<'_>) -> Result<ReplyCleared> {
        let a = self;
        c.engine
            .check_scheduled_reply(&a.reply, &a.author, &a.ticket, &a.shares, &a.settings)?;
        Ok(ReplyCleared {
            reply_id: a.reply.id,
        })
    }
}
