//! The external share, rule by rule (EXT-01..14, SEC-02..08).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod common;

use common::*;
use ticketshare::share::branding::{BrandingForm, LogoUpload};
use ticketshare::share::codes::ChallengeState;
use ticketshare::share::thread::{AuthorRole, ExternalNotePurpose, ItemKind};
use ticketshare::testing::png_header as png;
use ticketshare::*;

#[test]
fn ext_01_share_holds_recipient_subject_message_and_details_default_off() {
    let request: ShareRequest = serde_json::from_value(serde_json::json!({
        "ticket_id": "T-1001",
        "recipient": "supplier@example.com",
        "subject": "Size label",
        "message": "Please check."
    }))
    .unwrap();
    assert!(!request.include_customer_details);
    let created = engine()
        .create_share(
            &actor("agent"),
            &account("enterprise"),
            &request,
            &[],
            at(0),
            &mut rng(),
        )
        .unwrap();
    assert_eq!(created.share.recipient.as_str(), "supplier@example.com");
    assert_eq!(created.share.subject, "Size label");
    assert_eq!(created.share.message, "Please check.");
    assert!(!created.share.include_customer_details);
    assert_eq!(created.share.verification, Verification::Required);
}

#[test]
fn ext_01_bad_share_requests_are_refused() {
    let engine = engine();
    let share = |r: ShareRequest| {
        engine.create_share(
            &actor("agent"),
            &account("enterprise"),
            &r,
            &[],
            at(0),
            &mut rng(),
        )
    };
    assert_eq!(
        reason(share(request("not-an-email", false))),
        Reason::InvalidEmail
    );
    let mut r = request("supplier@example.com", false);
    r.subject = "  ".into();
    assert_eq!(reason(share(r)), Reason::InvalidText);
    let mut r = request("supplier@example.com", false);
    r.subject = "Hi\r\nBcc: everyone@example.com".into();
    assert_eq!(reason(share(r)), Reason::InvalidText);
    let mut r = request("supplier@example.com", false);
    r.message = "x".repeat(20_001);
    assert_eq!(reason(share(r)), Reason::InvalidText);
}

#[test]
fn ext_02_external_share_permission_is_required() {
    let engine = engine();
    let refused = engine.create_share(
        &actor("viewer"),
        &account("enterprise"),
        &request("s@example.com", false),
        &[],
        at(0),
        &mut rng(),
    );
    let err = refused.unwrap_err();
    assert_eq!(err.reason(), Reason::PermissionDenied);
    assert!(err.detail().contains("external_share"));
    for role in ["admin", "team_leader", "agent"] {
        assert!(engine
            .create_share(
                &actor(role),
                &account("enterprise"),
                &request("s@example.com", false),
                &[],
                at(0),
                &mut rng()
            )
            .is_ok());
    }
    let mut granted = actor("viewer");
    granted.granted = vec![Permission::ExternalShare].into();
    assert!(engine
        .create_share(
            &granted,
            &account("enterprise"),
            &request("s@example.com", false),
            &[],
            at(0),
            &mut rng()
        )
        .is_ok());
}

#[test]
fn ext_03_plan_must_include_ticket_share() {
    let engine = engine();
    let err = engine
        .create_share(
            &actor("admin"),
            &account("starter"),
            &request("s@example.com", false),
            &[],
            at(0),
            &mut rng(),
        )
        .unwrap_err();
    assert_eq!(err.reason(), Reason::PlanFeatureMissing);
    assert!(err.detail().contains("ticket_share"));
    assert!(engine
        .create_share(
            &actor("admin"),
            &account("performance_plus"),
            &request("s@example.com", false),
            &[],
            at(0),
            &mut rng()
        )
        .is_ok());
}

