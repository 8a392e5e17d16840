//! A partner's ticket requests (NHD-08): `POST /tickets/<uuid>` shares a ticket
//! ([`Engine::receive_ticket`]), `PUT` updates it ([`Engine::receive_update`]), `GET` reads it,
//! `DELETE` unshares it. Only an accepted agreement carries tickets (403); a ticket the
//! account does not hold under the token's agreement is 404, one shared twice 422.
//!
//! **Decisions.** A comment needs its uuid and its author's; `authored_at` defaults to the time
//! of receipt; an attachment's URL must be https and its media type defaults to
//! `application/octet-stream`. The status and custom fields that arrive are handed to the host
//! only when the agreement syncs them (ACC-13, ACC-20); otherwise they are reported ignored.
//! A `DELETE` ends the share only when it comes from the side that shared the ticket: from the
//! side that received it, it is refused (403 `receiving_only`, ACC-12, NHD-10).

use super::incoming::{Decided, Refusal};
use super::objects::{NhdActor, NhdComment, NhdFieldValue, NhdTicket};
use super::receive::{Accepted, NhdOutcome, NhdReceive, TicketArrival};
use super::wire::NhdMethod;
use crate::agreement::content::{
    SharedActor, SharedAttachment, SharedComment, Withheld, Withholding,
};
use crate::agreement::field_values::FieldValue;
use crate::agreement::incoming::IncomingUpdate;
use crate::agreement::tickets::{require_accepted, Direction, TicketShare};
use crate::agreement::{Agreement, SharedCommentId};
use crate::audit::{AuditActor, AuditEvent, AuditKind};
use crate::base::error::{Error, Reason, Result};
use crate::base::text::quoted;
use crate::base::time::Now;
use crate::base::url::HttpsUrl;
use crate::engine::Engine;
use crate::people::PersonRole;
use std::collections::{BTreeMap, BTreeSet};

fn person(actor: &NhdActor, path: &str) -> Result<SharedActor> {
    Ok(SharedActor {
        id: actor.uuid.ok_or_else(|| {
            Error::with_detail(Reason::InvalidId, format!("body.{path}.uuid: missing"))
        })?,
        name: actor.name.clone(),
        role: match actor.role.as_deref() {
            Some("agent") => PersonRole::Agent,
            _ => PersonRole::EndUser,
        },
    })
}

fn comment(c: &NhdComment, index: usize, now: Now) -> Result<SharedComment> {
    let path = format!("comments[{index}]");
    let author = c.author.as_ref().ok_or_else(|| {
        Error::with_detail(Reason::InvalidId, format!("body.{path}.author: missing"))
    })?;
    let attachments = c
        .attachments
        .iter()
        .enumerate()
        .map(|(i, a)| {
            Ok(SharedAttachment {
                filename: a.filename.clone(),
                content_type: a
                    .content_type
                    .clone()
                    .unwrap_or_else(|| "application/octet-stream".to_owned()),
                url: HttpsUrl::parse(&a.url).map_err(|e| {
                    Error::with_detail(
                        e.reason(),
                        format!("body.{path}.attachments[{i}].url: {}", e.detail()),
                    )
                })?,
            })
        })
        .collect::<Result<_>>()?;
    Ok(SharedComment {
        id: c.uuid.ok_or_else(|| {
            Error::with_detail(Reason::InvalidId, format!("body.{path}.uuid: missing"))
        })?,
        author: person(author, &format!("{path}.author"))?,
        body: c.body.clone(),
        public: c.public,
        authored_at: match c.authored_at {
            Some(at) => at.timestamp()?,
            None => now.timestamp(),
        },
        attachments,
    })
}

/// The values the engine carries; each other one withheld alone, by its field's title (NHD-09,
/// ACC-20: an incompatible field transfers nothing, the rest of the ticket still syncs).
fn readable_fields(
    fields: &BTreeMap<String, NhdFieldValue>,
    ignored: &mut Vec<Withheld>,
) -> BTreeMap<String, FieldValue> {
    let mut readable = BTreeMap::new();
    for (title, value) in fields {
        match value {
            NhdFieldValue::Value(value) => {
                readable.insert(title.clone(), value.clone());
            }
            NhdFieldValue::Unreadable(_) => ignored.push(Withheld {
                path: format!("custom_fields[{}]", quoted(title)),
                reason: Withholding::FieldValueUnreadable,
            }),
        }
    }
    readable
}

fn not_held() -> Refusal {
    Refusal::new(
        "NHD-08",
        Error::new(
            Reason::PartnerUnknown,
            "no ticket shared with that uuid under this agreement",
        ),
    )
}

