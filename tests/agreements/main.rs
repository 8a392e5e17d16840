//! The life of a sharing agreement (ACC-01..08), one test group per rule, and the properties
//! that no sequence of events revives an ended agreement and that the sender never learns of
//! an opt-out.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

#[path = "../common/mod.rs"]
mod common;

mod ending;
mod lifecycle;
mod table;

use common::agreements::*;
use common::{at, engine};
use proptest::prelude::*;
use ticketshare::agreement::transition::transition;
use ticketshare::agreement::*;
use ticketshare::*;

fn reason<T: std::fmt::Debug>(result: Result<T>) -> Reason {
    result.unwrap_err().reason()
}

/// Bolt's pending copy of Acme's invitation.
fn pending(terms: Terms) -> (AgreementChange, Agreement) {
    let sent = invite(&acme(), &bolt(), terms, 1);
    let received = engine()
        .receive_invite(
            &bolt(),
            &invitation(&sent),
            PartnerKind::Instance,
            &[],
            at(1),
        )
        .unwrap();
    (sent, received.agreement.unwrap())
}
