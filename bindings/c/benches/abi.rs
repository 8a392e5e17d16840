//! The cost of the C ABI and of the JSON surface, beside the Rust call, in one run.
//!
//! Run: `./scripts/bench.sh` (or `cargo bench -p ticketshare-c --bench abi`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs,
    unsafe_code
)]

use criterion::{criterion_group, criterion_main, Criterion};
use std::ffi::CString;
use std::hint::black_box;
use ticketshare::api::Api;
use ticketshare::Now;
use ticketshare_c::*;

const CONFIG: &str = r#"{"keyring": {"active": 1, "keys": [{"id": 1, "secret": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}]}, "view_url": "https://help.example.com/shared/"}"#;

fn token(api: &Api) -> String {
    let request = r#"{"v":1,"op":"share.create","args":{"actor":{"id":"a","name":"Ana","role":"agent"},"account":{"company_name":"Acme","plan":"enterprise"},"request":{"ticket_id":"T-1","recipient":"s@example.com","subject":"s","message":"m"},"now":"2026-11-23T09:00:00Z"}}"#;
    let response: serde_json::Value = serde_json::from_str(&api.call(request)).unwrap();
    response["result"]["link_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn abi(c: &mut Criterion) {
    let api = Api::from_config_json(CONFIG).unwrap();
    let token = token(&api);
    let now = Now::parse_rfc3339("2026-11-23T10:00:00Z").unwrap();
    let mut engine = ts_engine { id: 0 };
    assert_eq!(
        unsafe {
            ts_engine_new(
                CONFIG.as_ptr().cast(),
                CONFIG.len(),
                &mut engine,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            )
        },
        ts_result::TS_OK
    );
    let request = CString::new(format!(
        r#"{{"v":1,"op":"link.verify","args":{{"token":"{token}","now":"2026-11-23T10:00:00Z"}}}}"#
    ))
    .unwrap();

    let mut group = c.benchmark_group("link_verify_across_the_abi");
    group.bench_function("rust_engine_verify_link", |b| {
        b.iter(|| api.engine().verify_link(black_box(&token), now).is_ok())
    });
    group.bench_function("c_abi_ts_link_verify", |b| {
        let mut claims = ts_link_claims::default();
        let mut reason = 0u32;
        b.iter(|| unsafe {
            ts_link_verify(
                engine,
                black_box(token.as_ptr().cast()),
                token.len(),
                now.timestamp().unix_nanos(),
                &mut claims,
                &mut reason,
            )
        })
    });
    group.bench_function("json_api_call", |b| {
        b.iter(|| api.call(black_box(request.to_str().unwrap())).len())
    });
    group.bench_function("c_abi_ts_engine_call_json", |b| {
        b.iter(|| unsafe {
            let mut response = std::ptr::null_mut();
            ts_engine_call(
                engine,
                black_box(request.as_ptr()),
                &mut response,
                std::ptr::null_mut(),
            );
            ts_string_free(response)
        })
    });
    group.finish();
    ts_engine_free(engine);
}

criterion_group!(benches, abi);
criterion_main!(benches);
