//! Input the CC rules refuse (SEC-03), and the invariants no email can break (CCF-02, 07, 12).

use super::*;

#[test]
fn sec_03_cc_input_that_cannot_be_is_refused_with_its_path() {
    let engine = engine();
    // An unreadable sender refuses the decision, naming where it is.
    let bad = engine.decide_inbound_email(
        &reply("Broken <b@x", &["ok@x.example"], &[]),
        &people(),
        &[],
        &[],
        &settings(),
        at(0),
    );
    let error = bad.unwrap_err();
    assert_eq!(error.reason(), Reason::InvalidEmail);
    assert!(
        error.detail().starts_with("email.from: "),
        "{}",
        error.detail()
    );
    // An unreadable recipient is reported alone (CCF-12), and removes nobody: it might have
    // been a CC the email kept.
    let decision = engine
        .decide_inbound_email(
            &reply(
                "carla@customer.example",
                &["ok@x.example", "Broken <b@x"],
                &[],
            ),
            &people(),
            &[],
            &[],
            &settings(),
            at(0),
        )
        .unwrap();
    assert_eq!(decision.unreadable[0].path, "email.to[1]");
    assert!(decision.removed_ccs.is_empty());
    assert_eq!(new_ccs(&decision), ["ok@x.example"]);
    let mut agent_requester = people();
    agent_requester.requester.role = PersonRole::Agent;
    assert_eq!(
        engine
            .plan_notifications(
                &agent_requester,
                &update(UpdateKind::PublicComment, "x@y.example"),
                TriggerAction::EmailRequester,
                &settings()
            )
            .unwrap_err()
            .reason(),
        Reason::RecordMismatch
    );
    let mut twice = people();
    twice.ccs.push(end_user("CLEO@customer.example"));
    let error = engine
        .plan_notifications(
            &twice,
            &update(UpdateKind::PublicComment, "x@y.example"),
            TriggerAction::EmailRequester,
            &settings(),
        )
        .unwrap_err();
    assert_eq!(error.reason(), Reason::RecordMismatch);
    assert!(
        error.detail().contains("people.ccs[2]"),
        "{}",
        error.detail()
    );
    let zero = CcSettings {
        max_ccs: 0,
        ..settings()
    };
    assert_eq!(
        engine
            .plan_notifications(
                &people(),
                &update(UpdateKind::PublicComment, "x@y.example"),
                TriggerAction::EmailRequester,
                &zero
            )
            .unwrap_err()
            .reason(),
        Reason::InvalidRequest
    );
    // Duplicates across To and CC collapse; the sender and the helpdesk never become CCs.
    let decision = inbound(&reply(
        "carla@customer.example",
        &[
            "New <new@customer.example>",
            "support@acme.example",
            "carla@customer.example",
        ],
        &["NEW@customer.example"],
    ));
    assert_eq!(new_ccs(&decision), vec!["new@customer.example"]);
    assert!(decision.ignored.is_empty());
}

fn address() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("carla@customer.example".to_owned()),
        Just("cleo@customer.example".to_owned()),
        Just("finn@acme.example".to_owned()),
        Just("lee@acme.example".to_owned()),
        Just("support@acme.example".to_owned()),
        Just("x@spam.example".to_owned()),
        (0u8..60).prop_map(|i| format!("p{i}@customer.example")),
    ]
}

proptest! {
    /// CCF-02, 07, 12: whatever email arrives, followers never change, no blocklisted address
    /// becomes a CC, the ticket never has more than its CCs, and every new address is either a
    /// new CC or ignored with a reason, once.
    #[test]
    fn ccf_12_no_email_breaks_the_cc_rules(
        from in address(),
        to in proptest::collection::vec(address(), 0..30),
        cc in proptest::collection::vec(address(), 0..30),
        max in 1u32..10,
    ) {
        let settings = CcSettings { max_ccs: max, blocklist: vec!["spam.example".into()], ..settings() };
        let people = people();
        let decision = engine()
            .decide_inbound_email(&InboundEmail { from: from.clone(), to, cc }, &people, &known(), &comments(), &settings, at(0))
            .unwrap();
        let after = people.ccs.len() - decision.removed_ccs.len() + decision.new_ccs.len();
        prop_assert!(after <= (max as usize).max(people.ccs.len() - decision.removed_ccs.len()));
        for new in &decision.new_ccs {
            prop_assert!(!new.person.email.domain().ends_with("spam.example"));
            prop_assert!(new.person.email != email(&from));
            prop_assert!(!people.is_follower(&new.person.email) && !people.is_cc(&new.person.email));
        }
        // Each address of the email is decided once: a new CC or ignored, never both, never twice.
        let mut decided: Vec<String> = decision.new_ccs.iter().map(|n| n.person.email.normalised())
            .chain(decision.ignored.iter().map(|i| i.email.normalised()))
            .collect();
        let count = decided.len();
        decided.sort();
        decided.dedup();
        prop_assert_eq!(decided.len(), count, "an address decided twice");
        let follower_added = |e: &AuditEvent| matches!(e.event, AuditKind::FollowerAdded { .. });
        prop_assert!(!decision.events.iter().any(follower_added), "a follower added by email");
    }
}
