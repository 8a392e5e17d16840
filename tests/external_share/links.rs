//! The share and its link (EXT-01..05, EXT-08, EXT-10): who may share, what the share holds and
//! emails, the link under `view_url`, its expiry and its cancellation.

use super::*;

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