#[test]
fn ext_04_share_adds_an_external_note_the_customer_never_sees() {
    let created = create(&engine(), false);
    let note = &created.note;
    assert_eq!(
        note.kind,
        ItemKind::ExternalNote {
            share_id: created.share.id,
            purpose: ExternalNotePurpose::Shared
        }
    );
    assert!(!note.kind.visible_to_customer());
    assert!(note.body.contains("supplier@example.com"));
    assert!(note.body.contains("Size label mismatch"));
    assert!(note.body.contains("far smaller than expected"));
    assert!(ItemKind::Incoming.visible_to_customer());
}

#[test]
fn ext_05_email_carries_message_agent_company_and_secure_link() {
    let engine = engine();
    let created = create(&engine, false);
    let email = &created.email;
    assert_eq!(email.to.as_str(), "supplier@example.com");
    assert_eq!(email.subject, "Size label mismatch");
    assert!(email.text_body.contains("far smaller than expected"));
    assert!(email.text_body.contains("Ana from Acme Shoes"));
    assert!(email.text_body.contains(&created.link_url));
    assert!(email.html_body.contains("View conversation"));
    assert!(email
        .html_body
        .contains(&format!("href=\"{}\"", created.link_url)));
    assert_eq!(
        created.link_url,
        format!("https://help.example.com/shared/{}", created.link_token)
    );
    let claims = engine.verify_link(&created.link_token, at(0)).unwrap();
    assert_eq!(claims.share_id, created.share.id);
}

#[test]
fn ext_05_the_link_is_a_path_segment_under_view_url_whatever_its_trailing_slash() {
    for (view_url, base) in [
        (
            "https://help.example.com/shared/",
            "https://help.example.com/shared/",
        ),
        (
            "https://help.example.com/shared",
            "https://help.example.com/shared/",
        ),
        ("https://help.example.com", "https://help.example.com/"),
    ] {
        let mut config = config();
        config.view_url = ticketshare::base::url::ViewUrl::parse(view_url).unwrap();
        let engine = Engine::new(config).unwrap();
        let created = create(&engine, false);
        assert_eq!(
            created.link_url,
            format!("{base}{}", created.link_token),
            "{view_url}"
        );
    }
    // A query or fragment would carry the token; credentials are no URL of ours.
    for bad in [
        "https://help.example.com/shared?x=1",
        "https://help.example.com/shared#top",
    ] {
        let mut config = config();
        config.view_url = ticketshare::base::url::ViewUrl::parse(bad).unwrap();
        assert_eq!(reason(Engine::new(config)), Reason::InvalidConfig, "{bad}");
    }
    assert_eq!(
        reason(ticketshare::base::url::HttpsUrl::parse(
            "https://user:pw@help.example.com/"
        )),
        Reason::InvalidUrl
    );
}

#[test]
fn ext_05_view_url_is_https_or_http_on_this_machine_only() {
    use ticketshare::base::url::{HttpsUrl, ViewUrl};
    // A developer's machine or a test server: browsers treat these as secure contexts.
    for dev in [
        "http://localhost:8000/shared/",
        "http://127.0.0.1:8000/shared/",
        "http://127.8.9.10/",
        "http://[::1]:8000/shared/",
        "http://helpdesk.localhost/shared/",
    ] {
        let mut config = config();
        config.view_url = ViewUrl::parse(dev).unwrap();
        let created = create(&Engine::new(config).unwrap(), false);
        assert!(
            created.link_url.starts_with(dev.trim_end_matches('/')),
            "{dev}"
        );
        // Only the page's URL: a logo, a logo link or a partner is https everywhere.
        assert_eq!(reason(HttpsUrl::parse(dev)), Reason::InvalidUrl, "{dev}");
    }
    for bad in [
        "http://help.example.com/shared/",
        "http://127.0.0.1.evil.example/",
        "http://localhost.evil.example/",
        "http://10.0.0.1/",
        "http://[::2]/",
        "http://localhost@evil.example/",
        "ftp://localhost/",
    ] {
        assert_eq!(reason(ViewUrl::parse(bad)), Reason::InvalidUrl, "{bad}");
    }
    let json = serde_json::json!({
        "keyring": {"active": 1, "keys": [{"id": 1, "secret": KEY_1}]},
        "view_url": "http://help.example.com/shared/"
    });
    let refused = serde_json::from_value::<EngineConfig>(json).unwrap_err();
    assert!(
        refused.to_string().contains("http only on localhost"),
        "{refused}"
    );
}

