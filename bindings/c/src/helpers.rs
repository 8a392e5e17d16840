//! Names of reasons, the version, reading a value out of a response, and the panic-boundary
//! proof.

use crate::ffi::{self, guard, try_ffi};
use crate::{strings, ts_result};
use std::ffi::{c_char, CStr, CString};
use std::sync::OnceLock;
use ticketshare::Reason;

/// The largest document `ts_json_get` reads (a response is far smaller).
const MAX_JSON_GET_BYTES: usize = 64 * 1024 * 1024;

/// Extracts the value at a dotted `path` of a JSON document (`"result.share"`,
/// `"steps.0.request"`; `""` is the whole document) as compact JSON with sorted keys, so two
/// documents compare equal as strings exactly when they are equal as JSON.
///
/// A documented convenience for C hosts, which have no JSON parser in their standard library:
/// it reads the ids, tokens and records out of a response (as `examples/c/quickstart.c` does)
/// and is how the C tests compare responses. It decides nothing: hosts with a JSON library use
/// that instead. On `TS_OK`, free `*value_out` with `ts_string_free`; `TS_NOT_FOUND` when the
/// path is absent; `TS_REFUSED` when `json` is not JSON.
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
        let value_out = try_ffi!(ffi::out(value_out));
        value_out.write(std::ptr::null_mut());
        let json = try_ffi!(ffi::utf8(json, MAX_JSON_GET_BYTES));
        let path = try_ffi!(ffi::utf8(path, 4096));
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
        value_out.write(strings::give(value.to_string()));
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

/// The family of a reason number (`"link"`, `"code"`, `"validation"`, ...), which a binding's
/// error classes follow; `"unknown"` for an unknown number. Static: never free it.
#[no_mangle]
pub extern "C" fn ts_reason_family(reason: u32) -> *const c_char {
    guard(c"unknown".as_ptr(), || {
        reason_text(reason, ReasonText::Family)
    })
}

/// What a reason number means, in one sentence (for an exception's message when the call
/// gave no envelope); `"unknown"` for an unknown number. Static: never free it.
#[no_mangle]
pub extern "C" fn ts_reason_message(reason: u32) -> *const c_char {
    guard(c"unknown".as_ptr(), || {
        reason_text(reason, ReasonText::Message)
    })
}

/// Which text of a reason.
#[derive(Clone, Copy)]
enum ReasonText {
    Code,
    Category,
    Family,
    Message,
}

/// NUL-terminated copies of every reason's code, category and family, made once.
fn reason_text(number: u32, which: ReasonText) -> *const c_char {
    static TEXTS: OnceLock<Vec<(u32, [CString; 4])>> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| {
        let c = |s: &str| CString::new(s).unwrap_or_default();
        Reason::ALL
            .iter()
            .map(|r| {
                (
                    r.number(),
                    [
                        c(r.code()),
                        c(r.public_category().as_str()),
                        c(r.family().as_str()),
                        c(r.meaning()),
                    ],
                )
            })
            .collect()
    });
    let index = match which {
        ReasonText::Code => 0,
        ReasonText::Category => 1,
        ReasonText::Family => 2,
        ReasonText::Message => 3,
    };
    texts
        .iter()
        .find(|(n, _)| *n == number)
        .and_then(|(_, texts)| texts.get(index))
        .map_or(c"unknown".as_ptr(), |text| text.as_ptr())
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

/// **For tests only** (the `testing` build, like `ts_engine_new_seeded_for_tests`). Panics
/// inside the boundary guard and returns what the guard makes of it: `TS_PANIC`. Proves that a
/// panic never crosses into C.
#[cfg(feature = "testing")]
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
