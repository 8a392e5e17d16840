//! Token parsing never panics, never verifies an arbitrary input, and round-trips issued tokens.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| ticketshare::testing::fuzz::token(data));
