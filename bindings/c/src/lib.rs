//! The C ABI of ticketshare. A thin layer: every rule is decided in the core crate; this crate
//! converts pointers and strings, catches panics at the boundary, and tracks live handles so a
//! double free is reported instead of being undefined behaviour.
//!
//! The header `include/ticketshare.h` is generated from this file by cbindgen and checked in.
#![allow(non_camel_case_types)]

use std::collections::BTreeSet;
use std::ffi::{c_char, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Mutex, OnceLock};
use ticketshare::api::{Api, API_VERSION, MAX_REQUEST_BYTES};
use ticketshare::share::codes::CodeChallenge;
use ticketshare::{CodeChecked, ExternalShare, Purpose, Reason, Timestamp};

/// What a call did. Values are stable; a retired value is never reused.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ts_result {
    /// Success.
    TS_OK = 0,
    /// The engine refused: the reason number or the error JSON says why.
    TS_REFUSED = 1,
    /// A required pointer was NULL.
    TS_NULL_ARGUMENT = 2,
    /// A string was not valid UTF-8.
    TS_INVALID_UTF8 = 3,
    /// A bug inside the library was caught at the boundary; nothing was changed.
    TS_PANIC = 4,
    /// The engine or string was not made by this library, or was already freed.
    TS_INVALID_HANDLE = 5,
    /// An input was longer than its bound.
    TS_TOO_LARGE = 6,
    /// `ts_json_get`: no value at that path.
    TS_NOT_FOUND = 7,
}

/// The JSON API version this library speaks (`"v"` in requests).
pub const TS_API_VERSION: u32 = 1;
/// The library's major version.
pub const TS_VERSION_MAJOR: u32 = 0;
/// The library's minor version.
pub const TS_VERSION_MINOR: u32 = 1;
/// The library's patch version.
pub const TS_VERSION_PATCH: u32 = 0;

const _: () = assert!(
    TS_API_VERSION == API_VERSION,
    "TS_API_VERSION must follow the core"
);

/// An engine: built once from a configuration, then called from any thread. Opaque.
pub struct ts_engine {
    api: Api,
}

/// What a verified link says (`ts_link_verify`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ts_link_claims {
    /// The share's id, the 16 bytes of its UUID.
    pub share_id: [u8; 16],
    /// When the link expires, Unix nanoseconds.
    pub expires_at_unix_nanos: i64,
    /// The id of the key that signed it.
    pub key_id: u32,
}

/// The outcome of `ts_code_check`.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ts_code_outcome {
    /// The right code: store `share_json` and `challenge_json`, give `session_token` to the browser.
    TS_CODE_ACCEPTED = 1,
    /// A wrong code: store `challenge_json`; `attempts_left` tries remain (0: locked).
    TS_CODE_REJECTED = 2,
}

/// What `ts_code_check` returns. Release with `ts_code_check_result_free`.
#[repr(C)]
#[derive(Debug)]
pub struct ts_code_check_result {
    /// Accepted or rejected.
    pub outcome: ts_code_outcome,
    /// Wrong codes still allowed (rejected only).
    pub attempts_left: u32,
    /// The updated challenge record to store (JSON).
    pub challenge_json: *mut c_char,
    /// The verified share record to store (JSON); NULL when rejected.
    pub share_json: *mut c_char,
    /// The session token; NULL when rejected.
    pub session_token: *mut c_char,
    /// When the session ends, Unix nanoseconds; 0 when rejected.
    pub session_expires_at_unix_nanos: i64,
    /// The audit events to store (a JSON array).
    pub events_json: *mut c_char,
}

// ---- the boundary ---------------------------------------------------------------------------

/// Runs `body`, turning a panic into `on_panic`. Every exported function goes through here.
fn guard<T>(on_panic: T, body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(on_panic)
}

/// Addresses of live engines and strings, so a second free is detected, not undefined.
/// (B-tree sets: their nodes are pointed at from their start, so leak checkers see the
/// process-long registry as reachable rather than "possibly lost".)
struct Registry {
    engines: BTreeSet<usize>,
    strings: BTreeSet<usize>,
}

