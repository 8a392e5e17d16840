//! Errors: one [`Error`] type carrying a stable [`Reason`] code and a detail for logs.
//!
//! Every refusal the engine makes is an `Error` with a [`Reason`]. The reason's
//! [`code`](Reason::code) is a stable snake_case string that bindings and hosts can match on;
//! it never changes meaning and a retired code is never reused. The reason's
//! [`public_category`](Reason::public_category) is what may be shown to an external
//! collaborator (SEC-06): a forged token and a cancelled link look the same from outside.

pub use super::reason::{PublicCategory, Reason, ReasonFamily};
use crate::base::chars::is_invisible;
use std::borrow::Cow;

/// Result alias used throughout the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A refusal: a stable reason code plus a detail for the host's logs.
///
/// The detail never contains secrets (keys, codes, tokens).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}: {detail}")]
pub struct Error {
    reason: Reason,
    detail: Cow<'static, str>,
}

impl Error {
    /// An error with a fixed detail (no allocation: used on hot paths).
    pub const fn new(reason: Reason, detail: &'static str) -> Self {
        Self {
            reason,
            detail: Cow::Borrowed(detail),
        }
    }

    /// An error with a formatted detail: control and invisible characters escaped, at most
    /// 512 characters (a detail may carry a field path or a name from input, SEC-06).
    pub fn with_detail(reason: Reason, detail: impl Into<String>) -> Self {
        Self {
            reason,
            detail: Cow::Owned(clean_detail(detail.into())),
        }
    }

    /// The stable reason.
    pub const fn reason(&self) -> Reason {
        self.reason
    }

    /// The stable machine-readable code, e.g. `"link_expired"`.
    pub const fn code(&self) -> &'static str {
        self.reason.code()
    }

    /// The detail meant for the host's logs.
    pub fn detail(&self) -> &str {
        &self.detail
    }

    /// What may be shown to the collaborator or end user.
    pub const fn public_category(&self) -> PublicCategory {
        self.reason.public_category()
    }
}

/// A refusal as JSON: the error object of a response, and of every refusal a result reports
/// (an agent not added, an address not made a CC). An [`Error`] serialises as this.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrorBody {
    /// The stable reason code.
    pub code: String,
    /// The public category, safe to show the collaborator.
    pub category: PublicCategory,
    /// The detail for logs.
    pub message: String,
}

impl ErrorBody {
    /// The error object of `error` as JSON text, as a response carries it.
    pub fn json(error: &Error) -> String {
        serde_json::to_string(error).unwrap_or_else(|_| {
            r#"{"code":"internal_error","category":"internal","message":"error could not be encoded"}"#
                .to_owned()
        })
    }
}

impl From<&Error> for ErrorBody {
    fn from(error: &Error) -> Self {
        Self {
            code: error.code().to_owned(),
            category: error.public_category(),
            message: error.detail().to_owned(),
        }
    }
}

impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut body = serializer.serialize_struct("ErrorBody", 3)?;
        body.serialize_field("code", self.code())?;
        body.serialize_field("category", &self.public_category())?;
        body.serialize_field("message", self.detail())?;
        body.end()
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Error {
    fn schema_name() -> Cow<'static, str> {
        ErrorBody::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        ErrorBody::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        ErrorBody::json_schema(generator)
    }
}

/// An error detail as it may be logged and shown: control and invisible characters escaped
/// (`\n`, `\u{202e}`), at most [`MAX_DETAIL_CHARS`] characters, `...` where it was cut. Details are written by the
/// engine; this is the guarantee for the parts that come from input (a field path, a name).
fn clean_detail(detail: String) -> String {
    let needs = detail.len() > MAX_DETAIL_CHARS
        || detail.chars().any(|c| c.is_control() || is_invisible(c));
    if !needs {
        return detail;
    }
    let mut out = String::with_capacity(detail.len().min(MAX_DETAIL_CHARS * 4));
    let mut count = 0;
    for c in detail.chars() {
        let escaped = c.is_control() || is_invisible(c);
        let width = if escaped { c.escape_default().len() } else { 1 };
        if count + width > MAX_DETAIL_CHARS - 3 {
            out.push_str("...");
            break;
        }
        count += width;
        if escaped {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// The longest error detail, in characters.
pub const MAX_DETAIL_CHARS: usize = 512;
