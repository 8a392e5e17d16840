//! The WebAssembly build: the JSON operation surface and the typed link verify, exported with
//! wasm-bindgen. A thin layer: every rule is decided in the core; the npm package's JavaScript
//! (`bindings/wasm/js/`) turns this into the idiomatic `Engine` class. Every refusal thrown from
//! here is the error envelope `{"ok":false,"error":{...}}` as JSON text, as the C ABI returns it.

use ticketshare::api::{self, Api};
use ticketshare::share::links;
use ticketshare::{Now, Timestamp};
use wasm_bindgen::prelude::*;

/// talc instead of dlmalloc: 3.8 KB smaller, as fast (docs/benchmarks.md).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The engine behind the npm package's `Engine` class.
#[wasm_bindgen]
pub struct RawEngine {
    api: Api,
}

fn thrown(error: &ticketshare::Error) -> JsValue {
    JsValue::from_str(&api::error_response(error))
}

/// The engine's refusal of an input over its size bound (`"request"`, `"config"` or `"token"`),
/// as the error envelope: the JavaScript layer checks a string's size before copying it into
/// WebAssembly memory (which never shrinks), and answers with this instead.
#[wasm_bindgen]
pub fn refusal(what: &str) -> String {
    let error = match what {
        "config" => api::config_too_large(),
        "token" => links::token_too_large(),
        _ => api::request_too_large(),
    };
    api::error_response(&error)
}

#[wasm_bindgen]
impl RawEngine {
    /// Builds an engine with randomness from `crypto.getRandomValues`. Throws the error
    /// envelope as a JSON string.
    #[wasm_bindgen(constructor)]
    pub fn new(config_json: &str) -> Result<RawEngine, JsValue> {
        Api::from_config_json(config_json)
            .map(|api| RawEngine { api })
            .map_err(|e| thrown(&e))
    }

    /// **For tests and golden vectors only** (the `testing` feature, never in the package a
    /// host installs): predictable randomness from `seed`.
    #[cfg(feature = "testing")]
    #[wasm_bindgen(js_name = seededForTests)]
    pub fn seeded_for_tests(config_json: &str, seed: u64) -> Result<RawEngine, JsValue> {
        Api::new_seeded_for_tests(config_json, seed)
            .map(|api| RawEngine { api })
            .map_err(|e| thrown(&e))
    }

    /// Runs one JSON request; returns the JSON response (`ok` true or false).
    pub fn call(&self, request_json: &str) -> String {
        self.api.call(request_json)
    }

    /// The typed hot path: verifies a link token alone. `now_unix_millis` is a JS time value
    /// (`Date.now()`, `date.getTime()`). Returns the share id; throws the error envelope as a
    /// JSON string.
    #[wasm_bindgen(js_name = verifyLink)]
    pub fn verify_link(&self, token: &str, now_unix_millis: f64) -> Result<String, JsValue> {
        self.verify(token, millis_to_instant(now_unix_millis).and_then(Now::new))
    }

    /// Like `verifyLink`, with the current time as RFC 3339 text, parsed by the engine as it
    /// parses every `now`.
    #[wasm_bindgen(js_name = verifyLinkAt)]
    pub fn verify_link_at(&self, token: &str, now: &str) -> Result<String, JsValue> {
        self.verify(token, Now::parse_rfc3339(now))
    }

    fn verify(&self, token: &str, now: ticketshare::Result<Now>) -> Result<String, JsValue> {
        now.and_then(|now| self.api.engine().verify_link(token, now))
            .map(|claims| claims.share_id.to_string())
            .map_err(|e| thrown(&e))
    }
}

/// A JS time value (milliseconds, possibly fractional) as an instant; NaN, infinities and
/// values past the supported range are refused, never clamped.
fn millis_to_instant(millis: f64) -> ticketshare::Result<Timestamp> {
    let nanos = millis * 1_000_000.0;
    // i64 bounds as f64; the range check keeps the cast below exact in intent.
    if !nanos.is_finite() || nanos.abs() >= 9.2e18 {
        return Err(ticketshare::Error::new(
            ticketshare::Reason::InvalidTime,
            "now is not a valid time",
        ));
    }
    #[allow(clippy::cast_possible_truncation)]
    Ok(Timestamp::from_unix_nanos(nanos.round() as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sec_03_non_finite_times_are_refused() {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e300] {
            assert!(millis_to_instant(bad).is_err(), "{bad}");
        }
        assert_eq!(millis_to_instant(1.5).unwrap().unix_nanos(), 1_500_000);
    }
}
