//! Turning agent sharing on and sharing a ticket (AGT-01..04): who shares with whom, once, and what
//! a share opens.

use super::*;

#[test]
fn agt_01_sharing_is_off_until_an_admin_turns_it_on() {
    let engine = engine();
    let ana = agent("ana", "agent", &["billing"]);
    let bob = colleague("bob", &["sales"]);
    assert_eq!(AgentSharingSettings::default(), OFF);
    let refused = engine.share_with_agents(
        &ana,
        &ticket(),
        std::slice::from_ref(&bob),
        &[],
        &OFF,
        at(0),
        &mut rng(),
    );
    assert_eq!(reason(refused), Reason::AgentSharingDisabled);
    assert_eq!(
        reason(engine.set_agent_sharing(&ana, true, at(0))),
        Reason::PermissionDenied
    );
    let changed = engine
        .set_agent_sharing(&agent("ada", "admin", &[]), true, at(0))
        .unwrap();
    assert_eq!(changed.settings, ON);
    assert!(matches!(
        changed.events[0].event,
        AuditKind::AgentSharingChanged { enabled: true }
    ));
    // On every plan: nothing about plans is asked.
    let added = engine
        .share_with_agents(
            &ana,
            &ticket(),
            &[bob],
            &[],
            &changed.settings,
            at(1),
            &mut rng(),
        )
        .unwrap();
    assert_eq!(added.added.len(), 1);
    // Turned off again, the share that exists grants nothing.
    let bob = agent("bob", "agent", &["sales"]);
    let access = engine
        .agent_access(&bob, &ticket(), &added.added, &OFF)
        .unwrap();
    assert_eq!(access.via, AccessVia::None);
    assert_eq!(
        access.allows(Action::View).unwrap_err().reason(),
        Reason::AgentSharingDisabled
    );
}

#[test]
fn agt_02_agents_and_admins_share_with_agents_who_cannot_open_the_inbox() {
    let engine = engine();
    let (bob, cleo) = (
        colleague("bob", &["sales"]),
        colleague("cleo", &["billing"]),
    );
    for role in ["agent", "team_leader", "admin"] {
        let actor = agent("ana", role, &["billing"]);
        let added = engine
            .share_with_agents(
                &actor,
                &ticket(),
                &[bob.clone(), cleo.clone()],
                &[],
                &ON,
                at(0),
                &mut rng(),
            )
            .unwrap();
        assert_eq!(added.added.len(), 1, "{role}");
        assert_eq!(added.added[0].agent_id, bob.id);
        assert_eq!(added.added[0].shared_by, actor.id);
        // Cleo can open the inbox: skipped, with the reason, never silently.
        assert_eq!(added.skipped.len(), 1);
        assert_eq!(added.skipped[0].agent_id, cleo.id);
        assert_eq!(
            added.skipped[0].refusal.reason(),
            Reason::AgentHasInboxAccess
        );
        assert!(matches!(
            added.events[0].event,
            AuditKind::AgentShareAdded { .. }
        ));
    }
    let viewer = agent("vic", "viewer", &["billing"]);
    let refused = engine.share_with_agents(
        &viewer,
        &ticket(),
        std::slice::from_ref(&bob),
        &[],
        &ON,
        at(0),
        &mut rng(),
    );
    assert_eq!(reason(refused), Reason::PermissionDenied);
    let outsider = agent("oli", "agent", &["sales"]);
    let refused = engine.share_with_agents(
        &outsider,
        &ticket(),
        std::slice::from_ref(&bob),
        &[],
        &ON,
        at(0),
        &mut rng(),
    );
    assert_eq!(reason(refused), Reason::NoTicketAccess);
}

#[test]
fn agt_02_a_second_share_with_one_agent_is_never_made() {
    let engine = engine();
    let bob = colleague("bob", &["sales"]);
    let first = share(&engine, std::slice::from_ref(&bob), &[]);
    let again = share(&engine, std::slice::from_ref(&bob), &first.added);
    assert!(again.added.is_empty());
    assert_eq!(again.skipped[0].refusal.reason(), Reason::AlreadyShared);
    assert!(again.events.is_empty());
    let ana = agent("ana", "agent", &["billing"]);
    let twice = engine.share_with_agents(
        &ana,
        &ticket(),
        &[bob.clone(), bob],
        &[],
        &ON,
        at(0),
        &mut rng(),
    );
    let error = twice.unwrap_err();
    assert_eq!(error.reason(), Reason::InvalidRequest);
    assert!(error.detail().contains("agents[1]"), "{}", error.detail());
    // Records that do not belong together are refused.
    let mut other = first.added[0].clone();
    other.ticket_id = TicketId::new("T-8").unwrap();
    let mixed = engine.share_with_agents(&ana, &ticket(), &[], &[other], &ON, at(0), &mut rng());
    assert_eq!(reason(mixed), Reason::RecordMismatch);
    let doubled = engine.share_with_agents(
        &ana,
        &ticket(),
        &[],
        &[first.added[0].clone(), first.added[0].clone()],
        &ON,
        at(0),
        &mut rng(),
    );
    assert_eq!(reason(doubled), Reason::RecordMismatch);
}

#[test]
fn agt_03_a_share_opens_that_ticket_fully_and_nothing_else() {
    let engine = engine();
    let bob = agent("bob", "agent", &["sales"]);
    let shares = share(&engine, &[as_colleague(&bob)], &[]).added;
    let access = engine.agent_access(&bob, &ticket(), &shares, &ON).unwrap();
    assert_eq!(access.via, AccessVia::Share);
    assert_eq!(access.share_id, Some(shares[0].id));
    let mut expected = Action::ALL.to_vec();
    expected.retain(|a| *a != Action::Forward);
    assert_eq!(allowed(&access), expected);
    // Another ticket of the same inbox is not opened by this share.
    let other = InboxTicket {
        id: TicketId::new("T-8").unwrap(),
        inbox_id: inbox("billing"),
    };
    let access = engine.agent_access(&bob, &other, &[], &ON).unwrap();
    assert_eq!(access.via, AccessVia::None);
    assert!(allowed(&access).is_empty());
}

#[test]
fn agt_04_shared_with_me_is_the_agents_shares() {
    let engine = engine();
    let (bob, dan) = (colleague("bob", &["sales"]), colleague("dan", &["sales"]));
    let shares = share(&engine, &[bob.clone(), dan.clone()], &[]).added;
    let mine: Vec<&AgentShare> = shares.iter().filter(|s| s.shared_with(&bob.id)).collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].ticket_id, ticket().id);
    assert!(!shares[0].shared_with(&AgentId::new("ana").unwrap()));
}
