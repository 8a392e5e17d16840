//! Test helpers, compiled only with the `testing` feature. Never use these in production.

pub use crate::base::random::SeededRandom;

/// The first bytes of a PNG of the given size: enough for the logo size check, which reads only
/// the IHDR chunk.
pub fn png_header(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
    bytes.extend_from_slice(b"IHDR");
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    bytes
}

/// Fuzz target bodies, shared by `fuzz/` (cargo-fuzz) and the regression test that replays
/// `fuzz/regressions/`. Each panics only when an invariant breaks.
pub mod fuzz {
    use crate::base::ids::{EmailAddress, KeyId, ShareId};
    use crate::base::json::decode_record;
    use crate::base::keys::Keyring;
    use crate::base::time::Timestamp;
    use crate::share::branding;
    use crate::share::codes::CodeChallenge;
    use crate::share::links::{self, Purpose};
    use crate::share::{ExternalShare, ShareRequest};

    /// The configuration every target's engine is built from.
    const CONFIG: &str = r#"{"keyring": {"active": 1, "keys": [{"id": 1, "secret": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}]}, "view_url": "https://x.example/s/"}"#;

    fn keyring() -> Option<Keyring> {
        Keyring::new(KeyId(1), [(KeyId(1), &[0x42u8; 32][..])]).ok()
    }

    /// Token parsing: no input verifies (the fuzzer does not know the key), none panics, and a
    /// token issued for any share id and expiry taken from the input round-trips.
    pub fn token(data: &[u8]) {
        let Some(ring) = keyring() else { return };
        let now = Timestamp::from_unix_nanos(0);
        for purpose in [Purpose::Link, Purpose::Session] {
            assert!(
                links::verify(&ring, data, purpose, now).is_err(),
                "an arbitrary input verified"
            );
        }
        if data.len() >= 24 {
            let mut share = [0u8; 16];
            let mut expiry = [0u8; 8];
            share.copy_from_slice(data.get(..16).unwrap_or(&[0; 16]));
            expiry.copy_from_slice(data.get(16..24).unwrap_or(&[0; 8]));
            let share = ShareId::from_bytes(share);
            let expires = Timestamp::from_unix_nanos(i64::from_be_bytes(expiry));
            if let Ok(token) = links::issue(&ring, Purpose::Link, share, expires) {
                let before = Timestamp::from_unix_nanos(expires.unix_nanos().saturating_sub(1));
                if before < expires {
                    let claims = links::verify(&ring, token.as_bytes(), Purpose::Link, before);
                    assert_eq!(
                        claims.map(|c| c.share_id).ok(),
                        Some(share),
                        "round trip failed"
                    );
                }
            }
        }
    }

    /// The whole JSON surface: whatever the request, the answer is JSON with `ok` and, when
    /// not ok, a known reason code.
    pub fn api(data: &[u8]) {
        use std::sync::OnceLock;
        static API: OnceLock<Option<crate::api::Api>> = OnceLock::new();
        let api = API.get_or_init(|| crate::api::Api::new_seeded_for_tests(CONFIG, 1).ok());
        let Some(api) = api else { return };
        let response: serde_json::Value =
            serde_json::from_str(&api.call(&String::from_utf8_lossy(data))).unwrap_or_default();
        match response.get("ok").and_then(serde_json::Value::as_bool) {
            Some(true) => {}
            Some(false) => {
                let code = response
                    .pointer("/error/code")
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or_default();
                assert!(
                    crate::base::error::Reason::from_code(code).is_some(),
                    "unknown code {code:?}"
                );
                let message = response
                    .pointer("/error/message")
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or_default();
                assert!(
                    message.chars().count() <= crate::base::text::MAX_DETAIL_CHARS
                        && !message
                            .chars()
                            .any(|c| c.is_control() || crate::base::text::is_invisible(c)),
                    "an unclean message {message:?}"
                );
            }
            None => unreachable!("the answer is not a response: {response}"),
        }
    }

