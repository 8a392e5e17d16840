//! The JSON operation surface: one versioned request/response format over every operation of
//! the core. Every binding (C, Python, WebAssembly) goes through [`Api::call`], so all languages
//! behave identically. Documented in `docs/api.md`.
//!
//! A request: `{"v": 1, "op": "share.create", "args": {...}}`. A response:
//! `{"ok": true, "result": {...}}` or
//! `{"ok": false, "error": {"code": "link_expired", "category": "expired", "message": "..."}}`.

mod json_objects;
mod json_path;

use crate::account::Account;
use crate::base::error::{Error, Reason, Result};
use crate::base::random::{RandomSource, SeededRandom};
use crate::base::time::Timestamp;
use crate::engine::Engine;
use crate::policy::{Actor, Permission, PlanFeature};
use crate::share::branding::{BrandingForm, LogoUpload};
use crate::share::codes::CodeChallenge;
use crate::share::thread::TicketThread;
use crate::share::{CollaboratorReply, ExternalShare, ShareRequest};
use crate::EngineConfig;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::sync::Mutex;

/// The newest request version this library understands.
pub const API_VERSION: u32 = 1;
/// The largest request accepted, in bytes (4 MiB): bounded before parsing.
pub const MAX_REQUEST_BYTES: usize = 4 * 1024 * 1024;
/// The largest configuration accepted, in bytes (64 KiB).
pub const MAX_CONFIG_BYTES: usize = 64 * 1024;

/// Every operation, by name.
pub const OPERATIONS: &[&str] = &[
    "engine.info",
    "policy.check",
    "share.create",
    "link.verify",
    "link.check",
    "link.open",
    "code.resend",
    "code.check",
    "session.check",
    "share.view",
    "share.reply",
    "share.cancel",
    "branding.update",
];

enum Randomness {
    #[cfg(feature = "os-random")]
    Os,
    Seeded(Mutex<SeededRandom>),
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
    /// Builds an engine from its JSON configuration, with randomness from the operating system.
    #[cfg(feature = "os-random")]
    pub fn from_config_json(config: &str) -> Result<Self> {
        Ok(Self {
            engine: parse_config(config)?,
            randomness: Randomness::Os,
        })
    }

    /// **For tests and golden vectors only.** Builds an engine whose randomness is a predictable
    /// stream from `seed`: every code and id it makes can be guessed by anyone who knows the seed.
    pub fn new_seeded_for_tests(config: &str, seed: u64) -> Result<Self> {
        Ok(Self {
            engine: parse_config(config)?,
            randomness: Randomness::Seeded(Mutex::new(SeededRandom::new(seed))),
        })
    }

