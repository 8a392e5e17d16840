//! JSON records, config and validated values never panic whatever the input.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| ticketshare::testing::fuzz::records(data));
