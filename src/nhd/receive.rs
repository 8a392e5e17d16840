//! The decision on a partner's request (NHD-04..08): checks 7..10 of [`super::incoming`]'s
//! order, then the agreements' own rules (`receive_agreement.rs` for `/agreements`,
//! `receive_ticket.rs` for `/tickets`).

use super::incoming::{require_json, route, same_uuid, Decided, NhdResource, NhdRoute};
use super::incoming::{Refusal, Routed};
use super::objects::NhdTicket;
use super::wire::{NhdAnswer, NhdRequest, PartnerRequest};
use crate::agreement::content::Withheld;
use crate::agreement::field_values::FieldValue;
use crate::agreement::incoming::{Placeholder, ReceivedUpdate};
use crate::agreement::tickets::{TicketMarks, TicketShare};
use crate::agreement::{Agreement, PartnerKind, SharedCommentId, SharingAccount};
use crate::audit::{AuditActor, AuditEvent, AuditKind};
use crate::base::error::{Error, Reason, Result};
use crate::base::ids::TicketId;
use crate::base::time::Now;
use crate::engine::Engine;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the host hands in with a partner's request: the records [`super::NhdLoad`] named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NhdReceive {
    /// The account the request came to.
    pub account: SharingAccount,
    /// The request, as received.
    pub request: PartnerRequest,
    /// The agreement the route named, when the account has it.
    #[serde(default)]
    pub agreement: Option<Agreement>,
    /// The share record of the ticket the route named, when the account has one.
    #[serde(default)]
    pub share: Option<TicketShare>,
    /// The placeholders made so far for the partner's people (ACC-16).
    #[serde(default)]
    pub placeholders: Vec<Placeholder>,
    /// The ids of the partner's comments this ticket holds already, so that a replayed update is
    /// reported as a duplicate and never delivered twice (NHD-10). Empty for a new ticket.
    #[serde(default)]
    pub received_comments: Vec<SharedCommentId>,
    /// The id the host gives a ticket that arrives (`POST /tickets`).
    #[serde(default)]
    pub new_ticket_id: Option<TicketId>,
    /// What an inviting partner is: another instance (the default) or a third-party system.
    #[serde(default)]
    pub sender_kind: PartnerKind,
    /// The current time.
    pub now: Now,
}

/// What arrived in a ticket, beyond comments and tags: the host applies what syncs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketArrival {
    /// The ticket as the partner wrote it (subject, requester, original id, ...).
    pub ticket: NhdTicket,
    /// Comments, placeholders, tags and notifications (ACC-14, 16, 18, 19).
    pub update: ReceivedUpdate,
    /// The status to map and set (`shared_ticket.map_status`), when it came and syncs (ACC-13).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The custom-field values to transfer (`shared_ticket.transfer_fields`), when they came and
    /// sync (ACC-20).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<BTreeMap<String, FieldValue>>,
    /// What came and is not applied, and why.
    pub ignored: Vec<Withheld>,
}

/// What the host stores after answering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NhdOutcome {
    /// An invitation arrived (ACC-01, ACC-05, ACC-08).
    InviteReceived {
        /// The copy to store; none when the account opted out.
        #[serde(skip_serializing_if = "Option::is_none")]
        agreement: Option<Agreement>,
        /// Whether to tell the account's admins.
        notify_admins: bool,
        /// A request to send once answered: an opted-out account's decline.
        #[serde(skip_serializing_if = "Option::is_none")]
        reply: Option<NhdRequest>,
    },
    /// The partner changed the agreement (ACC-06, NHD-07).
    AgreementChanged {
        /// The copy to store.
        agreement: Agreement,
    },
    /// A ticket arrived (ACC-11): create it as `share.ticket_id`.
    TicketReceived {
        /// The share record to store.
        share: TicketShare,
        /// The new ticket's marks (ACC-21).
        marks: TicketMarks,
        /// What it carries.
        arrival: TicketArrival,
    },
    /// The partner updated a shared ticket.
    TicketUpdated {
        /// The share record.
        share: TicketShare,
        /// What it carries.
        arrival: TicketArrival,
    },
    /// The partner reads the ticket: answer with its body, as `nhd.ticket_request` writes it
    /// for a share.
    TicketRead {
        /// The share record.
        share: TicketShare,
    },
    /// The partner stopped sharing the ticket (NHD-08).
    TicketUnshared {
        /// The share record, now ended.
        share: TicketShare,
    },
}

/// The decision on a partner's request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NhdDecision {
    /// The answer to send.
    pub answer: NhdAnswer,
    /// The rule that decided: `NHD-04` for a wrong key, `ACC-11` for a ticket received, ...
    pub rule: String,
    /// What to store, when the request was accepted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<NhdOutcome>,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}

/// An accepted request: its answer's status, its rule, what to store, the audit events.
pub(crate) struct Accepted {
    pub(crate) status: u16,
    pub(crate) rule: &'static str,
    pub(crate) outcome: NhdOutcome,
    pub(crate) events: Vec<AuditEvent>,
}

