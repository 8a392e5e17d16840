//! The receiving side of the Networked Help Desk protocol (NHD-04..08), one test group per
//! rule: each check of the documented order, and the requests the sending side writes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod common;

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

#[test]
fn nhd_01_a_body_over_2_mib_is_refused_before_it_is_read() {
    let (ours, _) = accepted(&acme(), &bolt(), public_terms(), 1);
    let mut request = put(agreement_path(&ours), &token(&ours), json!({}));
    request.body = Some(format!("[{}", "1,".repeat(1_100_000)));
    let (status, code) = decide(&input(acme(), request, Some(&ours)));
    assert_eq!((status, code.as_str()), (413, "request_too_large"));
}

#[test]
fn nhd_04_no_token_is_401_a_wrong_key_403_an_unknown_agreement_404_and_an_invite_may_come_without()
{
    let (ours, _) = accepted(&acme(), &bolt(), public_terms(), 1);
    let body = json!({"uuid": ours.id.to_string(), "status": "accepted"});
    let ok = put(agreement_path(&ours), &token(&ours), body.clone());
    assert_eq!(decide(&input(acme(), ok.clone(), Some(&ours))).0, 200);
    let mut missing = ok.clone();
    missing.headers.remove("X-Ticket-Sharing-Token");
    let NhdRoute::Answer { answer, rule } = engine().nhd_route(&missing) else {
        panic!("answered at once")
    };
    assert_eq!((answer.status, rule.as_str()), (401, "NHD-04"));
    assert_eq!(answer.headers["WWW-Authenticate"], "X-Ticket-Sharing");
    // The key, not the uuid, is the secret: one character off is 403, and audited.
    let mut key = String::from(ours.access_key.clone());
    key.replace_range(39.., if key.ends_with('0') { "1" } else { "0" });
    let wrong = put(
        agreement_path(&ours),
        &format!("{}:{key}", ours.id),
        body.clone(),
    );
    let decision = engine()
        .nhd_receive(&input(acme(), wrong, Some(&ours)))
        .unwrap();
    assert_eq!(decision.answer.status, 403);
    assert_eq!(decision.events.len(), 1);
    assert!(decision.outcome.is_none());
    // The upper-case form of the right key is the right key.
    let upper = put(
        agreement_path(&ours),
        &token(&ours).to_ascii_uppercase(),
        body.clone(),
    );
    assert_eq!(decide(&input(acme(), upper, Some(&ours))).0, 200);
    assert_eq!(
        decide(&input(acme(), ok, None)),
        (404, "partner_unknown".into())
    );
    // An invitation without a token is read; one whose token is not the body's key is not.
    let sent = invite(&acme(), &bolt(), public_terms(), 5);
    let post = engine()
        .nhd_agreement_request(&acme(), &sent.agreement, None)
        .unwrap();
    let mut request = PartnerRequest {
        method: "POST".into(),
        path: post.url.replace("https://bolt.example", ""),
        headers: post.headers.clone(),
        body: post.body.clone(),
    };
    request.headers.remove("X-Ticket-Sharing-Token");
    assert_eq!(decide(&input(bolt(), request.clone(), None)).0, 201);
    request.headers.insert(
        "X-Ticket-Sharing-Token".into(),
        format!("{}:{}", sent.agreement.id, "a".repeat(40)),
    );
    assert_eq!(
        decide(&input(bolt(), request, None)),
        (403, "partner_wrong_key".into())
    );
}