#[test]
fn ext_06_thread_is_shown_only_after_the_right_code() {
    let engine = engine();
    let created = create(&engine, false);
    let thread = thread(created.share.id, ShareId::from_bytes([9; 16]));
    // The link token itself is no session.
    assert_eq!(
        reason(engine.view(&created.link_token, &created.share, &thread, at(1))),
        Reason::TokenWrongPurpose
    );
    let (challenge, code) = open_with_code(&engine, &created, at(60));
    assert_eq!(code.len(), 6);
    let rejected = engine
        .check_code(
            &created.link_token,
            &created.share,
            &challenge,
            &wrong(&code),
            at(70),
        )
        .unwrap();
    let CodeChecked::Rejected {
        challenge,
        attempts_left,
        ..
    } = rejected
    else {
        panic!("wrong code accepted")
    };
    assert_eq!(attempts_left, 4);
    let accepted = engine
        .check_code(
            &created.link_token,
            &created.share,
            &challenge,
            &code,
            at(80),
        )
        .unwrap();
    let CodeChecked::Accepted {
        share,
        session_token,
        ..
    } = accepted
    else {
        panic!("right code refused")
    };
    assert_eq!(
        share.verification,
        Verification::Verified {
            at: at(80).timestamp()
        }
    );
    assert!(engine.view(&session_token, &share, &thread, at(90)).is_ok());
    // The unverified share record does not admit the session.
    assert_eq!(
        reason(engine.view(&session_token, &created.share, &thread, at(90))),
        Reason::VerificationRequired
    );
}

#[test]
fn ext_07_view_has_messages_and_this_shares_notes_only() {
    let engine = engine();
    let created = create(&engine, false);
    let (share, session) = verified(&engine, &created);
    let thread = thread(share.id, ShareId::from_bytes([9; 16]));
    let view = engine.view(&session, &share, &thread, at(100)).unwrap();
    let ids: Vec<&str> = view.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        ["m1", "m2", "x1"],
        "internal note and other share's note must be absent"
    );
    assert!(view.customer.is_none());
    assert_eq!(view.items[0].author.name, "Customer");
    assert!(!serde_json::to_string(&view).unwrap().contains("Carla"));
    assert!(!serde_json::to_string(&view).unwrap().contains("ORD-555"));
}

#[test]
fn ext_07_view_has_customer_details_when_included() {
    let engine = engine();
    let created = create(&engine, true);
    let (share, session) = verified(&engine, &created);
    let view = engine
        .view(
            &session,
            &share,
            &thread(share.id, ShareId::from_bytes([9; 16])),
            at(100),
        )
        .unwrap();
    assert_eq!(
        view.customer.as_ref().map(|c| c.name.as_str()),
        Some("Carla Customer")
    );
    assert_eq!(view.items[0].author.name, "Carla Customer");
    assert!(!view.items.iter().any(|i| i.kind == ItemKind::InternalNote));
}

#[test]
fn ext_12_customer_contact_is_never_shown_even_with_details_included() {
    let engine = engine();
    for include in [false, true] {
        let created = create(&engine, include);
        let (share, session) = verified(&engine, &created);
        let view = engine
            .view(
                &session,
                &share,
                &thread(share.id, ShareId::from_bytes([9; 16])),
                at(100),
            )
            .unwrap();
        let json = serde_json::to_string(&view).unwrap();
        assert!(
            !json.contains("carla@customer.example"),
            "include={include}"
        );
        assert!(!json.contains("7946"), "include={include}");
    }
}

