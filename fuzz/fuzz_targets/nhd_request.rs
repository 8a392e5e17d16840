//! A partner's request never panics, is answered with a documented status and, but for an
//! invitation, is accepted only with the agreement's key.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| ticketshare::testing::fuzz::nhd_request(data));