#[test]
fn nhd_05_requests_say_version_1_and_json_and_a_receiver_reads_1_or_none_and_both_json_types() {
    let (ours, theirs) = accepted(&acme(), &bolt(), public_terms(), 1);
    let deactivated = engine()
        .deactivate_agreement(&admin(), &bolt(), &theirs, at(5))
        .unwrap();
    let request = engine()
        .nhd_agreement_request(&bolt(), &deactivated.agreement, None)
        .unwrap();
    assert_eq!(request.headers["X-Ticket-Sharing-Version"], "1");
    assert_eq!(request.headers["Content-Type"], "application/json");
    assert_eq!(request.headers["X-Ticket-Sharing-Token"], token(&theirs));
    let body = json!({"uuid": ours.id.to_string()});
    for (version, status) in [
        (Some("1"), 200),
        (None, 200),
        (Some("2"), 412),
        (Some("1.0"), 412),
    ] {
        let mut r = put(agreement_path(&ours), &token(&ours), body.clone());
        if let Some(v) = version {
            r.headers
                .insert("x-ticket-sharing-version".into(), v.into());
        }
        assert_eq!(
            decide(&input(acme(), r, Some(&ours))).0,
            status,
            "{version:?}"
        );
    }
    for (media, status) in [
        ("application/json", 200),
        ("text/x-json", 200),
        ("Application/JSON; charset=utf-8", 200),
        ("text/plain", 415),
        ("", 415),
    ] {
        let mut r = put(agreement_path(&ours), &token(&ours), body.clone());
        r.headers.insert("Content-Type".into(), media.into());
        assert_eq!(decide(&input(acme(), r, Some(&ours))).0, status, "{media}");
    }
}