#[test]
fn ext_08_link_expires_after_three_days() {
    let engine = engine();
    let created = create(&engine, false);
    let expiry = t0().plus(Seconds::hours(72)).unwrap();
    assert_eq!(created.share.expires_at, expiry);
    let just_before = Timestamp::from_unix_nanos(expiry.unix_nanos() - 1);
    assert!(engine
        .verify_link(&created.link_token, Now::new(just_before).unwrap())
        .is_ok());
    let err = engine
        .verify_link(&created.link_token, Now::new(expiry).unwrap())
        .unwrap_err();
    assert_eq!(err.reason(), Reason::LinkExpired);
    assert_eq!(err.public_category(), PublicCategory::Expired);
    let opened = engine.open_link(
        &created.link_token,
        &created.share,
        None,
        None,
        &account("enterprise"),
        Now::new(expiry).unwrap(),
        &mut rng(),
    );
    assert_eq!(reason(opened), Reason::LinkExpired);
}

#[test]
fn ext_08_link_lifetime_is_configurable() {
    let mut config = config();
    config.links.link_ttl_seconds = Seconds::hours(24);
    let engine = Engine::new(config).unwrap();
    let created = create(&engine, false);
    assert_eq!(
        reason(engine.verify_link(&created.link_token, at(24 * 3600))),
        Reason::LinkExpired
    );
    assert!(engine
        .verify_link(&created.link_token, at(24 * 3600 - 1))
        .is_ok());
}

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
fn ext_10_cancel_invalidates_the_link_at_once() {
    let engine = engine();
    let created = create(&engine, false);
    let (share, session) = verified(&engine, &created);
    let cancelled = engine
        .cancel_share(&actor("team_leader"), &share, at(100), &mut rng())
        .unwrap();
    let err = engine
        .open_link(
            &created.link_token,
            &cancelled.share,
            None,
            None,
            &account("enterprise"),
            at(100),
            &mut rng(),
        )
        .unwrap_err();
    assert_eq!(err.reason(), Reason::LinkCancelled);
    assert_eq!(err.public_category(), PublicCategory::InvalidLink);
    let thread = thread(share.id, ShareId::from_bytes([9; 16]));
    assert_eq!(
        reason(engine.view(&session, &cancelled.share, &thread, at(101))),
        Reason::LinkCancelled
    );
    assert_eq!(
        cancelled.note.kind,
        ItemKind::ExternalNote {
            share_id: share.id,
            purpose: ExternalNotePurpose::LinkInvalidated
        }
    );
    assert!(cancelled.note.body.contains("invalid"));
    assert_eq!(
        reason(engine.cancel_share(&actor("agent"), &cancelled.share, at(102), &mut rng())),
        Reason::AlreadyCancelled
    );
    assert_eq!(
        reason(engine.cancel_share(&actor("viewer"), &share, at(100), &mut rng())),
        Reason::PermissionDenied
    );
}

#[test]
fn ext_11_reply_becomes_an_external_note_with_optional_copy() {
    let engine = engine();
    let created = create(&engine, false);
    let (share, session) = verified(&engine, &created);
    let reply = CollaboratorReply {
        body: "We will **replace** it: <https://supplier.example.com/rma/12>".into(),
        attachments: vec![ticketshare::share::thread::Attachment {
            name: "label.jpg".into(),
            content_type: "image/jpeg".into(),
            size_bytes: 52_000,
            reference: "upload-77".into(),
        }],
        send_copy: true,
    };
    let accepted = engine
        .reply(
            &session,
            &share,
            &reply,
            &account("enterprise"),
            at(200),
            &mut rng(),
        )
        .unwrap();
    assert_eq!(
        accepted.note.kind,
        ItemKind::ExternalNote {
            share_id: share.id,
            purpose: ExternalNotePurpose::CollaboratorReply
        }
    );
    assert!(!accepted.note.kind.visible_to_customer());
    assert_eq!(accepted.note.author.role, AuthorRole::Collaborator);
    assert_eq!(accepted.note.attachments.len(), 1);
    let copy = accepted.copy_email.unwrap();
    assert_eq!(copy.to, share.recipient);
    assert!(copy
        .html_body
        .contains("&lt;https://supplier.example.com/rma/12&gt;"));
    let no_copy = CollaboratorReply {
        send_copy: false,
        ..reply
    };
    assert!(engine
        .reply(
            &session,
            &share,
            &no_copy,
            &account("enterprise"),
            at(200),
            &mut rng()
        )
        .unwrap()
        .copy_email
        .is_none());
}

