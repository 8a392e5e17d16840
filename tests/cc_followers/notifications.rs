//! Who hears of an update, and how (CCF-01..06): followers, CCs, an agent's reply and reply-all.

use super::*;

#[test]
fn ccf_01_followers_hear_of_every_update_and_their_addresses_stay_hidden() {
    for kind in [UpdateKind::PublicComment, UpdateKind::InternalNote] {
        let plan = plan(kind, TriggerAction::EmailRequesterAndCcs, &settings());
        let followers: Vec<_> = plan
            .recipients
            .iter()
            .filter(|r| r.role == RecipientRole::Follower)
            .collect();
        assert_eq!(followers.len(), 2, "{kind:?}");
        assert!(followers.iter().all(|f| !f.visible && f.rule == "CCF-01"));
    }
    let off = CcSettings {
        followers_enabled: false,
        ..settings()
    };
    let plan = plan(
        UpdateKind::InternalNote,
        TriggerAction::EmailRequester,
        &off,
    );
    assert!(plan.recipients.is_empty());
    assert!(plan
        .omitted
        .iter()
        .any(|o| o.omission == Omission::FollowersDisabled));
}

#[test]
fn ccf_02_followers_are_added_from_the_ticket_never_by_email() {
    // An agent put in CC of an email becomes a CC (their address exposed), never a follower:
    // an inbound decision has no way to add one.
    let decision = inbound(&reply(
        "carla@customer.example",
        &["support@acme.example"],
        &["ana@acme.example"],
    ));
    assert_eq!(new_ccs(&decision), vec!["ana@acme.example"]);
    assert_eq!(decision.new_ccs[0].person.role, PersonRole::Agent);
    let added = engine()
        .add_followers(
            &actor(),
            &people(),
            &[agent("ana@acme.example"), agent("finn@acme.example")],
            &settings(),
            at(0),
        )
        .unwrap();
    assert_eq!(added.added, vec![agent("ana@acme.example")]);
    assert_eq!(added.unchanged, vec![email("finn@acme.example")]);
    assert!(matches!(
        added.events[0].event,
        AuditKind::FollowerAdded { .. }
    ));
    let refused = engine().add_followers(
        &actor(),
        &people(),
        &[end_user("eve@customer.example")],
        &settings(),
        at(0),
    );
    assert_eq!(refused.unwrap_err().reason(), Reason::RecordMismatch);
    let off = CcSettings {
        followers_enabled: false,
        ..settings()
    };
    let refused = engine().add_followers(
        &actor(),
        &people(),
        &[agent("ana@acme.example")],
        &off,
        at(0),
    );
    assert_eq!(refused.unwrap_err().reason(), Reason::FollowersDisabled);
}

#[test]
fn ccf_03_a_followers_reply_is_private_unless_it_keeps_the_requester() {
    let private = inbound(&reply("finn@acme.example", &["support@acme.example"], &[]));
    assert_eq!(
        (private.sender, private.comment, private.rule),
        (SenderRole::Follower, CommentVisibility::Private, "CCF-03")
    );
    let public = inbound(&reply(
        "finn@acme.example",
        &["support@acme.example", "Carla <carla@customer.example>"],
        &[],
    ));
    assert_eq!(
        (public.comment, public.rule),
        (CommentVisibility::Public, "CCF-03")
    );
}

#[test]
fn ccf_04_ccs_hear_of_public_comments_only_with_their_addresses_shown() {
    let public = plan(
        UpdateKind::PublicComment,
        TriggerAction::EmailRequesterAndCcs,
        &settings(),
    );
    let ccs: Vec<_> = emailed(&public)
        .into_iter()
        .filter(|r| r.1 == RecipientRole::Cc)
        .collect();
    assert_eq!(
        ccs,
        vec![
            (
                "cleo@customer.example".into(),
                RecipientRole::Cc,
                true,
                "CCF-04"
            ),
            (
                "chris@partner.example".into(),
                RecipientRole::Cc,
                true,
                "CCF-04"
            ),
        ]
    );
    let note = plan(
        UpdateKind::InternalNote,
        TriggerAction::EmailRequesterAndCcs,
        &settings(),
    );
    assert!(note
        .recipients
        .iter()
        .all(|r| r.role == RecipientRole::Follower));
    assert!(note
        .omitted
        .iter()
        .filter(|o| o.role == RecipientRole::Cc)
        .all(|o| o.omission == Omission::PrivateComment));
}

