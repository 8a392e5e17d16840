//! Triggers and limits (CCF-11, CCF-12): who a trigger emails, the assignee left to their own
//! triggers, at most 48 CCs.

use super::*;

#[test]
fn ccf_11_triggers_email_the_requester_or_requester_and_ccs_never_for_a_private_comment() {
    let requester_only = plan(
        UpdateKind::PublicComment,
        TriggerAction::EmailRequester,
        &settings(),
    );
    let to: Vec<_> = emailed(&requester_only)
        .into_iter()
        .filter(|r| r.1 != RecipientRole::Follower)
        .collect();
    assert_eq!(
        to,
        vec![(
            "carla@customer.example".into(),
            RecipientRole::Requester,
            true,
            "CCF-11"
        )]
    );
    assert!(requester_only
        .omitted
        .iter()
        .filter(|o| o.role == RecipientRole::Cc)
        .all(|o| o.omission == Omission::TriggerAction));
    for action in [
        TriggerAction::EmailRequester,
        TriggerAction::EmailRequesterAndCcs,
    ] {
        let note = plan(UpdateKind::InternalNote, action, &settings());
        assert!(
            note.recipients
                .iter()
                .all(|r| r.role == RecipientRole::Follower),
            "{action:?}"
        );
        assert!(note
            .omitted
            .iter()
            .any(|o| o.role == RecipientRole::Requester && o.omission == Omission::PrivateComment));
    }
    // Nobody is emailed about their own update.
    let own = engine()
        .plan_notifications(
            &people(),
            &update(UpdateKind::PublicComment, "cleo@customer.example"),
            TriggerAction::EmailRequesterAndCcs,
            &settings(),
        )
        .unwrap();
    assert!(own
        .omitted
        .iter()
        .any(|o| o.email == email("cleo@customer.example") && o.omission == Omission::Author));
}

#[test]
fn ccf_12_a_ticket_has_at_most_48_ccs() {
    assert_eq!(CcSettings::default().max_ccs, 48);
    let mut full = people();
    full.ccs = (0..47)
        .map(|i| end_user(&format!("cc{i}@customer.example")))
        .collect();
    // One more from the ticket is fine; two are refused as a whole.
    assert!(engine()
        .add_ccs(
            &actor(),
            &full,
            &["one@customer.example".into()],
            &[],
            &[],
            &settings(),
            at(0)
        )
        .is_ok());
    let refused = engine().add_ccs(
        &actor(),
        &full,
        &["one@customer.example".into(), "two@customer.example".into()],
        &[],
        &[],
        &settings(),
        at(0),
    );
    assert_eq!(refused.unwrap_err().reason(), Reason::CcLimitReached);
    // By email, addresses beyond are not added and each is reported. (An agent's email removes
    // no CC, so the 47 stay.)
    let decision = inbound_with(
        &reply(
            "ana@acme.example",
            &["carla@customer.example"],
            &[
                "a@customer.example",
                "b@customer.example",
                "c@customer.example",
            ],
        ),
        &full,
        &settings(),
    );
    assert_eq!(new_ccs(&decision), vec!["a@customer.example"]);
    assert_eq!(
        ignored(&decision),
        vec![
            ("b@customer.example".into(), Reason::CcLimitReached),
            ("c@customer.example".into(), Reason::CcLimitReached)
        ]
    );
    // Host configurable.
    let two = CcSettings {
        max_ccs: 2,
        ..settings()
    };
    assert_eq!(
        inbound_with(
            &reply("ana@acme.example", &[], &["a@customer.example"]),
            &people(),
            &two
        )
        .ignored
        .len(),
        1
    );
}

/// The assignee (an input of the plan and of the inbound decision) is left to the host's
/// assignee triggers: never emailed by these rules unless also a follower or CC, an agent when
/// they email, never made a CC by an email; and only an agent who is not the requester.
#[test]
fn ccf_11_the_assignee_is_left_to_their_own_triggers() {
    let engine = engine();
    let mut assigned = people();
    assigned.assignee = Some(agent("sam@acme.example"));
    let plan = engine
        .plan_notifications(
            &assigned,
            &update(UpdateKind::PublicComment, "ana@acme.example"),
            TriggerAction::EmailRequesterAndCcs,
            &settings(),
        )
        .unwrap();
    assert!(plan
        .recipients
        .iter()
        .all(|r| r.email != email("sam@acme.example")));
    assert!(plan
        .omitted
        .iter()
        .any(|o| o.email == email("sam@acme.example")
            && (o.role, o.omission) == (RecipientRole::Assignee, Omission::AssigneeTrigger)));
    // An assignee who follows hears of every update as a follower, once.
    assigned.assignee = Some(agent("FINN@acme.example"));
    let plan = engine
        .plan_notifications(
            &assigned,
            &update(UpdateKind::InternalNote, "ana@acme.example"),
            TriggerAction::EmailRequesterAndCcs,
            &settings(),
        )
        .unwrap();
    let finn: Vec<_> = emailed(&plan)
        .into_iter()
        .filter(|r| r.0 == "finn@acme.example")
        .collect();
    assert_eq!(
        finn,
        vec![(
            "finn@acme.example".into(),
            RecipientRole::Follower,
            false,
            "CCF-01"
        )]
    );
    assert!(plan
        .omitted
        .iter()
        .all(|o| o.role != RecipientRole::Assignee));
    // Their email is an agent's even when the host did not list them as known staff, and a
    // Reply all naming them makes nobody a CC.
    assigned.assignee = Some(agent("sam@acme.example"));
    let theirs = inbound_with(
        &reply("sam@acme.example", &["support@acme.example"], &[]),
        &assigned,
        &settings(),
    );
    assert_eq!(
        (theirs.sender, theirs.comment),
        (SenderRole::Agent, CommentVisibility::Private)
    );
    let naming = inbound_with(
        &reply(
            "carla@customer.example",
            &["support@acme.example"],
            &[
                "cleo@customer.example",
                "chris@partner.example",
                "sam@acme.example",
            ],
        ),
        &assigned,
        &settings(),
    );
    assert!(naming.new_ccs.is_empty() && naming.ignored.is_empty());
    // Only an agent, and not the requester, is an assignee.
    for bad in [
        person("sam@acme.example", PersonRole::LightAgent),
        end_user("sam@customer.example"),
        Person {
            role: PersonRole::Agent,
            ..end_user("carla@customer.example")
        },
    ] {
        assigned.assignee = Some(bad);
        let error = engine
            .plan_notifications(
                &assigned,
                &update(UpdateKind::PublicComment, "ana@acme.example"),
                TriggerAction::EmailRequester,
                &settings(),
            )
            .unwrap_err();
        assert_eq!(error.reason(), Reason::RecordMismatch);
        assert!(error.detail().starts_with("people.assignee: "));
    }
}
