//! The JSON operation surface: one versioned request/response format over every operation of
//! the core. Every binding (C, Python, WebAssembly) goes through [`Api::call`], so all languages
//! behave identically. Documented in `docs/api.md`; published as JSON Schema in
//! `schema/ticketshare.schema.json`.
//!
//! A request: `{"v": 1, "op": "share.create", "args": {...}}`. A response:
//! `{"ok": true, "result": {...}}` or
//! `{"ok": false, "error": {"code": "link_expired", "category": "expired", "message": "..."}}`.
//!
//! Each operation is declared once, by its argument type implementing [`Operation`] next to
//! its domain, and listed once in the registry below (the only place that lists the domains);
//! the dispatch, [`OPERATIONS`], [`DECLARATIONS`] and the published schema come from that list.
//! The operations are declared in:
//!
//! <!-- generated:declared-in:start -->
//! - [`crate::api::general`]
//! - [`crate::share::ops`]
//! - [`crate::share::status`]
//! - [`crate::agent::ops`]
//! - [`crate::cc::ops`]
//! - [`crate::agreement::ops`]
//! - [`crate::agreement::ticket_ops`]
//! - [`crate::nhd::ops`]
//! <!-- generated:declared-in:end -->

pub mod general;
mod registry;

pub use crate::base::error::ErrorBody;
pub use crate::base::json::decode_record;
#[cfg(feature = "schema")]
pub use crate::operation::OperationSchema;
pub use crate::operation::{Context, Declaration, Described, Operation};
pub use general::{EngineInfo, EngineInfoArgs, PolicyCheckArgs, PolicyDecision, ReasonInfo};

use crate::agent::ops::*;
use crate::agreement::ops::*;
use crate::agreement::ticket_ops::*;
use crate::base::error::{Error, Reason, Result};
use crate::base::json::{decode, read};
use crate::base::random::RandomSource;
use crate::cc::ops::*;
use crate::config::EngineConfig;
use crate::engine::Engine;
use crate::nhd::ops::*;
use crate::share::ops::*;
use crate::share::status::ShareStatusArgs;
use serde::Deserialize;
use serde_json::value::RawValue;

registry::registry! {
    EngineInfoArgs,
    PolicyCheckArgs,
    ShareCreateArgs,
    LinkVerifyArgs,
    LinkCheckArgs,
    LinkOpenArgs,
    CodeResendArgs,
    CodeCheckArgs,
    SessionCheckArgs,
    ShareViewArgs,
    ShareReplyArgs,
    ShareCancelArgs,
    ShareStatusArgs,
    BrandingUpdateArgs,
    AgentSharingSetArgs,
    AgentShareAddArgs,
    AgentShareRemoveArgs,
    AgentAccessArgs,
    ReplyScheduleArgs,
    ReplyCheckArgs,
    CcNotifyArgs,
    CcInboundArgs,
    CcAddArgs,
    FollowerAddArgs,
    AgreementInviteArgs,
    AgreementReceiveArgs,
    AgreementAcceptArgs,
    AgreementDeclineArgs,
    AgreementDeferArgs,
    AgreementReinviteArgs,
    AgreementDeactivateArgs,
    AgreementAccountRenamedArgs,
    AgreementPartnerUpdateArgs,
    SharedTicketShareArgs,
    SharedTicketReceiveArgs,
    SharedTicketUnshareArgs,
    SharedTicketCheckMergeArgs,
    SharedTicketMapStatusArgs,
    SharedTicketPlanFieldsArgs,
    SharedTicketTransferFieldsArgs,
    SharedTicketPrepareUpdateArgs,
    SharedTicketReceiveUpdateArgs,
    NhdAgreementRequestArgs,
    NhdTicketRequestArgs,
    NhdRouteArgs,
    NhdReceiveArgs,
}

/// The newest request version this library understands.
pub const API_VERSION: u32 = 1;
/// The largest request accepted, in bytes (4 MiB): bounded before parsing.
pub const MAX_REQUEST_BYTES: usize = 4 * 1024 * 1024;
/// The largest configuration accepted, in bytes (64 KiB).
pub const MAX_CONFIG_BYTES: usize = 64 * 1024;

/// The refusal of a request over [`MAX_REQUEST_BYTES`] (`request_too_large`).
pub const fn request_too_large() -> Error {
    Error::new(
        Reason::RequestTooLarge,
        "request larger than 4 MiB (4194304 bytes)",
    )
}

/// The refusal of a configuration over [`MAX_CONFIG_BYTES`] (`invalid_config`).
pub const fn config_too_large() -> Error {
    Error::new(
        Reason::InvalidConfig,
        "configuration larger than 64 KiB (65536 bytes)",
    )
}

/// Refuses a request of `len` bytes over [`MAX_REQUEST_BYTES`]. Bindings check the length
/// before they copy or validate the text, and answer [`request_too_large`] without reading on.
pub fn check_request_size(len: usize) -> Result<()> {
    if len > MAX_REQUEST_BYTES {
        return Err(request_too_large());
    }
    Ok(())
}