#[test]
fn nhd_06_ids_are_40_hex_from_160_random_bits_and_a_body_uuid_must_be_the_uris() {
    let sent = invite(&acme(), &bolt(), public_terms(), 9);
    for id in [
        sent.agreement.id.to_string(),
        String::from(sent.agreement.access_key.clone()),
    ] {
        assert_eq!(id.len(), 40);
        assert!(id
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
    }
    let other = invite(&acme(), &bolt(), public_terms(), 10);
    assert_ne!(
        sent.agreement.id, other.agreement.id,
        "from the random source"
    );
    let (ours, theirs) = accepted(&acme(), &bolt(), public_terms(), 1);
    let elsewhere = json!({"uuid": other.agreement.id.to_string(), "status": "accepted"});
    let r = put(agreement_path(&ours), &token(&ours), elsewhere.clone());
    assert_eq!(
        decide(&input(acme(), r, Some(&ours))),
        (422, "record_mismatch".into())
    );
    let ticket = format!("/sharing/tickets/{}", "ab".repeat(20));
    let mut post = put(ticket.clone(), &token(&theirs), elsewhere);
    post.method = "POST".into();
    let mut i = input(bolt(), post, Some(&theirs));
    i.new_ticket_id = Some(TicketId::new("B-1").unwrap());
    assert_eq!(decide(&i), (422, "record_mismatch".into()));
    let short = put(
        "/sharing/agreements/5ad614f4".into(),
        &token(&ours),
        json!({}),
    );
    let NhdRoute::Answer { answer, .. } = engine().nhd_route(&short) else {
        panic!()
    };
    assert_eq!(answer.status, 422);
}

#[test]
fn nhd_07_created_pending_once_each_side_its_own_fields_and_never_active_again() {
    let (ours, theirs) = accepted(&acme(), &bolt(), public_terms(), 1);
    let id = ours.id.to_string();
    let at_bolt = |body: serde_json::Value| {
        decide(&input(
            bolt(),
            put(agreement_path(&theirs), &token(&theirs), body),
            Some(&theirs),
        ))
    };
    let at_acme = |body: serde_json::Value| {
        decide(&input(
            acme(),
            put(agreement_path(&ours), &token(&ours), body),
            Some(&ours),
        ))
    };
    // The receiver's fields are its URL and its answer; the sender's its URL, name and terms.
    assert_eq!(
        at_acme(json!({"uuid": id, "sync_tags": false})),
        (422, "partner_not_own_field".into())
    );
    assert_eq!(
        at_acme(json!({"uuid": id, "sender_url": "https://elsewhere.example/sharing"})),
        (422, "partner_not_own_field".into())
    );
    assert_eq!(
        at_bolt(json!({"uuid": id, "receiver_url": "https://elsewhere.example/sharing"})),
        (422, "partner_not_own_field".into())
    );
    assert_eq!(
        at_bolt(json!({"uuid": id, "name": "Acme Footwear"})),
        (422, "partner_not_own_field".into())
    );
    assert_eq!(
        at_bolt(json!({"uuid": id, "access_key": "f".repeat(40)})),
        (422, "partner_not_own_field".into())
    );
    assert_eq!(
        at_bolt(json!({"uuid": id, "sync_tags": false})),
        (422, "agreement_not_declined".into())
    );
    let moved = engine()
        .nhd_receive(&input(
            bolt(),
            put(
                agreement_path(&theirs),
                &token(&theirs),
                json!({"uuid": id, "sender_url": "https://acme.example/v2/sharing"}),
            ),
            Some(&theirs),
        ))
        .unwrap();
    let Some(NhdOutcome::AgreementChanged { agreement }) = moved.outcome else {
        panic!()
    };
    assert_eq!(
        agreement.partner.url.as_str(),
        "https://acme.example/v2/sharing"
    );
    let [moved_event] = &moved.events[..] else {
        panic!("one event")
    };
    assert!(matches!(
        &moved_event.event,
        ticketshare::audit::AuditKind::PartnerUrlChanged { url, .. }
            if url.as_str() == "https://acme.example/v2/sharing"
    ));
    // Deactivation names the partner's own side; after it, nothing revives the agreement.
    assert_eq!(
        at_bolt(json!({"uuid": id, "status": "inactive", "deactivated_by": "receiver"})),
        (422, "agreement_wrong_side".into())
    );
    let ended = engine()
        .nhd_receive(&input(
            bolt(),
            put(
                agreement_path(&theirs),
                &token(&theirs),
                json!({"uuid": id, "status": "inactive", "deactivated_by": "sender"}),
            ),
            Some(&theirs),
        ))
        .unwrap();
    let Some(NhdOutcome::AgreementChanged { agreement: ended }) = ended.outcome else {
        panic!()
    };
    assert_eq!(
        ended.ended,
        Some(Ending {
            by: Side::Sender,
            cause: EndCause::Deactivated
        })
    );
    for status in ["accepted", "pending"] {
        let r = put(
            agreement_path(&ended),
            &token(&ended),
            json!({"uuid": id, "status": status}),
        );
        assert_eq!(decide(&input(bolt(), r, Some(&ended))).0, 422, "{status}");
    }
    // A pending invitation the account has not answered tells the partner nothing.
    let unanswered = Agreement {
        status: AgreementStatus::Pending,
        ..theirs.clone()
    };
    assert_eq!(
        engine()
            .nhd_agreement_request(&bolt(), &unanswered, None)
            .unwrap_err()
            .reason(),
        Reason::AgreementNotPending
    );
    // The flags are ACC-04's terms; a second create of a live agreement is 422.
    let sent = invite(&acme(), &bolt(), private_terms(), 3);
    let post = engine()
        .nhd_agreement_request(&acme(), &sent.agreement, None)
        .unwrap();
    let body: serde_json::Value = serde_json::from_str(post.body.as_deref().unwrap()).unwrap();
    assert_eq!(
        (
            &body["allows_public_comments"],
            &body["sync_tags"],
            &body["status"]
        ),
        (&json!(false), &json!(false), &json!("pending"))
    );
    let request = PartnerRequest {
        method: "POST".into(),
        path: post.url.replace("https://bolt.example", ""),
        headers: post.headers,
        body: post.body,
    };
    let created = engine()
        .nhd_receive(&input(bolt(), request.clone(), None))
        .unwrap();
    let Some(NhdOutcome::InviteReceived {
        agreement: Some(copy),
        ..
    }) = created.outcome
    else {
        panic!()
    };
    assert_eq!(copy.terms, private_terms());
    assert_eq!(
        decide(&input(bolt(), request, Some(&copy))),
        (422, "partner_exists".into())
    );
}

#[test]
fn nhd_08_tickets_travel_under_an_accepted_agreement_and_delete_unshares() {
    let (ours, theirs) = accepted(&acme(), &bolt(), private_terms(), 1);
    let shared = engine()
        .share_ticket(
            &agent(),
            &acme(),
            &LocalTicket {
                id: TicketId::new("T-1").unwrap(),
                status: agreement::status::StatusCategory::Open,
                shares: vec![],
            },
            ours.id,
            std::slice::from_ref(&ours),
            at(3),
            &mut seeded(),
        )
        .unwrap();
    let status_only = OutgoingTicket {
        status: Some("solved".into()),
        custom_fields: Some(Default::default()),
        ..Default::default()
    };
    let written = engine()
        .nhd_ticket_request(
            &ours,
            &shared.share,
            TicketChangeKind::Share,
            &status_only,
            &LocalUpdate::default(),
            false,
        )
        .unwrap();
    let withheld: Vec<_> = written
        .withheld
        .iter()
        .map(|w| (w.path.as_str(), w.reason.as_str()))
        .collect();
    assert_eq!(
        withheld,
        [
            ("status", "status_not_synced"),
            ("custom_fields", "fields_not_synced")
        ],
        "ACC-13, ACC-20"
    );
    assert!(!written.request.body.as_ref().unwrap().contains("solved"));
    let request = PartnerRequest {
        method: "POST".into(),
        path: written.request.url.replace("https://bolt.example", ""),
        headers: written.request.headers.clone(),
        body: written.request.body.clone(),
    };
    let mut i = input(bolt(), request.clone(), Some(&theirs));
    i.new_ticket_id = Some(TicketId::new("B-1").unwrap());
    let arrived = engine().nhd_receive(&i).unwrap();
    assert_eq!(arrived.answer.status, 201);
    let Some(NhdOutcome::TicketReceived { share, marks, .. }) = arrived.outcome else {
        panic!()
    };
    assert_eq!(
        (
            share.direction,
            marks.received_from.as_ref().map(AccountName::as_str)
        ),
        (Direction::Received, Some("Acme Shoes"))
    );
    // The sender's own copy takes no tickets from its receiver: one way (ACC-02).
    let mut back = input(
        acme(),
        PartnerRequest {
            headers: headers(&[
                ("X-Ticket-Sharing-Token", &token(&ours)),
                ("Content-Type", "application/json"),
            ]),
            ..request.clone()
        },
        Some(&ours),
    );
    back.new_ticket_id = Some(TicketId::new("T-9").unwrap());
    assert_eq!(decide(&back), (422, "agreement_wrong_side".into()));
    // A pending agreement carries nothing.
    let pending = Agreement {
        status: AgreementStatus::Pending,
        ..theirs.clone()
    };
    let mut early = input(bolt(), request, Some(&pending));
    early.new_ticket_id = Some(TicketId::new("B-2").unwrap());
    assert_eq!(decide(&early), (403, "agreement_not_accepted".into()));
    // DELETE from the sender ends the receiver's share; a second DELETE finds nothing.
    let delete = PartnerRequest {
        method: "DELETE".into(),
        path: format!("/sharing/tickets/{}", share.id),
        headers: headers(&[("X-Ticket-Sharing-Token", &token(&theirs))]),
        body: None,
    };
    let mut d = input(bolt(), delete, Some(&theirs));
    d.share = Some(share.clone());
    let gone = engine().nhd_receive(&d).unwrap();
    let Some(NhdOutcome::TicketUnshared { share: ended }) = gone.outcome else {
        panic!()
    };
    assert_eq!(ended.unshared_at, Some(at(100).timestamp()));
    d.share = Some(ended);
    assert_eq!(decide(&d), (404, "partner_unknown".into()));
    // An unshare request is written only for a share that ended through the engine (ACC-12).
    let refused = engine().nhd_ticket_request(
        &ours,
        &shared.share,
        TicketChangeKind::Unshare,
        &OutgoingTicket::default(),
        &LocalUpdate::default(),
        false,
    );
    assert_eq!(refused.unwrap_err().reason(), Reason::RecordMismatch);
    // Methods: /tickets takes four, /agreements two.
    for (method, path, status) in [
        ("PATCH", "/tickets/", 405),
        ("GET", "/agreements/", 405),
        ("DELETE", "/agreements/", 405),
    ] {
        let r = PartnerRequest {
            method: method.into(),
            path: format!("{path}{}", "ab".repeat(20)),
            headers: headers(&[("X-Ticket-Sharing-Token", &token(&theirs))]),
            body: None,
        };
        let NhdRoute::Answer { answer, .. } = engine().nhd_route(&r) else {
            panic!("{method}")
        };
        assert_eq!(answer.status, status);
        assert!(answer.headers.contains_key("Allow"));
    }
}