impl Engine {
    /// Reads a partner's request as far as no record is needed (checks 1..6 of
    /// [`super::incoming`]): which records to load, or the answer at once.
    pub fn nhd_route(&self, request: &PartnerRequest) -> NhdRoute {
        match route(request) {
            Ok(routed) => NhdRoute::Load(routed.load),
            Err(refusal) => NhdRoute::Answer {
                answer: refusal.answer(),
                rule: refusal.rule.to_owned(),
            },
        }
    }

    /// Decides a partner's request with the records [`Engine::nhd_route`] named (NHD-04..08).
    /// A record that does not fit the request (another account's, another uuid) fails the
    /// call: the host's mistake is never answered to the partner as theirs.
    pub fn nhd_receive(&self, input: &NhdReceive) -> Result<NhdDecision> {
        let routed = match route(&input.request) {
            Ok(routed) => routed,
            Err(refusal) => return Ok(decision_refused(&refusal, Vec::new())),
        };
        if let Some(agreement) = &input.agreement {
            agreement.check_of(&input.account, "agreement")?;
            if agreement.id != routed.load.agreement_id {
                return Err(Error::new(
                    Reason::RecordMismatch,
                    "agreement: not the agreement the request names",
                ));
            }
        }
        if let Some(share) = &input.share {
            if Some(share.id) != routed.load.shared_ticket_id {
                return Err(Error::new(
                    Reason::RecordMismatch,
                    "share: not the shared ticket the request names",
                ));
            }
        }
        if routed.load.creates_ticket && input.new_ticket_id.is_none() {
            return Err(Error::new(
                Reason::InvalidRequest,
                "new_ticket_id: a ticket may arrive; name the id it will take",
            ));
        }
        let decided = self.decide(input, &routed);
        Ok(match decided {
            Ok(accepted) => NhdDecision {
                answer: NhdAnswer::empty(accepted.status),
                rule: accepted.rule.to_owned(),
                outcome: Some(accepted.outcome),
                events: accepted.events,
            },
            Err(refusal) => {
                let events = match &input.agreement {
                    Some(agreement) => vec![refusal_event(input, agreement, &routed, &refusal)],
                    None => Vec::new(),
                };
                decision_refused(&refusal, events)
            }
        })
    }

    /// Checks 7..10.
    fn decide(&self, input: &NhdReceive, routed: &Routed) -> Decided<Accepted> {
        let invite = routed.load.resource == NhdResource::Agreement
            && routed.load.method == super::wire::NhdMethod::Post;
        // Check 7: only an invitation comes for an agreement the account does not have.
        let agreement = input.agreement.as_ref();
        if agreement.is_none() && !invite {
            return Err(unknown_agreement());
        }
        if let (Some(agreement), Some(key)) = (agreement, &routed.key) {
            if !agreement.access_key.matches(key) {
                return Err(Refusal::new(
                    "NHD-04",
                    Error::new(
                        Reason::PartnerWrongKey,
                        "X-Ticket-Sharing-Token: not the agreement's access key",
                    ),
                ));
            }
        }
        let body = match routed.load.method {
            super::wire::NhdMethod::Post | super::wire::NhdMethod::Put => {
                Some(require_json(&input.request)?)
            }
            _ => None,
        };
        if routed.load.resource == NhdResource::Agreement {
            let nhd = super::objects::parse_agreement_at(
                body.unwrap_or_default(),
                Some(&routed.uri_uuid),
            )
            .map_err(|e| Refusal::new("NHD-01", e))?;
            same_uuid(&routed.uri_uuid, &nhd.uuid.to_string())?;
            return match agreement {
                Some(stored) if !invite => self.partner_changes_agreement(input, stored, &nhd),
                _ => self.partner_invites(input, agreement, routed.key.as_ref(), &nhd),
            };
        }
        let ticket = body
            .map(|b| {
                let t = super::objects::parse_ticket_at(b, Some(&routed.uri_uuid))
                    .map_err(|e| Refusal::new("NHD-01", e))?;
                same_uuid(&routed.uri_uuid, &t.uuid.to_string())?;
                Ok(t)
            })
            .transpose()?;
        let agreement = agreement.ok_or_else(unknown_agreement)?;
        self.partner_ticket(input, agreement, routed.load.method, ticket)
    }
}

fn unknown_agreement() -> Refusal {
    Refusal::new(
        "NHD-04",
        Error::new(Reason::PartnerUnknown, "no agreement with that uuid"),
    )
}

fn decision_refused(refusal: &Refusal, events: Vec<AuditEvent>) -> NhdDecision {
    NhdDecision {
        answer: refusal.answer(),
        rule: refusal.rule.to_owned(),
        outcome: None,
        events,
    }
}

fn refusal_event(
    input: &NhdReceive,
    agreement: &Agreement,
    routed: &Routed,
    refusal: &Refusal,
) -> AuditEvent {
    AuditEvent {
        at: input.now.timestamp(),
        actor: AuditActor::Partner {
            name: agreement.partner.name.clone(),
        },
        event: AuditKind::PartnerRequestRefused {
            agreement_id: agreement.id,
            method: routed.load.method,
            resource: routed.load.resource,
            status: super::wire::http_status(refusal.error.reason()),
            reason: refusal.error.code().to_owned(),
        },
    }
}