fn registry() -> std::sync::MutexGuard<'static, Registry> {
    static REGISTRY: OnceLock<Mutex<Registry>> = OnceLock::new();
    REGISTRY
        .get_or_init(|| {
            Mutex::new(Registry {
                engines: BTreeSet::new(),
                strings: BTreeSet::new(),
            })
        })
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Hands a string to C: allocated here, registered, freed only by `ts_string_free`.
fn give_string(text: String) -> *mut c_char {
    // Interior NULs cannot occur in JSON or tokens we produce; replace defensively.
    let c = CString::new(text).unwrap_or_else(|e| {
        let mut bytes = e.into_vec();
        bytes.retain(|b| *b != 0);
        CString::new(bytes).unwrap_or_default()
    });
    let ptr = c.into_raw();
    registry().strings.insert(ptr as usize);
    ptr
}

/// Reads a C string as UTF-8, bounded by `max` bytes.
///
/// # Safety
/// `ptr` must be NULL or point to a NUL-terminated string valid for the call.
unsafe fn read_str<'a>(ptr: *const c_char, max: usize) -> Result<&'a str, ts_result> {
    if ptr.is_null() {
        return Err(ts_result::TS_NULL_ARGUMENT);
    }
    // SAFETY: the caller promises a NUL-terminated string valid for the call.
    let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
    if bytes.len() > max {
        return Err(ts_result::TS_TOO_LARGE);
    }
    std::str::from_utf8(bytes).map_err(|_| ts_result::TS_INVALID_UTF8)
}

/// Reads `len` bytes at `ptr` as UTF-8.
///
/// # Safety
/// `ptr` must be NULL or valid for reads of `len` bytes for the call.
unsafe fn read_bytes<'a>(ptr: *const u8, len: usize, max: usize) -> Result<&'a str, ts_result> {
    if ptr.is_null() {
        return Err(ts_result::TS_NULL_ARGUMENT);
    }
    if len > max {
        return Err(ts_result::TS_TOO_LARGE);
    }
    // SAFETY: the caller promises `len` readable bytes at `ptr`.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    std::str::from_utf8(bytes).map_err(|_| ts_result::TS_INVALID_UTF8)
}

/// Borrows an engine handle.
///
/// # Safety
/// `engine` must be NULL or a live pointer from `ts_engine_new*`.
unsafe fn engine_ref<'a>(engine: *const ts_engine) -> Result<&'a ts_engine, ts_result> {
    if engine.is_null() {
        return Err(ts_result::TS_NULL_ARGUMENT);
    }
    // SAFETY: the caller promises a live engine from ts_engine_new.
    Ok(unsafe { &*engine })
}

/// Writes `value` through `out` if it is not NULL.
///
/// # Safety
/// `out` must be NULL or valid for a write of `T`.
unsafe fn put<T>(out: *mut T, value: T) {
    if !out.is_null() {
        // SAFETY: checked non-NULL; the caller promises it is writable.
        unsafe { out.write(value) };
    }
}

fn error_json(error: &ticketshare::Error) -> String {
    serde_json::json!({
        "ok": false,
        "error": {"code": error.code(), "category": error.public_category().as_str(), "message": error.detail()}
    })
    .to_string()
}

// ---- engines --------------------------------------------------------------------------------

fn new_engine(
    config_json: *const c_char,
    engine_out: *mut *mut ts_engine,
    error_out: *mut *mut c_char,
    build: impl FnOnce(&str) -> ticketshare::Result<Api>,
) -> ts_result {
    guard(ts_result::TS_PANIC, || {
        if engine_out.is_null() {
            return ts_result::TS_NULL_ARGUMENT;
        }
        // SAFETY: checked non-NULL above; the caller promises it is writable.
        unsafe { engine_out.write(std::ptr::null_mut()) };
        // SAFETY: out-pointer may be NULL; put checks.
        unsafe { put(error_out, std::ptr::null_mut()) };
        // SAFETY: the caller promises a NUL-terminated string.
        let config = match unsafe { read_str(config_json, ticketshare::api::MAX_CONFIG_BYTES * 2) }
        {
            Ok(config) => config,
            Err(status) => return status,
        };
        match build(config) {
            Ok(api) => {
                let ptr = Box::into_raw(Box::new(ts_engine { api }));
                registry().engines.insert(ptr as usize);
                // SAFETY: checked non-NULL above.
                unsafe { engine_out.write(ptr) };
                ts_result::TS_OK
            }
            Err(error) => {
                // SAFETY: out-pointer may be NULL; put checks.
                unsafe { put(error_out, give_string(error_json(&error))) };
                ts_result::TS_REFUSED
            }
        }
    })
}

