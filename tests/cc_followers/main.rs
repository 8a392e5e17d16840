//! CCs and followers in email clients (CCF-01..12), one test group per rule.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

#[path = "../common/mod.rs"]
mod common;

mod inbound;
mod input;
mod notifications;
mod roles;
mod triggers;

use common::{at, engine};
use proptest::prelude::*;
use ticketshare::cc::*;
use ticketshare::*;

fn email(address: &str) -> EmailAddress {
    EmailAddress::parse(address).unwrap()
}

fn person(address: &str, role: PersonRole) -> Person {
    Person {
        email: email(address),
        name: None,
        role,
    }
}

fn end_user(address: &str) -> Person {
    person(address, PersonRole::EndUser)
}

fn agent(address: &str) -> Person {
    person(address, PersonRole::Agent)
}

/// Carla asked; Cleo and Chris are CCs; Finn and Fay (agents) follow.
fn people() -> TicketPeople {
    TicketPeople {
        ticket_id: TicketId::new("T-9").unwrap(),
        requester: end_user("carla@customer.example"),
        ccs: vec![
            end_user("cleo@customer.example"),
            end_user("chris@partner.example"),
        ],
        followers: vec![agent("finn@acme.example"), agent("fay@acme.example")],
        assignee: None,
    }
}

fn settings() -> CcSettings {
    CcSettings {
        support_addresses: vec![email("support@acme.example")],
        ..CcSettings::default()
    }
}

fn actor() -> Actor {
    Actor {
        id: AgentId::new("ana").unwrap(),
        name: "Ana".into(),
        role: "agent".into(),
        granted: Default::default(),
        inboxes: Vec::new(),
    }
}

fn update(kind: UpdateKind, author: &str) -> TicketUpdate {
    TicketUpdate {
        kind,
        author: email(author),
    }
}

fn plan(kind: UpdateKind, action: TriggerAction, settings: &CcSettings) -> NotificationPlan {
    engine()
        .plan_notifications(
            &people(),
            &update(kind, "ana@acme.example"),
            action,
            settings,
        )
        .unwrap()
}

fn emailed(plan: &NotificationPlan) -> Vec<(String, RecipientRole, bool, &'static str)> {
    plan.recipients
        .iter()
        .map(|r| (r.email.to_string(), r.role, r.visible, r.rule))
        .collect()
}

fn reply(from: &str, to: &[&str], cc: &[&str]) -> InboundEmail {
    InboundEmail {
        from: from.into(),
        to: to.iter().map(|s| s.to_string()).collect(),
        cc: cc.iter().map(|s| s.to_string()).collect(),
    }
}

fn known() -> Vec<Person> {
    vec![
        agent("ana@acme.example"),
        person("lee@acme.example", PersonRole::LightAgent),
        agent("finn@acme.example"),
    ]
}

fn comments() -> Vec<CommentRef> {
    ["c1", "n1", "c2"]
        .iter()
        .map(|id| CommentRef {
            id: ItemId::new(*id).unwrap(),
            public: id.starts_with('c'),
        })
        .collect()
}

fn inbound(mail: &InboundEmail) -> InboundDecision {
    inbound_with(mail, &people(), &settings())
}

fn inbound_with(
    mail: &InboundEmail,
    people: &TicketPeople,
    settings: &CcSettings,
) -> InboundDecision {
    engine()
        .decide_inbound_email(mail, people, &known(), &comments(), settings, at(0))
        .unwrap()
}

fn new_ccs(decision: &InboundDecision) -> Vec<String> {
    decision
        .new_ccs
        .iter()
        .map(|n| n.person.email.to_string())
        .collect()
}

fn ignored(decision: &InboundDecision) -> Vec<(String, Reason)> {
    decision
        .ignored
        .iter()
        .map(|i| (i.email.to_string(), i.refusal.reason()))
        .collect()
}
