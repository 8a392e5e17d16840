//! `share.status`: where a share stands for the pages that show it (EXT-08, EXT-10, SEC-02).
//! The resend time it gives is checked against `code.resend` itself: one instant before it the
//! resend is refused, at it the resend goes through.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod common;

use common::*;
use proptest::prelude::*;
use ticketshare::share::codes::CodeChallenge;
use ticketshare::share::status::{CodeState, ShareState};
use ticketshare::*;

fn now_at(t: Timestamp) -> Now {
    Now::new(t).unwrap()
}

fn resend(
    engine: &Engine,
    created: &ShareCreated,
    share: &ExternalShare,
    prev: &CodeChallenge,
    t: Timestamp,
) -> Result<CodeChallenge> {
    engine
        .resend_code(
            &created.link_token,
            share,
            Some(prev),
            &account("enterprise"),
            now_at(t),
            &mut rng(),
        )
        .map(|sent| sent.challenge)
}

#[test]
fn ext_08_share_status_is_pending_until_the_link_expires() {
    let engine = engine();
    let created = create(&engine, false);
    let status = engine.share_status(&created.share, None, at(0)).unwrap();
    assert_eq!(status.state, ShareState::Pending);
    assert_eq!(status.expires_at, created.share.expires_at);
    assert_eq!(status.code, None);
    assert_eq!(status.resend_at, Some(at(0).timestamp()));
    let last = created.share.expires_at.unix_seconds() - t0().unix_seconds();
    let before = engine.share_status(&created.share, None, at(last - 1));
    assert_eq!(before.unwrap().state, ShareState::Pending);
    let after = engine.share_status(&created.share, None, at(last)).unwrap();
    assert_eq!(after.state, ShareState::Expired);
    assert_eq!(after.resend_at, None, "no code for an expired link");
}

#[test]
fn ext_10_share_status_cancelled_wins_over_verified_and_expired() {
    let engine = engine();
    let created = create(&engine, false);
    let (share, _) = verified(&engine, &created);
    assert_eq!(
        engine.share_status(&share, None, at(100)).unwrap().state,
        ShareState::Verified
    );
    let cancelled = engine
        .cancel_share(&actor("agent"), &share, at(100), &mut rng())
        .unwrap()
        .share;
    for secs in [100, 72 * 3600, 80 * 3600] {
        let status = engine.share_status(&cancelled, None, at(secs)).unwrap();
        assert_eq!(status.state, ShareState::Cancelled);
        assert_eq!(status.resend_at, None);
    }
}

#[test]
fn sec_02_share_status_counts_the_tries_left_and_names_a_used_or_locked_code() {
    let engine = engine();
    let created = create(&engine, false);
    let (challenge, code) = open_with_code(&engine, &created, at(0));
    let status = engine
        .share_status(&created.share, Some(&challenge), at(1))
        .unwrap();
    let current = status.code.unwrap();
    assert_eq!(
        (current.state, current.attempts_left),
        (CodeState::Pending, 5)
    );
    assert_eq!(current.expires_at, challenge.expires_at);
    assert_eq!(status.resend_at, Some(at(60).timestamp()), "the cooldown");

    let (mut share, mut challenge_now) = (created.share.clone(), challenge.clone());
    for left in (0..5).rev() {
        match engine
            .check_code(
                &created.link_token,
                &share,
                &challenge_now,
                &wrong(&code),
                at(2),
            )
            .unwrap()
        {
            CodeChecked::Rejected {
                share: s,
                challenge: c,
                attempts_left,
                ..
            } => {
                assert_eq!(attempts_left, left);
                let shown = engine
                    .share_status(&s, Some(&c), at(2))
                    .unwrap()
                    .code
                    .unwrap();
                assert_eq!(shown.attempts_left, left);
                let expected = if left == 0 {
                    CodeState::Locked
                } else {
                    CodeState::Pending
                };
                assert_eq!(shown.state, expected);
                (share, challenge_now) = (s, c);
            }
            other => panic!("a wrong code is rejected, got {other:?}"),
        }
    }
    let expired = engine
        .share_status(&created.share, Some(&challenge), at(600))
        .unwrap();
    assert_eq!(expired.code.unwrap().state, CodeState::Expired);
}

#[test]
fn sec_02_share_status_has_no_resend_once_failures_in_a_row_reach_the_cap() {
    let mut config = config();
    config.codes.max_failures_in_a_row = 3;
    let engine = Engine::new(config).unwrap();
    let created = create(&engine, false);
    let (challenge, code) = open_with_code(&engine, &created, at(0));
    let (mut share, mut current) = (created.share.clone(), challenge);
    for _ in 0..3 {
        match engine
            .check_code(&created.link_token, &share, &current, &wrong(&code), at(1))
            .unwrap()
        {
            CodeChecked::Rejected {
                share: s,
                challenge: c,
                ..
            } => (share, current) = (s, c),
            other => panic!("rejected, got {other:?}"),
        }
    }
    let status = engine
        .share_status(&share, Some(&current), at(4000))
        .unwrap();
    assert_eq!(status.state, ShareState::Pending);
    assert_eq!(status.resend_at, None);
    assert_eq!(
        reason(resend(
            &engine,
            &created,
            &share,
            &current,
            at(4000).timestamp()
        )),
        Reason::VerificationLocked
    );
}

#[test]
fn sec_02_share_status_refuses_another_shares_challenge() {
    let engine = engine();
    let one = create(&engine, false);
    let two = create_other(&engine, 7);
    assert_ne!(one.share.id, two.share.id);
    let (challenge, _) = open_with_code(&engine, &one, at(0));
    assert_eq!(
        reason(engine.share_status(&two.share, Some(&challenge), at(1))),
        Reason::LinkRecordMismatch
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// After any sequence of sends, `resend_at` is exactly the first instant `code.resend`
    /// accepts: refused one nanosecond before, accepted at it (SEC-02's cooldown and cap).
    #[test]
    fn sec_02_share_status_resend_at_is_when_a_resend_first_succeeds(
        gaps in proptest::collection::vec(0i64..1500, 1..12)
    ) {
        let engine = engine();
        let created = create(&engine, false);
        let (mut current, _) = open_with_code(&engine, &created, at(0));
        let mut t = at(0).timestamp();
        for gap in gaps {
            let status = engine
                .share_status(&created.share, Some(&current), now_at(t))
                .unwrap();
            let when = status.resend_at.unwrap();
            prop_assert!(when >= t);
            if when > t {
                let just_before = Timestamp::from_unix_nanos(when.unix_nanos() - 1);
                let refused = resend(&engine, &created, &created.share, &current, just_before);
                prop_assert_eq!(refused.map(|_| ()).map_err(|e| e.reason()), Err(Reason::CodeSendLimited));
            }
            current = resend(&engine, &created, &created.share, &current, when).unwrap();
            t = Timestamp::from_unix_seconds(when.unix_seconds() + gap).unwrap();
        }
    }
}
