//! The C ABI of ticketshare. A thin layer: every rule is decided in the core crate; this crate
//! turns pointers into slices (module `ffi`, the one place that touches them), keeps engines behind
//! generational handles (module `handles`) and strings in a registry (module `strings`), and catches
//! panics at the boundary.
//!
//! The header `include/ticketshare.h` is generated from this crate by cbindgen and checked in.
#![allow(non_camel_case_types)]

mod ffi;
mod handles;
mod helpers;
mod strings;
mod typed;

pub use helpers::*;
pub use typed::*;

use ffi::{guard, reasoned, try_ffi, Input};
use std::ffi::c_char;
use ticketshare::api::{self, Api, API_VERSION};
use ticketshare::Reason;

/// What a call did. Values are stable; a retired value is never reused.
///
/// `TS_OK`, and nothing else, means the call did what it was asked. Every engine function also
/// takes `uint32_t *reason_out` and, whatever the failure, writes a reason number there: the
/// engine's for `TS_REFUSED`, and for the other statuses `engine_closed`, `invalid_request`
/// (another caller's mistake) or `internal_error`. A binding raises one exception from that
/// number (`ts_reason_code`, `ts_reason_category`, `ts_reason_family`, `ts_reason_message`); a
/// function that returns JSON also gives the error envelope, whose message carries the field
/// path.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ts_result {
    /// Success.
    TS_OK = 0,
    /// The engine refused: `*reason_out` says why (and the error envelope, for JSON functions).
    TS_REFUSED = 1,
    /// A required pointer was NULL.
    TS_NULL_ARGUMENT = 2,
    /// A string that must be UTF-8 (a `ts_json_get` path or document) was not. Engine input
    /// never gets this: the engine itself refuses it with a reason.
    TS_INVALID_UTF8 = 3,
    /// A bug inside the library was caught at the boundary; nothing was changed.
    TS_PANIC = 4,
    /// The engine handle was never made, or was freed (any copy of it, even after a new engine
    /// took its slot); or the string was not made by this library, or was already freed.
    TS_INVALID_HANDLE = 5,
    /// A `ts_json_get` input was longer than its bound. Engine input never gets this: the
    /// engine itself refuses it (`request_too_large`, `token_oversized`, ...).
    TS_TOO_LARGE = 6,
    /// `ts_json_get`: no value at that path.
    TS_NOT_FOUND = 7,
    /// 65,536 engines are alive: free one before making another.
    TS_TOO_MANY_ENGINES = 8,
}

/// The JSON API version this library speaks (`"v"` in requests).
pub const TS_API_VERSION: u32 = 1;
/// The largest request accepted, in bytes: a longer one is refused (`request_too_large`)
/// without being read, so a binding can pass its length without copying it.
pub const TS_MAX_REQUEST_BYTES: usize = 4_194_304;
/// The largest configuration accepted, in bytes (`invalid_config` beyond).
pub const TS_MAX_CONFIG_BYTES: usize = 65_536;
/// The longest token looked at, in bytes (`token_oversized` beyond, without being read).
pub const TS_MAX_TOKEN_BYTES: usize = 512;
/// The library's major version.
pub const TS_VERSION_MAJOR: u32 = 0;
/// The library's minor version.
pub const TS_VERSION_MINOR: u32 = 1;
/// The library's patch version.
pub const TS_VERSION_PATCH: u32 = 0;

const _: () = assert!(
    TS_API_VERSION == API_VERSION
        && TS_MAX_REQUEST_BYTES == api::MAX_REQUEST_BYTES
        && TS_MAX_CONFIG_BYTES == api::MAX_CONFIG_BYTES
        && TS_MAX_TOKEN_BYTES == ticketshare::share::links::MAX_TOKEN_BYTES,
    "the header's constants must follow the core"
);

