//! See `ticketshare::testing::fuzz::operations`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| ticketshare::testing::fuzz::operations(data));
