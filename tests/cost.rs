//! The cost of a call is bounded by its size, whatever its shape (issue 24's cost model, first
//! part: the CC, follower and agent-share operations). Each case is a request built to cost memory or time
//! (many addresses times many comments, a long blocklist times many recipients), sent through
//! the JSON surface as a host would; the heap's peak during the call is measured with dhat's
//! counting allocator and must stay under 64 MiB. No timing is asserted: the benchmarks measure
//! speed (`docs/benchmarks.md`); a case that grew with the square of its lists would make this
//! test slow, not wrong.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use serde_json::{json, Value};
use ticketshare::api::Api;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

const CONFIG: &str = r#"{"keyring": {"active": 1, "keys": [{"id": 1, "secret": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}]}, "view_url": "https://help.example.com/shared/"}"#;
const PEAK_LIMIT: usize = 64 * 1024 * 1024;

fn people() -> Value {
    json!({"ticket_id": "T-1", "requester": {"email": "carla@customer.example"}, "ccs": [], "followers": []})
}

fn comments(n: usize) -> Value {
    Value::Array(
        (0..n)
            .map(|i| json!({"id": format!("c{i}"), "public": true}))
            .collect(),
    )
}

fn addresses(n: usize, domain: &str) -> Vec<String> {
    (0..n).map(|i| format!("user{i}@{domain}")).collect()
}

/// The response's error code, or `ok`.
fn code(response: &str) -> String {
    let value: Value = serde_json::from_str(response).unwrap();
    if value["ok"] == json!(true) {
        "ok".to_owned()
    } else {
        value["error"]["code"].as_str().unwrap().to_owned()
    }
}

#[test]
fn sec_07_calls_built_to_cost_memory_stay_under_64_mib() {
    let api = Api::new_seeded_for_tests(CONFIG, 1).unwrap();
    let actor = json!({"id": "ana", "name": "Ana", "role": "agent"});
    let now = "2026-11-23T09:00:00Z";
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "cc.add: 8,000 addresses x 20,000 comments, default settings (48 CCs)",
            json!({"v": 1, "op": "cc.add", "args": {"actor": actor, "people": people(), "addresses": addresses(8_000, "customer.example"), "comments": comments(20_000), "now": now}}),
            "cc_limit_reached",
        ),
        (
            "cc.add: 1,000 new CCs (the most settings allow) x 20,000 comments",
            json!({"v": 1, "op": "cc.add", "args": {"actor": actor, "people": people(), "addresses": addresses(1_000, "customer.example"), "comments": comments(20_000), "settings": {"max_ccs": 1000}, "now": now}}),
            "ok",
        ),
        (
            "cc.inbound: 1,000 new CCs by email x 20,000 comments",
            json!({"v": 1, "op": "cc.inbound", "args": {"email": {"from": "carla@customer.example", "to": ["support@acme.example"], "cc": addresses(1_000, "customer.example")}, "people": people(), "comments": comments(20_000), "settings": {"max_ccs": 1000}, "now": now}}),
            "ok",
        ),
        (
            "cc.inbound: 30,000 recipients x a 30,000-entry blocklist x 30,000 support addresses",
            json!({"v": 1, "op": "cc.inbound", "args": {"email": {"from": "carla@customer.example", "to": addresses(30_000, "customer.example")}, "people": people(), "settings": {"blocklist": addresses(30_000, "blocked.example"), "support_addresses": addresses(30_000, "acme.example")}, "now": now}}),
            "ok",
        ),
        (
            "cc.add: 30,000 addresses known as 30,000 staff",
            json!({"v": 1, "op": "cc.add", "args": {"actor": actor, "people": people(), "addresses": addresses(30_000, "customer.example"), "known": addresses(30_000, "customer.example").iter().map(|a| json!({"email": a, "role": "agent"})).collect::<Vec<_>>(), "settings": {"max_ccs": 1000}, "now": now}}),
            "cc_limit_reached",
        ),
        (
            "agent_share.add: 30,000 agents",
            json!({"v": 1, "op": "agent_share.add", "args": {"actor": {"id": "ana", "inboxes": ["billing"], "role": "agent"}, "agents": (0..30_000).map(|i| json!({"id": format!("a{i}"), "inboxes": ["sales"]})).collect::<Vec<_>>(), "ticket": {"id": "T-7", "inbox_id": "billing"}, "settings": {"enabled": true}, "now": now}}),
            "ok",
        ),
        (
            "follower.add: 30,000 followers",
            json!({"v": 1, "op": "follower.add", "args": {"actor": actor, "people": people(), "followers": addresses(30_000, "acme.example").iter().map(|a| json!({"email": a, "role": "agent"})).collect::<Vec<_>>(), "now": now}}),
            "ok",
        ),
    ];
    for (what, request, expected) in cases {
        let request = request.to_string();
        assert!(
            request.len() <= ticketshare::api::MAX_REQUEST_BYTES,
            "{what}: {} bytes",
            request.len()
        );
        let profiler = dhat::Profiler::builder().testing().build();
        let response = api.call(&request);
        let peak = dhat::HeapStats::get().max_bytes;
        drop(profiler);
        eprintln!(
            "{what}: {} bytes of request, {peak} bytes at the peak",
            request.len()
        );
        assert_eq!(code(&response), expected, "{what}");
        assert!(
            peak < PEAK_LIMIT,
            "{what}: {peak} bytes at the peak (limit {PEAK_LIMIT})"
        );
    }
}
