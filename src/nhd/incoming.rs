//! The requests a host receives from a partner (NHD-04..08), decided in two calls.
//!
//! [`Engine::nhd_route`](crate::engine::Engine::nhd_route) reads what needs no record and says which records to load: the
//! agreement (the URI's for `/agreements/<uuid>`, the token's for `/tickets/<uuid>`) and, for a
//! ticket, its share record. [`Engine::nhd_receive`](crate::engine::Engine::nhd_receive) takes them and decides: the answer (HTTP
//! status, headers, body), the records to store and the audit events. The first failing check
//! answers, in this order:
//!
//! 1. a body over 2 MiB: 422 (every body refused is 422, never 400, 413 or 415: the gem raises
//!    on those instead of failing the request, NHD-09);
//! 2. `X-Ticket-Sharing-Version` other than `1`: 412 (a missing one reads as 1);
//! 3. a path that is not `/agreements/<uuid>` or `/tickets/<uuid>`: 404;
//! 4. a method the resource does not take: 405, with `Allow`;
//! 5. a URI uuid that is not 40 hexadecimal characters: 422;
//! 6. no usable token: 401 with `WWW-Authenticate: X-Ticket-Sharing` (an invite may come
//!    without one); a token of another agreement than the URI's: 403;
//! 7. no such agreement: 404; a wrong access key, compared in constant time: 403;
//! 8. a body that is not `application/json` or `text/x-json`: 422;
//! 9. a body that is not a JSON object of the protocol's fields: 422; a value out of bounds:
//!    422; a body uuid other than the URI's: 422;
//! 10. the domain's rules ([`super::receive`]): 403, 404 or 422, each naming its rule.
//!
//! A refusal's body is `{"error": {code, category, message}}`; a refusal after the agreement
//! is known is audited as `partner_request_refused`.

use super::objects::MAX_BODY_BYTES;
use super::wire::VERSION_HEADER;
use super::wire::{parse_token, NhdAnswer, NhdMethod, PartnerRequest, TOKEN_HEADER, VERSION};
use crate::agreement::{AccessKey, AgreementId, PartnerMediaType, SharedTicketId};
pub use crate::audit::subjects::NhdResource;
use crate::base::error::{Error, Reason};
use serde::Serialize;

/// The records to load before [`crate::engine::Engine::nhd_receive`] decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NhdLoad {
    /// Agreement or ticket.
    pub resource: NhdResource,
    /// The method.
    pub method: NhdMethod,
    /// The agreement to load, if the account has it: the URI's, or the token's for a ticket.
    pub agreement_id: AgreementId,
    /// The shared ticket whose share record to load, for a ticket.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_ticket_id: Option<SharedTicketId>,
    /// Whether the request may create a ticket (`POST /tickets`): pass `new_ticket_id`.
    pub creates_ticket: bool,
}

/// What [`crate::engine::Engine::nhd_route`] says: load records, or answer at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NhdRoute {
    /// Load these records, then call `nhd.receive`.
    Load(NhdLoad),
    /// Answer the partner with this; nothing to store.
    Answer {
        /// The answer.
        answer: NhdAnswer,
        /// The rule that refused.
        rule: String,
    },
}

/// A route read from a request: what checks 1..6 found.
pub(crate) struct Routed {
    pub(crate) load: NhdLoad,
    /// The uuid of the URI, as written (any case).
    pub(crate) uri_uuid: String,
    /// The token's key, when a token came.
    pub(crate) key: Option<AccessKey>,
}

/// A refusal, and the rule it applies.
pub(crate) struct Refusal {
    pub(crate) error: Error,
    pub(crate) rule: &'static str,
}

impl Refusal {
    pub(crate) const fn new(rule: &'static str, error: Error) -> Self {
        Self { error, rule }
    }

    pub(crate) fn answer(&self) -> NhdAnswer {
        let mut answer = NhdAnswer::refusal(&self.error);
        if self.error.reason() == Reason::PartnerMethodNotAllowed {
            let allow = if self.error.detail().starts_with("/agreements") {
                "POST, PUT"
            } else {
                "DELETE, GET, POST, PUT"
            };
            answer.headers.insert("Allow".to_owned(), allow.to_owned());
        }
        answer
    }
}

/// The outcome of a partner's request: refused, or decided with records to store.
pub(crate) type Decided<T> = std::result::Result<T, Refusal>;

fn refuse<T>(rule: &'static str, reason: Reason, detail: impl Into<String>) -> Decided<T> {
    Err(Refusal::new(rule, Error::with_detail(reason, detail)))
}

