//! Real peers as they write (NHD-09). The shapes are those of the `ticket_sharing` gem 2.x
//! (`Base#as_json` writes every field, `null` where it has no value; `Comment` lists its
//! attachments and custom fields as `null` when it has none; `Actor` may carry a `null` name;
//! `Agreement` has no `deactivated_by`; requests carry `Accept` and `Content-Type:
//! application/json`, the token, and no version header) and of Request Tracker's NHD extension
//! (`text/x-json` bodies; its `PUT` of an agreement carries no `uuid`; offsets written with a
//! colon).

use super::*;

const HEX_A: &str = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
const HEX_B: &str = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";
const HEX_C: &str = "c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3";
const HEX_D: &str = "d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4";
const HEX_E: &str = "e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5";

/// A request as the gem's `Request#configure_request` sends it.
fn gem(method: &str, path: String, token: Option<&str>, body: serde_json::Value) -> PartnerRequest {
    let mut h = headers(&[
        ("Accept", "application/json"),
        ("Content-Type", "application/json"),
    ]);
    if let Some(token) = token {
        h.insert("X-Ticket-Sharing-Token".into(), token.into());
    }
    PartnerRequest {
        method: method.into(),
        path,
        headers: h,
        body: Some(body.to_string()),
    }
}

/// `Ticket#to_json` of a new share: every field written, `null` where the ticket has none.
fn gem_ticket(uuid: &str) -> serde_json::Value {
    json!({
        "uuid": uuid,
        "subject": "Heel came off",
        "requested_at": "2010-11-24 14:13:54 -0800",
        "status": "open",
        "requester": {"uuid": HEX_A, "name": null, "role": "user"},
        "comments": [
            {
                "uuid": HEX_B,
                "author": {"uuid": HEX_C, "name": "Ada", "role": "agent"},
                "body": "The heel came off after a day.",
                "html_body": null,
                "authored_at": "2010-11-24 14:13:54 -08:00",
                "public": true,
                "attachments": null,
                "custom_fields": null
            },
            {
                "uuid": HEX_D,
                "author": {"uuid": HEX_A, "name": null, "role": "user"},
                "body": null,
                "html_body": null,
                "authored_at": "2010-11-24 14:20:00 -0800",
                "public": true,
                "attachments": [{
                    "url": "https://files.acme.example/attachments/91/heel.jpg?token=x",
                    "filename": null,
                    "content_type": "image/jpeg",
                    "display_filename": null
                }],
                "custom_fields": null
            }
        ],
        "current_actor": {"uuid": HEX_C, "name": "Ada", "role": "agent"},
        "tags": null,
        "original_id": null,
        "custom_fields": {"Model": "X100", "Sizes": [38, 39], "Meta": {"a": 1}},
        "custom_status": null
    })
}

#[test]
fn nhd_09_a_share_written_as_the_gem_writes_it_arrives_with_nulls_as_absent() {
    let (ours, theirs) = accepted(&acme(), &bolt(), public_terms(), 1);
    let path = format!("/sharing/tickets/{HEX_E}");
    let request = gem("POST", path, Some(&token(&ours)), gem_ticket(HEX_E));
    let mut i = input(bolt(), request, Some(&theirs));
    i.new_ticket_id = Some(TicketId::new("B-7").unwrap());
    let decision = engine().nhd_receive(&i).unwrap();
    assert_eq!(decision.answer.status, 201, "{:?}", decision.answer.body);
    let Some(NhdOutcome::TicketReceived { arrival, .. }) = decision.outcome else {
        panic!("no ticket")
    };
    let comments = &arrival.update.comments;
    assert_eq!(comments.len(), 2);
    assert_eq!(comments[1].body, "", "a null body reads as empty");
    assert_eq!(
        comments[1].attachments[0].filename, "heel.jpg",
        "no filename: the URL's last segment, without its query"
    );
    assert_eq!(
        comments[0].authored_at,
        Timestamp::parse_rfc3339("2010-11-24T22:13:54Z").unwrap(),
        "an offset with a colon"
    );
    // The nameless requester is a placeholder with no name: the host shows its own label.
    let nameless: Vec<_> = arrival
        .update
        .placeholders
        .iter()
        .filter(|p| p.name.is_empty())
        .collect();
    assert_eq!(nameless.len(), 1, "{:?}", arrival.update.placeholders);
    // Each unreadable custom-field value is withheld alone; the readable one crosses.
    assert_eq!(
        arrival.custom_fields.unwrap().keys().collect::<Vec<_>>(),
        ["Model"]
    );
    let ignored: Vec<_> = arrival
        .ignored
        .iter()
        .map(|w| (w.path.as_str(), w.reason.as_str()))
        .collect();
    assert_eq!(
        ignored,
        [
            ("custom_fields[\"Meta\"]", "field_value_unreadable"),
            ("custom_fields[\"Sizes\"]", "field_value_unreadable")
        ]
    );
}

