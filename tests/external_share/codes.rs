//! Verification codes (SEC-02): random digits stored as a keyed hash, tries, lock, expiry,
//! resend cooldown and cap, failures in a row, and guesses in parallel through revisions.

use super::*;

#[test]
fn sec_02_code_is_random_digits_stored_only_as_a_keyed_hash() {
    let engine = engine();
    let created = create(&engine, false);
    let (challenge, code) = open_with_code(&engine, &created, at(1));
    assert_eq!(code.len(), 6);
    let record = serde_json::to_string(&challenge).unwrap();
    assert!(
        !record.contains(&code),
        "the code must not be in the stored record"
    );
    assert!(!format!("{challenge:?}").contains(&code));
    // Another seed gives another code.
    let mut other = ticketshare::testing::SeededRandom::new(7);
    let LinkOpened::CodeSent { email, .. } = engine
        .open_link(
            &created.link_token,
            &created.share,
            None,
            None,
            &account("enterprise"),
            at(1),
            &mut other,
        )
        .unwrap()
    else {
        panic!("no code")
    };
    assert_ne!(code_in(&email), code);
}

#[test]
fn sec_02_fifth_wrong_code_locks_the_challenge() {
    let engine = engine();
    let created = create(&engine, false);
    let (mut challenge, code) = open_with_code(&engine, &created, at(1));
    for attempt in 1..=5u32 {
        let CodeChecked::Rejected {
            challenge: next,
            attempts_left,
            events,
            ..
        } = engine
            .check_code(
                &created.link_token,
                &created.share,
                &challenge,
                &wrong(&code),
                at(10),
            )
            .unwrap()
        else {
            panic!("wrong code accepted")
        };
        assert_eq!(attempts_left, 5 - attempt);
        assert_eq!(next.wrong_attempts, attempt);
        assert_eq!(
            events
                .iter()
                .any(|e| matches!(e.event, AuditKind::ChallengeLocked { .. })),
            attempt == 5
        );
        challenge = next;
    }
    assert_eq!(challenge.state, ChallengeState::Locked);
    let err = engine
        .check_code(
            &created.link_token,
            &created.share,
            &challenge,
            &code,
            at(11),
        )
        .unwrap_err();
    assert_eq!(err.reason(), Reason::CodeLocked);
}

#[test]
fn sec_02_code_expires_after_ten_minutes() {
    let engine = engine();
    let created = create(&engine, false);
    let (challenge, code) = open_with_code(&engine, &created, at(0));
    assert_eq!(challenge.expires_at, at(600).timestamp());
    assert_eq!(
        reason(engine.check_code(
            &created.link_token,
            &created.share,
            &challenge,
            &code,
            at(600)
        )),
        Reason::CodeExpired
    );
    assert!(engine
        .check_code(
            &created.link_token,
            &created.share,
            &challenge,
            &code,
            at(599)
        )
        .is_ok());
}

#[test]
fn sec_02_code_is_accepted_once() {
    let engine = engine();
    let created = create(&engine, false);
    let (challenge, code) = open_with_code(&engine, &created, at(0));
    let CodeChecked::Accepted { challenge, .. } = engine
        .check_code(
            &created.link_token,
            &created.share,
            &challenge,
            &code,
            at(5),
        )
        .unwrap()
    else {
        panic!("refused")
    };
    assert_eq!(
        reason(engine.check_code(
            &created.link_token,
            &created.share,
            &challenge,
            &code,
            at(6)
        )),
        Reason::CodeAlreadyUsed
    );
}

#[test]
fn sec_02_malformed_codes_count_no_try() {
    let engine = engine();
    let created = create(&engine, false);
    let (challenge, _) = open_with_code(&engine, &created, at(0));
    for bad in [
        "",
        "12345",
        "1234567",
        "12a456",
        "１２３４５６",
        &"9".repeat(10_000),
    ] {
        assert_eq!(
            reason(engine.check_code(&created.link_token, &created.share, &challenge, bad, at(1))),
            Reason::CodeMalformed
        );
    }
}