/// Checks 1..6 of the module's order.
pub(crate) fn route(request: &PartnerRequest) -> Decided<Routed> {
    let header = |name| request.header(name).map_err(|e| Refusal::new("NHD-04", e));
    if request
        .body
        .as_ref()
        .is_some_and(|b| b.len() > MAX_BODY_BYTES)
    {
        return refuse(
            "NHD-01",
            Reason::RequestTooLarge,
            "body: larger than 2 MiB (2097152 bytes)",
        );
    }
    if let Some(version) = header(VERSION_HEADER)? {
        if version != VERSION {
            return refuse(
                "NHD-05",
                Reason::PartnerVersion,
                "X-Ticket-Sharing-Version: this side speaks version 1",
            );
        }
    }
    let path = request.path.split(['?', '#']).next().unwrap_or_default();
    let mut segments = path.trim_end_matches('/').rsplit('/');
    let uuid = segments.next().unwrap_or_default();
    let resource = match segments.next() {
        Some("agreements") => NhdResource::Agreement,
        Some("tickets") => NhdResource::Ticket,
        _ => {
            return refuse(
                "NHD-04",
                Reason::PartnerUnknown,
                "path: not /agreements/<uuid> or /tickets/<uuid>",
            )
        }
    };
    let method = NhdMethod::ALL
        .iter()
        .copied()
        .find(|m| m.as_str().eq_ignore_ascii_case(request.method.trim()));
    let method = match (resource, method) {
        (NhdResource::Agreement, Some(m @ (NhdMethod::Post | NhdMethod::Put)))
        | (NhdResource::Ticket, Some(m)) => m,
        (NhdResource::Agreement, _) => {
            return refuse(
                "NHD-07",
                Reason::PartnerMethodNotAllowed,
                "/agreements/<uuid> takes POST and PUT",
            )
        }
        (NhdResource::Ticket, None) => {
            return refuse(
                "NHD-08",
                Reason::PartnerMethodNotAllowed,
                "/tickets/<uuid> takes GET, POST, PUT and DELETE",
            )
        }
    };
    let bad_uuid = |e: Error| {
        Refusal::new(
            "NHD-06",
            Error::with_detail(
                e.reason(),
                "path: the uuid is not 40 hexadecimal characters",
            ),
        )
    };
    let (agreement_id, shared_ticket_id) = match resource {
        NhdResource::Agreement => (Some(AgreementId::parse(uuid).map_err(bad_uuid)?), None),
        NhdResource::Ticket => (None, Some(SharedTicketId::parse(uuid).map_err(bad_uuid)?)),
    };
    let invite = resource == NhdResource::Agreement && method == NhdMethod::Post;
    let token = match header(TOKEN_HEADER)? {
        Some(text) => Some(parse_token(text).map_err(|e| Refusal::new("NHD-04", e))?),
        None if invite => None,
        None => {
            return refuse(
                "NHD-04",
                Reason::PartnerUnauthenticated,
                "X-Ticket-Sharing-Token: missing",
            )
        }
    };
    let (agreement_id, key) = match (agreement_id, token) {
        (Some(uri), Some((id, _))) if id != uri => {
            return refuse(
                "NHD-04",
                Reason::PartnerWrongKey,
                "X-Ticket-Sharing-Token: the token of another agreement",
            )
        }
        (Some(uri), token) => (uri, token.map(|(_, key)| key)),
        (None, Some((id, key))) => (id, Some(key)),
        (None, None) => {
            return refuse(
                "NHD-04",
                Reason::PartnerUnauthenticated,
                "X-Ticket-Sharing-Token: missing",
            )
        }
    };
    Ok(Routed {
        load: NhdLoad {
            resource,
            method,
            agreement_id,
            shared_ticket_id,
            creates_ticket: resource == NhdResource::Ticket && method == NhdMethod::Post,
        },
        uri_uuid: uuid.to_ascii_lowercase(),
        key,
    })
}

/// Check 8: a body is JSON by its media type (parameters such as `charset` allowed).
pub(crate) fn require_json(request: &PartnerRequest) -> Decided<&str> {
    let media = request
        .header("Content-Type")
        .map_err(|e| Refusal::new("NHD-05", e))?
        .unwrap_or_default();
    let media = media.split(';').next().unwrap_or_default().trim();
    if !media.eq_ignore_ascii_case("application/json") && !media.eq_ignore_ascii_case("text/x-json")
    {
        return refuse(
            "NHD-05",
            Reason::PartnerMediaType,
            "Content-Type: application/json or text/x-json",
        );
    }
    match request.body.as_deref() {
        Some(body) => Ok(body),
        None => refuse("NHD-01", Reason::InvalidRequest, "body: missing"),
    }
}

/// The media type a request's body came under: `text/x-json` or, for anything else read,
/// `application/json` (NHD-05).
pub(crate) fn media_of(request: &PartnerRequest) -> PartnerMediaType {
    let media = request
        .header("Content-Type")
        .ok()
        .flatten()
        .unwrap_or_default();
    let media = media.split(';').next().unwrap_or_default().trim();
    if media.eq_ignore_ascii_case("text/x-json") {
        PartnerMediaType::TextXJson
    } else {
        PartnerMediaType::Json
    }
}

/// Check 9's last step: the body's uuid is the URI's (NHD-06).
pub(crate) fn same_uuid(uri: &str, body: &str) -> Decided<()> {
    if uri == body {
        Ok(())
    } else {
        refuse(
            "NHD-06",
            Reason::RecordMismatch,
            "body.uuid: not the uuid of the URI",
        )
    }
}
