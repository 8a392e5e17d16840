//! HTTP as the protocol uses it (NHD-04..06): methods, the requests the engine writes for the
//! host to send, the requests the host hands in, the answers the engine decides, the token,
//! and the HTTP status of each refusal.

use crate::agreement::{AccessKey, AgreementId, PartnerMediaType};
pub use crate::audit::subjects::NhdMethod;
use crate::base::error::{Error, ErrorBody, Reason};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The authentication header: `<agreement uuid>:<access key>` (NHD-04).
pub const TOKEN_HEADER: &str = "X-Ticket-Sharing-Token";
/// The version header: always `1` (NHD-05).
pub const VERSION_HEADER: &str = "X-Ticket-Sharing-Version";
/// The version this engine speaks.
pub const VERSION: &str = "1";
/// The media type written; `text/x-json` is read too (NHD-05).
pub const JSON: &str = "application/json";

/// A request for the host to send to the partner, exactly as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NhdRequest {
    /// The method.
    pub method: NhdMethod,
    /// The absolute URL: the partner's sharing URL, then `/agreements/<uuid>` or
    /// `/tickets/<uuid>`.
    pub url: String,
    /// The headers, by name.
    pub headers: BTreeMap<String, String>,
    /// The JSON body, when the method has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

/// A request as the host received it from a partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PartnerRequest {
    /// The method, as received (`POST`, `put`, ...).
    pub method: String,
    /// The path, as received: only its last two segments are read (`.../agreements/<uuid>`,
    /// `.../tickets/<uuid>`), so the host mounts its sharing URL where it likes; a query is
    /// ignored.
    pub path: String,
    /// The headers, by name in any case.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// The body, as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

impl PartnerRequest {
    /// The value of header `name` (any case); two headers of the same name are a refusal.
    pub(crate) fn header(&self, name: &str) -> Result<Option<&str>, Error> {
        let mut found = self
            .headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name));
        let first = found.next().map(|(_, v)| v.trim());
        if found.next().is_some() {
            return Err(Error::with_detail(
                Reason::InvalidRequest,
                format!("headers: {name} given twice"),
            ));
        }
        Ok(first)
    }
}

/// The answer the host sends back to the partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NhdAnswer {
    /// The HTTP status.
    pub status: u16,
    /// The headers to set, by name.
    pub headers: BTreeMap<String, String>,
    /// The body, when there is one: a refusal's is `{"error": {code, category, message}}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

impl NhdAnswer {
    /// A success without a body.
    pub(crate) fn empty(status: u16) -> Self {
        Self {
            status,
            headers: BTreeMap::new(),
            body: None,
        }
    }

    /// The answer refusing with `error`, its status from [`http_status`].
    pub(crate) fn refusal(error: &Error) -> Self {
        let status = http_status(error.reason());
        let mut headers = BTreeMap::new();
        headers.insert("Content-Type".to_owned(), JSON.to_owned());
        if status == 401 {
            headers.insert("WWW-Authenticate".to_owned(), "X-Ticket-Sharing".to_owned());
        }
        let body = serde_json::json!({ "error": ErrorBody::from(error) }).to_string();
        Self {
            status,
            headers,
            body: Some(body),
        }
    }
}

/// The HTTP status a partner's request refused with `reason` is answered with. **Decision
/// (NHD-09):** a body the engine refuses (not JSON, a field of the wrong type, over 2 MiB, not
/// a JSON media type) is 422, never 400, 413 or 415: the gem fails a request quietly on 401,
/// 403, 404, 405, 408, 410, 422 and 5xx and raises on any other status, which would crash the
/// partner's job instead of failing it. A version other than 1 stays 412 (NHD-05).
pub const fn http_status(reason: Reason) -> u16 {
    match reason {
        Reason::PartnerUnauthenticated => 401,
        Reason::PartnerWrongKey
        | Reason::AgreementNotAccepted
        | Reason::ReceivingOnly
        | Reason::StatusNotSynced
        | Reason::FieldsNotSynced
        | Reason::PublicCommentNotAllowed => 403,
        Reason::PartnerUnknown => 404,
        Reason::PartnerMethodNotAllowed => 405,
        Reason::PartnerVersion => 412,
        Reason::InternalError | Reason::RandomnessUnavailable => 500,
        _ => 422,
    }
}

/// The token of an agreement: `<uuid>:<access key>`.
pub(crate) fn token(id: AgreementId, key: &AccessKey) -> String {
    format!("{id}:{}", String::from(key.clone()))
}

/// Reads a token, split at the first colon (NHD-04); anything unreadable is unauthenticated.
pub(crate) fn parse_token(text: &str) -> Result<(AgreementId, AccessKey), Error> {
    let unusable = || {
        Error::new(
            Reason::PartnerUnauthenticated,
            "X-Ticket-Sharing-Token: not <agreement uuid>:<access key>",
        )
    };
    let (id, key) = text.split_once(':').ok_or_else(unusable)?;
    let id = AgreementId::parse(id.trim()).map_err(|_| unusable())?;
    let key = AccessKey::parse(key.trim()).map_err(|_| unusable())?;
    Ok((id, key))
}

/// `base` (a sharing URL) joined with `/<resource>/<uuid>`.
pub(crate) fn url_under(base: &str, resource: &str, uuid: &str) -> String {
    format!("{}/{resource}/{uuid}", base.trim_end_matches('/'))
}

/// The headers of every request the engine writes (NHD-04, NHD-05): `body` is the media type
/// the partner reads a body under, for a request that has one.
pub(crate) fn request_headers(
    token: String,
    body: Option<PartnerMediaType>,
) -> BTreeMap<String, String> {
    let mut headers = BTreeMap::new();
    headers.insert("Accept".to_owned(), JSON.to_owned());
    if let Some(media) = body {
        headers.insert("Content-Type".to_owned(), media.as_str().to_owned());
    }
    headers.insert(TOKEN_HEADER.to_owned(), token);
    headers.insert(VERSION_HEADER.to_owned(), VERSION.to_owned());
    headers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nhd_04_a_token_splits_at_the_first_colon_and_reads_any_case() {
        let id = "0123456789abcdef0123456789abcdef01234567";
        let key = "ABCDEF0123456789ABCDEF0123456789ABCDEF01";
        let (read_id, read_key) = parse_token(&format!("{id}:{key}")).unwrap();
        assert_eq!(read_id.to_string(), id);
        assert_eq!(String::from(read_key), key.to_ascii_lowercase());
        for bad in [
            id.to_owned(),
            format!("{id}:{key}:x"),
            format!(":{key}"),
            String::new(),
        ] {
            assert_eq!(
                parse_token(&bad).unwrap_err().reason(),
                Reason::PartnerUnauthenticated,
                "{bad}"
            );
        }
    }

    #[test]
    fn nhd_04_refusals_answer_with_their_http_status() {
        let unauth = NhdAnswer::refusal(&Error::new(Reason::PartnerUnauthenticated, "x"));
        assert_eq!(unauth.status, 401);
        assert_eq!(
            unauth.headers.get("WWW-Authenticate").map(String::as_str),
            Some("X-Ticket-Sharing")
        );
        assert_eq!(http_status(Reason::PartnerWrongKey), 403);
        assert_eq!(http_status(Reason::PartnerUnknown), 404);
        assert_eq!(http_status(Reason::PartnerVersion), 412);
        assert_eq!(http_status(Reason::RecordMismatch), 422);
        let wrong = NhdAnswer::refusal(&Error::new(Reason::PartnerWrongKey, "x"));
        assert!(!wrong.headers.contains_key("WWW-Authenticate"));
    }
}
