//! The story, step by step over loopback HTTP: invitation and acceptance, a shared ticket, comments
//! both ways, status sync, unsharing and deactivation, both sides checked after each step.

use super::*;

#[test]
fn nhd_04_to_08_two_engines_share_a_ticket_over_loopback_http() {
    let engine = engine();
    let (acme_host, bolt_host) = (Host::new(acme()), Host::new(bolt()));
    let (to_acme, to_bolt) = (serve(acme_host.clone()), serve(bolt_host.clone()));

    // Invitation: Acme's admin invites; Bolt's engine stores a pending copy.
    let invited = invite(&acme(), &bolt(), public_terms(), 7);
    let post = engine
        .nhd_agreement_request(&acme(), &invited.agreement, None)
        .unwrap();
    assert_eq!(post.method, NhdMethod::Post);
    assert_eq!(
        post.url,
        format!(
            "https://bolt.example/sharing/agreements/{}",
            invited.agreement.id
        )
    );
    assert_eq!(send(to_bolt, &post).0, 201);
    acme_host
        .db
        .lock()
        .unwrap()
        .agreements
        .push(invited.agreement.clone());
    let bolt_copy = bolt_host.db.lock().unwrap().agreements[0].clone();
    assert_eq!(
        (bolt_copy.side, bolt_copy.status),
        (Side::Receiver, AgreementStatus::Pending)
    );
    assert_eq!(
        (bolt_copy.terms, &bolt_copy.partner),
        (public_terms(), &acme().party())
    );
    assert_eq!(bolt_copy.access_key, invited.agreement.access_key);

    // Acceptance travels back as a PUT.
    *acme_host.now.lock().unwrap() = 2;
    let accepted = engine
        .accept_agreement(&admin(), &bolt(), &bolt_copy, at(2))
        .unwrap();
    bolt_host.db.lock().unwrap().agreements[0] = accepted.agreement.clone();
    let put = engine
        .nhd_agreement_request(
            &bolt(),
            &accepted.agreement,
            Some(&user("bo", "Bo", PersonRole::Agent)),
        )
        .unwrap();
    assert_eq!((put.method, send(to_acme, &put).0), (NhdMethod::Put, 200));
    let acme_copy = acme_host.db.lock().unwrap().agreements[0].clone();
    assert_eq!(acme_copy.status, AgreementStatus::Accepted);

    // Acme shares T-1 with a public comment and its status.
    let shared = engine
        .share_ticket(
            &agent(),
            &acme(),
            &LocalTicket {
                id: TicketId::new("T-1").unwrap(),
                status: StatusCategory::Open,
                shares: vec![],
            },
            acme_copy.id,
            std::slice::from_ref(&acme_copy),
            at(3),
            &mut seeded(),
        )
        .unwrap();
    acme_host
        .db
        .lock()
        .unwrap()
        .shares
        .push(shared.share.clone());
    *bolt_host.now.lock().unwrap() = 3;
    let carla = user("carla", "Carla Customer", PersonRole::EndUser);
    let abe = user("abe", "Abe Agent", PersonRole::Agent);
    let first = OutgoingTicket {
        subject: Some("Trainers too small".into()),
        requested_at: Some(at(1).timestamp()),
        status: Some("open".into()),
        requester: Some(carla.clone()),
        ..OutgoingTicket::default()
    };
    let share_request = engine
        .nhd_ticket_request(
            &acme_copy,
            &shared.share,
            TicketChangeKind::Share,
            &first,
            &comment("c1", carla.clone(), "They are tiny", true, 1),
            false,
        )
        .unwrap();
    assert!(
        !share_request
            .request
            .body
            .as_ref()
            .unwrap()
            .contains("carla@example.com"),
        "ACC-16: no address crosses"
    );
    assert_eq!(send(to_bolt, &share_request.request).0, 201);
    {
        let bolt = bolt_host.db.lock().unwrap();
        let received = &bolt.shares[0];
        assert_eq!(
            (received.id, received.direction, received.ticket_id.as_str()),
            (shared.share.id, Direction::Received, "B-1")
        );
        assert_eq!(
            bolt.placeholders.len(),
            1,
            "the requester, once, as the comment's author too"
        );
        assert_eq!(bolt.comments[0].body, "They are tiny");
        assert!(bolt.comments[0].public && bolt.comments[0].attachments.len() == 1);
        assert_eq!(bolt.statuses, ["open"]);
    }

    // Acme comments privately; Bolt answers publicly (public and private terms).
    let update = engine
        .nhd_ticket_request(
            &acme_copy,
            &shared.share,
            TicketChangeKind::Update,
            &OutgoingTicket::default(),
            &comment("c2", abe.clone(), "Checking batch B-17", false, 4),
            false,
        )
        .unwrap();
    assert_eq!(
        (update.request.method, send(to_bolt, &update.request).0),
        (NhdMethod::Put, 200)
    );
    let bolt_share = bolt_host.db.lock().unwrap().shares[0].clone();
    let bolt_agreement = bolt_host.db.lock().unwrap().agreements[0].clone();
    let back = engine
        .nhd_ticket_request(
            &bolt_agreement,
            &bolt_share,
            TicketChangeKind::Update,
            &OutgoingTicket::default(),
            &comment(
                "b1",
                user("bo", "Bo", PersonRole::Agent),
                "Replacement sent",
                true,
                5,
            ),
            false,
        )
        .unwrap();
    *acme_host.now.lock().unwrap() = 5;
    assert_eq!(send(to_acme, &back.request).0, 200);
    {
        let acme = acme_host.db.lock().unwrap();
        assert_eq!(acme.comments.len(), 1);
        assert_eq!(
            (acme.comments[0].body.as_str(), acme.comments[0].public),
            ("Replacement sent", true)
        );
        assert_eq!(
            acme.placeholders.len(),
            1,
            "Bo, as a placeholder end user of Acme's"
        );
    }

    // Status sync: Acme solves.
    let solved = OutgoingTicket {
        status: Some("solved".into()),
        ..OutgoingTicket::default()
    };
    let status = engine
        .nhd_ticket_request(
            &acme_copy,
            &shared.share,
            TicketChangeKind::Update,
            &solved,
            &LocalUpdate::default(),
            false,
        )
        .unwrap();
    assert_eq!(send(to_bolt, &status.request).0, 200);
    assert_eq!(bolt_host.db.lock().unwrap().statuses, ["open", "solved"]);

    // A wrong key and a missing token are refused, and the wrong key is audited.
    let mut forged = status.request.clone();
    forged.headers.insert(
        "X-Ticket-Sharing-Token".into(),
        format!("{}:{}", acme_copy.id, "0".repeat(40)),
    );
    assert_eq!(send(to_bolt, &forged).0, 403);
    forged.headers.remove("X-Ticket-Sharing-Token");
    let (code, body) = send(to_bolt, &forged);
    assert_eq!(code, 401);
    assert!(body.contains("partner_unauthenticated"), "{body}");

    // Acme unshares: DELETE ends Bolt's share.
    *bolt_host.now.lock().unwrap() = 6;
    let unshared = engine
        .unshare_ticket(
            &agent(),
            &acme(),
            &LocalTicket {
                id: TicketId::new("T-1").unwrap(),
                status: StatusCategory::Open,
                shares: vec![shared.share.clone()],
            },
            shared.share.id,
            std::slice::from_ref(&acme_copy),
            at(6),
        )
        .unwrap();
    let delete = engine
        .nhd_ticket_request(
            &acme_copy,
            &unshared.share,
            TicketChangeKind::Unshare,
            &OutgoingTicket::default(),
            &LocalUpdate::default(),
            false,
        )
        .unwrap();
    assert_eq!(
        (delete.request.method, delete.request.body.is_none()),
        (NhdMethod::Delete, true)
    );
    assert_eq!(send(to_bolt, &delete.request).0, 200);
    assert!(!bolt_host.db.lock().unwrap().shares[0].active());

    // Acme deactivates: Bolt's copy ends, by the sender, for good.
    *bolt_host.now.lock().unwrap() = 7;
    let ended = engine
        .deactivate_agreement(&admin(), &acme(), &acme_copy, at(7))
        .unwrap();
    let put = engine
        .nhd_agreement_request(&acme(), &ended.agreement, None)
        .unwrap();
    assert_eq!(send(to_bolt, &put).0, 200);
    let bolt_copy = bolt_host.db.lock().unwrap().agreements[0].clone();
    assert_eq!(
        (bolt_copy.status, bolt_copy.ended.map(|e| e.by)),
        (AgreementStatus::Inactive, Some(Side::Sender))
    );
    // Nothing travels under it any more (NHD-08: 403), and it never returns (ACC-06: 422).
    assert_eq!(send(to_bolt, &status.request).0, 403);
    let mut revive = put.clone();
    revive.body = Some(
        revive
            .body
            .unwrap()
            .replace("inactive", "accepted")
            .replace(",\"deactivated_by\":\"sender\"", ""),
    );
    assert_eq!(send(to_bolt, &revive).0, 422);

    let bolt = bolt_host.db.lock().unwrap();
    assert_eq!(bolt.answered, [201, 201, 200, 200, 403, 200, 200, 403, 422]);
    assert_eq!(
        kinds(&bolt.events),
        [
            "agreement receive -> pending",
            "ticket received",
            "refused 403 partner_wrong_key",
            "ticket unshared",
            "agreement deactivate -> inactive",
            "refused 403 agreement_not_accepted",
            "refused 422 agreement_inactive",
        ]
    );
    assert!(bolt.events.iter().all(
        |e| matches!(&e.actor, AuditActor::Partner { name } if name.as_str() == "Acme Shoes")
    ));
    let acme = acme_host.db.lock().unwrap();
    assert_eq!(acme.answered, [200, 200]);
    assert_eq!(kinds(&acme.events), ["agreement accept -> accepted"]);
}