/// Builds an engine from its JSON configuration (see docs/api.md), with randomness from the
/// operating system. On success `*engine_out` is the engine (free with `ts_engine_free`). On
/// `TS_REFUSED`, `*error_out` (if not NULL) is an error JSON to free with `ts_string_free`.
///
/// # Safety
/// `config_json` must be a NUL-terminated string; `engine_out` writable; `error_out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ts_engine_new(
    config_json: *const c_char,
    engine_out: *mut *mut ts_engine,
    error_out: *mut *mut c_char,
) -> ts_result {
    new_engine(config_json, engine_out, error_out, Api::from_config_json)
}

/// **For tests and golden vectors only.** Like `ts_engine_new`, but every code and id comes from
/// a predictable stream seeded by `seed`: anyone who knows the seed can guess them.
///
/// # Safety
/// As for `ts_engine_new`.
#[no_mangle]
pub unsafe extern "C" fn ts_engine_new_seeded_for_tests(
    config_json: *const c_char,
    seed: u64,
    engine_out: *mut *mut ts_engine,
    error_out: *mut *mut c_char,
) -> ts_result {
    new_engine(config_json, engine_out, error_out, |config| {
        Api::new_seeded_for_tests(config, seed)
    })
}

/// Frees an engine. NULL is a no-op (`TS_OK`); an engine already freed, or not made by this
/// library, is left alone and reported as `TS_INVALID_HANDLE`.
///
/// # Safety
/// `engine` must not be in use by another thread while it is freed.
#[no_mangle]
pub unsafe extern "C" fn ts_engine_free(engine: *mut ts_engine) -> ts_result {
    guard(ts_result::TS_PANIC, || {
        if engine.is_null() {
            return ts_result::TS_OK;
        }
        if !registry().engines.remove(&(engine as usize)) {
            return ts_result::TS_INVALID_HANDLE;
        }
        // SAFETY: registered by ts_engine_new and removed just now, so this is its only free.
        drop(unsafe { Box::from_raw(engine) });
        ts_result::TS_OK
    })
}

// ---- the JSON surface -----------------------------------------------------------------------

fn call(
    engine: *const ts_engine,
    request: Result<&str, ts_result>,
    response_out: *mut *mut c_char,
) -> ts_result {
    guard(ts_result::TS_PANIC, || {
        if response_out.is_null() {
            return ts_result::TS_NULL_ARGUMENT;
        }
        // SAFETY: checked non-NULL above.
        unsafe { response_out.write(std::ptr::null_mut()) };
        // SAFETY: the caller promises a live engine.
        let engine = match unsafe { engine_ref(engine) } {
            Ok(engine) => engine,
            Err(status) => return status,
        };
        let request = match request {
            Ok(request) => request,
            Err(status) => return status,
        };
        let response = engine.api.call(request);
        // SAFETY: checked non-NULL above.
        unsafe { response_out.write(give_string(response)) };
        ts_result::TS_OK
    })
}

/// Runs one JSON request (see docs/api.md). On `TS_OK`, `*response_out` is the response JSON,
/// `{"ok": true, ...}` or `{"ok": false, "error": ...}`: a refusal is data, not a status. Free
/// it with `ts_string_free`.
///
/// # Safety
/// `engine` live; `request_json` NUL-terminated; `response_out` writable.
#[no_mangle]
pub unsafe extern "C" fn ts_engine_call(
    engine: *const ts_engine,
    request_json: *const c_char,
    response_out: *mut *mut c_char,
) -> ts_result {
    // SAFETY: the caller promises a NUL-terminated string. Oversized input is read only up to
    // its NUL and refused by the JSON layer with `request_too_large`.
    let request = guard(Err(ts_result::TS_PANIC), || unsafe {
        read_str(request_json, usize::MAX)
    });
    call(engine, request, response_out)
}

/// Like `ts_engine_call`, for a request of `request_len` bytes that need not end in NUL.
///
/// # Safety
/// `engine` live; `request` readable for `request_len` bytes; `response_out` writable.
#[no_mangle]
pub unsafe extern "C" fn ts_engine_call_n(
    engine: *const ts_engine,
    request: *const u8,
    request_len: usize,
    response_out: *mut *mut c_char,
) -> ts_result {
    // SAFETY: the caller promises `request_len` readable bytes.
    let request = guard(Err(ts_result::TS_PANIC), || unsafe {
        read_bytes(request, request_len, usize::MAX)
    });
    call(engine, request, response_out)
}

