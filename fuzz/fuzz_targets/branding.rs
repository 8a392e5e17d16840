//! See `ticketshare::testing::fuzz::branding`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| ticketshare::testing::fuzz::branding(data));
