//! A partner may be hostile (NHD-10): what it sends that a real peer would not, and what the
//! engine does with it.

use super::*;
use ticketshare::agreement::content::{
    LocalTag, LocalUser, SharedActor, SharedAttachment, SharedComment,
};
use ticketshare::agreement::incoming::IncomingUpdate;

/// Acme shares T-1 with Bolt; Bolt's engine receives it. (Acme's copy, Bolt's copy, Acme's
/// share, Bolt's share, the POST as written.)
fn shared_ticket() -> (
    Agreement,
    Agreement,
    TicketShare,
    TicketShare,
    PartnerRequest,
) {
    let (ours, theirs) = accepted(&acme(), &bolt(), public_terms(), 1);
    let acme_share = share_t1(&ours);
    let written = ticket_request(
        &ours,
        &acme_share,
        TicketChangeKind::Share,
        &OutgoingTicket::default(),
    )
    .unwrap();
    let request = at_bolt(&written.request);
    let mut i = input(bolt(), request.clone(), Some(&theirs));
    i.new_ticket_id = Some(TicketId::new("B-1").unwrap());
    let Some(NhdOutcome::TicketReceived { share, .. }) = engine().nhd_receive(&i).unwrap().outcome
    else {
        panic!("no ticket")
    };
    (ours, theirs, acme_share, share, request)
}

#[test]
fn nhd_10_a_replayed_update_is_reported_as_a_duplicate_never_delivered_twice() {
    let (ours, theirs, _, bolt_share, post) = shared_ticket();
    let comment = |uuid: &str| json!({"uuid": uuid, "author": {"uuid": "c3".repeat(20), "name": "Ada", "role": "agent"}, "body": "hello", "public": false});
    let first = "a1".repeat(20);
    let second = "b2".repeat(20);
    let body = json!({"uuid": bolt_share.id.to_string(), "comments": [comment(&first), comment(&second), comment(&second)]});
    let request = put(post.path.clone(), &token(&ours), body);
    let mut i = input(bolt(), request, Some(&theirs));
    i.share = Some(bolt_share);
    i.received_comments = vec![SharedCommentId::parse(&first).unwrap()];
    let decision = engine().nhd_receive(&i).unwrap();
    assert_eq!(decision.answer.status, 200);
    let Some(NhdOutcome::TicketUpdated { arrival, .. }) = decision.outcome else {
        panic!("no update")
    };
    let delivered: Vec<String> = arrival
        .update
        .comments
        .iter()
        .map(|c| c.id.to_string())
        .collect();
    assert_eq!(
        delivered,
        [second],
        "the held one and the repeat are left out"
    );
    let ignored: Vec<_> = arrival
        .ignored
        .iter()
        .map(|w| (w.path.as_str(), w.reason.as_str()))
        .collect();
    assert_eq!(
        ignored,
        [("comments[0]", "duplicate"), ("comments[2]", "duplicate")]
    );
}

#[test]
fn nhd_10_terms_never_change_on_a_pending_agreement() {
    let sent = invite(&acme(), &bolt(), private_terms(), 5);
    let received = engine()
        .receive_invite(
            &bolt(),
            &invitation(&sent),
            PartnerKind::Instance,
            &[],
            at(1),
        )
        .unwrap()
        .agreement
        .unwrap();
    let body = json!({
        "uuid": sent.agreement.id.to_string(),
        "status": "pending",
        "allows_public_comments": true,
        "sync_custom_fields": true
    });
    let request = put(agreement_path(&received), &token(&sent.agreement), body);
    let decision = engine()
        .nhd_receive(&input(bolt(), request, Some(&received)))
        .unwrap();
    assert_eq!(
        decision.answer.status, 422,
        "a new invitation is needed: {:?}",
        decision.answer.body
    );
    assert!(decision.outcome.is_none());
}

#[test]
fn nhd_10_the_side_that_received_a_ticket_cannot_unshare_it_for_the_sender() {
    let (ours, _, acme_share, bolt_share, post) = shared_ticket();
    // Bolt (receiving only under this agreement) sends a raw DELETE to Acme.
    let delete = PartnerRequest {
        method: "DELETE".into(),
        path: post.path.clone(),
        headers: headers(&[("X-Ticket-Sharing-Token", &token(&ours))]),
        body: None,
    };
    let mut i = input(acme(), delete.clone(), Some(&ours));
    i.share = Some(acme_share);
    assert_eq!(decide(&i), (403, "receiving_only".into()));
    // From the side that shared it, the same DELETE ends the receiver's share.
    let (_, theirs, _, _, _) = shared_ticket();
    let mut i = input(bolt(), delete, Some(&theirs));
    i.share = Some(bolt_share);
    assert_eq!(decide(&i).0, 200);
}