#[test]
fn sec_02_resend_replaces_the_code_within_cooldown_and_hourly_cap() {
    let engine = engine();
    let created = create(&engine, false);
    let acct = account("enterprise");
    let (first, first_code) = open_with_code(&engine, &created, at(0));
    let resend = |prev: &ticketshare::share::codes::CodeChallenge, secs: i64, seed: u64| {
        engine.resend_code(
            &created.link_token,
            &created.share,
            Some(prev),
            &acct,
            at(secs),
            &mut ticketshare::testing::SeededRandom::new(seed),
        )
    };
    assert_eq!(reason(resend(&first, 59, 1)), Reason::CodeSendLimited);
    let second = resend(&first, 60, 1).unwrap();
    let second_code = code_in(&second.email);
    assert_ne!(second.challenge.id, first.id);
    // The old code does not open the new challenge.
    if first_code != second_code {
        let old = engine
            .check_code(
                &created.link_token,
                &created.share,
                &second.challenge,
                &first_code,
                at(61),
            )
            .unwrap();
        assert!(matches!(old, CodeChecked::Rejected { .. }));
    }
    let mut current = second.challenge;
    for (n, secs) in [(3, 120), (4, 180), (5, 240)] {
        current = resend(&current, secs, n).unwrap().challenge;
        assert_eq!(current.recent_sends.len(), n as usize);
    }
    assert_eq!(reason(resend(&current, 300, 6)), Reason::CodeSendLimited);
    // An hour after the first send, one slot frees up.
    assert!(resend(&current, 3601, 7).is_ok());
}

