//! What a hostile caller sends and what comes back (SEC-06, SEC-07): refusals name the field and
//! what was expected, never the value; they are bounded and free of control and invisible
//! characters; one-line texts refuse the characters that make them read otherwise.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod common;

use common::*;
use serde_json::{json, Value};
use ticketshare::api::Api;
use ticketshare::*;

fn api() -> Api {
    Api::from_config_json(
        json!({
            "keyring": {"active": 1, "keys": [{"id": 1, "secret": KEY_1}]},
            "view_url": "https://help.example.com/shared/"
        })
        .to_string(),
    )
    .unwrap()
}

fn message(request: &Value) -> String {
    let response: Value = serde_json::from_str(&api().call(&request.to_string())).unwrap();
    assert_eq!(response["ok"], json!(false), "{response}");
    response["error"]["message"].as_str().unwrap().to_owned()
}

fn clean(message: &str) {
    assert!(
        message.chars().count() <= 512,
        "{} characters",
        message.len()
    );
    assert!(
        !message
            .chars()
            .any(|c| c.is_control() || ticketshare::base::text::is_invisible(c)),
        "{message:?}"
    );
}

#[test]
fn sec_06_refusals_name_the_field_never_the_value_bounded_and_clean() {
    let actor = json!({"id": "a", "name": "A", "role": "admin"});
    let long = format!("bad\nname{}", "x".repeat(5_000));
    // An unknown name: what was expected, not what was sent.
    let m = message(
        &json!({"v": 1, "op": "policy.check", "args": {"actor": actor, "permission": long}}),
    );
    assert!(
        m.starts_with("args.permission: unknown name, expected one of `external_share`"),
        "{m}"
    );
    assert!(!m.contains("bad") && !m.contains("xxx"), "{m}");
    clean(&m);
    // A megabyte of unknown key: its path is cut, the message does not repeat it.
    let key = format!("{}\u{202e}", "k".repeat(1_000_000));
    let mut args = json!({"actor": actor, "permission": "external_share"});
    args[&key] = json!(1);
    let m = message(&json!({"v": 1, "op": "policy.check", "args": args}));
    assert!(
        m.starts_with(&format!(
            "args.{}...: unknown field, expected one of",
            "k".repeat(64)
        )),
        "{}",
        &m[..100]
    );
    clean(&m);
    // A key with a bidirectional override, short enough to show: escaped.
    let mut args = json!({"actor": actor, "permission": "external_share"});
    args["x\u{202e}y"] = json!(1);
    let m = message(&json!({"v": 1, "op": "policy.check", "args": args}));
    assert!(m.starts_with("args.x\\u{202e}y: unknown field"), "{m}");
    // A value sent (a role, an operation's name) is never echoed in a refusal (issue 24).
    let mut actor = actor.clone();
    actor["role"] = json!(format!("r\u{202e}\n{}", "o".repeat(10_000)));
    let response: Value = serde_json::from_str(&api().call(
        &json!({"v": 1, "op": "policy.check", "args": {"actor": actor, "permission": "external_share"}}).to_string(),
    ))
    .unwrap();
    let m = response["result"]["refusal"]["message"].as_str().unwrap();
    assert_eq!(m, "the actor's role lacks the external_share permission");
    let m = message(&json!({"v": 1, "op": "secret-op-name-xyz", "args": {}}));
    assert!(!m.contains("secret-op-name-xyz"), "{m}");
    clean(m.as_str());
    // Error::with_detail holds the line for any detail.
    let error = Error::with_detail(
        Reason::InvalidRequest,
        format!("a\r\nBcc: x{}", "y".repeat(2_000)),
    );
    assert!(error.detail().starts_with("a\\r\\nBcc: x"));
    clean(error.detail());
}

#[test]
fn sec_07_one_line_texts_refuse_invisible_format_characters() {
    let engine = engine();
    for subject in [
        "Invoice \u{202e}gnp.exe",
        "two\u{2028}lines",
        "para\u{2029}graph",
        "zero\u{200b}width",
        "\u{feff}bom",
        "isolate \u{2066}x\u{2069}",
    ] {
        let mut request = request("supplier@example.com", false);
        request.subject = subject.into();
        let refused = engine.create_share(
            &actor("agent"),
            &account("enterprise"),
            &request,
            &[],
            at(0),
            &mut rng(),
        );
        assert_eq!(reason(refused), Reason::InvalidText, "{subject:?}");
    }
    // The joiners Persian, the Indic scripts and emoji need are text like any other.
    for name in ["Mehr\u{200c}dad Parts", "Team \u{1f469}\u{200d}\u{1f4bb}"] {
        assert!(agreement::AccountName::parse(name).is_ok(), "{name:?}");
    }
    // Several lines keep their line breaks, never the invisible controls' meaning in a name.
    assert!(ticketshare::base::text::checked(
        "body",
        "a\nb",
        10,
        ticketshare::base::text::Lines::Multi
    )
    .is_ok());
}