    /// The engine behind the surface, for typed hot-path calls.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Runs one request and returns the response JSON. Never fails: a refusal is a response
    /// with `"ok": false`.
    pub fn call(&self, request: &str) -> String {
        // The result is written straight to text: one serializer per result type, not two.
        let error = match self.dispatch(request) {
            Ok(result) => return format!(r#"{{"ok":true,"result":{result}}}"#),
            Err(error) => error,
        };
        format!(r#"{{"ok":false,"error":{}}}"#, ErrorBody::json(&error))
    }

    fn with_rng<T>(&self, f: impl FnOnce(&mut dyn RandomSource) -> Result<T>) -> Result<T> {
        match &self.randomness {
            #[cfg(feature = "os-random")]
            Randomness::Os => f(&mut crate::base::random::OsRandom),
            Randomness::Seeded(mutex) => {
                let mut guard = mutex
                    .lock()
                    .map_err(|_| Error::new(Reason::InternalError, "randomness lock poisoned"))?;
                f(&mut *guard)
            }
        }
    }

    fn dispatch(&self, request: &str) -> Result<String> {
        if request.len() > MAX_REQUEST_BYTES {
            return Err(Error::with_detail(
                Reason::RequestTooLarge,
                format!(
                    "request is {} bytes; at most {MAX_REQUEST_BYTES}",
                    request.len()
                ),
            ));
        }
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
        let e = &self.engine;
        match envelope.op.as_str() {
            "engine.info" => {
                let _: NoArgs = decode(args, "args")?;
                to_json(&EngineInfo::current())
            }
            "policy.check" => {
                let a: PolicyCheck = decode(args, "args")?;
                let decision = match (a.plan.as_deref(), a.feature) {
                    (Some(plan), Some(feature)) => {
                        e.policy().authorise(&a.actor, a.permission, plan, feature)
                    }
                    (None, None) => e.policy().require_permission(&a.actor, a.permission),
                    _ => Err(Error::new(
                        Reason::InvalidRequest,
                        "args.plan and args.feature go together",
                    )),
                };
                match decision {
                    Ok(()) => to_json(&PolicyDecision {
                        allowed: true,
                        refusal: None,
                    }),
                    Err(err)
                        if matches!(
                            err.reason(),
                            Reason::PermissionDenied | Reason::PlanFeatureMissing
                        ) =>
                    {
                        to_json(&PolicyDecision {
                            allowed: false,
                            refusal: Some(ErrorBody::from(&err)),
                        })
                    }
                    Err(err) => Err(err),
                }
            }
            "share.create" => {
                let a: ShareCreate = decode(args, "args")?;
                let out = self.with_rng(|rng| {
                    e.create_share(
                        &a.actor,
                        &a.account,
                        &a.request,
                        &a.previous_shares,
                        a.now,
                        rng,
                    )
                })?;
                to_json(&out)
            }
            "link.verify" => {
                let a: TokenArgs = decode(args, "args")?;
                to_json(&e.verify_link(&a.token, a.now)?)
            }
            "link.check" => {
                let a: TokenShareArgs = decode(args, "args")?;
                to_json(&e.check_link(&a.token, &a.share, a.now)?)
            }
            "link.open" => {
                let a: LinkOpen = decode(args, "args")?;
                let out = self.with_rng(|rng| {
                    e.open_link(
                        &a.token,
                        &a.share,
                        a.challenge.as_ref(),
                        &a.account,
                        a.now,
                        rng,
                    )
                })?;
                to_json(&out)
            }
            "code.resend" => {
                let a: LinkOpen = decode(args, "args")?;
                let out = self.with_rng(|rng| {
                    e.resend_code(
                        &a.token,
                        &a.share,
                        a.challenge.as_ref(),
                        &a.account,
                        a.now,
                        rng,
                    )
                })?;
                to_json(&out)
            }
            "code.check" => {
                let a: CodeCheck = decode(args, "args")?;
                to_json(&e.check_code(&a.token, &a.share, &a.challenge, &a.code, a.now)?)
            }
            "session.check" => {
                let a: SessionArgs = decode(args, "args")?;
                to_json(&e.check_session(&a.session_token, &a.share, a.now)?)
            }
            "share.view" => {
                let a: ShareView = decode(args, "args")?;
                to_json(&e.view(&a.session_token, &a.share, &a.thread, a.now)?)
            }
            "share.reply" => {
                let a: ShareReply = decode(args, "args")?;
                let out = self.with_rng(|rng| {
                    e.reply(&a.session_token, &a.share, &a.reply, &a.account, a.now, rng)
                })?;
                to_json(&out)
            }
            "share.cancel" => {
                let a: ShareCancel = decode(args, "args")?;
                let out = self.with_rng(|rng| e.cancel_share(&a.actor, &a.share, a.now, rng))?;
                to_json(&out)
            }
            "branding.update" => {
                let a: BrandingUpdate = decode(args, "args")?;
                let image = match &a.form.logo {
                    Some(logo) => Some(
                        base64_simd::STANDARD
                            .decode_to_vec(logo.image_base64.as_bytes())
                            .map_err(|_| {
                                Error::new(
                                    Reason::LogoUnreadable,
                                    "args.form.logo.image_base64 is not base64",
                                )
                            })?,
                    ),
                    None => None,
                };
                let form = BrandingForm {
                    company_name: &a.form.company_name,
                    logo: a
                        .form
                        .logo
                        .as_ref()
                        .zip(image.as_deref())
                        .map(|(logo, image)| LogoUpload {
                            image,
                            image_url: &logo.image_url,
                        }),
                    logo_url: a.form.logo_url.as_deref(),
                    brand_colour: a.form.brand_colour.as_deref(),
                };
                let (branding, events) = e.update_branding(&a.actor, &a.account, &form, a.now)?;
                to_json(&BrandingUpdated { branding, events })
            }
            other => Err(Error::with_detail(
                Reason::UnknownOperation,
                format!(
                    "unknown operation {}",
                    crate::base::text::quoted(truncate(other, 64))
                ),
            )),
        }
    }
}

fn parse_config(config: &str) -> Result<Engine> {
    if config.len() > MAX_CONFIG_BYTES {
        return Err(Error::new(
            Reason::InvalidConfig,
            "configuration larger than 64 KiB",
        ));
    }
    let config: EngineConfig = decode(config, "").map_err(|e| {
        let reason = if e.reason() == Reason::InvalidRequest {
            Reason::InvalidConfig
        } else {
            e.reason()
        };
        Error::with_detail(reason, format!("configuration: {}", e.detail()))
    })?;
    Engine::new(config)
}

fn truncate(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((index, _)) => text.get(..index).unwrap_or(text),
        None => text,
    }
}

fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value)
        .map_err(|_| Error::new(Reason::InternalError, "result could not be encoded"))
}