/// Refuses a configuration of `len` bytes over [`MAX_CONFIG_BYTES`] ([`config_too_large`]).
pub fn check_config_size(len: usize) -> Result<()> {
    if len > MAX_CONFIG_BYTES {
        return Err(config_too_large());
    }
    Ok(())
}

/// The response for a refusal, `{"ok":false,"error":{...}}`: the one error envelope every
/// binding returns, whether the refusal came from a call or from building an engine.
pub fn error_response(error: &Error) -> String {
    format!(r#"{{"ok":false,"error":{}}}"#, ErrorBody::json(error))
}

enum Randomness {
    #[cfg(feature = "os-random")]
    Os,
    #[cfg(feature = "testing")]
    Seeded(std::sync::Mutex<crate::base::random::SeededRandom>),
}

/// An engine behind the JSON surface. Build once, call many times, from any thread.
pub struct Api {
    engine: Engine,
    randomness: Randomness,
}

impl std::fmt::Debug for Api {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Api")
            .field("engine", &self.engine)
            .finish_non_exhaustive()
    }
}

impl Api {
    /// Builds an engine from its JSON configuration (text or the bytes a binding received), with
    /// randomness from the operating system.
    #[cfg(feature = "os-random")]
    pub fn from_config_json(config: impl AsRef<[u8]>) -> Result<Self> {
        Ok(Self {
            engine: parse_config(config.as_ref())?,
            randomness: Randomness::Os,
        })
    }

    /// **For tests and golden vectors only** (the `testing` feature, never in a build a host
    /// installs). Builds an engine whose randomness is a predictable stream from `seed`: every
    /// code and id it makes can be guessed by anyone who knows the seed.
    #[cfg(feature = "testing")]
    pub fn new_seeded_for_tests(config: impl AsRef<[u8]>, seed: u64) -> Result<Self> {
        Ok(Self {
            engine: parse_config(config.as_ref())?,
            randomness: Randomness::Seeded(std::sync::Mutex::new(
                crate::base::random::SeededRandom::new(seed),
            )),
        })
    }

    /// The engine behind the surface, for typed hot-path calls.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Runs one request and returns the response JSON. Never fails: a refusal is a response
    /// with `"ok": false`.
    pub fn call(&self, request: &str) -> String {
        respond(self.run(request))
    }

    /// Like [`Api::call`], for the bytes a binding received: the size is checked before
    /// anything else, then UTF-8 (`invalid_request`), so every binding refuses alike.
    pub fn call_bytes(&self, request: &[u8]) -> String {
        self.answer_bytes(request).0
    }

    /// Like [`Api::call_bytes`], with the reason beside the response when it is a refusal, so
    /// a binding can report a refusal by its status too (the C ABI's `TS_REFUSED`) without
    /// parsing the response.
    pub fn answer_bytes(&self, request: &[u8]) -> (String, Option<Reason>) {
        let result = check_request_size(request.len()).and_then(|()| {
            let text = std::str::from_utf8(request)
                .map_err(|_| Error::new(Reason::InvalidRequest, "request: not valid UTF-8"))?;
            self.run(text)
        });
        let reason = result.as_ref().err().map(Error::reason);
        (respond(result), reason)
    }

    fn with_rng<T>(&self, f: impl FnOnce(&mut dyn RandomSource) -> Result<T>) -> Result<T> {
        match &self.randomness {
            #[cfg(feature = "os-random")]
            Randomness::Os => f(&mut crate::base::random::OsRandom),
            #[cfg(feature = "testing")]
            Randomness::Seeded(mutex) => {
                let mut guard = mutex
                    .lock()
                    .map_err(|_| Error::new(Reason::InternalError, "randomness lock poisoned"))?;
                f(&mut *guard)
            }
        }
    }

    fn run(&self, request: &str) -> Result<String> {
        check_request_size(request.len())?;
        let envelope: Envelope<'_> = decode(request, "")?;
        if envelope.v > API_VERSION {
            return Err(Error::with_detail(
                Reason::UnsupportedVersion,
                format!(
                    "request version {} is newer than this library's {API_VERSION}",
                    envelope.v
                ),
            ));
        }
        if envelope.v == 0 {
            return Err(Error::new(
                Reason::UnsupportedVersion,
                "request version 0 does not exist",
            ));
        }
        let args = envelope.args.map_or("{}", RawValue::get);
        self.with_rng(|rng| {
            dispatch(
                &envelope.op,
                args,
                &mut Context {
                    engine: &self.engine,
                    rng,
                },
            )
        })
    }
}

