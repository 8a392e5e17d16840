//! One role per person, and light agents (CCF-05's decisions): a light agent's email reply is
//! private and changes no CC whatever else they are on the ticket; a CC made a follower moves;
//! an email never makes a follower a CC.

use super::*;

/// The ticket, with Lee (a light agent) as a CC and Sam (a light agent) as a follower.
fn with_light_agents() -> TicketPeople {
    let mut people = people();
    people
        .ccs
        .push(person("lee@acme.example", PersonRole::LightAgent));
    people
        .followers
        .push(person("sam@acme.example", PersonRole::LightAgent));
    people
}

#[test]
fn ccf_05_a_light_agent_reply_is_private_and_changes_no_cc_even_as_a_cc_or_follower() {
    let people = with_light_agents();
    for sender in ["lee@acme.example", "sam@acme.example"] {
        // Reply all, with the requester, a new address, and a CC left out.
        let mail = reply(
            sender,
            &["carla@customer.example", "support@acme.example"],
            &["cleo@customer.example", "new@customer.example"],
        );
        let decision = inbound_with(&mail, &people, &settings());
        assert_eq!(decision.sender, SenderRole::LightAgent, "{sender}");
        assert_eq!(decision.comment, CommentVisibility::Private, "{sender}");
        assert!(decision.new_ccs.is_empty(), "{sender} adds no CC");
        assert!(decision.removed_ccs.is_empty(), "{sender} removes no CC");
        assert_eq!(
            ignored(&decision),
            [("new@customer.example".to_owned(), Reason::CannotAddCcs)],
            "{sender}"
        );
    }
}

#[test]
fn ccf_05_a_cc_added_as_a_follower_moves_removed_as_cc_and_audited() {
    let added = engine()
        .add_followers(
            &actor(),
            &with_light_agents(),
            &[person("lee@acme.example", PersonRole::LightAgent)],
            &settings(),
            at(0),
        )
        .unwrap();
    assert_eq!(added.added.len(), 1);
    assert_eq!(added.removed_ccs, [email("lee@acme.example")]);
    let kinds: Vec<&str> = added
        .events
        .iter()
        .map(|e| match &e.event {
            AuditKind::CcRemoved { .. } => "cc_removed",
            AuditKind::FollowerAdded { .. } => "follower_added",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["cc_removed", "follower_added"]);
    // The requester stays the requester.
    let requester = engine().add_followers(
        &actor(),
        &people(),
        &[person("carla@customer.example", PersonRole::Agent)],
        &settings(),
        at(0),
    );
    assert_eq!(requester.unwrap_err().reason(), Reason::RecordMismatch);
}

#[test]
fn ccf_05_an_email_never_makes_a_follower_a_cc_and_says_so() {
    let mail = reply(
        "carla@customer.example",
        &["support@acme.example"],
        &[
            "cleo@customer.example",
            "chris@partner.example",
            "finn@acme.example",
        ],
    );
    let decision = inbound(&mail);
    assert!(new_ccs(&decision).is_empty());
    assert_eq!(
        ignored(&decision),
        [("finn@acme.example".to_owned(), Reason::AlreadyFollower)]
    );
}

proptest! {
    /// Whoever a light agent is on the ticket and whoever the email names, their reply is
    /// private and changes no CC.
    #[test]
    fn ccf_05_no_light_agent_email_is_public_or_changes_ccs(
        as_cc in any::<bool>(),
        to in proptest::collection::vec(0usize..6, 0..5),
        cc in proptest::collection::vec(0usize..6, 0..5),
    ) {
        let addresses = [
            "carla@customer.example", "cleo@customer.example", "chris@partner.example",
            "finn@acme.example", "new@customer.example", "support@acme.example",
        ];
        let mut people = people();
        let lee = person("lee@acme.example", PersonRole::LightAgent);
        if as_cc { people.ccs.push(lee) } else { people.followers.push(lee) }
        let pick = |ix: &Vec<usize>| ix.iter().map(|i| addresses[*i]).collect::<Vec<_>>();
        let decision = inbound_with(&reply("lee@acme.example", &pick(&to), &pick(&cc)), &people, &settings());
        prop_assert_eq!(decision.comment, CommentVisibility::Private);
        prop_assert!(decision.new_ccs.is_empty());
        prop_assert!(decision.removed_ccs.is_empty());
    }
}

#[test]
fn ccf_12_each_address_of_an_email_is_decided_alone() {
    let mail = reply(
        "carla@customer.example",
        &["support@acme.example", "ana@customer.example (Ana at work)"],
        &[
            "Nora <nora@customer.example>",
            "\"quoted local\"@customer.example",
            "jos\u{e9}@customer.example",
            "ana@b\u{fc}cher.example",
            "new@customer.example,",
        ],
    );
    let decision = inbound(&mail);
    assert_eq!(
        new_ccs(&decision),
        ["nora@customer.example", "new@customer.example"],
        "the readable ones, a trailing comma read"
    );
    let unreadable: Vec<(&str, Reason)> = decision
        .unreadable
        .iter()
        .map(|u| (u.path.as_str(), u.refusal.reason()))
        .collect();
    assert_eq!(
        unreadable,
        [
            ("email.to[1]", Reason::InvalidEmail),
            ("email.cc[1]", Reason::InvalidEmail),
            ("email.cc[2]", Reason::InvalidEmail),
            ("email.cc[3]", Reason::InvalidEmail),
        ]
    );
    // The text sent is never echoed back.
    for u in &decision.unreadable {
        assert!(!u.refusal.detail().contains("customer.example"), "{u:?}");
    }
}