#[test]
fn ext_11_reply_bounds_are_enforced() {
    let engine = engine();
    let created = create(&engine, false);
    let (share, session) = verified(&engine, &created);
    let attachment = ticketshare::share::thread::Attachment {
        name: "a.pdf".into(),
        content_type: "application/pdf".into(),
        size_bytes: 1,
        reference: "r".into(),
    };
    let many = CollaboratorReply {
        body: "ok".into(),
        attachments: vec![attachment.clone(); 11],
        send_copy: false,
    };
    assert_eq!(
        reason(engine.reply(
            &session,
            &share,
            &many,
            &account("enterprise"),
            at(200),
            &mut rng()
        )),
        Reason::AttachmentLimit
    );
    let huge = CollaboratorReply {
        body: "ok".into(),
        attachments: vec![ticketshare::share::thread::Attachment {
            size_bytes: 26 * 1024 * 1024,
            ..attachment
        }],
        send_copy: false,
    };
    assert_eq!(
        reason(engine.reply(
            &session,
            &share,
            &huge,
            &account("enterprise"),
            at(200),
            &mut rng()
        )),
        Reason::AttachmentLimit
    );
    let empty = CollaboratorReply {
        body: " ".into(),
        attachments: vec![],
        send_copy: false,
    };
    assert_eq!(
        reason(engine.reply(
            &session,
            &share,
            &empty,
            &account("enterprise"),
            at(200),
            &mut rng()
        )),
        Reason::InvalidText
    );
}

#[test]
fn ext_12_a_session_reaches_only_its_own_share_and_ticket() {
    let engine = engine();
    let created = create(&engine, false);
    let (share, session) = verified(&engine, &created);
    let mut other = share.clone();
    other.id = ShareId::from_bytes([5; 16]);
    let thread = thread(share.id, other.id);
    assert_eq!(
        reason(engine.view(&session, &other, &thread, at(100))),
        Reason::LinkRecordMismatch
    );
    let mut other_ticket = thread.clone();
    other_ticket.ticket_id = TicketId::new("T-9999").unwrap();
    // SEC-06: from the collaborator's side, another ticket's records look like any invalid link.
    let refused = engine
        .view(&session, &share, &other_ticket, at(100))
        .unwrap_err();
    assert_eq!(refused.reason(), Reason::LinkRecordMismatch);
    assert_eq!(refused.public_category(), PublicCategory::InvalidLink);
    let reply = CollaboratorReply {
        body: "hello".into(),
        attachments: vec![],
        send_copy: false,
    };
    assert_eq!(
        reason(engine.reply(
            &session,
            &other,
            &reply,
            &account("enterprise"),
            at(100),
            &mut rng()
        )),
        Reason::LinkRecordMismatch
    );
}

fn branded_account(plan: &str) -> Account {
    let image = png(240, 90);
    let form = BrandingForm {
        company_name: "<b>Acme</b> & Co",
        logo: Some(LogoUpload {
            image: &image,
            image_url: "https://cdn.example.com/logo.png?a=1&b=2",
        }),
        logo_url: Some("https://acme.example.com/\"onmouseover=\"x"),
        brand_colour: Some("#ff6600"),
    };
    let mut account = account(plan);
    let (branding, events) = engine()
        .update_branding(&actor("admin"), &account, &form, at(0))
        .unwrap();
    assert_eq!(events.len(), 1);
    account.branding = Some(branding);
    account
}