fn call(api: &Api, op: &str, args: Value) -> Value {
    serde_json::from_str(&api.call(&json!({"v": 1, "op": op, "args": args}).to_string())).unwrap()
}

#[test]
fn sec_03_stored_records_are_checked_again_when_they_come_back() {
    let api = api();
    let actor = json!({"id": "agent-7", "name": "Ana Agent", "role": "agent"});
    let account = json!({"company_name": "Acme Shoes", "plan": "enterprise"});
    let request = json!({"ticket_id": "T-1", "recipient": "s@example.com", "subject": "Sizes", "message": "Check?"});
    let created = call(
        &api,
        "share.create",
        json!({"actor": actor, "account": account, "request": request, "now": "2026-11-23T09:00:00Z"}),
    );
    let share = created["result"]["share"].clone();
    let token = created["result"]["link_token"].clone();
    let open = |share: &Value, account: &Value| {
        call(
            &api,
            "link.open",
            json!({"token": token, "share": share, "account": account, "now": "2026-11-23T09:01:00Z"}),
        )
    };
    assert_eq!(open(&share, &account)["ok"], json!(true));
    // A subject with a header break, written into the database behind the engine's back.
    let mut tampered = share.clone();
    tampered["subject"] = json!("Sizes\r\nBcc: victim@evil.example");
    let refused = open(&tampered, &account);
    assert_eq!(refused["error"]["code"], json!("invalid_text"), "{refused}");
    assert!(refused["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("args.share.subject: "));
    let mut tampered = share.clone();
    tampered["message"] = json!("x".repeat(20_001));
    assert_eq!(
        open(&tampered, &account)["error"]["code"],
        json!("invalid_text")
    );
    // A stored logo of 100000x100000 px.
    let mut branded = account.clone();
    branded["branding"] = json!({"company_name": "Acme", "logo": {"image_url": "https://cdn.example.com/l.png", "width": 100_000, "height": 100_000}});
    let refused = open(&share, &branded);
    assert_eq!(
        refused["error"]["code"],
        json!("logo_too_large"),
        "{refused}"
    );
    branded["branding"]["logo"]["width"] = json!(250);
    branded["branding"]["logo"]["height"] = json!(0);
    assert_eq!(
        open(&share, &branded)["error"]["code"],
        json!("logo_too_large")
    );
    branded["branding"]["logo"]["height"] = json!(100);
    assert_eq!(open(&share, &branded)["ok"], json!(true));
    // And whatever the source, a header never carries a line break: a name with one is
    // refused on the way in.
    let mut named = account.clone();
    named["company_name"] = json!("Acme\r\nBcc: x@evil.example");
    assert_eq!(open(&share, &named)["error"]["code"], json!("invalid_text"));
}

#[test]
fn sec_03_a_thread_from_a_tampered_database_never_reaches_the_page() {
    let engine = engine();
    let created = create(&engine, false);
    let (share, session) = verified(&engine, &created);
    let good = thread(share.id, ShareId::from_bytes([9; 16]));
    assert!(engine.view(&session, &share, &good, at(100)).is_ok());
    let mut bad = good.clone();
    bad.items[0].author.name = "Carla\r\n<script>".into();
    let refused = engine.view(&session, &share, &bad, at(100)).unwrap_err();
    assert_eq!(refused.reason(), Reason::InvalidText);
    assert!(
        refused
            .detail()
            .starts_with("thread.items[0].author.name: "),
        "{}",
        refused.detail()
    );
    let mut bad = good.clone();
    bad.items[1].body = "a\u{0}b".into();
    assert_eq!(
        reason(engine.view(&session, &share, &bad, at(100))),
        Reason::InvalidText
    );
    let mut long = good.clone();
    long.items[0].body = "x".repeat(1_000_001);
    assert_eq!(
        reason(engine.view(&session, &share, &long, at(100))),
        Reason::InvalidText
    );
    // Line breaks in a message are text; an empty body (attachments only) is too.
    let mut fine = good.clone();
    fine.items[0].body = "line one\r\nline two\n\ttabbed".into();
    fine.items[1].body = String::new();
    assert!(engine.view(&session, &share, &fine, at(100)).is_ok());
}
