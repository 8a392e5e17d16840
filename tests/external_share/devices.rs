//! Verified browsers (EXT-09): a reshare to an address verified in this browser skips the code;
//! any other asks again, and failures in a row carry over to the reshare.

use super::*;

#[test]
fn ext_09_reshare_to_a_verified_address_skips_the_code_in_the_browser_that_verified() {
    let engine = engine();
    let first = create(&engine, false);
    let (verified_share, _, device) = verified_device(&engine, &first);
    let later = at(4 * 86_400);
    let again = engine
        .create_share(
            &actor("agent"),
            &account("enterprise"),
            &request("  SUPPLIER@Example.com ", false),
            std::slice::from_ref(&verified_share),
            later,
            &mut rng(),
        )
        .unwrap();
    assert_eq!(
        again.share.verification,
        Verification::Inherited {
            from: verified_share.id
        }
    );
    assert!(again
        .events
        .iter()
        .any(|e| matches!(e.event, AuditKind::VerificationInherited { .. })));
    let open = |share: &ExternalShare, token: &str, device: Option<&str>, now| {
        engine
            .open_link(
                token,
                share,
                None,
                device,
                &account("enterprise"),
                now,
                &mut rng(),
            )
            .unwrap()
    };
    // The browser that verified brings its device token: no code.
    match open(&again.share, &again.link_token, Some(&device), later) {
        LinkOpened::Verified { session_token, .. } => {
            assert!(engine
                .check_session(&session_token, &again.share, later)
                .is_ok());
        }
        other => panic!("expected no code, got {other:?}"),
    }
    // The same link forwarded, logged or leaked, opened anywhere else: a code, to the address.
    let forwarded = open(&again.share, &again.link_token, None, later);
    let LinkOpened::CodeSent { email, .. } = &forwarded else {
        panic!("{forwarded:?}")
    };
    assert_eq!(
        email.to,
        EmailAddress::parse("supplier@example.com").unwrap()
    );
    // Also the first share's own link, verified in the first place.
    assert!(matches!(
        open(&verified_share, &first.link_token, None, at(100)),
        LinkOpened::CodeSent { .. }
    ));
    assert!(matches!(
        open(&verified_share, &first.link_token, Some(&device), at(100)),
        LinkOpened::Verified { .. }
    ));
    // A device token proves nothing for another address or ticket, nor once it expired (30
    // days), nor as a link or session token.
    let other = engine
        .create_share(
            &actor("agent"),
            &account("enterprise"),
            &request("other@example.com", false),
            &[],
            later,
            &mut rng(),
        )
        .unwrap();
    let (other_verified, other_session, _) = verified_device(&engine, &other);
    assert!(matches!(
        open(&other_verified, &other.link_token, Some(&device), at(100)),
        LinkOpened::CodeSent { .. }
    ));
    let expired = at(60 + 90 + 30 * 86_400);
    let mut long_lived = again.share.clone();
    long_lived.expires_at = at(60 * 86_400).timestamp();
    let long_token = ticketshare::share::links::issue(
        engine.keyring(),
        Purpose::Link,
        long_lived.id,
        long_lived.expires_at,
    )
    .unwrap();
    assert!(matches!(
        open(&long_lived, &long_token, Some(&device), expired),
        LinkOpened::CodeSent { .. }
    ));
    assert!(matches!(
        open(
            &long_lived,
            &long_token,
            Some(&device),
            at(90 + 30 * 86_400 - 1)
        ),
        LinkOpened::Verified { .. }
    ));
    assert!(matches!(
        open(
            &other_verified,
            &other.link_token,
            Some(&other_session),
            at(100)
        ),
        LinkOpened::CodeSent { .. }
    ));
    assert_eq!(
        reason(engine.verify_link(&device, at(100))),
        Reason::TokenWrongPurpose
    );
}

#[test]
fn ext_09_reshare_after_an_unverified_share_asks_again() {
    let engine = engine();
    let first = create(&engine, false);
    let again = engine
        .create_share(
            &actor("agent"),
            &account("enterprise"),
            &request("supplier@example.com", false),
            std::slice::from_ref(&first.share),
            at(10),
            &mut rng(),
        )
        .unwrap();
    assert_eq!(again.share.verification, Verification::Required);
    let other_ticket = {
        let mut r = request("supplier@example.com", false);
        r.ticket_id = TicketId::new("T-2").unwrap();
        r
    };
    let mixed = engine.create_share(
        &actor("agent"),
        &account("enterprise"),
        &other_ticket,
        &[first.share],
        at(10),
        &mut rng(),
    );
    assert_eq!(reason(mixed), Reason::RecordMismatch);
}

#[test]
fn sec_02_failures_in_a_row_carry_over_to_a_reshare_and_only_a_right_code_resets_them() {
    let engine = engine();
    let created = create(&engine, false);
    let (challenge, code) = open_with_code(&engine, &created, at(1));
    let mut share = created.share.clone();
    let mut challenge = challenge;
    for _ in 0..3 {
        let CodeChecked::Rejected {
            share: s,
            challenge: c,
            ..
        } = engine
            .check_code(
                &created.link_token,
                &share,
                &challenge,
                &wrong(&code),
                at(5),
            )
            .unwrap()
        else {
            panic!()
        };
        (share, challenge) = (s, c);
    }
    assert_eq!(share.failures_in_a_row, 3);
    // The agent shares again with the same address (any case): the count comes along.
    let mut again = request("Supplier@Example.com", false);
    again.ticket_id = share.ticket_id.clone();
    let reshared = engine
        .create_share(
            &actor("agent"),
            &account("enterprise"),
            &again,
            std::slice::from_ref(&share),
            at(20),
            &mut ticketshare::testing::SeededRandom::new(9),
        )
        .unwrap();
    assert_eq!(reshared.share.failures_in_a_row, 3);
    // Another address starts from nothing.
    let other = engine
        .create_share(
            &actor("agent"),
            &account("enterprise"),
            &request("other@example.com", false),
            std::slice::from_ref(&share),
            at(20),
            &mut ticketshare::testing::SeededRandom::new(10),
        )
        .unwrap();
    assert_eq!(other.share.failures_in_a_row, 0);
    // Only the right code resets it.
    let (challenge, code) = open_with_code(&engine, &reshared, at(30));
    let CodeChecked::Accepted { share, .. } = engine
        .check_code(
            &reshared.link_token,
            &reshared.share,
            &challenge,
            &code,
            at(31),
        )
        .unwrap()
    else {
        panic!()
    };
    assert_eq!((share.failures_in_a_row, share.revision.0), (0, 2));
}