/// Decodes JSON into `T` (records from JSON objects only), naming the path of a bad field and
/// never echoing a value (values may be codes or keys). A value our own types refuse keeps that
/// type's reason code.
fn decode<'a, T: Deserialize<'a>>(json: &'a str, prefix: &str) -> Result<T> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let read = T::deserialize(json_objects::ObjectsOnly(&mut deserializer))
        .and_then(|value| deserializer.end().map(|()| value));
    let error = match read {
        Ok(value) => return Ok(value),
        Err(error) => error,
    };
    let (reason, what) = describe(&error.to_string(), error.classify());
    let path = match error.classify() {
        serde_json::error::Category::Data => {
            let about_a_value = !what.starts_with("missing field");
            json_path::at(json, error.line(), error.column(), about_a_value)
        }
        _ => String::new(),
    };
    let location = match (prefix, path.as_str()) {
        ("", "") => String::from("request"),
        (prefix, "") => prefix.to_owned(),
        ("", path) => path.to_owned(),
        (prefix, path) if path.starts_with('[') => format!("{prefix}{path}"),
        (prefix, path) => format!("{prefix}.{path}"),
    };
    // No line or column: the path locates the field, and the answer must not depend on how
    // the caller formatted its JSON (every binding sends the same request differently spaced).
    Err(Error::with_detail(reason, format!("{location}: {what}")))
}

/// Splits a serde message into a reason and a description without the offending value.
fn describe(message: &str, class: serde_json::error::Category) -> (Reason, String) {
    use serde_json::error::Category;
    let message = message.split(" at line ").next().unwrap_or(message);
    match class {
        Category::Syntax | Category::Eof | Category::Io => {
            (Reason::InvalidRequest, String::from("not valid JSON"))
        }
        Category::Data => {
            // Our own validating types report "<code>: <detail>".
            if let Some((code, detail)) = message.split_once(": ") {
                if let Some(reason) = Reason::from_code(code) {
                    return (reason, detail.to_owned());
                }
            }
            for safe in [
                "missing field",
                "unknown field",
                "duplicate field",
                "unknown variant",
            ] {
                if message.starts_with(safe) {
                    return (Reason::InvalidRequest, message.to_owned());
                }
            }
            // "invalid type: string \"secret\", expected u32": keep what was expected only.
            let expected = message
                .split_once(", expected ")
                .map(|(_, e)| e)
                .unwrap_or("another value");
            // serde names the Rust type of a record ("struct TokenArgs"); say what JSON it is.
            let expected = if expected.starts_with("struct ")
                || expected.starts_with("internally tagged enum ")
            {
                "an object"
            } else {
                expected
            };
            let kind = if message.starts_with("invalid length") {
                "invalid length"
            } else if message.starts_with("invalid value") {
                "invalid value"
            } else {
                "invalid type"
            };
            (
                Reason::InvalidRequest,
                format!("{kind}, expected {expected}"),
            )
        }
    }
}

/// The error object of a response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ErrorBody {
    /// The stable reason code.
    pub code: String,
    /// The public category, safe to show the collaborator.
    pub category: String,
    /// The detail for logs.
    pub message: String,
}

impl ErrorBody {
    /// The error object of `error` as JSON text, as a response carries it.
    pub fn json(error: &Error) -> String {
        serde_json::to_string(&Self::from(error)).unwrap_or_else(|_| {
            r#"{"code":"internal_error","category":"internal","message":"error could not be encoded"}"#
                .to_owned()
        })
    }
}

impl From<&Error> for ErrorBody {
    fn from(error: &Error) -> Self {
        Self {
            code: error.code().to_owned(),
            category: error.public_category().as_str().to_owned(),
            message: error.detail().to_owned(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope<'a> {
    v: u32,
    op: String,
    #[serde(borrow, default)]
    args: Option<&'a RawValue>,
}

/// Arguments of `engine.info`: none.
#[derive(Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct NoArgs {}

/// What `engine.info` returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EngineInfo {
    /// The newest request version understood.
    pub api_version: u32,
    /// The library version.
    pub library_version: &'static str,
    /// Every operation.
    pub operations: &'static [&'static str],
    /// Every reason code with its number and public category.
    pub reasons: Vec<ReasonInfo>,
}

/// One reason, as `engine.info` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ReasonInfo {
    /// The stable code.
    pub code: &'static str,
    /// The stable number.
    pub number: u32,
    /// The public category.
    pub category: &'static str,
    /// The family, which a binding's error classes follow.
    pub family: &'static str,
}

impl EngineInfo {
    /// This library's information.
    pub fn current() -> Self {
        Self {
            api_version: API_VERSION,
            library_version: env!("CARGO_PKG_VERSION"),
            operations: OPERATIONS,
            reasons: Reason::ALL
                .iter()
                .map(|r| ReasonInfo {
                    code: r.code(),
                    number: r.number(),
                    category: r.public_category().as_str(),
                    family: r.family().as_str(),
                })
                .collect(),
        }
    }
}

