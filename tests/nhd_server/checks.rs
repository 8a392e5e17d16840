//! The order of a receiver's checks (NHD-01, NHD-04..06): the body's size, the token and key, the
//! version and media types, the ids.

use super::*;

#[test]
fn nhd_01_a_body_over_2_mib_is_refused_before_it_is_read() {
    let (ours, _) = accepted(&acme(), &bolt(), public_terms(), 1);
    let mut request = put(agreement_path(&ours), &token(&ours), json!({}));
    request.body = Some(format!("[{}", "1,".repeat(1_100_000)));
    let (status, code) = decide(&input(acme(), request, Some(&ours)));
    // 422, not 413: the gem raises on a 413 instead of failing the request (NHD-09).
    assert_eq!((status, code.as_str()), (422, "request_too_large"));
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
        // 422, not 415: the gem raises on a 415 instead of failing the request (NHD-09).
        ("text/plain", 422),
        ("", 422),
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
