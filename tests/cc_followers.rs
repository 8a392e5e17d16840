//! CCs and followers in email clients (CCF-01..12), one test group per rule.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod common;

use common::{at, engine};
use proptest::prelude::*;
use ticketshare::cc::*;
use ticketshare::*;

fn email(address: &str) -> EmailAddress {
    EmailAddress::parse(address).unwrap()
}

fn person(address: &str, role: PersonRole) -> Person {
    Person {
        email: email(address),
        name: None,
        role,
    }
}

fn end_user(address: &str) -> Person {
    person(address, PersonRole::EndUser)
}

fn agent(address: &str) -> Person {
    person(address, PersonRole::Agent)
}

/// Carla asked; Cleo and Chris are CCs; Finn and Fay (agents) follow.
fn people() -> TicketPeople {
    TicketPeople {
        ticket_id: TicketId::new("T-9").unwrap(),
        requester: end_user("carla@customer.example"),
        ccs: vec![
            end_user("cleo@customer.example"),
            end_user("chris@partner.example"),
        ],
        followers: vec![agent("finn@acme.example"), agent("fay@acme.example")],
        assignee: None,
    }
}

fn settings() -> CcSettings {
    CcSettings {
        support_addresses: vec![email("support@acme.example")],
        ..CcSettings::default()
    }
}

fn actor() -> Actor {
    Actor {
        id: AgentId::new("ana").unwrap(),
        name: "Ana".into(),
        role: "agent".into(),
        granted: Default::default(),
        inboxes: Vec::new(),
    }
}

fn update(kind: UpdateKind, author: &str) -> TicketUpdate {
    TicketUpdate {
        kind,
        author: email(author),
    }
}

fn plan(kind: UpdateKind, action: TriggerAction, settings: &CcSettings) -> NotificationPlan {
    engine()
        .plan_notifications(
            &people(),
            &update(kind, "ana@acme.example"),
            action,
            settings,
        )
        .unwrap()
}

fn emailed(plan: &NotificationPlan) -> Vec<(String, RecipientRole, bool, &'static str)> {
    plan.recipients
        .iter()
        .map(|r| (r.email.to_string(), r.role, r.visible, r.rule))
        .collect()
}

fn reply(from: &str, to: &[&str], cc: &[&str]) -> InboundEmail {
    InboundEmail {
        from: from.into(),
        to: to.iter().map(|s| s.to_string()).collect(),
        cc: cc.iter().map(|s| s.to_string()).collect(),
    }
}

fn known() -> Vec<Person> {
    vec![
        agent("ana@acme.example"),
        person("lee@acme.example", PersonRole::LightAgent),
        agent("finn@acme.example"),
    ]
}

fn comments() -> Vec<CommentRef> {
    ["c1", "n1", "c2"]
        .iter()
        .map(|id| CommentRef {
            id: ItemId::new(*id).unwrap(),
            public: id.starts_with('c'),
        })
        .collect()
}

fn inbound(mail: &InboundEmail) -> InboundDecision {
    inbound_with(mail, &people(), &settings())
}

fn inbound_with(
    mail: &InboundEmail,
    people: &TicketPeople,
    settings: &CcSettings,
) -> InboundDecision {
    engine()
        .decide_inbound_email(mail, people, &known(), &comments(), settings, at(0))
        .unwrap()
}

fn new_ccs(decision: &InboundDecision) -> Vec<String> {
    decision
        .new_ccs
        .iter()
        .map(|n| n.person.email.to_string())
        .collect()
}

fn ignored(decision: &InboundDecision) -> Vec<(String, Reason)> {
    decision
        .ignored
        .iter()
        .map(|i| (i.email.to_string(), i.refusal.reason()))
        .collect()
}

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
    let ids: Vec<String> = decision.new_ccs[0]
        .send_items
        .iter()
        .map(|i| i.to_string())
        .collect();
    assert_eq!(ids, vec!["c1", "c2"]);
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
    assert_eq!(added.added[0].send_items.len(), 2);
    assert_eq!(added.unchanged, vec![email("cleo@customer.example")]);
}

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

#[test]
fn sec_03_cc_input_that_cannot_be_is_refused_with_its_path() {
    let engine = engine();
    let bad = engine.decide_inbound_email(
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
    );
    let error = bad.unwrap_err();
    assert_eq!(error.reason(), Reason::InvalidEmail);
    assert!(
        error.detail().starts_with("email.to[1]: "),
        "{}",
        error.detail()
    );
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