impl ts_result {
    /// The reason a binding reports for this status when the engine gave none: `engine_closed`
    /// for a freed (or never made) engine, `invalid_request` for the caller's other mistakes,
    /// `internal_error` for the library's own faults; 0 for `TS_OK`.
    pub const fn reason(self) -> u32 {
        match self {
            Self::TS_OK => 0,
            Self::TS_REFUSED | Self::TS_PANIC | Self::TS_TOO_MANY_ENGINES => {
                Reason::InternalError.number()
            }
            Self::TS_INVALID_HANDLE => Reason::EngineClosed.number(),
            Self::TS_NULL_ARGUMENT
            | Self::TS_INVALID_UTF8
            | Self::TS_TOO_LARGE
            | Self::TS_NOT_FOUND => Reason::InvalidRequest.number(),
        }
    }
}

/// An engine: built once from a configuration, then called from any thread. A handle, not a
/// pointer: copy it freely. Once `ts_engine_free` has freed it, every copy is refused as
/// `TS_INVALID_HANDLE`, even after a new engine reuses its slot. A zeroed handle is never live.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ts_engine {
    /// The slot and generation; opaque.
    pub id: u64,
}

/// A refusal: its reason to `reason`, its error envelope to `error_out` (if not NULL).
fn refuse(error: &ticketshare::Error, reason: &mut u32, error_out: *mut *mut c_char) -> ts_result {
    *reason = error.reason().number();
    ffi::put(error_out, strings::give(api::error_response(error)));
    ts_result::TS_REFUSED
}

/// A constructor's out-parameters: the engine, the reason, the error envelope.
type EngineOut = (*mut ts_engine, *mut u32, *mut *mut c_char);

fn new_engine(
    config: *const c_char,
    config_len: usize,
    (engine_out, reason_out, error_out): EngineOut,
    build: impl FnOnce(&[u8]) -> ticketshare::Result<Api>,
) -> ts_result {
    reasoned(reason_out, |reason| {
        let engine_out = try_ffi!(ffi::out(engine_out));
        engine_out.write(ts_engine { id: 0 });
        ffi::put(error_out, std::ptr::null_mut());
        let built = match try_ffi!(ffi::bytes(config, config_len, api::MAX_CONFIG_BYTES)) {
            Input::Bytes(config) => build(config),
            Input::TooLarge => Err(api::config_too_large()),
        };
        match built {
            Ok(api) => match handles::insert(api) {
                Some(id) => {
                    engine_out.write(ts_engine { id });
                    ts_result::TS_OK
                }
                None => ts_result::TS_TOO_MANY_ENGINES,
            },
            Err(error) => refuse(&error, reason, error_out),
        }
    })
}

/// Builds an engine from its JSON configuration, `config_len` bytes at `config` (see
/// docs/api.md), with randomness from the operating system. A configuration over 64 KiB is
/// refused (`invalid_config`) without being read. On success `*engine_out` is the engine (free
/// with `ts_engine_free`). Otherwise `*reason_out` (if not NULL) is the reason number, and on
/// `TS_REFUSED` `*error_out` (if not NULL) the error envelope `{"ok":false,"error":{...}}`, to
/// free with `ts_string_free`.
///
/// # Safety
/// `config` readable for `config_len` bytes; `engine_out` writable; `reason_out` and `error_out`
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ts_engine_new(
    config: *const c_char,
    config_len: usize,
    engine_out: *mut ts_engine,
    reason_out: *mut u32,
    error_out: *mut *mut c_char,
) -> ts_result {
    let out = (engine_out, reason_out, error_out);
    new_engine(config, config_len, out, |config| {
        Api::from_config_json(config)
    })
}

/// **For tests and golden vectors only**: present only in a library built with the `testing`
/// feature (declared when `TICKETSHARE_TESTING` is defined), never in one a host installs. Like
/// `ts_engine_new`, but every code and id comes from a predictable stream seeded by `seed`.
///
/// # Safety
/// As for `ts_engine_new`.
#[cfg(feature = "testing")]
#[no_mangle]
pub unsafe extern "C" fn ts_engine_new_seeded_for_tests(
    config: *const c_char,
    config_len: usize,
    seed: u64,
    engine_out: *mut ts_engine,
    reason_out: *mut u32,
    error_out: *mut *mut c_char,
) -> ts_result {
    let out = (engine_out, reason_out, error_out);
    new_engine(config, config_len, out, |config| {
        Api::new_seeded_for_tests(config, seed)
    })
}