/// Frees a string the library returned. NULL is a no-op (`TS_OK`); a string already freed, or
/// not made by this library, is left alone and reported as `TS_INVALID_HANDLE`.
///
/// # Safety
/// `text` must not be used after it is freed.
#[no_mangle]
pub unsafe extern "C" fn ts_string_free(text: *mut c_char) -> ts_result {
    guard(ts_result::TS_PANIC, || {
        if text.is_null() {
            return ts_result::TS_OK;
        }
        if !registry().strings.remove(&(text as usize)) {
            return ts_result::TS_INVALID_HANDLE;
        }
        // SAFETY: registered by give_string and removed just now, so this is its only free.
        drop(unsafe { CString::from_raw(text) });
        ts_result::TS_OK
    })
}

// ---- typed hot paths ------------------------------------------------------------------------

/// Verifies a link token with no records and no JSON (SEC-01): the hot path before any database
/// look-up. On `TS_OK`, `*claims_out` holds the share id to load. On `TS_REFUSED`,
/// `*reason_out` (if not NULL) is the reason number (`ts_reason_code` names it).
///
/// # Safety
/// `engine` live; `token` readable for `token_len` bytes; `claims_out` writable; `reason_out`
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ts_link_verify(
    engine: *const ts_engine,
    token: *const u8,
    token_len: usize,
    now_unix_nanos: i64,
    claims_out: *mut ts_link_claims,
    reason_out: *mut u32,
) -> ts_result {
    guard(ts_result::TS_PANIC, || {
        // SAFETY: out-pointer may be NULL; put checks.
        unsafe { put(reason_out, 0) };
        if claims_out.is_null() {
            return ts_result::TS_NULL_ARGUMENT;
        }
        // SAFETY: the caller promises a live engine.
        let engine = match unsafe { engine_ref(engine) } {
            Ok(engine) => engine,
            Err(status) => return status,
        };
        // The token bound is checked by the engine before decoding, so pass any length through
        // as text; only non-UTF-8 is refused here.
        // SAFETY: the caller promises `token_len` readable bytes.
        let token = match unsafe { read_bytes(token, token_len, usize::MAX) } {
            Ok(token) => token,
            Err(ts_result::TS_INVALID_UTF8) => {
                // SAFETY: out-pointer may be NULL; put checks.
                unsafe { put(reason_out, Reason::TokenMalformed.number()) };
                return ts_result::TS_REFUSED;
            }
            Err(status) => return status,
        };
        match engine
            .api
            .engine()
            .verify_link(token, Timestamp::from_unix_nanos(now_unix_nanos))
        {
            Ok(claims) => {
                let out = ts_link_claims {
                    share_id: *claims.share_id.as_bytes(),
                    expires_at_unix_nanos: claims.expires_at.unix_nanos(),
                    key_id: claims.key_id.0,
                };
                debug_assert_eq!(claims.purpose, Purpose::Link);
                // SAFETY: checked non-NULL above.
                unsafe { claims_out.write(out) };
                ts_result::TS_OK
            }
            Err(error) => {
                // SAFETY: out-pointer may be NULL; put checks.
                unsafe { put(reason_out, error.reason().number()) };
                ts_result::TS_REFUSED
            }
        }
    })
}

fn empty_code_result() -> ts_code_check_result {
    ts_code_check_result {
        outcome: ts_code_outcome::TS_CODE_REJECTED,
        attempts_left: 0,
        challenge_json: std::ptr::null_mut(),
        share_json: std::ptr::null_mut(),
        session_token: std::ptr::null_mut(),
        session_expires_at_unix_nanos: 0,
        events_json: std::ptr::null_mut(),
    }
}

