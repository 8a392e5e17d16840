//! The account's branding (EXT-13) and the audit of customer details (EXT-14).

use super::*;

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
