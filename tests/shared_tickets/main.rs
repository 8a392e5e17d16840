//! Tickets shared between accounts (ACC-09..19, ACC-21), one test group per rule; the
//! custom-field rules (ACC-20) are in `shared_fields.rs`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

#[path = "../common/mod.rs"]
mod common;

mod content;
mod marks;
mod routing;
mod statuses;

use common::agreements::*;
use common::{at, engine};
use ticketshare::agreement::content::*;
use ticketshare::agreement::status::*;
use ticketshare::agreement::tickets::*;
use ticketshare::agreement::*;
use ticketshare::base::url::HttpsUrl;
use ticketshare::cc::PersonRole;
use ticketshare::*;

fn reason<T: std::fmt::Debug>(result: Result<T>) -> Reason {
    result.unwrap_err().reason()
}

fn ticket(id: &str, status: StatusCategory, shares: Vec<TicketShare>) -> LocalTicket {
    LocalTicket {
        id: TicketId::new(id).unwrap(),
        status,
        shares,
    }
}

/// Acme shares T-1 with Bolt; Bolt receives it as B-1. Returns (acme's agreement, bolt's,
/// acme's share, bolt's share).
fn shared(terms: Terms) -> (Agreement, Agreement, TicketShare, TicketShare) {
    let engine = engine();
    let (ours, theirs) = accepted(&acme(), &bolt(), terms, 1);
    let sent = engine
        .share_ticket(
            &agent(),
            &acme(),
            &ticket("T-1", StatusCategory::Open, vec![]),
            ours.id,
            std::slice::from_ref(&ours),
            at(10),
            &mut seeded(),
        )
        .unwrap();
    let received = engine
        .receive_ticket(
            &bolt(),
            &theirs,
            sent.share.id,
            TicketId::new("B-1").unwrap(),
            at(11),
        )
        .unwrap();
    (ours, theirs, sent.share, received.share)
}