#[test]
fn nhd_10_a_partner_url_must_be_https_with_a_public_dns_name_for_every_request() {
    // An invitation without a token to an opted-out account would have the engine write its
    // decline to the URL the body names: refused, and nothing is written.
    let sent = invite(&acme(), &bolt(), public_terms(), 6);
    let invitation = invitation(&sent);
    let opted_out = SharingAccount {
        opted_out: true,
        ..bolt()
    };
    for hostile in [
        "https://10.0.0.5:8443/admin/reset?x=",
        "https://169.254.169.254/latest",
        "https://[::1]/sharing",
        "https://intranet/sharing",
    ] {
        let body = json!({
            "uuid": invitation.agreement_id.to_string(),
            "access_key": String::from(invitation.access_key.clone()),
            "name": "Acme Shoes",
            "sender_url": hostile,
            "receiver_url": "https://bolt.example/sharing",
            "status": "pending"
        });
        let request = PartnerRequest {
            method: "POST".into(),
            path: format!("/sharing/agreements/{}", invitation.agreement_id),
            headers: headers(&[("Content-Type", "application/json")]),
            body: Some(body.to_string()),
        };
        let decision = engine()
            .nhd_receive(&input(opted_out.clone(), request, None))
            .unwrap();
        assert_eq!(decision.answer.status, 422, "{hostile}");
        assert!(decision.outcome.is_none(), "{hostile}: no decline to send");
    }
    // An accepted partner cannot move its URL to an internal address.
    let (ours, theirs) = accepted(&acme(), &bolt(), public_terms(), 1);
    let body =
        json!({"uuid": ours.id.to_string(), "sender_url": "https://169.254.169.254/sharing"});
    let request = put(agreement_path(&theirs), &token(&ours), body);
    assert_eq!(
        decide(&input(bolt(), request, Some(&theirs))),
        (422, "invalid_url".into())
    );
    // A host cannot invite one, nor write a request to a record that holds one.
    let mut offer = offer_to(&bolt(), public_terms());
    offer.partner.url =
        ticketshare::base::url::HttpsUrl::parse("https://127.0.0.1:9000/s").unwrap();
    let refused = engine().invite_partner(&admin(), &acme(), &offer, &[], at(0), &mut seeded());
    assert_eq!(refused.unwrap_err().reason(), Reason::InvalidUrl);
    let mut stored = ours.clone();
    stored.partner.url = offer.partner.url.clone();
    assert_eq!(
        engine()
            .nhd_agreement_request(&acme(), &stored, None)
            .unwrap_err()
            .reason(),
        Reason::InvalidUrl
    );
    // Unless the configuration allows that host (tests, private deployments).
    let mut config = common::config();
    config.partners.allowed_hosts = vec!["127.0.0.1".into()];
    let permissive = Engine::new(config).unwrap();
    assert!(permissive
        .invite_partner(&admin(), &acme(), &offer, &[], at(0), &mut seeded())
        .is_ok());
}

