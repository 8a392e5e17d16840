//! Sharing a ticket with other agents (AGT-01..08), one test group per rule.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

#[path = "../common/mod.rs"]
mod common;

mod history;
mod removing;
mod sharing;

use common::{at, engine, rng};
use proptest::prelude::*;
use ticketshare::agent::*;
use ticketshare::*;

fn inbox(name: &str) -> InboxId {
    InboxId::new(name).unwrap()
}

fn agent(id: &str, role: &str, inboxes: &[&str]) -> Actor {
    Actor {
        id: AgentId::new(id).unwrap(),
        name: String::new(),
        role: role.into(),
        granted: Default::default(),
        inboxes: inboxes.iter().map(|i| inbox(i)).collect(),
    }
}

fn colleague(id: &str, inboxes: &[&str]) -> Colleague {
    Colleague {
        id: AgentId::new(id).unwrap(),
        inboxes: inboxes.iter().map(|i| inbox(i)).collect(),
    }
}

fn as_colleague(actor: &Actor) -> Colleague {
    Colleague {
        id: actor.id.clone(),
        inboxes: actor.inboxes.clone(),
    }
}

fn ticket() -> InboxTicket {
    InboxTicket {
        id: TicketId::new("T-7").unwrap(),
        inbox_id: inbox("billing"),
    }
}

const ON: AgentSharingSettings = AgentSharingSettings { enabled: true };
const OFF: AgentSharingSettings = AgentSharingSettings { enabled: false };

fn reason<T: std::fmt::Debug>(result: Result<T>) -> Reason {
    result.unwrap_err().reason()
}

/// Ana (billing) shares the ticket with the given agents; returns the new shares.
fn share(engine: &Engine, with: &[Colleague], existing: &[AgentShare]) -> AgentSharesAdded {
    let ana = agent("ana", "agent", &["billing"]);
    engine
        .share_with_agents(&ana, &ticket(), with, existing, &ON, at(0), &mut rng())
        .unwrap()
}

fn allowed(access: &AgentAccess) -> Vec<Action> {
    access
        .actions
        .iter()
        .filter(|v| v.allowed())
        .map(|v| v.action)
        .collect()
}