/// Arguments of `policy.check`.
#[derive(Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PolicyCheck {
    /// The agent acting.
    pub actor: Actor,
    /// The permission asked for.
    pub permission: Permission,
    /// The account's plan (with `feature`).
    #[serde(default)]
    pub plan: Option<String>,
    /// The plan feature asked for (with `plan`).
    #[serde(default)]
    pub feature: Option<PlanFeature>,
}

/// Result of `policy.check`.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PolicyDecision {
    /// Whether the actor may.
    pub allowed: bool,
    /// Why not, when not allowed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refusal: Option<ErrorBody>,
}

/// Arguments of `share.create`.
#[derive(Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ShareCreate {
    /// The agent acting.
    pub actor: Actor,
    /// The agent's account: plan and branding.
    pub account: Account,
    /// What the agent filled in.
    pub request: ShareRequest,
    /// Earlier shares of the same ticket (EXT-09); may be empty.
    #[serde(default)]
    pub previous_shares: Vec<ExternalShare>,
    /// The current time.
    pub now: Timestamp,
}

/// Arguments of `link.verify`.
#[derive(Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct TokenArgs {
    /// The link token.
    pub token: String,
    /// The current time.
    pub now: Timestamp,
}

/// Arguments of `link.check`.
#[derive(Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct TokenShareArgs {
    /// The link token.
    pub token: String,
    /// The share record, as stored.
    pub share: ExternalShare,
    /// The current time.
    pub now: Timestamp,
}

/// Arguments of `link.open` and `code.resend`.
#[derive(Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct LinkOpen {
    /// The link token.
    pub token: String,
    /// The share record, as stored.
    pub share: ExternalShare,
    /// The current code challenge, as stored, if any.
    #[serde(default)]
    pub challenge: Option<CodeChallenge>,
    /// The agent's account: plan and branding.
    pub account: Account,
    /// The current time.
    pub now: Timestamp,
}

/// Arguments of `code.check`.
#[derive(Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CodeCheck {
    /// The link token.
    pub token: String,
    /// The share record, as stored.
    pub share: ExternalShare,
    /// The current code challenge, as stored, if any.
    pub challenge: CodeChallenge,
    /// The code the collaborator entered.
    pub code: String,
    /// The current time.
    pub now: Timestamp,
}

/// Arguments of `session.check`.
#[derive(Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SessionArgs {
    /// The collaborator's session token.
    pub session_token: String,
    /// The share record, as stored.
    pub share: ExternalShare,
    /// The current time.
    pub now: Timestamp,
}

/// Arguments of `share.view`.
#[derive(Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ShareView {
    /// The collaborator's session token.
    pub session_token: String,
    /// The share record, as stored.
    pub share: ExternalShare,
    /// The ticket thread, as stored.
    pub thread: TicketThread,
    /// The current time.
    pub now: Timestamp,
}

/// Arguments of `share.reply`.
#[derive(Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ShareReply {
    /// The collaborator's session token.
    pub session_token: String,
    /// The share record, as stored.
    pub share: ExternalShare,
    /// What the collaborator wrote.
    pub reply: CollaboratorReply,
    /// The agent's account: plan and branding.
    pub account: Account,
    /// The current time.
    pub now: Timestamp,
}

/// Arguments of `share.cancel`.
#[derive(Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ShareCancel {
    /// The agent acting.
    pub actor: Actor,
    /// The share record, as stored.
    pub share: ExternalShare,
    /// The current time.
    pub now: Timestamp,
}

/// A logo in `branding.update`: the image as standard base64 and where it is served.
#[derive(Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct LogoArgs {
    image_base64: String,
    /// Where the host serves the image.
    pub image_url: String,
}

/// The branding form of `branding.update`.
#[derive(Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct BrandingFormArgs {
    /// The company name.
    pub company_name: String,
    /// The logo, or none.
    #[serde(default)]
    pub logo: Option<LogoArgs>,
    /// Where a click on the logo leads.
    #[serde(default)]
    pub logo_url: Option<String>,
    /// The button colour, `#RGB` or `#RRGGBB`.
    #[serde(default)]
    pub brand_colour: Option<String>,
}

/// Arguments of `branding.update`.
#[derive(Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct BrandingUpdate {
    /// The agent acting.
    pub actor: Actor,
    /// The agent's account: plan and branding.
    pub account: Account,
    /// The admin's branding form.
    pub form: BrandingFormArgs,
    /// The current time.
    pub now: Timestamp,
}

/// Result of `branding.update`.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BrandingUpdated {
    /// The validated branding, to store.
    pub branding: crate::share::branding::Branding,
    /// Audit events to store.
    pub events: Vec<crate::audit::AuditEvent>,
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
