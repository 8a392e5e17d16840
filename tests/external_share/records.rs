//! The records and what leaks (SEC-03..08): records that do not belong together, audit events,
//! opening again, forged and cancelled links alike, sessions, failed randomness, tagged records.

use super::*;

#[test]
fn sec_03_records_that_do_not_belong_together_are_refused() {
    let engine = engine();
    let a = create(&engine, false);
    let b = create_other(&engine, 3);
    let (challenge_b, code_b) = open_with_code(&engine, &b, at(1));
    assert_eq!(
        reason(engine.check_code(&a.link_token, &a.share, &challenge_b, &code_b, at(2))),
        Reason::LinkRecordMismatch
    );
    assert_eq!(
        reason(engine.check_code(&a.link_token, &b.share, &challenge_b, &code_b, at(2))),
        Reason::LinkRecordMismatch
    );
    let opened = engine.open_link(
        &a.link_token,
        &a.share,
        Some(&challenge_b),
        None,
        &account("enterprise"),
        at(2),
        &mut rng(),
    );
    assert_eq!(reason(opened), Reason::LinkRecordMismatch);
}

#[test]
fn sec_04_every_state_change_returns_audit_events() {
    let engine = engine();
    let created = create(&engine, false);
    assert!(matches!(
        created.events[0].event,
        AuditKind::ShareCreated { .. }
    ));
    let LinkOpened::CodeSent {
        challenge,
        events,
        email,
    } = engine
        .open_link(
            &created.link_token,
            &created.share,
            None,
            None,
            &account("enterprise"),
            at(1),
            &mut rng(),
        )
        .unwrap()
    else {
        panic!()
    };
    assert!(matches!(events[0].event, AuditKind::CodeSent { .. }));
    let CodeChecked::Accepted {
        share,
        session_token,
        events,
        ..
    } = engine
        .check_code(
            &created.link_token,
            &created.share,
            &challenge,
            &code_in(&email),
            at(2),
        )
        .unwrap()
    else {
        panic!()
    };
    assert!(matches!(events[0].event, AuditKind::CodeAccepted { .. }));
    let reply = CollaboratorReply {
        body: "done".into(),
        attachments: vec![],
        send_copy: false,
    };
    let replied = engine
        .reply(
            &session_token,
            &share,
            &reply,
            &account("enterprise"),
            at(3),
            &mut rng(),
        )
        .unwrap();
    assert!(matches!(
        replied.events[0].event,
        AuditKind::CollaboratorReplied { .. }
    ));
    let cancelled = engine
        .cancel_share(&actor("agent"), &share, at(4), &mut rng())
        .unwrap();
    assert!(matches!(
        cancelled.events[0].event,
        AuditKind::ShareCancelled { .. }
    ));
    for event in [
        &created.events[0],
        &events[0],
        &replied.events[0],
        &cancelled.events[0],
    ] {
        let json = serde_json::to_value(event).unwrap();
        assert!(
            json["at"].is_string()
                && json["actor"]["type"].is_string()
                && json["event"]["type"].is_string()
        );
    }
}

#[test]
fn sec_05_opening_the_link_again_sends_nothing_and_changes_nothing() {
    let engine = engine();
    let created = create(&engine, false);
    let (challenge, _) = open_with_code(&engine, &created, at(1));
    let before = (created.share.clone(), challenge.clone());
    for secs in [2, 30, 500] {
        let opened = engine
            .open_link(
                &created.link_token,
                &created.share,
                Some(&challenge),
                None,
                &account("enterprise"),
                at(secs),
                &mut rng(),
            )
            .unwrap();
        assert_eq!(
            opened,
            LinkOpened::CodePending {
                challenge_id: challenge.id,
                expires_at: challenge.expires_at
            }
        );
    }
    assert_eq!(before, (created.share.clone(), challenge.clone()));
    // Once the code expired, opening sends a new one (rate-limited), still without touching the share.
    let opened = engine
        .open_link(
            &created.link_token,
            &created.share,
            Some(&challenge),
            None,
            &account("enterprise"),
            at(601),
            &mut rng(),
        )
        .unwrap();
    assert!(matches!(opened, LinkOpened::CodeSent { .. }));
}

#[test]
fn sec_06_forged_and_cancelled_links_look_alike_from_outside() {
    let engine = engine();
    let created = create(&engine, false);
    let mut forged = created.link_token.clone().into_bytes();
    forged[40] = if forged[40] == b'A' { b'B' } else { b'A' };
    let forged = String::from_utf8(forged).unwrap();
    let e1 = engine.verify_link(&forged, at(1)).unwrap_err();
    let cancelled = engine
        .cancel_share(&actor("agent"), &created.share, at(1), &mut rng())
        .unwrap();
    let e2 = engine
        .open_link(
            &created.link_token,
            &cancelled.share,
            None,
            None,
            &account("enterprise"),
            at(2),
            &mut rng(),
        )
        .unwrap_err();
    assert_ne!(e1.reason(), e2.reason());
    assert_eq!(e1.public_category(), PublicCategory::InvalidLink);
    assert_eq!(e2.public_category(), PublicCategory::InvalidLink);
    assert!(!e1.detail().contains(&created.link_token));
}

