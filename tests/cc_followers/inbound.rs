//! What an inbound email changes (CCF-07..10): blocklists, third parties, removing CCs, a new CC's
//! catch-up.

use super::*;

#[test]
fn ccf_07_blocklisted_addresses_and_domains_never_become_ccs_or_followers() {
    let blocking = CcSettings {
        blocklist: vec![
            "boss@customer.example".into(),
            "@spam.example".into(),
            "acme.example".into(),
        ],
        ..settings()
    };
    let decision = inbound_with(
        &reply(
            "carla@customer.example",
            &["support@acme.example"],
            &[
                "boss@customer.example",
                "x@mail.spam.example",
                "ok@customer.example",
            ],
        ),
        &people(),
        &blocking,
    );
    assert_eq!(new_ccs(&decision), vec!["ok@customer.example"]);
    assert_eq!(
        ignored(&decision),
        vec![
            ("boss@customer.example".into(), Reason::AddressBlocklisted),
            ("x@mail.spam.example".into(), Reason::AddressBlocklisted)
        ]
    );
    let refused = engine().add_ccs(
        &actor(),
        &people(),
        &["x@spam.example".into()],
        &[],
        &[],
        &blocking,
        at(0),
    );
    assert_eq!(refused.unwrap_err().reason(), Reason::AddressBlocklisted);
    let refused = engine().add_followers(
        &actor(),
        &people(),
        &[agent("ana@acme.example")],
        &blocking,
        at(0),
    );
    assert_eq!(refused.unwrap_err().reason(), Reason::AddressBlocklisted);
    // A follower already blocked is no longer emailed.
    let plan = engine()
        .plan_notifications(
            &people(),
            &update(UpdateKind::InternalNote, "x@y.example"),
            TriggerAction::EmailRequester,
            &blocking,
        )
        .unwrap();
    assert!(plan.recipients.is_empty());
    assert!(plan
        .omitted
        .iter()
        .filter(|o| o.role == RecipientRole::Follower)
        .all(|o| o.omission == Omission::Blocklisted));
}

#[test]
fn ccf_08_a_third_party_reply_is_flagged_and_makes_nobody_a_cc() {
    let decision = inbound(&reply(
        "stranger@elsewhere.example",
        &["support@acme.example", "carla@customer.example"],
        &["friend@elsewhere.example"],
    ));
    assert_eq!(decision.sender, SenderRole::ThirdParty);
    assert!(decision.third_party_warning);
    assert_eq!(
        (decision.comment, decision.rule),
        (CommentVisibility::Private, "CCF-08")
    );
    assert!(decision.new_ccs.is_empty() && decision.removed_ccs.is_empty());
    assert_eq!(
        ignored(&decision),
        vec![("friend@elsewhere.example".into(), Reason::CannotAddCcs)]
    );
}

#[test]
fn ccf_09_only_the_requester_or_a_cc_removes_ccs_and_only_with_the_requester_on_the_email() {
    // Carla answers without Chris: Chris is removed.
    let decision = inbound(&reply(
        "carla@customer.example",
        &["support@acme.example"],
        &["cleo@customer.example"],
    ));
    assert_eq!(decision.removed_ccs, vec![email("chris@partner.example")]);
    assert!(decision
        .events
        .iter()
        .any(|e| matches!(e.event, AuditKind::CcRemoved { .. })));
    // Cleo answers with Carla on the email but without Chris: Chris is removed; Cleo stays.
    let decision = inbound(&reply(
        "cleo@customer.example",
        &["carla@customer.example"],
        &[],
    ));
    assert_eq!(decision.removed_ccs, vec![email("chris@partner.example")]);
    // Cleo answers without Carla: nobody is removed.
    assert!(inbound(&reply(
        "cleo@customer.example",
        &["support@acme.example"],
        &[]
    ))
    .removed_ccs
    .is_empty());
    // An agent's omission removes nobody (the Decision), nor does a third party's.
    assert!(
        inbound(&reply("ana@acme.example", &["carla@customer.example"], &[]))
            .removed_ccs
            .is_empty()
    );
    assert!(inbound(&reply(
        "x@elsewhere.example",
        &["carla@customer.example"],
        &[]
    ))
    .removed_ccs
    .is_empty());
}

#[test]
fn ccf_10_a_new_cc_receives_the_public_responses_since_the_ticket_was_created() {
    let decision = inbound(&reply(
        "carla@customer.example",
        &["support@acme.example"],
        &["new@customer.example"],
    ));
    assert_eq!(decision.new_ccs.len(), 1);
    let ids: Vec<String> = decision.send_items.iter().map(|i| i.to_string()).collect();
    assert_eq!(ids, vec!["c1", "c2"], "listed once, for every new CC");
    let added = engine()
        .add_ccs(
            &actor(),
            &people(),
            &[
                "<new@customer.example>".into(),
                "cleo@customer.example".into(),
            ],
            &[],
            &comments(),
            &settings(),
            at(0),
        )
        .unwrap();
    assert_eq!(added.added.len(), 1);
    assert_eq!(added.send_items.len(), 2);
    assert_eq!(added.unchanged, vec![email("cleo@customer.example")]);
}
