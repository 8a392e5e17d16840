//! Sharing a ticket with other agents (AGT-01..08), one test group per rule.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod common;

use common::{at, engine, rng};
use proptest::prelude::*;
use ticketshare::agent::*;
use ticketshare::*;

fn inbox(name: &str) -> InboxId {
    InboxId::new(name).unwrap()
}

fn agent(id: &str, role: &str, inboxes: &[&str]) -> Actor {
    Actor {
        id: AgentId::new(id).unwrap(),
        name: String::new(),
        role: role.into(),
        granted: Default::default(),
        inboxes: inboxes.iter().map(|i| inbox(i)).collect(),
    }
}

fn colleague(id: &str, inboxes: &[&str]) -> Colleague {
    Colleague {
        id: AgentId::new(id).unwrap(),
        inboxes: inboxes.iter().map(|i| inbox(i)).collect(),
    }
}

fn as_colleague(actor: &Actor) -> Colleague {
    Colleague {
        id: actor.id.clone(),
        inboxes: actor.inboxes.clone(),
    }
}

fn ticket() -> InboxTicket {
    InboxTicket {
        id: TicketId::new("T-7").unwrap(),
        inbox_id: inbox("billing"),
    }
}

const ON: AgentSharingSettings = AgentSharingSettings { enabled: true };
const OFF: AgentSharingSettings = AgentSharingSettings { enabled: false };

fn reason<T: std::fmt::Debug>(result: Result<T>) -> Reason {
    result.unwrap_err().reason()
}

/// Ana (billing) shares the ticket with the given agents; returns the new shares.
fn share(engine: &Engine, with: &[Colleague], existing: &[AgentShare]) -> AgentSharesAdded {
    let ana = agent("ana", "agent", &["billing"]);
    engine
        .share_with_agents(&ana, &ticket(), with, existing, &ON, at(0), &mut rng())
        .unwrap()
}

fn allowed(access: &AgentAccess) -> Vec<Action> {
    access
        .actions
        .iter()
        .filter(|v| v.allowed())
        .map(|v| v.action)
        .collect()
}

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

/// What happens to Bob, who cannot open the inbox, in a random history.
#[derive(Debug, Clone)]
enum Step {
    Share,
    Unshare,
    Schedule,
    TurnOff,
    TurnOn,
    /// The host's clock jumps, forwards or back, by this many seconds.
    Clock(i64),
    Send(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        Just(Step::Share),
        Just(Step::Unshare),
        Just(Step::Schedule),
        Just(Step::TurnOff),
        Just(Step::TurnOn),
        (-7200i64..7200).prop_map(Step::Clock),
        (0usize..8).prop_map(Step::Send),
    ]
}

proptest! {
    /// AGT-07: once a share is removed, no reply Bob scheduled under it is ever allowed to
    /// send, whatever follows (shares again, sharing off and on, the clock going back), and a
    /// host that applies the engine's answers has cancelled it.
    #[test]
    fn agt_07_no_reply_survives_the_removal_of_its_share(steps in proptest::collection::vec(step(), 1..40)) {
        let engine = engine();
        let ana = agent("ana", "admin", &["billing"]);
        let bob = agent("bob", "agent", &["sales"]);
        let mut settings = ON;
        let mut shares: Vec<AgentShare> = Vec::new();
        let mut pending: Vec<ScheduledReply> = Vec::new();
        let mut revoked: Vec<AgentShareId> = Vec::new();
        let mut every_reply: Vec<ScheduledReply> = Vec::new();
        let mut clock = 1000i64;
        let mut rng = rng();
        for step in steps {
            let now = at(clock);
            match step {
                Step::Share => {
                    if let Ok(added) = engine.share_with_agents(&ana, &ticket(), &[as_colleague(&bob)], &shares, &settings, now, &mut rng) {
                        shares.extend(added.added);
                    }
                }
                Step::Unshare => {
                    if let Some(share) = shares.first().cloned() {
                        let removed = engine.unshare_with_agent(&ana, &ticket(), share.id, &as_colleague(&bob), &shares, &pending, now).unwrap();
                        pending.retain(|r| !removed.cancelled_replies.contains(r));
                        shares.retain(|s| *s != removed.removed);
                        revoked.push(removed.removed.id);
                    }
                }
                Step::Schedule => {
                    if let Ok(scheduled) = engine.schedule_reply(&bob, &ticket(), &shares, &settings, at(clock + 60).timestamp(), now, &mut rng) {
                        pending.push(scheduled.reply.clone());
                        every_reply.push(scheduled.reply);
                    }
                }
                Step::TurnOff => settings = OFF,
                Step::TurnOn => settings = ON,
                Step::Clock(delta) => clock = (clock + delta).max(1),
                Step::Send(index) => {
                    if let Some(reply) = every_reply.get(index) {
                        let sent = engine.check_scheduled_reply(reply, &bob, &ticket(), &shares, &settings);
                        let under_revoked = reply.via_share.is_some_and(|s| revoked.contains(&s));
                        if under_revoked {
                            prop_assert_eq!(sent.map_err(|e| e.reason()), Err(Reason::ReplyAuthorLostAccess));
                            prop_assert!(!pending.contains(reply), "a revoked reply is still pending");
                        }
                    }
                }
            }
        }
        for reply in &every_reply {
            if reply.via_share.is_some_and(|s| revoked.contains(&s)) {
                prop_assert!(engine.check_scheduled_reply(reply, &bob, &ticket(), &shares, &ON).is_err());
            }
        }
    }
}
