//! What a receiver does with a checked request (NHD-07, NHD-08): agreements created pending once
//! and never active again, tickets under an accepted agreement, unsharing.

use super::*;

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
    let share = share_t1(&ours);
    let status_only = OutgoingTicket {
        status: Some("solved".into()),
        custom_fields: Some(Default::default()),
        ..Default::default()
    };
    let written = engine()
        .nhd_ticket_request(
            &ours,
            &share,
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
    let request = at_bolt(&written.request);
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
    let refused = ticket_request(
        &ours,
        &share,
        TicketChangeKind::Unshare,
        &OutgoingTicket::default(),
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
