//! Seeing and removing shares (AGT-05..08): forwarding refused, scheduled replies cancelled, access
//! gone.

use super::*;

#[test]
fn agt_05_agents_and_admins_see_who_it_is_shared_with_and_remove_them() {
    let engine = engine();
    let bob = colleague("bob", &["sales"]);
    let shares = share(&engine, std::slice::from_ref(&bob), &[]).added;
    for role in ["agent", "admin"] {
        let actor = agent("ana", role, &["billing"]);
        let access = engine
            .agent_access(&actor, &ticket(), &shares, &ON)
            .unwrap();
        assert!(access.allows(Action::ManageSharing).is_ok(), "{role}");
        let removed = engine
            .unshare_with_agent(&actor, &ticket(), shares[0].id, &bob, &shares, &[], at(5))
            .unwrap();
        assert_eq!(removed.removed, shares[0]);
        assert!(matches!(
            removed.events[0].event,
            AuditKind::AgentShareRemoved { .. }
        ));
    }
    let viewer = agent("vic", "viewer", &["billing"]);
    let access = engine
        .agent_access(&viewer, &ticket(), &shares, &ON)
        .unwrap();
    assert_eq!(
        access.allows(Action::ManageSharing).unwrap_err().reason(),
        Reason::PermissionDenied
    );
    assert_eq!(
        reason(engine.unshare_with_agent(
            &viewer,
            &ticket(),
            shares[0].id,
            &bob,
            &shares,
            &[],
            at(5)
        )),
        Reason::PermissionDenied
    );
    // Removing is possible with sharing off, and only a share that is among the ticket's.
    let ana = agent("ana", "agent", &["billing"]);
    assert!(engine
        .unshare_with_agent(&ana, &ticket(), shares[0].id, &bob, &shares, &[], at(5))
        .is_ok());
    let unknown = engine
        .unshare_with_agent(&ana, &ticket(), shares[0].id, &bob, &[], &[], at(5))
        .unwrap_err();
    assert_eq!(unknown.reason(), Reason::RecordMismatch);
    assert!(unknown.detail().starts_with("share_id: "), "{unknown}");
    let not_theirs = engine
        .unshare_with_agent(
            &ana,
            &ticket(),
            shares[0].id,
            &colleague("dan", &[]),
            &shares,
            &[],
            at(5),
        )
        .unwrap_err();
    assert_eq!(not_theirs.reason(), Reason::RecordMismatch);
    assert!(not_theirs.detail().starts_with("agent: "), "{not_theirs}");
}

#[test]
fn agt_06_forwarding_is_refused_on_a_shared_ticket_for_everyone() {
    let engine = engine();
    let ana = agent("ana", "agent", &["billing"]);
    let access = engine.agent_access(&ana, &ticket(), &[], &ON).unwrap();
    assert!(access.allows(Action::Forward).is_ok());
    let bob = agent("bob", "agent", &["sales"]);
    let shares = share(&engine, &[as_colleague(&bob)], &[]).added;
    for who in [&ana, &bob, &agent("ada", "admin", &["billing"])] {
        let access = engine.agent_access(who, &ticket(), &shares, &ON).unwrap();
        assert_eq!(
            access.allows(Action::Forward).unwrap_err().reason(),
            Reason::ForwardingUnavailable
        );
    }
}

#[test]
fn agt_07_removing_a_share_cancels_the_replies_scheduled_under_it() {
    let engine = engine();
    let bob = agent("bob", "agent", &["sales"]);
    let shares = share(&engine, &[as_colleague(&bob)], &[]).added;
    let scheduled = engine
        .schedule_reply(
            &bob,
            &ticket(),
            &shares,
            &ON,
            at(3600).timestamp(),
            at(10),
            &mut rng(),
        )
        .unwrap();
    assert_eq!(scheduled.reply.via_share, Some(shares[0].id));
    assert!(engine
        .check_scheduled_reply(&scheduled.reply, &bob, &ticket(), &shares, &ON)
        .is_ok());
    let ana = agent("ana", "agent", &["billing"]);
    let removed = engine
        .unshare_with_agent(
            &ana,
            &ticket(),
            shares[0].id,
            &as_colleague(&bob),
            &shares,
            std::slice::from_ref(&scheduled.reply),
            at(20),
        )
        .unwrap();
    assert_eq!(removed.cancelled_replies, vec![scheduled.reply.clone()]);
    assert!(matches!(
        removed.events[1].event,
        AuditKind::ScheduledReplyCancelled { .. }
    ));
    // Should the host still try to send it, the engine refuses.
    let refused = engine.check_scheduled_reply(&scheduled.reply, &bob, &ticket(), &[], &ON);
    assert_eq!(reason(refused), Reason::ReplyAuthorLostAccess);
}