    /// Every operation's arguments: the first byte picks the operation, the rest are its
    /// `args`, so each operation's decoder and rules are reached, not only the envelope's. The
    /// answer is a response; a refusal has a known code and a clean, bounded message.
    pub fn operations(data: &[u8]) {
        let Some((&pick, args)) = data.split_first() else {
            return;
        };
        let ops = crate::api::OPERATIONS;
        let Some(op) = ops.get(usize::from(pick) % ops.len()) else {
            return;
        };
        let request = format!(
            "{{\"v\":1,\"op\":\"{op}\",\"args\":{}}}",
            String::from_utf8_lossy(args)
        );
        api(request.as_bytes());
    }

    /// The admin's branding form: fields cut from the input by NUL bytes (company name, logo
    /// URL, colour, image URL, image bytes). Validation refuses with a reason or accepts a
    /// logo of at most 250x100 px; never a panic.
    pub fn branding(data: &[u8]) {
        let mut parts = data.splitn(5, |b| *b == 0);
        let mut next = || parts.next().unwrap_or_default();
        let (name, logo_url, colour, image_url, image) = (next(), next(), next(), next(), next());
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        let (name, logo_url, colour, image_url) =
            (text(name), text(logo_url), text(colour), text(image_url));
        let form = branding::BrandingForm {
            company_name: &name,
            logo: (!image.is_empty()).then_some(branding::LogoUpload {
                image,
                image_url: &image_url,
            }),
            logo_url: (!logo_url.is_empty()).then_some(logo_url.as_str()),
            brand_colour: (!colour.is_empty()).then_some(colour.as_str()),
        };
        if let Ok(made) = branding::Branding::from_form(&form) {
            if let Some(logo) = made.logo {
                assert!((1..=250).contains(&logo.width) && (1..=100).contains(&logo.height));
            }
            assert!(!made.company_name.as_str().chars().any(char::is_control));
        }
    }

    /// A partner's request, from bytes cut into method, path, token, media type and body (one
    /// per line): the decision never fails on the partner's input, answers with a status of the
    /// documented order and, when refusing, a known reason; nothing but an invitation is
    /// accepted without the agreement's key.
    pub fn nhd_request(data: &[u8]) {
        use crate::agreement::*;
        use crate::nhd::{NhdReceive, PartnerRequest};
        let text = String::from_utf8_lossy(data);
        let mut parts = text.splitn(5, '\n');
        let mut next = || parts.next().unwrap_or_default().to_owned();
        let (method, path, token, media, body) = (next(), next(), next(), next(), next());
        let Ok(id) = AgreementId::parse(&"ab".repeat(20)) else {
            return;
        };
        let Ok(key) = AccessKey::parse(&"cd".repeat(20)) else {
            return;
        };
        let (Ok(name), Ok(url), Ok(account_id), Ok(now)) = (
            AccountName::parse("Bolt"),
            branding::HttpsUrl::parse("https://bolt.example/sharing"),
            crate::base::ids::AccountId::new("bolt"),
            crate::base::time::Now::parse_rfc3339_bytes(b"2026-11-23T09:00:00Z"),
        ) else {
            return;
        };
        let account = SharingAccount {
            id: account_id.clone(),
            name: name.clone(),
            url: url.clone(),
            opted_out: false,
        };
        let agreement = Agreement {
            id,
            account_id,
            access_key: key.clone(),
            id_key: None,
            side: Side::Receiver,
            partner: Party {
                name,
                url,
                media_type: Default::default(),
            },
            partner_kind: PartnerKind::Instance,
            terms: Terms {
                comments: CommentTerms::PublicAndPrivate,
                sync_tags: true,
                sync_custom_fields: false,
            },
            status: AgreementStatus::Accepted,
            ended: None,
            created_at: now.timestamp(),
            updated_at: now.timestamp(),
            revision: crate::base::revision::Revision::FIRST,
        };
        let mut headers = std::collections::BTreeMap::new();
        headers.insert("X-Ticket-Sharing-Token".to_owned(), token.clone());
        headers.insert("Content-Type".to_owned(), media);
        let request = PartnerRequest {
            method,
            path,
            headers,
            body: Some(body),
        };
        let Ok(config) = serde_json::from_str::<crate::config::EngineConfig>(CONFIG) else {
            return;
        };
        let Ok(engine) = crate::engine::Engine::new(config) else {
            return;
        };
        let input = NhdReceive {
            account,
            agreement: Some(agreement),
            share: None,
            placeholders: Vec::new(),
            received_comments: Vec::new(),
            new_ticket_id: crate::base::ids::TicketId::new("B-1").ok(),
            sender_kind: PartnerKind::Instance,
            now,
            request,
        };
        let _ = engine.nhd_route(&input.request);
        // A record that does not fit the route fails the call: the host's, not the input's.
        let Ok(decision) = engine.nhd_receive(&input) else {
            return;
        };
        let status = decision.answer.status;
        // NHD-09: a refused body is 422, never 400, 413 or 415 (the gem raises on those).
        assert!(
            [200, 201, 401, 403, 404, 405, 412, 422].contains(&status),
            "status {status}"
        );
        if status >= 400 {
            let body: serde_json::Value =
                serde_json::from_str(decision.answer.body.as_deref().unwrap_or_default())
                    .unwrap_or_default();
            let code = body
                .pointer("/error/code")
                .and_then(serde_json::Value::as_str)
                .unwrap_or_default();
            assert!(
                crate::base::error::Reason::from_code(code).is_some(),
                "unknown code {code:?}"
            );
        } else {
            let invite = input.request.method.trim().eq_ignore_ascii_case("POST")
                && input.request.path.contains("/agreements/");
            let right = format!("{id}:{}", String::from(key));
            assert!(
                invite || token.trim().eq_ignore_ascii_case(&right),
                "accepted without the key"
            );
        }
    }

