//! The receiving side of the Networked Help Desk protocol (NHD-04..08), one test group per
//! rule: each check of the documented order, and the requests the sending side writes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

#[path = "../common/mod.rs"]
mod common;

mod checks;
mod hostile;
mod peers;
mod records;

use common::agreements::*;
use common::{at, engine};
use serde_json::json;
use std::collections::BTreeMap;
use ticketshare::agreement::content::LocalUpdate;
use ticketshare::agreement::tickets::*;
use ticketshare::agreement::*;
use ticketshare::nhd::*;
use ticketshare::*;

fn headers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn token(agreement: &Agreement) -> String {
    format!(
        "{}:{}",
        agreement.id,
        String::from(agreement.access_key.clone())
    )
}

fn put(path: String, token: &str, body: serde_json::Value) -> PartnerRequest {
    PartnerRequest {
        method: "PUT".into(),
        path,
        headers: headers(&[
            ("X-Ticket-Sharing-Token", token),
            ("Content-Type", "application/json"),
        ]),
        body: Some(body.to_string()),
    }
}

fn input(
    account: SharingAccount,
    request: PartnerRequest,
    agreement: Option<&Agreement>,
) -> NhdReceive {
    NhdReceive {
        account,
        request,
        agreement: agreement.cloned(),
        share: None,
        placeholders: vec![],
        received_comments: vec![],
        new_ticket_id: None,
        sender_kind: PartnerKind::Instance,
        now: at(100),
    }
}

fn decide(input: &NhdReceive) -> (u16, String) {
    let decision = engine().nhd_receive(input).unwrap();
    let code = decision
        .answer
        .body
        .map(|b| {
            serde_json::from_str::<serde_json::Value>(&b).unwrap()["error"]["code"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .unwrap_or_default();
    (decision.answer.status, code)
}

fn agreement_path(agreement: &Agreement) -> String {
    format!("/sharing/agreements/{}", agreement.id)
}

/// Acme's agent shares T-1 under `ours` (ACC-09): the share record.
fn share_t1(ours: &Agreement) -> TicketShare {
    engine()
        .share_ticket(
            &agent(),
            &acme(),
            &LocalTicket {
                id: TicketId::new("T-1").unwrap(),
                status: agreement::status::StatusCategory::Open,
                shares: vec![],
            },
            ours.id,
            std::slice::from_ref(ours),
            at(3),
            &mut seeded(),
        )
        .unwrap()
        .share
}

/// The request `nhd.ticket_request` writes for `share` under `agreement`, with no comments.
fn ticket_request(
    agreement: &Agreement,
    share: &TicketShare,
    kind: TicketChangeKind,
    ticket: &OutgoingTicket,
) -> ticketshare::Result<TicketRequest> {
    engine().nhd_ticket_request(
        agreement,
        share,
        kind,
        ticket,
        &LocalUpdate::default(),
        false,
    )
}

/// A request the engine wrote for Bolt, as Bolt's host receives it (the path under its URL).
fn at_bolt(written: &NhdRequest) -> PartnerRequest {
    PartnerRequest {
        method: written.method.as_str().into(),
        path: written.url.replace("https://bolt.example", ""),
        headers: written.headers.clone(),
        body: written.body.clone(),
    }
}
