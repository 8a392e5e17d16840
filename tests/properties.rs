//! Invariants, checked on generated inputs (proptest).
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
use ticketshare::base::keys::Keyring;
use ticketshare::share::codes::ChallengeState;
use ticketshare::share::links::{self, Purpose};
use ticketshare::*;

fn ring() -> Keyring {
    Keyring::new(KeyId(3), [(KeyId(3), &[0x5a; 32][..])]).unwrap()
}

fn any_purpose() -> impl Strategy<Value = Purpose> {
    prop_oneof![Just(Purpose::Link), Just(Purpose::Session)]
}

// Instants between 1970 and 2200, in nanoseconds.
const MAX_NANOS: i64 = 7_258_118_400_000_000_000;

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// SEC-01: every issued token verifies to exactly what was signed.
    #[test]
    fn sec_01_issue_then_verify_round_trips(share in any::<[u8; 16]>(), expiry in 1..MAX_NANOS, purpose in any_purpose()) {
        let share = ShareId::from_bytes(share);
        let expires_at = Timestamp::from_unix_nanos(expiry);
        let token = links::issue(&ring(), purpose, share, expires_at).unwrap();
        let claims = links::verify(&ring(), token.as_bytes(), purpose, Timestamp::from_unix_nanos(expiry - 1)).unwrap();
        prop_assert_eq!(claims.share_id, share);
        prop_assert_eq!(claims.expires_at, expires_at);
        prop_assert_eq!(claims.key_id, KeyId(3));
        prop_assert_eq!(claims.purpose, purpose);
    }

    /// SEC-01: changing any character of a valid token to any other character is refused.
    #[test]
    fn sec_01_any_changed_character_is_refused(share in any::<[u8; 16]>(), position in 0usize..83, replacement in any::<u8>()) {
        let token = links::issue(&ring(), Purpose::Link, ShareId::from_bytes(share), Timestamp::from_unix_seconds(2_000_000_000).unwrap()).unwrap();
        let mut bytes = token.clone().into_bytes();
        prop_assume!(bytes[position] != replacement);
        bytes[position] = replacement;
        let tampered = String::from_utf8_lossy(&bytes).into_owned();
        let now = Timestamp::from_unix_seconds(0).unwrap();
        prop_assert!(links::verify(&ring(), tampered.as_bytes(), Purpose::Link, now).is_err());
    }

    /// SEC-01: no arbitrary string verifies, and none panics.
    #[test]
    fn sec_01_arbitrary_input_never_verifies(input in ".{0,600}") {
        let now = Timestamp::from_unix_seconds(0).unwrap();
        prop_assert!(links::verify(&ring(), input.as_bytes(), Purpose::Link, now).is_err());
    }

    /// SEC-01: truncating or extending a valid token is refused.
    #[test]
    fn sec_01_truncated_or_extended_tokens_are_refused(cut in 0usize..83, extra in "[A-Za-z0-9_-]{1,40}") {
        let token = links::issue(&ring(), Purpose::Link, ShareId::from_bytes([1; 16]), Timestamp::from_unix_seconds(2_000_000_000).unwrap()).unwrap();
        let now = Timestamp::from_unix_seconds(0).unwrap();
        prop_assert!(links::verify(&ring(), &token.as_bytes()[..cut], Purpose::Link, now).is_err());
        let extended = format!("{}{}", token, extra);
        prop_assert!(links::verify(&ring(), extended.as_bytes(), Purpose::Link, now).is_err());
    }

    /// EXT-08: a link is valid strictly before shared_at + TTL and expired from then on.
    #[test]
    fn ext_08_valid_strictly_before_expiry(offset in -10_000_000i64..10_000_000) {
        let engine = engine();
        let created = create(&engine, false);
        let expiry = created.share.expires_at.unix_nanos();
        let now = Now::from_unix_nanos(expiry + offset * 1_000).unwrap();
        let result = engine.open_link(&created.link_token, &created.share, None, None, &account("enterprise"), now, &mut rng());
        if offset < 0 {
            prop_assert!(result.is_ok());
        } else {
            prop_assert_eq!(result.unwrap_err().reason(), Reason::LinkExpired);
        }
    }

    /// EXT-10: a cancelled share never opens again, whenever it is tried.
    #[test]
    fn ext_10_cancelled_share_never_opens(cancel_after in 0i64..259_199, try_after in 0i64..400_000) {
        let engine = engine();
        let created = create(&engine, false);
        let (share, session) = verified(&engine, &created);
        let cancelled = engine.cancel_share(&actor("agent"), &share, at(cancel_after), &mut rng()).unwrap();
        let now = at(cancel_after + try_after);
        prop_assert!(engine.open_link(&created.link_token, &cancelled.share, None, None, &account("enterprise"), now, &mut rng()).is_err());
        prop_assert!(engine.check_session(&session, &cancelled.share, now).is_err());
    }

    /// SEC-02: whatever is entered, wrong tries never exceed the limit and a locked challenge
    /// accepts nothing, not even the right code.
    #[test]
    fn sec_02_wrong_tries_never_exceed_the_limit(guesses in proptest::collection::vec("[0-9]{6}|.{0,8}", 1..30)) {
        let engine = engine();
        let created = create(&engine, false);
        let (mut challenge, code) = open_with_code(&engine, &created, at(0));
        for guess in guesses {
            if guess == code {
                continue;
            }
            if let Ok(CodeChecked::Rejected { challenge: next, .. }) =
                engine.check_code(&created.link_token, &created.share, &challenge, &guess, at(1))
            {
                challenge = next;
            }
            prop_assert!(challenge.wrong_attempts <= 5);
            prop_assert_eq!(challenge.state == ChallengeState::Locked, challenge.wrong_attempts == 5);
        }
        if challenge.state == ChallengeState::Locked {
            let err = engine.check_code(&created.link_token, &created.share, &challenge, &code, at(2)).unwrap_err();
            prop_assert_eq!(err.reason(), Reason::CodeLocked);
        }
    }

    /// SEC-03: arbitrary JSON for the records never panics the deserialiser or the engine.
    #[test]
    fn sec_03_arbitrary_share_requests_never_panic(recipient in ".{0,300}", subject in ".{0,300}", message in ".{0,300}") {
        let engine = engine();
        let request = ShareRequest {
            ticket_id: TicketId::new("T-1").unwrap(),
            recipient,
            subject,
            message,
            include_customer_details: false,
        };
        let _ = engine.create_share(&actor("agent"), &account("enterprise"), &request, &[], at(0), &mut rng());
    }

    /// SEC-03: every operation, given arbitrary JSON arguments built from its own field names,
    /// answers with a result or a known reason, never a panic.
    #[test]
    fn sec_03_every_operation_answers_arbitrary_arguments(
        op in proptest::sample::select(ticketshare::api::OPERATIONS.to_vec()),
        args in json_value(),
    ) {
        let request = serde_json::json!({"v": 1, "op": op, "args": args});
        ticketshare::testing::fuzz::api(request.to_string().as_bytes());
    }
}