/// Checks a code the collaborator entered (EXT-06, SEC-02) without building a request: the
/// share and challenge records go in as the JSON the host stored, the outcome comes out typed.
/// On `TS_OK`, `*result_out` says accepted or rejected (free it with
/// `ts_code_check_result_free`). On `TS_REFUSED` (bad records, expired or locked challenge, ...),
/// `*reason_out` is the reason number and nothing needs storing.
///
/// # Safety
/// `engine` live; the strings NUL-terminated; `result_out` writable; `reason_out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ts_code_check(
    engine: *const ts_engine,
    link_token: *const c_char,
    share_json: *const c_char,
    challenge_json: *const c_char,
    code: *const c_char,
    now_unix_nanos: i64,
    result_out: *mut ts_code_check_result,
    reason_out: *mut u32,
) -> ts_result {
    guard(ts_result::TS_PANIC, || {
        // SAFETY: out-pointer may be NULL; put checks.
        unsafe { put(reason_out, 0) };
        if result_out.is_null() {
            return ts_result::TS_NULL_ARGUMENT;
        }
        // SAFETY: checked non-NULL above.
        unsafe { result_out.write(empty_code_result()) };
        // SAFETY: the caller promises a live engine.
        let engine = match unsafe { engine_ref(engine) } {
            Ok(engine) => engine,
            Err(status) => return status,
        };
        // SAFETY: the caller promises NUL-terminated strings.
        let inputs = unsafe {
            (
                read_str(link_token, 4096),
                read_str(share_json, MAX_REQUEST_BYTES),
                read_str(challenge_json, MAX_REQUEST_BYTES),
                read_str(code, 4096),
            )
        };
        let (token, share, challenge, code) = match inputs {
            (Ok(t), Ok(s), Ok(c), Ok(k)) => (t, s, c, k),
            (Err(e), ..) | (_, Err(e), ..) | (_, _, Err(e), _) | (_, _, _, Err(e)) => return e,
        };
        let refuse = |reason: Reason| {
            // SAFETY: out-pointer may be NULL; put checks.
            unsafe { put(reason_out, reason.number()) };
            ts_result::TS_REFUSED
        };
        let (Ok(share), Ok(challenge)) = (
            serde_json::from_str::<ExternalShare>(share),
            serde_json::from_str::<CodeChallenge>(challenge),
        ) else {
            return refuse(Reason::InvalidRequest);
        };
        let now = Timestamp::from_unix_nanos(now_unix_nanos);
        let checked = match engine
            .api
            .engine()
            .check_code(token, &share, &challenge, code, now)
        {
            Ok(checked) => checked,
            Err(error) => return refuse(error.reason()),
        };
        let result = match checked {
            CodeChecked::Accepted {
                share,
                challenge,
                session_token,
                session_expires_at,
                events,
            } => ts_code_check_result {
                outcome: ts_code_outcome::TS_CODE_ACCEPTED,
                attempts_left: 0,
                challenge_json: to_json(&challenge),
                share_json: to_json(&share),
                session_token: give_string(session_token),
                session_expires_at_unix_nanos: session_expires_at.unix_nanos(),
                events_json: to_json(&events),
            },
            CodeChecked::Rejected {
                challenge,
                attempts_left,
                events,
            } => ts_code_check_result {
                outcome: ts_code_outcome::TS_CODE_REJECTED,
                attempts_left,
                challenge_json: to_json(&challenge),
                events_json: to_json(&events),
                ..empty_code_result()
            },
        };
        // SAFETY: checked non-NULL above.
        unsafe { result_out.write(result) };
        ts_result::TS_OK
    })
}

/// Hands a record to C as JSON.
fn to_json<T: serde::Serialize>(value: &T) -> *mut c_char {
    give_string(serde_json::to_string(value).unwrap_or_default())
}

/// Frees the strings of a `ts_code_check_result` and resets it. NULL is a no-op.
///
/// # Safety
/// `result` NULL or a result filled by `ts_code_check`.
#[no_mangle]
pub unsafe extern "C" fn ts_code_check_result_free(result: *mut ts_code_check_result) -> ts_result {
    guard(ts_result::TS_PANIC, || {
        if result.is_null() {
            return ts_result::TS_OK;
        }
        // SAFETY: the caller promises a result filled by ts_code_check.
        let r = unsafe { &mut *result };
        let mut status = ts_result::TS_OK;
        for field in [
            &mut r.challenge_json,
            &mut r.share_json,
            &mut r.session_token,
            &mut r.events_json,
        ] {
            // SAFETY: each is NULL or a string from give_string; ts_string_free checks.
            if unsafe { ts_string_free(*field) } != ts_result::TS_OK {
                status = ts_result::TS_INVALID_HANDLE;
            }
            *field = std::ptr::null_mut();
        }
        status
    })
}

// ---- helpers --------------------------------------------------------------------------------