impl Engine {
    /// What a ticket's body carries, as the agreement lets it in.
    fn arrival(
        &self,
        input: &NhdReceive,
        agreement: &Agreement,
        share: &TicketShare,
        ticket: NhdTicket,
    ) -> Result<TicketArrival> {
        let mut ignored = Vec::new();
        let mut seen: BTreeSet<SharedCommentId> = input.received_comments.iter().copied().collect();
        let mut comments = Vec::with_capacity(ticket.comments.len());
        for (i, c) in ticket.comments.iter().enumerate() {
            let shared = comment(c, i, input.now)?;
            if seen.insert(shared.id) {
                comments.push(shared);
            } else {
                ignored.push(Withheld {
                    path: format!("comments[{i}]"),
                    reason: Withholding::Duplicate,
                });
            }
        }
        let update = IncomingUpdate {
            comments,
            tags: ticket.tags.clone(),
            requester: ticket
                .requester
                .as_ref()
                .map(|r| person(r, "requester"))
                .transpose()?,
        };
        let update = self.receive_update(agreement, share, &update, &input.placeholders)?;
        let mut status = ticket.status.clone();
        if status.is_some() && !agreement.terms.syncs_status() {
            status = None;
            ignored.push(Withheld {
                path: "status".to_owned(),
                reason: Withholding::StatusNotSynced,
            });
        }
        let custom_fields = match &ticket.custom_fields {
            Some(_) if !agreement.terms.sync_custom_fields => {
                ignored.push(Withheld {
                    path: "custom_fields".to_owned(),
                    reason: Withholding::FieldsNotSynced,
                });
                None
            }
            Some(fields) => Some(readable_fields(fields, &mut ignored)),
            None => None,
        };
        Ok(TicketArrival {
            ticket,
            update,
            status,
            custom_fields,
            ignored,
        })
    }

    /// `/tickets/<uuid>` under `agreement`, its key checked.
    pub(crate) fn partner_ticket(
        &self,
        input: &NhdReceive,
        agreement: &Agreement,
        method: NhdMethod,
        ticket: Option<NhdTicket>,
    ) -> Decided<Accepted> {
        require_accepted(agreement).map_err(|e| Refusal::new("NHD-08", e))?;
        let held = input
            .share
            .as_ref()
            .filter(|s| s.agreement_id == agreement.id);
        let active = held.filter(|s| s.active());
        match (method, ticket) {
            (NhdMethod::Post, Some(ticket)) => {
                if input.share.is_some() {
                    return Err(Refusal::new(
                        "NHD-08",
                        Error::new(
                            Reason::PartnerExists,
                            "body.uuid: the ticket is shared already",
                        ),
                    ));
                }
                let ticket_id = input.new_ticket_id.clone().ok_or_else(|| {
                    Refusal::new("ACC-11", Error::new(Reason::InternalError, "no ticket id"))
                })?;
                let shared = self
                    .receive_ticket(&input.account, agreement, ticket.uuid, ticket_id, input.now)
                    .map_err(|e| Refusal::new("ACC-11", e))?;
                let arrival = self
                    .arrival(input, agreement, &shared.share, ticket)
                    .map_err(|e| Refusal::new("ACC-14", e))?;
                Ok(Accepted {
                    status: 201,
                    rule: "ACC-11",
                    events: shared.events,
                    outcome: NhdOutcome::TicketReceived {
                        share: shared.share,
                        marks: shared.marks,
                        arrival,
                    },
                })
            }
            (NhdMethod::Put, Some(ticket)) => {
                let share = active.ok_or_else(not_held)?;
                let arrival = self
                    .arrival(input, agreement, share, ticket)
                    .map_err(|e| Refusal::new("ACC-14", e))?;
                Ok(Accepted {
                    status: 200,
                    rule: "ACC-14",
                    events: Vec::new(),
                    outcome: NhdOutcome::TicketUpdated {
                        share: share.clone(),
                        arrival,
                    },
                })
            }
            (NhdMethod::Get, _) => Ok(Accepted {
                status: 200,
                rule: "NHD-08",
                events: Vec::new(),
                outcome: NhdOutcome::TicketRead {
                    share: held.ok_or_else(not_held)?.clone(),
                },
            }),
            (NhdMethod::Delete, _) => {
                let share = active.ok_or_else(not_held)?;
                // The partner received this ticket from us and only receives under this
                // agreement: it cannot stop our sharing (ACC-12, NHD-10). Its own unshare stays
                // on its side; our next update finds its copy gone (404).
                if share.direction == Direction::Sent {
                    return Err(Refusal::new(
                        "ACC-12",
                        Error::new(
                            Reason::ReceivingOnly,
                            "the partner receives this ticket under the agreement; only the side that shared it unshares it",
                        ),
                    ));
                }
                let ended = TicketShare {
                    unshared_at: Some(input.now.timestamp()),
                    revision: share.revision.next(),
                    ..share.clone()
                };
                Ok(Accepted {
                    status: 200,
                    rule: "NHD-08",
                    events: vec![AuditEvent {
                        at: input.now.timestamp(),
                        actor: AuditActor::Partner {
                            name: agreement.partner.name.clone(),
                        },
                        event: AuditKind::TicketUnshared {
                            ticket_id: ended.ticket_id.clone(),
                            shared_ticket_id: ended.id,
                        },
                    }],
                    outcome: NhdOutcome::TicketUnshared { share: ended },
                })
            }
            (NhdMethod::Post | NhdMethod::Put, None) => Err(Refusal::new(
                "NHD-01",
                Error::new(Reason::InvalidRequest, "body: missing"),
            )),
        }
    }
}