#[test]
fn nhd_09_null_lists_and_a_null_comments_list_read_as_none() {
    let (ours, theirs) = accepted(&acme(), &bolt(), public_terms(), 1);
    let mut body = gem_ticket(HEX_E);
    body["comments"] = json!(null);
    body["custom_fields"] = json!(null);
    let request = gem(
        "POST",
        format!("/sharing/tickets/{HEX_E}"),
        Some(&token(&ours)),
        body,
    );
    let mut i = input(bolt(), request, Some(&theirs));
    i.new_ticket_id = Some(TicketId::new("B-8").unwrap());
    let decision = engine().nhd_receive(&i).unwrap();
    assert_eq!(decision.answer.status, 201, "{:?}", decision.answer.body);
    let Some(NhdOutcome::TicketReceived { arrival, .. }) = decision.outcome else {
        panic!("no ticket")
    };
    assert!(arrival.update.comments.is_empty());
    assert_eq!(arrival.custom_fields, None);
}

#[test]
fn nhd_09_the_gems_agreement_has_no_deactivated_by_and_ends_in_the_senders_name() {
    let (ours, theirs) = accepted(&acme(), &bolt(), public_terms(), 1);
    // `Agreement#to_json` on Acme's side, after Acme's admin deactivated: every field, no
    // `deactivated_by`.
    let body = json!({
        "receiver_url": "https://bolt.example/sharing",
        "sender_url": "https://acme.example/sharing",
        "status": "inactive",
        "uuid": ours.id.to_string(),
        "access_key": String::from(ours.access_key.clone()),
        "name": "Acme Shoes",
        "current_actor": {"uuid": HEX_C, "name": "Ada", "role": "agent"},
        "sync_tags": true,
        "sync_custom_fields": true,
        "allows_public_comments": true
    });
    let request = gem("PUT", agreement_path(&theirs), Some(&token(&ours)), body);
    let decision = engine()
        .nhd_receive(&input(bolt(), request, Some(&theirs)))
        .unwrap();
    assert_eq!(decision.answer.status, 200, "{:?}", decision.answer.body);
    let Some(NhdOutcome::AgreementChanged { agreement }) = decision.outcome else {
        panic!("no change")
    };
    assert_eq!(agreement.status, AgreementStatus::Inactive);
    assert_eq!(
        agreement.ended.map(|e| e.by),
        Some(Side::Sender),
        "the side that sent it"
    );
}

#[test]
fn nhd_09_request_trackers_accept_carries_no_uuid_and_takes_the_uris() {
    let sent = invite(&acme(), &bolt(), public_terms(), 1);
    let ours = sent.agreement.clone();
    let request = PartnerRequest {
        method: "PUT".into(),
        path: agreement_path(&ours),
        headers: headers(&[
            ("X-Ticket-Sharing-Token", &token(&ours)),
            ("Content-Type", "text/x-json"),
        ]),
        body: Some(json!({"status": "accepted"}).to_string()),
    };
    let decision = engine()
        .nhd_receive(&input(acme(), request.clone(), Some(&ours)))
        .unwrap();
    assert_eq!(decision.answer.status, 200, "{:?}", decision.answer.body);
    let Some(NhdOutcome::AgreementChanged { agreement }) = decision.outcome else {
        panic!("no change")
    };
    assert_eq!(agreement.status, AgreementStatus::Accepted);
    // A null uuid is no uuid either; another agreement's uuid is still 422.
    let mut null = request.clone();
    null.body = Some(json!({"uuid": null, "status": "accepted"}).to_string());
    assert_eq!(decide(&input(acme(), null, Some(&ours))).0, 200);
    let mut other = request;
    other.body = Some(json!({"uuid": HEX_A, "status": "accepted"}).to_string());
    assert_eq!(decide(&input(acme(), other, Some(&ours))).0, 422);
}

