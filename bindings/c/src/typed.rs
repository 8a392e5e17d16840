//! Typed entry points for the hot paths: a link verify with no JSON at all, a code check with
//! the stored records in and a typed outcome out, and the time a host's clock gives, parsed by
//! the engine.

use crate::ffi::{self, guard, reasoned, try_ffi, Input};
use crate::{handles, refuse, strings, ts_engine, ts_result};
use std::ffi::c_char;
use ticketshare::api::{self, decode_record};
use ticketshare::share::codes::CodeChallenge;
use ticketshare::share::links::{token_too_large, MAX_TOKEN_BYTES};
use ticketshare::{CodeChecked, ExternalShare, Now, Purpose};

/// What a verified link says (`ts_link_verify`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ts_link_claims {
    /// The share's id, the 16 bytes of its UUID.
    pub share_id: [u8; 16],
    /// The same id as the records and the JSON surface write it: hyphenated lower-case text,
    /// NUL-terminated.
    pub share_id_text: [c_char; 37],
    /// When the link expires, Unix nanoseconds.
    pub expires_at_unix_nanos: i64,
    /// The id of the key that signed it.
    pub key_id: u32,
}

impl Default for ts_link_claims {
    /// Zeroed claims, for an out-parameter before the call.
    fn default() -> Self {
        Self {
            share_id: [0; 16],
            share_id_text: [0; 37],
            expires_at_unix_nanos: 0,
            key_id: 0,
        }
    }
}

/// Verifies a link token with no records and no JSON (SEC-01): the hot path before any database
/// look-up. `now_unix_nanos` is the current time in Unix **nanoseconds**; a time before
/// 2000-01-01 (seconds or milliseconds passed by mistake, `-1`) is refused as `invalid_time`.
/// On `TS_OK`, `*claims_out` holds the share id to load. Otherwise `*reason_out` (if not NULL)
/// is the reason number (`ts_reason_code` names it). A token over 512 bytes is refused
/// (`token_oversized`) without being read.
///
/// # Safety
/// `token` readable for `token_len` bytes; `claims_out` writable; `reason_out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ts_link_verify(
    engine: ts_engine,
    token: *const c_char,
    token_len: usize,
    now_unix_nanos: i64,
    claims_out: *mut ts_link_claims,
    reason_out: *mut u32,
) -> ts_result {
    reasoned(reason_out, |reason| {
        let claims_out = try_ffi!(ffi::out(claims_out));
        let token = try_ffi!(ffi::bytes(token, token_len, MAX_TOKEN_BYTES));
        let verified = handles::with(engine.id, |api| match token {
            Input::Bytes(token) => Now::from_unix_nanos(now_unix_nanos)
                .and_then(|now| api.engine().verify_link(token, now)),
            Input::TooLarge => Err(token_too_large()),
        });
        match verified {
            None => ts_result::TS_INVALID_HANDLE,
            Some(Ok(claims)) => {
                debug_assert_eq!(claims.purpose, Purpose::Link);
                let mut text = [0u8; 36];
                claims.share_id.encode(&mut text);
                let mut share_id_text: [c_char; 37] = [0; 37];
                for (to, from) in share_id_text.iter_mut().zip(text) {
                    *to = from as c_char;
                }
                claims_out.write(ts_link_claims {
                    share_id: *claims.share_id.as_bytes(),
                    share_id_text,
                    expires_at_unix_nanos: claims.expires_at.unix_nanos(),
                    key_id: claims.key_id.0,
                });
                ts_result::TS_OK
            }
            Some(Err(error)) => {
                *reason = error.reason().number();
                ts_result::TS_REFUSED
            }
        }
    })
}

/// Parses the current time from RFC 3339 text, as every operation's `now` is parsed, into Unix
/// nanoseconds for `ts_link_verify`. A host whose clock gives text uses this rather than parse it
/// itself. Otherwise `*reason_out` (if not NULL) is the reason number: `invalid_time` when
/// the text is not such a time.
///
/// # Safety
/// `text` readable for `text_len` bytes; `nanos_out` writable; `reason_out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ts_now_parse(
    text: *const c_char,
    text_len: usize,
    nanos_out: *mut i64,
    reason_out: *mut u32,
) -> ts_result {
    reasoned(reason_out, |reason| {
        let nanos_out = try_ffi!(ffi::out(nanos_out));
        let parsed = match try_ffi!(ffi::bytes(text, text_len, 256)) {
            Input::Bytes(text) => Now::parse_rfc3339_bytes(text),
            Input::TooLarge => Now::parse_rfc3339_bytes(b""),
        };
        match parsed {
            Ok(now) => {
                nanos_out.write(now.timestamp().unix_nanos());
                ts_result::TS_OK
            }
            Err(error) => {
                *reason = error.reason().number();
                ts_result::TS_REFUSED
            }
        }
    })
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
    /// The share record to store with the challenge (JSON): verified when accepted, with one
    /// more wrong code in a row when rejected (SEC-02). Write both over the revisions read.
    pub share_json: *mut c_char,
    /// The session token; NULL when rejected.
    pub session_token: *mut c_char,
    /// When the session ends, Unix nanoseconds; 0 when rejected.
    pub session_expires_at_unix_nanos: i64,
    /// The verified-device token to keep in a cookie of this browser (EXT-09); NULL when
    /// rejected.
    pub device_token: *mut c_char,
    /// When the device token expires, Unix nanoseconds; 0 when rejected.
    pub device_expires_at_unix_nanos: i64,
    /// The audit events to store (a JSON array).
    pub events_json: *mut c_char,
}