#[test]
fn nhd_10_one_line_texts_are_checked_on_arrival_and_before_leaving() {
    let (ours, theirs, _, bolt_share, post) = shared_ticket();
    // On arrival, through the protocol: a header injected in a media type, a file name that
    // reads backwards.
    let attachment = |content_type: &str, display: &str| {
        json!({"uuid": bolt_share.id.to_string(), "comments": [{
            "uuid": "a1".repeat(20),
            "author": {"uuid": "c3".repeat(20), "name": "Ada", "role": "agent"},
            "body": "see file", "public": false,
            "attachments": [{"url": "https://files.acme.example/a/1", "filename": "invoice.pdf", "content_type": content_type, "display_filename": display}]
        }]})
    };
    for (body, field) in [
        (
            attachment("text/html\r\nSet-Cookie: session=x", "invoice.pdf"),
            "content_type",
        ),
        (
            attachment("text/html", "invoice\u{202e}fdp.exe"),
            "display_filename",
        ),
        (
            attachment("not a media type", "invoice.pdf"),
            "content_type",
        ),
    ] {
        let mut i = input(
            bolt(),
            put(post.path.clone(), &token(&ours), body),
            Some(&theirs),
        );
        i.share = Some(bolt_share.clone());
        let decision = engine().nhd_receive(&i).unwrap();
        assert_eq!(decision.answer.status, 422, "{field}");
        assert!(
            decision.answer.body.unwrap().contains(field),
            "the refusal names {field}"
        );
    }
    // On arrival, through shared_ticket.receive_update: control characters in a file name, a
    // tag, a person's name.
    let person = |name: &str| SharedActor {
        id: SharedUserId::parse(&"c3".repeat(20)).unwrap(),
        name: name.into(),
        role: ticketshare::cc::PersonRole::Agent,
    };
    let comment = |filename: &str, author: &str| SharedComment {
        id: SharedCommentId::parse(&"a1".repeat(20)).unwrap(),
        author: person(author),
        body: "hi".into(),
        public: false,
        authored_at: Timestamp::parse_rfc3339("2026-11-23T09:00:00Z").unwrap(),
        attachments: vec![SharedAttachment {
            filename: filename.into(),
            content_type: "image/png".into(),
            url: ticketshare::base::url::HttpsUrl::parse("https://files.acme.example/1").unwrap(),
        }],
    };
    for update in [
        IncomingUpdate {
            comments: vec![comment("\u{1b}[31mred.png", "Ada")],
            ..Default::default()
        },
        IncomingUpdate {
            comments: vec![comment("red.png", "Ada\u{1b}]0;owned\u{7}")],
            ..Default::default()
        },
        IncomingUpdate {
            tags: Some(vec!["vip\u{1b}[0m".into()]),
            ..Default::default()
        },
        IncomingUpdate {
            requester: Some(person("Carla\u{2028}Admin")),
            ..Default::default()
        },
    ] {
        let refused = engine().receive_update(&theirs, &bolt_share, &update, &[]);
        assert_eq!(
            refused.unwrap_err().reason(),
            Reason::InvalidText,
            "{update:?}"
        );
    }
    // Before leaving: a tag of Acme's own that would read backwards on Bolt's side.
    let local = LocalUpdate {
        tags: Some(vec![LocalTag {
            name: "paid\u{202e}".into(),
            by_rule: false,
        }]),
        ..Default::default()
    };
    assert_eq!(
        engine()
            .prepare_update(&ours, &local, false)
            .unwrap_err()
            .reason(),
        Reason::InvalidText
    );
}

#[test]
fn nhd_10_shared_ids_are_keyed_with_a_secret_the_partner_never_holds() {
    let (ours, theirs) = accepted(&acme(), &bolt(), public_terms(), 1);
    let ada = LocalUser {
        id: UserId::new("u-ada").unwrap(),
        name: "Ada".into(),
        role: ticketshare::cc::PersonRole::Agent,
        email: None,
        phone: None,
        organization: None,
    };
    let sent = engine().shared_actor(&ours, &ada).unwrap().id;
    // What the partner can compute: the derivation under the access key it holds (the scheme
    // of copies stored before id_key existed, which keep it).
    let guessable = Agreement {
        id_key: None,
        ..ours.clone()
    };
    assert_ne!(sent, engine().shared_actor(&guessable, &ada).unwrap().id);
    assert!(
        !serde_json::to_string(
            &engine()
                .nhd_agreement_request(&acme(), &ours, None)
                .unwrap()
        )
        .unwrap()
        .contains(&String::from(ours.id_key.clone().unwrap())),
        "the id key never leaves"
    );
    // The partner's own copy, under its own signing key, has a key of its own.
    let mut config = common::config();
    config.keyring =
        serde_json::from_value(json!({"active": 2, "keys": [{"id": 2, "secret": common::KEY_2}]}))
            .unwrap();
    let bolt_engine = Engine::new(config).unwrap();
    let copy = bolt_engine
        .receive_invite(
            &bolt(),
            &invitation(&invite(&acme(), &bolt(), public_terms(), 1)),
            PartnerKind::Instance,
            &[],
            at(1),
        )
        .unwrap()
        .agreement
        .unwrap();
    assert_eq!(copy.access_key, theirs.access_key);
    assert_ne!(copy.id_key, ours.id_key);
    // Stable: the same person is the same id on every call.
    assert_eq!(sent, engine().shared_actor(&ours, &ada).unwrap().id);
}