#[test]
fn sec_08_session_has_its_own_purpose_and_never_outlives_the_link() {
    let engine = engine();
    let created = create(&engine, false);
    let (challenge, code) = open_with_code(&engine, &created, at(0));
    let late = 72 * 3600 - 600;
    let CodeChecked::Accepted {
        share,
        session_token,
        session_expires_at,
        ..
    } = engine
        .check_code(
            &created.link_token,
            &created.share,
            &challenge,
            &code,
            at(late),
        )
        .unwrap_or_else(|_| {
            // The challenge from at(0) has expired by then; take a fresh one.
            let (challenge, code) = open_with_code(&engine, &created, at(late));
            engine
                .check_code(
                    &created.link_token,
                    &created.share,
                    &challenge,
                    &code,
                    at(late),
                )
                .unwrap()
        })
    else {
        panic!()
    };
    assert_eq!(
        session_expires_at, share.expires_at,
        "a 1 h session is cut at the link's expiry"
    );
    assert_eq!(
        reason(engine.verify_link(&session_token, at(late))),
        Reason::TokenWrongPurpose
    );
    assert_eq!(
        reason(engine.check_session(&created.link_token, &share, at(late))),
        Reason::TokenWrongPurpose
    );
    assert_eq!(
        reason(engine.check_session(&session_token, &share, Now::new(share.expires_at).unwrap())),
        Reason::SessionExpired
    );
    // Early on, a session lasts the configured hour.
    let (_, early) = verified(&engine, &created);
    let claims = engine.verify_session_token(&early, at(90)).unwrap();
    assert_eq!(claims.expires_at, at(90 + 3600).timestamp());
}

/// A randomness source that has failed (an OS without entropy, say).
struct BrokenRandom;

impl RandomSource for BrokenRandom {
    fn fill(&mut self, _buf: &mut [u8]) -> Result<()> {
        Err(Error::new(Reason::RandomnessUnavailable, "no entropy"))
    }
}

#[test]
fn sec_03_failed_randomness_is_a_refusal_not_a_panic() {
    let engine = engine();
    let created = engine.create_share(
        &actor("agent"),
        &account("enterprise"),
        &request("a@b.example", false),
        &[],
        at(0),
        &mut BrokenRandom,
    );
    assert_eq!(reason(created), Reason::RandomnessUnavailable);
    let ok = create(&engine, false);
    let opened = engine.open_link(
        &ok.link_token,
        &ok.share,
        None,
        None,
        &account("enterprise"),
        at(1),
        &mut BrokenRandom,
    );
    assert_eq!(reason(opened), Reason::RandomnessUnavailable);
}

#[test]
fn sec_03_tagged_records_round_trip_and_refuse_mixed_fields() {
    use ticketshare::share::thread::{ExternalNotePurpose, ItemKind};
    for verification in [
        Verification::Required,
        Verification::Inherited {
            from: ShareId::from_bytes([1; 16]),
        },
        Verification::Verified { at: t0() },
    ] {
        let json = serde_json::to_string(&verification).unwrap();
        assert_eq!(
            serde_json::from_str::<Verification>(&json).unwrap(),
            verification,
            "{json}"
        );
    }
    for kind in [
        ItemKind::Incoming,
        ItemKind::InternalNote,
        ItemKind::ExternalNote {
            share_id: ShareId::from_bytes([2; 16]),
            purpose: ExternalNotePurpose::Shared,
        },
    ] {
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(
            serde_json::from_str::<ItemKind>(&json).unwrap(),
            kind,
            "{json}"
        );
    }
    for bad in [
        r#"{"state":"required","at":"2026-11-23T09:00:00Z"}"#,
        r#"{"state":"inherited"}"#,
        r#"{"state":"verified","from":"01010101-0101-4101-8101-010101010101"}"#,
        r#"{"state":"lost"}"#,
        r#"{"state":"required","extra":1}"#,
    ] {
        assert!(serde_json::from_str::<Verification>(bad).is_err(), "{bad}");
    }
    for bad in [
        r#"{"type":"incoming","purpose":"shared"}"#,
        r#"{"type":"external_note"}"#,
        r#"{"kind":"incoming"}"#,
    ] {
        assert!(serde_json::from_str::<ItemKind>(bad).is_err(), "{bad}");
    }
}