    /// Record and value parsers: JSON records through the one decoder every entry point uses
    /// (the JSON surface and the bindings' typed calls), a configuration, and the validated
    /// value types. A refusal always carries a reason; the detail names no more than the path.
    pub fn records(data: &[u8]) {
        let _ = decode_record::<ExternalShare>(data, "share");
        let _ = decode_record::<CodeChallenge>(data, "challenge");
        let _ = decode_record::<ShareRequest>(data, "request");
        let _ = decode_record::<crate::agent::AgentShare>(data, "share");
        let _ = decode_record::<crate::cc::TicketPeople>(data, "people");
        let _ = decode_record::<crate::cc::InboundEmail>(data, "email");
        let _ = decode_record::<crate::agreement::Agreement>(data, "agreement");
        let _ = decode_record::<crate::agreement::fields::FieldDef>(data, "field");
        let _ = decode_record::<crate::agreement::field_values::FieldValueOf>(data, "value");
        let _ = decode_record::<crate::agreement::incoming::IncomingUpdate>(data, "update");
        let _ = crate::api::Api::new_seeded_for_tests(data, 1);
        let _ = crate::base::time::Now::parse_rfc3339_bytes(data);
        let text = String::from_utf8_lossy(data);
        let _ = EmailAddress::parse(&text);
        let _ = crate::cc::address::parse_mailbox(&text);
        let _ = crate::agreement::AgreementId::parse(&text);
        let _ = crate::agreement::AccessKey::parse(&text);
        let _ = crate::agreement::AccountName::parse(&text);
        let _ = crate::nhd::objects::parse_ticket(&text);
        let _ = crate::nhd::objects::parse_agreement(&text);
        let _ = crate::nhd::NhdTime::parse(&text);
        let _ = Timestamp::parse_rfc3339(&text);
        let _ = branding::HttpsUrl::parse(&text);
        let _ = branding::HexColour::parse(&text);
        if let Ok(url) = branding::HttpsUrl::parse("https://cdn.example.com/l.png") {
            let _ = branding::Logo::from_image(data, url);
        }
    }
}
