//! Hot paths, each beside a reference measured in the same run (see `docs/benchmarks.md`).
//!
//! Run: `cargo bench --bench links`
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion};
use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use std::hint::black_box;
use ticketshare::share::branding::CompanyName;
use ticketshare::testing::SeededRandom;
use ticketshare::*;

const SECRET: [u8; 32] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
    26, 27, 28, 29, 30, 31,
];

fn engine() -> Engine {
    Engine::new(
        serde_json::from_value(serde_json::json!({
            "keyring": {"active": 1, "keys": [{"id": 1, "secret": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}]},
            "view_url": "https://help.example.com/shared/"
        }))
        .unwrap(),
    )
    .unwrap()
}

fn actor() -> Actor {
    Actor {
        id: AgentId::new("agent-7").unwrap(),
        name: "Ana".into(),
        role: "agent".into(),
        granted: Default::default(),
        inboxes: Vec::new(),
    }
}

fn account() -> Account {
    Account {
        company_name: CompanyName::parse("Acme").unwrap(),
        plan: "enterprise".into(),
        branding: None,
    }
}

fn shared(engine: &Engine) -> ShareCreated {
    let request = ShareRequest {
        ticket_id: TicketId::new("T-1").unwrap(),
        recipient: "supplier@example.com".into(),
        subject: "Hello".into(),
        message: "Please check".into(),
        include_customer_details: false,
    };
    let now = Now::from_unix_nanos(1_800_000_000 * 1_000_000_000).unwrap();
    engine
        .create_share(
            &actor(),
            &account(),
            &request,
            &[],
            now,
            &mut SeededRandom::new(1),
        )
        .unwrap()
}

/// The same claims as our link token, as a JWT.
#[derive(Serialize, Deserialize)]
struct JwtClaims {
    sub: String,
    exp: u64,
    purpose: String,
}

fn link_verify(c: &mut Criterion) {
    let engine = engine();
    let created = shared(&engine);
    let now = Now::from_unix_nanos(1_800_000_100 * 1_000_000_000).unwrap();
    let mut group = c.benchmark_group("link_verify");

    // Reference: a pre-keyed HMAC-SHA256 verifying a tag over the same 30 signed bytes.
    let prekeyed = Hmac::<Sha256>::new_from_slice(&SECRET).unwrap();
    let message = [7u8; 30];
    let mut mac = prekeyed.clone();
    mac.update(&message);
    let tag = mac.finalize().into_bytes();
    group.bench_function("bare_hmac_sha256_prekeyed", |b| {
        b.iter(|| {
            let mut mac = prekeyed.clone();
            mac.update(black_box(&message));
            mac.verify_slice(black_box(&tag)).is_ok()
        })
    });

    group.bench_function("ticketshare_token_only", |b| {
        b.iter(|| {
            engine
                .verify_link(black_box(&created.link_token), now)
                .is_ok()
        })
    });
    group.bench_function("ticketshare_with_record", |b| {
        b.iter(|| {
            engine
                .check_link(black_box(&created.link_token), &created.share, now)
                .is_ok()
        })
    });

    let claims = JwtClaims {
        sub: created.share.id.to_string(),
        exp: 1_800_259_200,
        purpose: "link".into(),
    };
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
    header.kid = Some("1".into());
    let jwt = jsonwebtoken::encode(
        &header,
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(&SECRET),
    )
    .unwrap();
    let key = jsonwebtoken::DecodingKey::from_secret(&SECRET);
    let validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
    group.bench_function("jsonwebtoken_hs256_decode", |b| {
        b.iter(|| jsonwebtoken::decode::<JwtClaims>(black_box(&jwt), &key, &validation).is_ok())
    });

    // PASETO v4.local (XChaCha20 + BLAKE2b) with the same claims: the modern peer.
    use pasetors::claims::{Claims, ClaimsValidationRules};
    use pasetors::keys::SymmetricKey;
    use pasetors::token::UntrustedToken;
    use pasetors::version4::V4;
    use pasetors::{local, Local};
    let paseto_key = SymmetricKey::<V4>::from(&SECRET).unwrap();
    let mut paseto_claims =
        Claims::new_expires_in(&std::time::Duration::from_secs(72 * 3600)).unwrap();
    paseto_claims
        .subject(&created.share.id.to_string())
        .unwrap();
    paseto_claims.add_additional("purpose", "link").unwrap();
    let paseto = local::encrypt(&paseto_key, &paseto_claims, None, None).unwrap();
    let rules = ClaimsValidationRules::new();
    group.bench_function("pasetors_v4_local_decrypt", |b| {
        b.iter(|| {
            let untrusted =
                UntrustedToken::<Local, V4>::try_from(black_box(paseto.as_str())).unwrap();
            local::decrypt(&paseto_key, &untrusted, &rules, None, None).is_ok()
        })
    });
    group.finish();

    // Throughput: one engine shared by 1 and 2 threads, no lock on the hot path. Each sample
    // is `iters` verifies on every thread; the time reported is per `iters` verifies of one
    // thread's share of the work, so verifies per second = threads / (time per verify).
    let mut group = c.benchmark_group("link_verify_threads");
    for threads in [1u32, 2] {
        group.bench_function(format!("{threads}_threads"), |b| {
            b.iter_custom(|iters| {
                let start = std::time::Instant::now();
                std::thread::scope(|scope| {
                    for _ in 0..threads {
                        scope.spawn(|| {
                            for _ in 0..iters {
                                black_box(
                                    engine
                                        .verify_link(black_box(&created.link_token), now)
                                        .is_ok(),
                                );
                            }
                        });
                    }
                });
                start.elapsed()
            })
        });
    }
    group.finish();
}

fn code_check(c: &mut Criterion) {
    let engine = engine();
    let created = shared(&engine);
    let at = |s: i64| Now::from_unix_nanos((1_800_000_000 + s) * 1_000_000_000).unwrap();
    let LinkOpened::CodeSent {
        challenge, email, ..
    } = engine
        .open_link(
            &created.link_token,
            &created.share,
            None,
            None,
            &account(),
            at(10),
            &mut SeededRandom::new(2),
        )
        .unwrap()
    else {
        panic!("no code sent")
    };
    let code: String = email
        .text_body
        .chars()
        .filter(char::is_ascii_digit)
        .take(6)
        .collect();
    let wrong: String = code
        .chars()
        .map(|c| if c == '0' { '1' } else { '0' })
        .collect();
    let mut group = c.benchmark_group("code_check");
    group.bench_function("right_code_with_session", |b| {
        b.iter(|| {
            engine
                .check_code(
                    &created.link_token,
                    &created.share,
                    &challenge,
                    black_box(&code),
                    at(20),
                )
                .is_ok()
        })
    });
    group.bench_function("wrong_code", |b| {
        b.iter(|| {
            engine
                .check_code(
                    &created.link_token,
                    &created.share,
                    &challenge,
                    black_box(&wrong),
                    at(20),
                )
                .is_ok()
        })
    });
    group.finish();
}

fn permission_decision(c: &mut Criterion) {
    let policy = Policy::default();
    let actor = actor();
    c.bench_function("permission_decision", |b| {
        b.iter(|| {
            policy
                .authorise(
                    black_box(&actor),
                    Permission::ExternalShare,
                    black_box("enterprise"),
                    PlanFeature::TicketShare,
                )
                .is_ok()
        })
    });
}

criterion_group!(benches, link_verify, code_check, permission_decision);
criterion_main!(benches);
