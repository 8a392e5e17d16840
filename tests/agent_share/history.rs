//! Random histories of shares, removals, scheduled replies, sharing turned off and on and the clock
//! moving: no reply scheduled under a removed share ever sends (AGT-07).

use super::*;

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