fn empty_code_result() -> ts_code_check_result {
    ts_code_check_result {
        outcome: ts_code_outcome::TS_CODE_REJECTED,
        attempts_left: 0,
        challenge_json: std::ptr::null_mut(),
        share_json: std::ptr::null_mut(),
        session_token: std::ptr::null_mut(),
        session_expires_at_unix_nanos: 0,
        device_token: std::ptr::null_mut(),
        device_expires_at_unix_nanos: 0,
        events_json: std::ptr::null_mut(),
    }
}

/// Hands a record to C as JSON.
fn to_json<T: serde::Serialize>(value: &T) -> *mut c_char {
    strings::give(serde_json::to_string(value).unwrap_or_default())
}

/// One string argument of the code check, bounded like a request (NULLs are refused first).
fn arg<'a>(ptr: *const c_char) -> Result<&'a [u8], ticketshare::Error> {
    match ffi::c_str(ptr, api::MAX_REQUEST_BYTES) {
        Ok(Input::Bytes(bytes)) => Ok(bytes),
        _ => Err(api::request_too_large()),
    }
}

/// Checks a code the collaborator entered (EXT-06, SEC-02) without building a request: the
/// share and challenge records go in as the JSON the host stored (read exactly as the JSON
/// surface reads them), the outcome comes out typed. `now_unix_nanos` as for `ts_link_verify`.
/// On `TS_OK`, `*result_out` says accepted or rejected (free it with
/// `ts_code_check_result_free`). Otherwise nothing needs storing and `*reason_out` (if not NULL)
/// is the reason number; on `TS_REFUSED` (bad records, expired or locked challenge, ...)
/// `*error_out` (if not NULL) is the error envelope with the field path, to free with
/// `ts_string_free`.
///
/// # Safety
/// `link_token`, `share_json`, `challenge_json` and `code` NUL-terminated; `result_out`
/// writable; `reason_out` and `error_out` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ts_code_check(
    engine: ts_engine,
    link_token: *const c_char,
    share_json: *const c_char,
    challenge_json: *const c_char,
    code: *const c_char,
    now_unix_nanos: i64,
    result_out: *mut ts_code_check_result,
    reason_out: *mut u32,
    error_out: *mut *mut c_char,
) -> ts_result {
    reasoned(reason_out, |reason| {
        ffi::put(error_out, std::ptr::null_mut());
        let result_out = try_ffi!(ffi::out(result_out));
        result_out.write(empty_code_result());
        for ptr in [link_token, share_json, challenge_json, code] {
            if ptr.is_null() {
                return ts_result::TS_NULL_ARGUMENT;
            }
        }
        let checked = handles::with(engine.id, |api| {
            let (token, code) = (arg(link_token)?, arg(code)?);
            let share: ExternalShare = decode_record(arg(share_json)?, "share")?;
            let challenge: CodeChallenge = decode_record(arg(challenge_json)?, "challenge")?;
            let now = Now::from_unix_nanos(now_unix_nanos)?;
            // Bytes that are not UTF-8 become U+FFFD, which the engine refuses as no digits.
            let code = String::from_utf8_lossy(code);
            api.engine()
                .check_code(token, &share, &challenge, &code, now)
        });
        let checked = match checked {
            None => return ts_result::TS_INVALID_HANDLE,
            Some(Ok(checked)) => checked,
            Some(Err(error)) => return refuse(&error, reason, error_out),
        };
        result_out.write(match checked {
            CodeChecked::Accepted {
                share,
                challenge,
                session_token,
                session_expires_at,
                device_token,
                device_expires_at,
                events,
            } => ts_code_check_result {
                outcome: ts_code_outcome::TS_CODE_ACCEPTED,
                attempts_left: 0,
                challenge_json: to_json(&challenge),
                share_json: to_json(&share),
                session_token: strings::give(session_token),
                session_expires_at_unix_nanos: session_expires_at.unix_nanos(),
                device_token: strings::give(device_token),
                device_expires_at_unix_nanos: device_expires_at.unix_nanos(),
                events_json: to_json(&events),
            },
            CodeChecked::Rejected {
                share,
                challenge,
                attempts_left,
                events,
            } => ts_code_check_result {
                outcome: ts_code_outcome::TS_CODE_REJECTED,
                attempts_left,
                challenge_json: to_json(&challenge),
                share_json: to_json(&share),
                events_json: to_json(&events),
                ..empty_code_result()
            },
        });
        ts_result::TS_OK
    })
}

/// Frees the strings of a `ts_code_check_result` and resets it. NULL is a no-op.
///
/// # Safety
/// `result` NULL or a result filled by `ts_code_check`.
#[no_mangle]
pub unsafe extern "C" fn ts_code_check_result_free(result: *mut ts_code_check_result) -> ts_result {
    guard(ts_result::TS_PANIC, || {
        let Some(r) = ffi::existing(result) else {
            return ts_result::TS_OK;
        };
        let mut status = ts_result::TS_OK;
        for field in [
            &mut r.challenge_json,
            &mut r.share_json,
            &mut r.session_token,
            &mut r.device_token,
            &mut r.events_json,
        ] {
            if !field.is_null() && !strings::free(*field) {
                status = ts_result::TS_INVALID_HANDLE;
            }
            *field = std::ptr::null_mut();
        }
        status
    })
}