#[test]
fn agt_07_re_adding_the_agent_does_not_revive_an_old_reply() {
    let engine = engine();
    let bob = agent("bob", "agent", &["sales"]);
    let first = share(&engine, &[as_colleague(&bob)], &[]).added;
    let reply = engine
        .schedule_reply(
            &bob,
            &ticket(),
            &first,
            &ON,
            at(3600).timestamp(),
            at(10),
            &mut rng(),
        )
        .unwrap()
        .reply;
    let ana = agent("ana", "agent", &["billing"]);
    let mut later = ticketshare::testing::SeededRandom::new(7);
    let again = engine
        .share_with_agents(
            &ana,
            &ticket(),
            &[as_colleague(&bob)],
            &[],
            &ON,
            at(100),
            &mut later,
        )
        .unwrap()
        .added;
    assert_ne!(again[0].id, first[0].id);
    let refused = engine.check_scheduled_reply(&reply, &bob, &ticket(), &again, &ON);
    assert_eq!(reason(refused), Reason::ReplyAuthorLostAccess);
    // Nor does turning sharing off and on: the same share is in force again, so it goes.
    assert_eq!(
        reason(engine.check_scheduled_reply(&reply, &bob, &ticket(), &first, &OFF)),
        Reason::ReplyAuthorLostAccess
    );
    assert!(engine
        .check_scheduled_reply(&reply, &bob, &ticket(), &first, &ON)
        .is_ok());
}

#[test]
fn agt_07_a_reply_of_an_agent_who_can_open_the_inbox_is_not_touched() {
    let engine = engine();
    let bob = agent("bob", "agent", &["sales"]);
    let shares = share(&engine, &[as_colleague(&bob)], &[]).added;
    let ana = agent("ana", "agent", &["billing"]);
    let ana_reply = engine
        .schedule_reply(
            &ana,
            &ticket(),
            &shares,
            &ON,
            at(3600).timestamp(),
            at(10),
            &mut rng(),
        )
        .unwrap()
        .reply;
    assert_eq!(ana_reply.via_share, None);
    let bob_reply = engine
        .schedule_reply(
            &bob,
            &ticket(),
            &shares,
            &ON,
            at(3600).timestamp(),
            at(10),
            &mut rng(),
        )
        .unwrap()
        .reply;
    // Bob was given the inbox since: his share's removal leaves his reply alone.
    let bob_now = as_colleague(&agent("bob", "agent", &["sales", "billing"]));
    let removed = engine
        .unshare_with_agent(
            &ana,
            &ticket(),
            shares[0].id,
            &bob_now,
            &shares,
            &[ana_reply.clone(), bob_reply.clone()],
            at(20),
        )
        .unwrap();
    assert!(removed.cancelled_replies.is_empty());
    let bob_with_inbox = agent("bob", "agent", &["sales", "billing"]);
    assert!(engine
        .check_scheduled_reply(&bob_reply, &bob_with_inbox, &ticket(), &[], &ON)
        .is_ok());
    assert!(engine
        .check_scheduled_reply(&ana_reply, &ana, &ticket(), &[], &ON)
        .is_ok());
    // A scheduled reply of another ticket is a bad request.
    let mut stray = ana_reply;
    stray.ticket_id = TicketId::new("T-8").unwrap();
    assert_eq!(
        reason(engine.unshare_with_agent(
            &ana,
            &ticket(),
            shares[0].id,
            &bob_now,
            &shares,
            &[stray],
            at(20)
        )),
        Reason::RecordMismatch
    );
    assert_eq!(
        reason(engine.schedule_reply(
            &ana,
            &ticket(),
            &shares,
            &ON,
            at(5).timestamp(),
            at(10),
            &mut rng()
        )),
        Reason::InvalidTime
    );
}

#[test]
fn agt_08_once_removed_the_agent_can_no_longer_view_or_act() {
    let engine = engine();
    let bob = agent("bob", "agent", &["sales"]);
    let shares = share(&engine, &[as_colleague(&bob)], &[]).added;
    let ana = agent("ana", "agent", &["billing"]);
    engine
        .unshare_with_agent(
            &ana,
            &ticket(),
            shares[0].id,
            &as_colleague(&bob),
            &shares,
            &[],
            at(20),
        )
        .unwrap();
    let access = engine.agent_access(&bob, &ticket(), &[], &ON).unwrap();
    assert_eq!(access.via, AccessVia::None);
    for verdict in &access.actions {
        assert_eq!(
            verdict.refusal.as_ref().map(Error::reason),
            Some(Reason::NoTicketAccess),
            "{:?}",
            verdict.action
        );
    }
    assert_eq!(
        reason(engine.schedule_reply(
            &bob,
            &ticket(),
            &[],
            &ON,
            at(3600).timestamp(),
            at(30),
            &mut rng()
        )),
        Reason::NoTicketAccess
    );
}