#[test]
fn ext_13_the_from_name_is_a_quoted_or_encoded_display_name_never_raw() {
    let engine = engine();
    let send = |company: &str| {
        let mut account = account("enterprise");
        account.company_name = ticketshare::share::branding::CompanyName::parse(company).unwrap();
        let created = engine
            .create_share(
                &actor("agent"),
                &account,
                &request("s@example.com", false),
                &[],
                at(0),
                &mut rng(),
            )
            .unwrap();
        created.email
    };
    let email = send("Acme \"Shoes\", Inc. <boss@evil.example>");
    assert_eq!(
        email.from_display,
        r#""Acme \"Shoes\", Inc. <boss@evil.example>""#
    );
    assert_eq!(email.from_name, "Acme \"Shoes\", Inc. <boss@evil.example>");
    // Not ASCII: encoded-words of at most 75 characters that decode to the name.
    let name = "Café Ünïcode Schuhe GmbH & Co. KG, Zürich – Größen und Passformen";
    let email = send(name);
    let mut decoded = Vec::new();
    for word in email.from_display.split(' ') {
        assert!(word.len() <= 75, "{word}");
        let b64 = word
            .strip_prefix("=?UTF-8?B?")
            .and_then(|w| w.strip_suffix("?="))
            .unwrap();
        decoded.extend(base64_simd::STANDARD.decode_to_vec(b64).unwrap());
    }
    assert_eq!(String::from_utf8(decoded).unwrap(), name);
}

#[test]
fn ext_13_branding_is_applied_and_escaped() {
    let engine = engine();
    let account = branded_account("enterprise");
    let created = engine
        .create_share(
            &actor("agent"),
            &account,
            &request("s@example.com", false),
            &[],
            at(0),
            &mut rng(),
        )
        .unwrap();
    let email = &created.email;
    assert_eq!(email.from_name, "<b>Acme</b> & Co");
    assert!(email.text_body.contains("Ana from <b>Acme</b> & Co"));
    assert!(email
        .html_body
        .contains("Ana from &lt;b&gt;Acme&lt;/b&gt; &amp; Co"));
    assert!(!email.html_body.contains("<b>Acme"));
    assert!(email.html_body.contains("background-color:#ff6600"));
    assert!(email.html_body.contains("logo.png?a=1&amp;b=2"));
    assert!(!email.html_body.contains("\"onmouseover"));
}

#[test]
fn ext_13_customisation_needs_admin_and_entitled_plan() {
    let engine = engine();
    let form = BrandingForm {
        company_name: "Acme",
        logo: None,
        logo_url: None,
        brand_colour: Some("#000"),
    };
    assert_eq!(
        reason(engine.update_branding(&actor("agent"), &account("enterprise"), &form, at(0))),
        Reason::PermissionDenied
    );
    assert_eq!(
        reason(engine.update_branding(&actor("admin"), &account("professional"), &form, at(0))),
        Reason::PlanFeatureMissing
    );
    let bad = BrandingForm {
        logo_url: Some("javascript:alert(1)"),
        ..form
    };
    assert_eq!(
        reason(engine.update_branding(&actor("admin"), &account("enterprise"), &bad, at(0))),
        Reason::InvalidUrl
    );
    // Branding stored while entitled is not used once the plan no longer includes it.
    let mut downgraded = branded_account("enterprise");
    downgraded.plan = "professional".into();
    let created = engine
        .create_share(
            &actor("agent"),
            &downgraded,
            &request("s@example.com", false),
            &[],
            at(0),
            &mut rng(),
        )
        .unwrap();
    assert_eq!(created.email.from_name, "Acme Shoes");
    assert!(created
        .email
        .html_body
        .contains(ticketshare::share::email::DEFAULT_BUTTON_COLOUR));
}

#[test]
fn ext_14_including_customer_details_is_audited() {
    let with = create(&engine(), true);
    assert!(with.events.iter().any(|e| matches!(
        e.event,
        AuditKind::CustomerDetailsIncluded { share_id, .. } if share_id == with.share.id
    )));
    assert!(with.events.iter().all(|e| e.actor
        == AuditActor::Agent {
            id: AgentId::new("agent-7").unwrap()
        }));
    let without = create(&engine(), false);
    assert!(!without
        .events
        .iter()
        .any(|e| matches!(e.event, AuditKind::CustomerDetailsIncluded { .. })));
}

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
