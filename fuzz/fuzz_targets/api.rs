//! The JSON operation surface answers every input with a response and a known reason code.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| ticketshare::testing::fuzz::api(data));