/// Extracts the value at a dotted `path` of a JSON document ("result.share", "steps.0.request";
/// "" is the whole document) as compact JSON with sorted keys, so two documents compare equal
/// as strings exactly when they are equal as JSON. For C hosts without a JSON library. On
/// `TS_OK`, free `*value_out` with `ts_string_free`; `TS_NOT_FOUND` when the path is absent;
/// `TS_REFUSED` when `json` is not JSON.
///
/// # Safety
/// `json`, `path` NUL-terminated; `value_out` writable.
#[no_mangle]
pub unsafe extern "C" fn ts_json_get(
    json: *const c_char,
    path: *const c_char,
    value_out: *mut *mut c_char,
) -> ts_result {
    guard(ts_result::TS_PANIC, || {
        if value_out.is_null() {
            return ts_result::TS_NULL_ARGUMENT;
        }
        // SAFETY: checked non-NULL above.
        unsafe { value_out.write(std::ptr::null_mut()) };
        // SAFETY: the caller promises NUL-terminated strings.
        let (json, path) = match unsafe { (read_str(json, 64 * 1024 * 1024), read_str(path, 4096)) }
        {
            (Ok(json), Ok(path)) => (json, path),
            (Err(e), _) | (_, Err(e)) => return e,
        };
        let Ok(document) = serde_json::from_str::<serde_json::Value>(json) else {
            return ts_result::TS_REFUSED;
        };
        let mut value = &document;
        for segment in path.split('.').filter(|s| !s.is_empty()) {
            let next = match value {
                serde_json::Value::Object(map) => map.get(segment),
                serde_json::Value::Array(items) => {
                    segment.parse::<usize>().ok().and_then(|i| items.get(i))
                }
                _ => None,
            };
            match next {
                Some(next) => value = next,
                None => return ts_result::TS_NOT_FOUND,
            }
        }
        // serde_json's Map is ordered by key (no preserve_order feature): output is canonical.
        // SAFETY: checked non-NULL above.
        unsafe { value_out.write(give_string(value.to_string())) };
        ts_result::TS_OK
    })
}

/// The stable code of a reason number, e.g. `"link_expired"`; `"unknown"` for an unknown number.
/// Static: never free it.
#[no_mangle]
pub extern "C" fn ts_reason_code(reason: u32) -> *const c_char {
    guard(c"unknown".as_ptr(), || {
        reason_text(reason, ReasonText::Code)
    })
}

/// The public category of a reason number (`"invalid_link"`, `"expired"`, ...), safe to show the
/// collaborator; `"unknown"` for an unknown number. Static: never free it.
#[no_mangle]
pub extern "C" fn ts_reason_category(reason: u32) -> *const c_char {
    guard(c"unknown".as_ptr(), || {
        reason_text(reason, ReasonText::Category)
    })
}

/// Which text of a reason.
#[derive(Clone, Copy)]
enum ReasonText {
    Code,
    Category,
}

/// NUL-terminated copies of every reason's code and category, made once for the process.
fn reason_text(number: u32, which: ReasonText) -> *const c_char {
    static TEXTS: OnceLock<Vec<(u32, CString, CString)>> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| {
        let c = |s: &str| CString::new(s).unwrap_or_default();
        Reason::ALL
            .iter()
            .map(|r| (r.number(), c(r.code()), c(r.public_category().as_str())))
            .collect()
    });
    match texts.iter().find(|(n, ..)| *n == number) {
        Some((_, code, _)) if matches!(which, ReasonText::Code) => code.as_ptr(),
        Some((_, _, category)) => category.as_ptr(),
        None => c"unknown".as_ptr(),
    }
}

/// The library version, e.g. `"0.1.0"`. Static: never free it.
#[no_mangle]
pub extern "C" fn ts_version() -> *const c_char {
    static VERSION: &CStr =
        match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
            Ok(version) => version,
            Err(_) => c"unknown",
        };
    VERSION.as_ptr()
}

/// **For tests only.** Panics inside the boundary guard and returns what the guard makes of it:
/// `TS_PANIC`. Proves that a panic never crosses into C.
#[no_mangle]
pub extern "C" fn ts_test_panic_is_caught() -> ts_result {
    guard(ts_result::TS_PANIC, || {
        let items: Vec<u32> = Vec::new();
        // An out-of-bounds index: a real panic, not a simulated one.
        #[allow(clippy::indexing_slicing)]
        let value = items[std::hint::black_box(3)];
        if value == 0 {
            ts_result::TS_OK
        } else {
            ts_result::TS_REFUSED
        }
    })
}