/// Frees an engine. A zeroed handle is a no-op (`TS_OK`); a handle already freed, or never
/// made, is `TS_INVALID_HANDLE` and frees nothing. Calls still running on the engine in other
/// threads finish normally; the engine (its keys wiped) is dropped when the last one returns.
#[no_mangle]
pub extern "C" fn ts_engine_free(engine: ts_engine) -> ts_result {
    guard(ts_result::TS_PANIC, || {
        if engine.id == 0 || handles::remove(engine.id) {
            ts_result::TS_OK
        } else {
            ts_result::TS_INVALID_HANDLE
        }
    })
}

fn call(
    engine: ts_engine,
    request: Result<Input<'_>, ts_result>,
    response_out: *mut *mut c_char,
    reason: &mut u32,
) -> ts_result {
    let response_out = try_ffi!(ffi::out(response_out));
    response_out.write(std::ptr::null_mut());
    let request = try_ffi!(request);
    let answer = handles::with(engine.id, |api| match request {
        Input::Bytes(request) => api.answer_bytes(request),
        Input::TooLarge => {
            let error = api::request_too_large();
            (api::error_response(&error), Some(error.reason()))
        }
    });
    match answer {
        Some((response, refusal)) => {
            response_out.write(strings::give(response));
            match refusal {
                None => ts_result::TS_OK,
                Some(refusal) => {
                    *reason = refusal.number();
                    ts_result::TS_REFUSED
                }
            }
        }
        None => ts_result::TS_INVALID_HANDLE,
    }
}

/// Runs one JSON request (see docs/api.md). `*response_out` is the response JSON, to free with
/// `ts_string_free`: `{"ok":true,"result":...}` on `TS_OK`, the error envelope
/// `{"ok":false,"error":...}` on `TS_REFUSED`, when `*reason_out` (if not NULL) is the reason
/// number too. Any other status leaves `*response_out` NULL (and `*reason_out` set). A request
/// over 4 MiB is refused (`request_too_large`) without being read past its bound.
///
/// # Safety
/// `request_json` NUL-terminated; `response_out` writable; `reason_out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ts_engine_call(
    engine: ts_engine,
    request_json: *const c_char,
    response_out: *mut *mut c_char,
    reason_out: *mut u32,
) -> ts_result {
    reasoned(reason_out, |reason| {
        let request = ffi::c_str(request_json, api::MAX_REQUEST_BYTES);
        call(engine, request, response_out, reason)
    })
}

/// Like `ts_engine_call`, for a request of `request_len` bytes that need not end in NUL.
///
/// # Safety
/// `request` readable for `request_len` bytes; `response_out` writable; `reason_out` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn ts_engine_call_n(
    engine: ts_engine,
    request: *const c_char,
    request_len: usize,
    response_out: *mut *mut c_char,
    reason_out: *mut u32,
) -> ts_result {
    reasoned(reason_out, |reason| {
        let request = ffi::bytes(request, request_len, api::MAX_REQUEST_BYTES);
        call(engine, request, response_out, reason)
    })
}

/// Frees a string the library returned. NULL is a no-op (`TS_OK`). A pointer the library did not
/// return, or one already freed, is `TS_INVALID_HANDLE` and frees nothing, unless a later
/// string got the same address (the allocator reuses it), which no library can tell apart: free
/// each string exactly once.
///
/// # Safety
/// `text` must not be used after it is freed.
#[no_mangle]
pub unsafe extern "C" fn ts_string_free(text: *mut c_char) -> ts_result {
    guard(ts_result::TS_PANIC, || {
        if text.is_null() || strings::free(text) {
            ts_result::TS_OK
        } else {
            ts_result::TS_INVALID_HANDLE
        }
    })
}
