//! Replays every saved fuzz input (`fuzz/regressions/<target>/`) through the fuzz target bodies,
//! so a crash found once stays fixed. Add a crashing input there as a new file.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::fs;
use std::path::PathBuf;

fn replay(target: &str, body: fn(&[u8])) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut count = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        body(&fs::read(&path).unwrap());
        count += 1;
    }
    assert!(count > 0, "no regression inputs in {}", dir.display());
}

#[test]
fn sec_03_fuzz_regressions_token() {
    replay("token", ticketshare::testing::fuzz::token);
}

#[test]
fn sec_03_fuzz_regressions_records() {
    replay("records", ticketshare::testing::fuzz::records);
}

#[test]
fn sec_03_fuzz_regressions_api() {
    replay("api", ticketshare::testing::fuzz::api);
}

#[test]
fn sec_03_fuzz_regressions_nhd_request() {
    replay("nhd_request", ticketshare::testing::fuzz::nhd_request);
}

#[test]
fn sec_03_fuzz_regressions_operations() {
    replay("operations", ticketshare::testing::fuzz::operations);
}

#[test]
fn sec_03_fuzz_regressions_branding() {
    replay("branding", ticketshare::testing::fuzz::branding);
}