/// A response: the result written straight to text (one serializer per result type, not two)
/// or the error envelope.
fn respond(result: Result<String>) -> String {
    match result {
        Ok(result) => format!(r#"{{"ok":true,"result":{result}}}"#),
        Err(error) => error_response(&error),
    }
}

fn parse_config(config: &[u8]) -> Result<Engine> {
    check_config_size(config.len())?;
    let config = std::str::from_utf8(config)
        .map_err(|_| Error::new(Reason::InvalidConfig, "configuration: not valid UTF-8"))?;
    let config: EngineConfig = read(config).map_err(|refusal| {
        let reason = match refusal.reason {
            Reason::InvalidRequest => Reason::InvalidConfig,
            other => other,
        };
        let what = match crate::config::limit_of(&refusal.path) {
            Some(limit) if refusal.bad_value => format!("must be {limit}"),
            _ => refusal.what,
        };
        let detail = match refusal.path.as_str() {
            "" => format!("configuration: {what}"),
            path => format!("configuration: {path}: {what}"),
        };
        Error::with_detail(reason, detail)
    })?;
    Engine::new(config)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope<'a> {
    v: u32,
    op: String,
    #[serde(borrow, default)]
    args: Option<&'a RawValue>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = r#"{"keyring": {"active": 1, "keys": [{"id": 1, "secret": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}]}, "view_url": "https://help.example.com/shared/"}"#;

    fn error_code(response: &str) -> String {
        let value: serde_json::Value = serde_json::from_str(response).unwrap();
        assert_eq!(value["ok"], serde_json::json!(false), "{response}");
        value["error"]["code"].as_str().unwrap().to_owned()
    }

    #[test]
    fn sec_07_oversized_requests_are_refused_before_parsing() {
        let api = Api::new_seeded_for_tests(CONFIG, 1).unwrap();
        let huge = format!(
            "{{\"v\":1,\"op\":\"engine.info\",\"args\":{{}},\"pad\":\"{}\"}}",
            "x".repeat(MAX_REQUEST_BYTES)
        );
        assert_eq!(error_code(&api.call(&huge)), "request_too_large");
        let config = format!("{{\"pad\": \"{}\"}}", "x".repeat(MAX_CONFIG_BYTES));
        assert_eq!(
            Api::new_seeded_for_tests(&config, 1).unwrap_err().reason(),
            Reason::InvalidConfig
        );
    }

    #[test]
    fn sec_07_config_errors_never_echo_a_secret() {
        let secret = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA";
        for config in [
            format!(
                r#"{{"keyring": {{"active": "{secret}", "keys": []}}, "view_url": "https://x.example/"}}"#
            ),
            format!(
                r#"{{"keyring": {{"active": 1, "keys": [{{"id": 1, "secret": 5}}]}}, "view_url": "{secret}"}}"#
            ),
            format!(
                r#"{{"keyring": {{"active": 1, "keys": [{{"id": "{secret}", "secret": "{secret}"}}]}}, "view_url": "https://x.example/"}}"#
            ),
        ] {
            let err = Api::new_seeded_for_tests(&config, 1).unwrap_err();
            assert!(!err.to_string().contains(secret), "{err}");
            assert!(!format!("{err:?}").contains(secret), "{err:?}");
        }
    }

    #[test]
    fn sec_07_config_errors_name_the_field_and_its_limits() {
        let detail = |extra: &str| {
            let config = CONFIG.replacen('{', &format!("{{{extra}"), 1);
            let error = Api::new_seeded_for_tests(config, 1).unwrap_err();
            assert_eq!(error.reason(), Reason::InvalidConfig, "{extra}");
            error.detail().to_owned()
        };
        let digits = "configuration: codes.digits: must be a whole number from 6 to 9";
        assert_eq!(detail(r#""codes": {"digits": "six"}, "#), digits);
        assert_eq!(detail(r#""codes": {"digits": 12}, "#), digits);
        assert_eq!(detail(r#""codes": {"digits": 300}, "#), digits);
        assert_eq!(
            detail(r#""links": {"link_ttl_seconds": -1}, "#),
            "configuration: links.link_ttl_seconds: must be a whole number from 1 to 7776000 (1 s to 90 days)"
        );
        assert_eq!(
            detail(r#""codes": {"max_sends_per_hour": true}, "#),
            "configuration: codes.max_sends_per_hour: must be a whole number from 1 to 20"
        );
        let error = Api::new_seeded_for_tests("{", 1).unwrap_err();
        assert_eq!(error.detail(), "configuration: not valid JSON");
        let error = Api::new_seeded_for_tests(b"{\"\xff\": 1}", 1).unwrap_err();
        assert_eq!(
            (error.reason(), error.detail()),
            (Reason::InvalidConfig, "configuration: not valid UTF-8")
        );
    }

    #[test]
    fn sec_03_every_response_is_json_with_a_stable_code() {
        let api = Api::new_seeded_for_tests(CONFIG, 1).unwrap();
        for request in [
            "",
            "null",
            "[]",
            "{",
            "\"text\"",
            "{\"v\":1}",
            "{\"v\":-1,\"op\":\"x\"}",
            "{\"v\":1,\"op\":\"link.verify\",\"args\":[]}",
        ] {
            let code = error_code(&api.call(request));
            assert!(
                Reason::from_code(&code).is_some(),
                "{request:?} gave {code}"
            );
        }
    }
}
