//! Reading a partner's body (NHD-01, NHD-09): bounded before it is parsed, the `uuid` taken
//! from the URI when the body has none (Request Tracker's `PUT`s), checked, and what a real
//! peer leaves out filled in.

use super::objects::{NhdAgreement, NhdComment, NhdTicket, MAX_BODY_BYTES};
use crate::base::error::{Error, Reason, Result};
use serde::Deserialize;

/// Refuses a body over [`MAX_BODY_BYTES`] before reading it.
fn bounded_body(body: &str) -> Result<&str> {
    if body.len() > MAX_BODY_BYTES {
        return Err(Error::new(
            Reason::RequestTooLarge,
            "body: larger than 2 MiB (2097152 bytes)",
        ));
    }
    Ok(body)
}

/// Whether a body names its uuid: a first, allocation-free pass.
#[derive(Deserialize)]
struct UuidOnly {
    #[serde(default)]
    uuid: Option<serde::de::IgnoredAny>,
}

/// The body with `uri_uuid` as its `uuid` when it has none, `null` included (Request Tracker's
/// `PUT`s carry none, NHD-09); a body that names one is left as it is, to be compared with the
/// URI's.
fn with_uuid<'a>(body: &'a str, uri_uuid: Option<&str>) -> Result<std::borrow::Cow<'a, str>> {
    let body = bounded_body(body)?;
    let Some(uri_uuid) = uri_uuid else {
        return Ok(body.into());
    };
    let probe: UuidOnly = crate::base::json::decode(body, "body")?;
    if probe.uuid.is_some() {
        return Ok(body.into());
    }
    let mut object: serde_json::Map<String, serde_json::Value> =
        crate::base::json::decode(body, "body")?;
    object.insert("uuid".to_owned(), uri_uuid.into());
    serde_json::to_string(&object)
        .map(Into::into)
        .map_err(|_| Error::new(Reason::InternalError, "a body could not be written"))
}

/// Reads an agreement body: a JSON object, bounded, checked, the failing field named. Without
/// a `uuid`, the body takes `uri_uuid` when one is given.
pub fn parse_agreement_at(body: &str, uri_uuid: Option<&str>) -> Result<NhdAgreement> {
    let body = with_uuid(body, uri_uuid)?;
    let agreement: NhdAgreement = crate::base::json::decode(&body, "body")?;
    agreement.check().map_err(|e| prefixed(&e))?;
    Ok(agreement)
}

/// Reads a ticket body: a JSON object, bounded, checked, the failing field named, what a real
/// peer leaves out filled in. Without a `uuid`, the body takes `uri_uuid` when one is given.
pub fn parse_ticket_at(body: &str, uri_uuid: Option<&str>) -> Result<NhdTicket> {
    let body = with_uuid(body, uri_uuid)?;
    let mut ticket: NhdTicket = crate::base::json::decode(&body, "body")?;
    ticket.check().map_err(|e| prefixed(&e))?;
    for comment in &mut ticket.comments {
        comment.complete();
    }
    Ok(ticket)
}

/// Reads an agreement body that must name its uuid ([`parse_agreement_at`] without a URI).
pub fn parse_agreement(body: &str) -> Result<NhdAgreement> {
    parse_agreement_at(body, None)
}

/// Reads a ticket body that must name its uuid ([`parse_ticket_at`] without a URI).
pub fn parse_ticket(body: &str) -> Result<NhdTicket> {
    parse_ticket_at(body, None)
}

fn prefixed(error: &Error) -> Error {
    Error::with_detail(error.reason(), format!("body.{}", error.detail()))
}

/// The last non-empty segment of a URL's path, or `attachment` (an attachment without a file
/// name, NHD-09).
fn name_from_url(url: &str) -> String {
    url.parse::<http::Uri>()
        .ok()
        .and_then(|uri| {
            uri.path()
                .rsplit('/')
                .find(|s| !s.trim().is_empty())
                .map(str::to_owned)
        })
        .unwrap_or_else(|| "attachment".to_owned())
}

impl NhdComment {
    /// Fills what a real peer may leave out (NHD-09): an attachment's file name.
    pub(super) fn complete(&mut self) {
        for attachment in &mut self.attachments {
            if attachment.filename.trim().is_empty() {
                attachment.filename = name_from_url(&attachment.url);
            }
        }
    }
}