#[test]
fn sec_02_failures_in_a_row_stay_under_the_cap() {
    let mut config = config();
    config.codes.max_failures_in_a_row = 7;
    config.codes.max_sends_per_hour = 20;
    let engine = Engine::new(config).unwrap();
    let created = create(&engine, false);
    let mut share = created.share.clone();
    let (mut challenge, mut code) = open_with_code(&engine, &created, at(0));
    let mut failures = 0;
    let mut now = 0;
    loop {
        now += 61;
        match engine.check_code(
            &created.link_token,
            &share,
            &challenge,
            &wrong(&code),
            at(now),
        ) {
            Ok(CodeChecked::Rejected {
                challenge: next,
                share: counted,
                ..
            }) => {
                failures += 1;
                assert_eq!(counted.failures_in_a_row, failures);
                challenge = next;
                share = counted;
            }
            // The 7th wrong code in a row locks the collaborator out, whatever the challenge.
            Err(e) if e.reason() == Reason::VerificationLocked => break,
            Err(e) if e.reason() == Reason::CodeLocked => {
                match engine.resend_code(
                    &created.link_token,
                    &share,
                    Some(&challenge),
                    &account("enterprise"),
                    at(now),
                    &mut rng(),
                ) {
                    Ok(sent) => {
                        code = code_in(&sent.email);
                        challenge = sent.challenge;
                    }
                    Err(e) => {
                        assert_eq!(e.reason(), Reason::VerificationLocked);
                        break;
                    }
                }
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(failures <= 7);
    }
    assert_eq!(failures, 7);
    assert_eq!(
        reason(engine.check_code(&created.link_token, &share, &challenge, &code, at(now))),
        Reason::VerificationLocked
    );
    // Asking for a code without the stored challenge resets nothing: the count is the share's.
    assert_eq!(
        reason(engine.resend_code(
            &created.link_token,
            &share,
            None,
            &account("enterprise"),
            at(now + 3_600),
            &mut rng()
        )),
        Reason::VerificationLocked
    );
}

#[test]
fn sec_02_right_code_resets_failures_in_a_row() {
    let engine = engine();
    let created = create(&engine, false);
    let (challenge, code) = open_with_code(&engine, &created, at(0));
    let CodeChecked::Rejected {
        challenge, share, ..
    } = engine
        .check_code(
            &created.link_token,
            &created.share,
            &challenge,
            &wrong(&code),
            at(1),
        )
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(share.failures_in_a_row, 1);
    let CodeChecked::Accepted { share, .. } = engine
        .check_code(&created.link_token, &share, &challenge, &code, at(2))
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(share.failures_in_a_row, 0);
}

#[test]
fn sec_02_code_limits_are_configurable_within_bounds() {
    let mut config = config();
    config.codes.max_failures_in_a_row = 100;
    assert_eq!(reason(Engine::new(config.clone())), Reason::InvalidConfig);
    config.codes.max_failures_in_a_row = 99;
    config.codes.ttl_seconds = Seconds(601);
    assert_eq!(reason(Engine::new(config.clone())), Reason::InvalidConfig);
    config.codes.ttl_seconds = Seconds(300);
    config.codes.digits = 8;
    let engine = Engine::new(config).unwrap();
    let created = create(&engine, false);
    let LinkOpened::CodeSent {
        challenge, email, ..
    } = engine
        .open_link(
            &created.link_token,
            &created.share,
            None,
            None,
            &account("enterprise"),
            at(0),
            &mut rng(),
        )
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(challenge.expires_at, at(300).timestamp());
    let code: String = email
        .text_body
        .chars()
        .filter(char::is_ascii_digit)
        .take(8)
        .collect();
    assert!(engine
        .check_code(
            &created.link_token,
            &created.share,
            &challenge,
            &code,
            at(1)
        )
        .is_ok());
}

/// The host's rows for one share: written only over the revision read, as docs/api.md shows.
struct Rows {
    share: ExternalShare,
    challenge: ticketshare::share::codes::CodeChallenge,
}

impl Rows {
    /// `UPDATE ... WHERE revision = :revision - 1`, both rows in one transaction.
    fn write(
        &mut self,
        share: &ExternalShare,
        challenge: &ticketshare::share::codes::CodeChallenge,
    ) -> bool {
        let fits = share.revision.replaces() == self.share.revision.0
            && challenge.revision.replaces() == self.challenge.revision.0;
        if fits {
            self.share = share.clone();
            self.challenge = challenge.clone();
        }
        fits
    }
}

#[test]
fn sec_02_parallel_guesses_are_each_counted_through_revisions() {
    let engine = engine();
    let created = create(&engine, false);
    assert_eq!(created.share.revision.0, 1, "a new record is revision 1");
    let (challenge, code) = open_with_code(&engine, &created, at(1));
    assert_eq!(challenge.revision.0, 1);
    let mut rows = Rows {
        share: created.share.clone(),
        challenge,
    };
    // Three wrong codes typed at once, each decided on the same stored rows.
    let guess = |rows: &Rows| match engine
        .check_code(
            &created.link_token,
            &rows.share,
            &rows.challenge,
            &wrong(&code),
            at(10),
        )
        .unwrap()
    {
        CodeChecked::Rejected {
            share,
            challenge,
            attempts_left,
            ..
        } => (share, challenge, attempts_left),
        other => panic!("{other:?}"),
    };
    let decided: Vec<_> = (0..3).map(|_| guess(&rows)).collect();
    assert!(decided
        .iter()
        .all(|(s, c, left)| s.revision.0 == 2 && c.revision.0 == 2 && *left == 4));
    // One write wins; the others lose the race, read again and call again.
    let won: Vec<bool> = decided.iter().map(|(s, c, _)| rows.write(s, c)).collect();
    assert_eq!(won, [true, false, false]);
    for expected_left in [3, 2] {
        let (share, challenge, left) = guess(&rows);
        assert_eq!(left, expected_left);
        assert!(rows.write(&share, &challenge));
    }
    assert_eq!(rows.challenge.wrong_attempts, 3);
    assert_eq!(rows.share.failures_in_a_row, 3);
    assert_eq!(rows.share.revision.0, 4);
}