/// JSON values whose keys are the surface's own field names and whose strings look like the
/// values it reads (ids, addresses, URLs, times), nested a few levels.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{json, Value};
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        proptest::sample::select(vec![
            "",
            "ana@example.com",
            "Ana <ana@example.com>",
            "https://acme.example/sharing",
            "2026-11-23T09:00:00Z",
            "2026-02-30",
            "0123456789abcdef0123456789abcdef01234567",
            "admin",
            "agent",
            "open",
            "on_hold",
            "public_and_private",
            "private_only",
            "sender",
            "receiver",
            "text",
            "dropdown",
            "accepted",
            "inactive",
            "T-1",
        ])
        .prop_map(Value::from),
        ".{0,40}".prop_map(Value::from),
    ];
    let keys = proptest::sample::select(vec![
        "id",
        "actor",
        "account",
        "agreement",
        "agreements",
        "agreement_id",
        "ticket",
        "ticket_id",
        "shares",
        "status",
        "source",
        "target",
        "ours",
        "theirs",
        "values",
        "value",
        "field_id",
        "title",
        "type",
        "options",
        "tag",
        "terms",
        "comments",
        "offer",
        "partner",
        "name",
        "url",
        "role",
        "now",
        "update",
        "people",
        "requester",
        "ccs",
        "followers",
        "email",
        "from",
        "to",
        "cc",
        "settings",
        "share",
        "placeholders",
        "invitation",
        "side",
        "access_key",
    ]);
    leaf.prop_recursive(4, 48, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(keys.clone(), inner, 0..8).prop_map(|m| Value::Object(
                m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}