#[test]
fn nhd_09_every_body_refused_is_422_which_the_gem_reads_as_a_failure_not_an_exception() {
    let (ours, _) = accepted(&acme(), &bolt(), public_terms(), 1);
    for (body, code) in [
        ("{", "invalid_request"),
        (r#"{"status": 7}"#, "invalid_request"),
        (r#"{"status": "revived"}"#, "invalid_request"),
        (r#"["accepted"]"#, "invalid_request"),
    ] {
        let mut r = put(agreement_path(&ours), &token(&ours), json!({}));
        r.body = Some(body.into());
        assert_eq!(
            decide(&input(acme(), r, Some(&ours))),
            (422, code.to_owned()),
            "{body}"
        );
    }
    // An invitation with a status other than pending (NHD-07) is 422 too.
    let sent = invite(&acme(), &bolt(), public_terms(), 3);
    let invitation = invitation(&sent);
    let body = json!({
        "uuid": invitation.agreement_id.to_string(),
        "access_key": String::from(invitation.access_key.clone()),
        "name": "Acme Shoes",
        "sender_url": "https://acme.example/sharing",
        "receiver_url": "https://bolt.example/sharing",
        "status": "accepted"
    });
    let request = gem(
        "POST",
        format!("/sharing/agreements/{}", invitation.agreement_id),
        None,
        body,
    );
    assert_eq!(
        decide(&input(bolt(), request, None)),
        (422, "agreement_not_pending".to_owned())
    );
}

#[test]
fn nhd_09_a_get_is_answered_with_the_body_a_share_sends_on_either_side() {
    let (ours, theirs) = accepted(&acme(), &bolt(), public_terms(), 1);
    let share = share_t1(&ours);
    let ticket = OutgoingTicket {
        subject: Some("Heel came off".into()),
        ..Default::default()
    };
    let posted = ticket_request(&ours, &share, TicketChangeKind::Share, &ticket).unwrap();
    let read = ticket_request(&ours, &share, TicketChangeKind::Read, &ticket).unwrap();
    assert_eq!(read.request.method, NhdMethod::Get);
    assert_eq!(
        read.request.body, posted.request.body,
        "the sender's GET answer"
    );
    // The receiver answers a GET of the ticket it received the same way, where a share of it
    // would be refused: a received ticket is never shared back.
    let received = engine()
        .receive_ticket(
            &bolt(),
            &theirs,
            share.id,
            TicketId::new("B-1").unwrap(),
            at(4),
        )
        .unwrap()
        .share;
    let answer = |kind| ticket_request(&theirs, &received, kind, &ticket);
    assert_eq!(
        answer(TicketChangeKind::Share).unwrap_err().reason(),
        Reason::RecordMismatch
    );
    let body = answer(TicketChangeKind::Read)
        .unwrap()
        .request
        .body
        .unwrap();
    let read = ticketshare::nhd::objects::parse_ticket(&body).unwrap();
    assert_eq!(
        (read.uuid, read.subject.as_deref(), read.original_id),
        (share.id, Some("Heel came off"), None)
    );
}

#[test]
fn nhd_05_a_partner_that_reads_text_x_json_gets_every_body_under_it() {
    let engine = engine();
    // Acme's host invites a Request Tracker and says so.
    let mut offer = offer_to(&bolt(), public_terms());
    offer.partner.media_type = PartnerMediaType::TextXJson;
    let sent = engine
        .invite_partner(&admin(), &acme(), &offer, &[], at(0), &mut seeded())
        .unwrap();
    let invite = engine
        .nhd_agreement_request(&acme(), &sent.agreement, None)
        .unwrap();
    assert_eq!(invite.headers["Content-Type"], "text/x-json");
    // An invitation that arrives under text/x-json is answered under it: the partner is
    // recorded as reading it.
    let request = PartnerRequest {
        method: "POST".into(),
        path: format!("/sharing/agreements/{}", sent.agreement.id),
        headers: headers(&[("Content-Type", "text/x-json")]),
        body: invite.body.clone(),
    };
    let decision = engine
        .nhd_receive(&input(bolt(), request.clone(), None))
        .unwrap();
    assert_eq!(decision.answer.status, 201, "{:?}", decision.answer.body);
    let Some(NhdOutcome::InviteReceived {
        agreement: Some(copy),
        ..
    }) = decision.outcome
    else {
        panic!("no copy")
    };
    assert_eq!(copy.partner.media_type, PartnerMediaType::TextXJson);
    let accepted = engine
        .accept_agreement(&admin(), &bolt(), &copy, at(2))
        .unwrap();
    let answer = engine
        .nhd_agreement_request(&bolt(), &accepted.agreement, None)
        .unwrap();
    assert_eq!(answer.headers["Content-Type"], "text/x-json");
    // The gem's invitation (application/json) records the default, left out when written.
    let mut gem = request;
    gem.headers = headers(&[("Content-Type", "application/json")]);
    let Some(NhdOutcome::InviteReceived {
        agreement: Some(copy),
        ..
    }) = engine
        .nhd_receive(&input(bolt(), gem, None))
        .unwrap()
        .outcome
    else {
        panic!("no copy")
    };
    assert_eq!(copy.partner.media_type, PartnerMediaType::Json);
    assert!(!serde_json::to_string(&copy).unwrap().contains("media_type"));
    // Tickets to the Request Tracker go under text/x-json too.
    let ours = engine
        .apply_partner_update(&acme(), &sent.agreement, &update(&accepted), at(3))
        .unwrap()
        .agreement;
    let share = share_t1(&ours);
    let post = ticket_request(
        &ours,
        &share,
        TicketChangeKind::Share,
        &OutgoingTicket::default(),
    )
    .unwrap();
    assert_eq!(post.request.headers["Content-Type"], "text/x-json");
}