#[test]
fn ccf_05_agents_and_end_users_add_ccs_by_email_light_agents_do_not() {
    for sender in [
        "carla@customer.example",
        "cleo@customer.example",
        "ana@acme.example",
    ] {
        let decision = inbound(&reply(
            sender,
            &["support@acme.example", "carla@customer.example"],
            &["New Person <new@customer.example>"],
        ));
        assert_eq!(new_ccs(&decision), vec!["new@customer.example"], "{sender}");
        assert_eq!(
            decision.new_ccs[0].person.name.as_deref(),
            Some("New Person")
        );
        assert!(decision
            .events
            .iter()
            .any(|e| matches!(e.event, AuditKind::CcAdded { .. })));
    }
    let light = inbound(&reply(
        "lee@acme.example",
        &["carla@customer.example"],
        &["new@customer.example"],
    ));
    assert_eq!(light.sender, SenderRole::LightAgent);
    assert_eq!(light.comment, CommentVisibility::Private);
    assert!(light.new_ccs.is_empty());
    assert_eq!(
        ignored(&light),
        vec![("new@customer.example".into(), Reason::CannotAddCcs)]
    );
    let off = CcSettings {
        ccs_enabled: false,
        ..settings()
    };
    let decision = inbound_with(
        &reply("carla@customer.example", &[], &["new@customer.example"]),
        &people(),
        &off,
    );
    assert_eq!(
        ignored(&decision),
        vec![("new@customer.example".into(), Reason::CcsDisabled)]
    );
    let refused = engine().add_ccs(
        &actor(),
        &people(),
        &["new@customer.example".into()],
        &[],
        &[],
        &off,
        at(0),
    );
    assert_eq!(refused.unwrap_err().reason(), Reason::CcsDisabled);
}

#[test]
fn ccf_06_reply_makes_an_agents_reply_private_and_reply_all_public() {
    let reply_only = inbound(&reply("ana@acme.example", &["support@acme.example"], &[]));
    assert_eq!(
        (reply_only.sender, reply_only.comment, reply_only.rule),
        (SenderRole::Agent, CommentVisibility::Private, "CCF-06")
    );
    let reply_all = inbound(&reply(
        "ana@acme.example",
        &["support@acme.example"],
        &["CARLA@customer.example"],
    ));
    assert_eq!(reply_all.comment, CommentVisibility::Public);
    let requester = inbound(&reply(
        "carla@customer.example",
        &["support@acme.example"],
        &[],
    ));
    assert_eq!(
        (requester.sender, requester.comment),
        (SenderRole::Requester, CommentVisibility::Public)
    );
}

#[test]
fn ccf_04_a_cc_name_comes_back_clean_beside_its_ready_header_form() {
    let mut people = people();
    people.ccs[0].name = Some("Boss, <mallory@evil.example>".into());
    people.ccs[1].name = Some("Chris\r\nBcc: x@evil.example\u{2028}\u{202e}".into());
    let plan = engine()
        .plan_notifications(
            &people,
            &update(UpdateKind::PublicComment, "ana@acme.example"),
            TriggerAction::EmailRequesterAndCcs,
            &settings(),
        )
        .unwrap();
    let ccs: Vec<(Option<&str>, &str)> = plan
        .recipients
        .iter()
        .filter(|r| r.role == RecipientRole::Cc)
        .map(|r| (r.name.as_deref(), r.mailbox.as_str()))
        .collect();
    assert_eq!(
        ccs,
        [
            (
                Some("Boss, <mallory@evil.example>"),
                "\"Boss, <mallory@evil.example>\" <cleo@customer.example>"
            ),
            (
                Some("Chris  Bcc: x@evil.example"),
                "\"Chris  Bcc: x@evil.example\" <chris@partner.example>"
            ),
        ]
    );
}
