//! The WebAssembly build: the JSON operation surface and the typed link verify, exported with
//! wasm-bindgen. A thin layer: every rule is decided in the core; the npm package's JavaScript
//! (`bindings/wasm/js/`) turns this into the idiomatic `Engine` class.

use ticketshare::api::Api;
use ticketshare::Timestamp;
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

fn error_json(error: &ticketshare::Error) -> JsValue {
    JsValue::from_str(&ticketshare::api::ErrorBody::json(error))
}

#[wasm_bindgen]
impl RawEngine {
    /// Builds an engine with randomness from `crypto.getRandomValues`. Throws the error object
    /// as a JSON string.
    #[wasm_bindgen(constructor)]
    pub fn new(config_json: &str) -> Result<RawEngine, JsValue> {
        Api::from_config_json(config_json)
            .map(|api| RawEngine { api })
            .map_err(|e| error_json(&e))
    }

    /// **For tests and golden vectors only**: predictable randomness from `seed`.
    #[wasm_bindgen(js_name = seededForTests)]
    pub fn seeded_for_tests(config_json: &str, seed: u64) -> Result<RawEngine, JsValue> {
        Api::new_seeded_for_tests(config_json, seed)
            .map(|api| RawEngine { api })
            .map_err(|e| error_json(&e))
    }

    /// Runs one JSON request; returns the JSON response (`ok` true or false).
    pub fn call(&self, request_json: &str) -> String {
        self.api.call(request_json)
    }

    /// The typed hot path: verifies a link token alone. `now_unix_millis` is a JS time value
    /// (`Date.now()`, `date.getTime()`). Returns the share id; throws the error object as a
    /// JSON string.
    #[wasm_bindgen(js_name = verifyLink)]
    pub fn verify_link(&self, token: &str, now_unix_millis: f64) -> Result<String, JsValue> {
        let now = millis_to_instant(now_unix_millis).map_err(|e| error_json(&e))?;
        self.api
            .engine()
            .verify_link(token, now)
            .map(|claims| claims.share_id.to_string())
            .map_err(|e| error_json(&e))
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
