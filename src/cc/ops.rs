//! The CC and follower operations on the JSON surface, each declared once (see
//! [`crate::api::Operation`]).

use super::notify::TicketUpdate;
use super::{
    CcSettings, CcsAdded, CommentRef, FollowersAdded, InboundDecision, InboundEmail,
    NotificationPlan, Person, TicketPeople, TriggerAction,
};
use crate::base::error::Result;
use crate::base::time::Now;
use crate::operation::{args, Context, Operation};
use crate::policy::Actor;

args! {
    /// Arguments of `cc.notify`.
    pub struct CcNotifyArgs {
        /// The ticket's people.
        pub people: TicketPeople,
        /// The update: public comment or internal note, and its author.
        pub update: TicketUpdate,
        /// The email action of the trigger that fires.
        pub action: TriggerAction,
        /// The account's CC and follower settings.
        #[serde(default)]
        pub settings: CcSettings,
    }
}

impl Operation for CcNotifyArgs {
    const NAME: &'static str = "cc.notify";
    const METHOD: &'static str = "plan_notifications";
    const SUMMARY: &'static str =
        "Who is emailed about an update: requester and CCs for a public comment (addresses shown), followers for every update (hidden), each with its rule; the rest with the reason.";
    const RULES: &'static str = "CCF-01, CCF-04, CCF-07, CCF-11";
    type Output = NotificationPlan;

    fn run(self, c: &mut Context<'_>) -> Result<NotificationPlan> {
        c.engine
            .plan_notifications(&self.people, &self.update, self.action, &self.settings)
    }
}

args! {
    /// Arguments of `cc.inbound`.
    pub struct CcInboundArgs {
        /// The email that replies to a ticket notification.
        pub email: InboundEmail,
        /// The ticket's people.
        pub people: TicketPeople,
        /// The staff (agents, light agents) the host knows among the email's addresses.
        #[serde(default)]
        pub known: Vec<Person>,
        /// The ticket's comments, for the responses a new CC receives.
        #[serde(default)]
        pub comments: Vec<CommentRef>,
        /// The account's CC and follower settings.
        #[serde(default)]
        pub settings: CcSettings,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for CcInboundArgs {
    const NAME: &'static str = "cc.inbound";
    const METHOD: &'static str = "decide_inbound_email";
    const SUMMARY: &'static str =
        "What an email reply does: a public or a private comment, the new CCs with the responses to send them, the CCs removed, the addresses ignored and why.";
    const RULES: &'static str =
        "CCF-02, CCF-03, CCF-05, CCF-06, CCF-07, CCF-08, CCF-09, CCF-10, CCF-12";
    type Output = InboundDecision;

    fn run(self, c: &mut Context<'_>) -> Result<InboundDecision> {
        let a = self;
        c.engine.decide_inbound_email(
            &a.email,
            &a.people,
            &a.known,
            &a.comments,
            &a.settings,
            a.now,
        )
    }
}

args! {
    /// Arguments of `cc.add`.
    pub struct CcAddArgs {
        /// The agent adding them.
        pub actor: Actor,
        /// The ticket's people.
        pub people: TicketPeople,
        /// The addresses to add, one per string (`Name <address>` allowed).
        pub addresses: Vec<String>,
        /// The staff the host knows among the addresses.
        #[serde(default)]
        pub known: Vec<Person>,
        /// The ticket's comments, for the responses a new CC receives.
        #[serde(default)]
        pub comments: Vec<CommentRef>,
        /// The account's CC and follower settings.
        #[serde(default)]
        pub settings: CcSettings,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for CcAddArgs {
    const NAME: &'static str = "cc.add";
    const METHOD: &'static str = "add_ccs";
    const SUMMARY: &'static str =
        "An agent adds CCs from the ticket: the new CCs with the responses to send them; refused when blocklisted or beyond the ticket's CCs.";
    const RULES: &'static str = "CCF-07, CCF-10, CCF-12";
    type Output = CcsAdded;

    fn run(self, c: &mut Context<'_>) -> Result<CcsAdded> {
        let a = self;
        c.engine.add_ccs(
            &a.actor,
            &a.people,
            &a.addresses,
            &a.known,
            &a.comments,
            &a.settings,
            a.now,
        )
    }
}

args! {
    /// Arguments of `follower.add`.
    pub struct FollowerAddArgs {
        /// The agent adding them.
        pub actor: Actor,
        /// The ticket's people.
        pub people: TicketPeople,
        /// The agents to add as followers.
        pub followers: Vec<Person>,
        /// The account's CC and follower settings.
        #[serde(default)]
        pub settings: CcSettings,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for FollowerAddArgs {
    const NAME: &'static str = "follower.add";
    const METHOD: &'static str = "add_followers";
    const SUMMARY: &'static str =
        "An agent adds followers from the ticket, the only way followers are added: agents, never blocklisted.";
    const RULES: &'static str = "CCF-02, CCF-07";
    type Output = FollowersAdded;

    fn run(self, c: &mut Context<'_>) -> Result<FollowersAdded> {
        let a = self;
        c.engine
            .add_followers(&a.actor, &a.people, &a.followers, &a.settings, a.now)
    }
}
