//! The requests a host sends (NHD-04..06): each domain step of [`crate::agreement`] becomes
//! the exact request for the partner's sharing URL: method, URL, headers, body.
//!
//! An agreement, as it stands after a step ([`Engine::nhd_agreement_request`]): the sender's
//! pending copy is the invitation, `POST /agreements/<uuid>` with the whole agreement; any
//! other copy is its status, `PUT` (with the side that ended it). A ticket ([`Engine::nhd_ticket_request`]): sharing is
//! `POST /tickets/<uuid>`, an update `PUT` with only what changed and what crosses (ACC-14..20),
//! unsharing `DELETE` (NHD-08). Every request carries the agreement's token and version 1, an
//! invitation too: the gem sends none there, Request Tracker requires one, both read it.

use super::objects::{to_json, NhdActor, NhdAgreement, NhdAttachment, NhdComment, NhdTicket};
use super::time::NhdTime;
use super::wire::{request_headers, token, url_under, NhdMethod, NhdRequest};
use crate::agreement::content::{
    LocalUpdate, LocalUser, SharedActor, SharedComment, Withheld, Withholding,
};
use crate::agreement::field_values::FieldValue;
use crate::agreement::notices::{Invitation, PartnerUpdate};
use crate::agreement::tickets::{require_accepted, Direction, TicketShare};
use crate::agreement::{
    AccessKey, Agreement, AgreementId, AgreementStatus, CommentTerms, PartnerMediaType,
    PartnerNotice, SharingAccount, Side, Terms,
};
use crate::base::error::{Error, Reason, Result};
use crate::base::time::Timestamp;
use crate::engine::Engine;
use crate::people::PersonRole;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

crate::base::names::wire_enum! {
    /// What a ticket request tells the partner.
    pub enum TicketChangeKind {
        /// The ticket is shared: `POST /tickets/<uuid>` with the whole ticket.
        Share => "share",
        /// The ticket changed: `PUT /tickets/<uuid>` with what changed.
        Update => "update",
        /// The ticket is no longer shared: `DELETE /tickets/<uuid>`.
        Unshare => "unshare",
        /// The partner asked for the ticket (`GET /tickets/<uuid>`, a ticket sent or received):
        /// the whole ticket, as a share writes it, for the host to answer with `request.body`
        /// (nothing is sent; NHD-09).
        Read => "read",
    }
}

/// What the host knows of its ticket beyond comments and tags; every field optional (an
/// update carries what changed).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OutgoingTicket {
    /// Its subject.
    #[serde(default)]
    pub subject: Option<String>,
    /// When it was requested.
    #[serde(default)]
    pub requested_at: Option<Timestamp>,
    /// Its status in the protocol's vocabulary: crosses only when the agreement syncs status
    /// (ACC-13).
    #[serde(default)]
    pub status: Option<String>,
    /// Its custom status: crosses with the status.
    #[serde(default)]
    pub custom_status: Option<String>,
    /// Its requester: crosses as an id, a name and a role (ACC-16).
    #[serde(default)]
    pub requester: Option<LocalUser>,
    /// Who made the change.
    #[serde(default)]
    pub current_actor: Option<LocalUser>,
    /// Custom-field values by title: cross only when the agreement syncs them (ACC-20).
    #[serde(default)]
    pub custom_fields: Option<BTreeMap<String, FieldValue>>,
}

/// A ticket request, and what stayed behind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketRequest {
    /// The request to send.
    pub request: NhdRequest,
    /// What does not cross, and why.
    pub withheld: Vec<Withheld>,
}

/// The protocol's role of a person: `agent` for staff, `user` for everyone else.
fn role(role: PersonRole) -> String {
    if role.is_staff() { "agent" } else { "user" }.to_owned()
}

fn nhd_actor(actor: SharedActor) -> NhdActor {
    NhdActor {
        uuid: Some(actor.id),
        name: actor.name,
        role: Some(role(actor.role)),
    }
}

fn nhd_comment(comment: SharedComment) -> NhdComment {
    NhdComment {
        uuid: Some(comment.id),
        author: Some(nhd_actor(comment.author)),
        body: comment.body,
        html_body: None,
        authored_at: Some(NhdTime::from_timestamp(comment.authored_at)),
        public: comment.public,
        attachments: comment
            .attachments
            .into_iter()
            .map(|a| NhdAttachment {
                url: a.url.as_str().to_owned(),
                filename: a.filename,
                content_type: Some(a.content_type),
                display_filename: None,
            })
            .collect(),
        custom_fields: None,
    }
}

/// The agreement's terms as the protocol's three flags (NHD-07).
pub(crate) fn flags(terms: &Terms) -> (bool, bool, bool) {
    (
        terms.comments == CommentTerms::PublicAndPrivate,
        terms.sync_tags,
        terms.sync_custom_fields,
    )
}

/// The request telling the partner at `url` (reading bodies under `media`) of `notice`, for
/// agreement `id` with `key`.
pub(crate) fn agreement_request(
    url: &str,
    media: PartnerMediaType,
    id: AgreementId,
    key: &AccessKey,
    notice: &PartnerNotice,
    current_actor: Option<NhdActor>,
) -> Result<NhdRequest> {
    let (method, body) = match notice {
        PartnerNotice::Invite(invitation) => {
            let (public, tags, fields) = flags(&invitation.terms);
            let body = NhdAgreement {
                uuid: id,
                name: Some(invitation.sender.name.as_str().to_owned()),
                receiver_url: Some(invitation.receiver_url.as_str().to_owned()),
                sender_url: Some(invitation.sender.url.as_str().to_owned()),
                access_key: Some(key.clone()),
                status: Some(AgreementStatus::Pending),
                current_actor,
                sync_tags: Some(tags),
                sync_custom_fields: Some(fields),
                allows_public_comments: Some(public),
                deactivated_by: None,
            };
            (NhdMethod::Post, body)
        }
        PartnerNotice::Update(update) => {
            let body = NhdAgreement {
                status: Some(update.status),
                deactivated_by: update.deactivated_by,
                current_actor,
                ..NhdAgreement::bare(id)
            };
            (NhdMethod::Put, body)
        }
    };
    Ok(NhdRequest {
        method,
        url: url_under(url, "agreements", &id.to_string()),
        headers: request_headers(token(id, key), Some(media)),
        body: Some(to_json(&body)?),
    })
}

impl NhdAgreement {
    /// An agreement with its uuid alone.
    pub const fn bare(uuid: AgreementId) -> Self {
        Self {
            uuid,
            name: None,
            receiver_url: None,
            sender_url: None,
            access_key: None,
            status: None,
            current_actor: None,
            sync_tags: None,
            sync_custom_fields: None,
            allows_public_comments: None,
            deactivated_by: None,
        }
    }
}

impl Engine {
    /// The request telling the partner where `agreement` (this account's copy, after a step)
    /// now stands (NHD-04..07): the sender's pending copy is the invitation (`POST`, first or
    /// again after a decline), any other the status (`PUT`, with the side that ended it).
    /// `actor` is who took the step. A receiver's pending copy tells the partner nothing.
    pub fn nhd_agreement_request(
        &self,
        account: &SharingAccount,
        agreement: &Agreement,
        actor: Option<&LocalUser>,
    ) -> Result<NhdRequest> {
        agreement.check_of(account, "agreement")?;
        // A record stored before the rule, or edited, is checked again: no request to a URL
        // the rule refuses (NHD-10).
        self.check_partner_url(&agreement.partner.url, "agreement.partner.url")?;
        let notice = match (agreement.side, agreement.status) {
            (Side::Sender, AgreementStatus::Pending) => PartnerNotice::Invite(Invitation {
                agreement_id: agreement.id,
                access_key: agreement.access_key.clone(),
                sender: account.party(),
                receiver_url: agreement.partner.url.clone(),
                terms: agreement.terms,
            }),
            (Side::Receiver, AgreementStatus::Pending) => {
                return Err(Error::new(
                    Reason::AgreementNotPending,
                    "agreement: a pending invitation the account has not answered tells the partner nothing",
                ))
            }
            (_, status) => PartnerNotice::Update(PartnerUpdate {
                agreement_id: agreement.id,
                status,
                deactivated_by: agreement.ended.map(|e| e.by),
            }),
        };
        let actor = actor
            .map(|user| self.shared_actor(agreement, user).map(nhd_actor))
            .transpose()?;
        agreement_request(
            agreement.partner.url.as_str(),
            agreement.partner.media_type,
            agreement.id,
            &agreement.access_key,
            &notice,
            actor,
        )
    }

    /// The request telling the partner of a shared ticket's change (NHD-04..06, NHD-08):
    /// `share` is the ticket's share record under `agreement` (ended, for `unshare`), `update`
    /// its new comments and tags, which cross as [`Engine::prepare_update`] decides.
    pub fn nhd_ticket_request(
        &self,
        agreement: &Agreement,
        share: &TicketShare,
        kind: TicketChangeKind,
        ticket: &OutgoingTicket,
        update: &LocalUpdate,
        secure_downloads: bool,
    ) -> Result<TicketRequest> {
        require_accepted(agreement)?;
        self.check_partner_url(&agreement.partner.url, "agreement.partner.url")?;
        if share.agreement_id != agreement.id {
            return Err(Error::new(
                Reason::RecordMismatch,
                "share: a ticket shared under another agreement",
            ));
        }
        let flaw = match kind {
            TicketChangeKind::Share if share.direction != Direction::Sent => {
                Some("share: a received ticket is not shared back")
            }
            TicketChangeKind::Share | TicketChangeKind::Update if !share.active() => {
                Some("share: the ticket is no longer shared")
            }
            TicketChangeKind::Unshare if share.active() => {
                Some("share: still in force; unshare the ticket first (shared_ticket.unshare)")
            }
            TicketChangeKind::Share
            | TicketChangeKind::Update
            | TicketChangeKind::Unshare
            | TicketChangeKind::Read => None,
        };
        if let Some(flaw) = flaw {
            return Err(Error::new(Reason::RecordMismatch, flaw));
        }
        let url = url_under(
            agreement.partner.url.as_str(),
            "tickets",
            &share.id.to_string(),
        );
        let auth = token(agreement.id, &agreement.access_key);
        if kind == TicketChangeKind::Unshare {
            return Ok(TicketRequest {
                request: NhdRequest {
                    method: NhdMethod::Delete,
                    url,
                    headers: request_headers(auth, None),
                    body: None,
                },
                withheld: Vec::new(),
            });
        }
        let payload = self.prepare_update(agreement, update, secure_downloads)?;
        let mut withheld = payload.withheld;
        let person = |user: &Option<LocalUser>| {
            user.as_ref()
                .map(|u| self.shared_actor(agreement, u).map(nhd_actor))
                .transpose()
        };
        let syncs_status = agreement.terms.syncs_status();
        let mut keep = |value: &Option<String>, path: &str, syncs: bool, reason| match value {
            Some(_) if !syncs => {
                withheld.push(Withheld {
                    path: path.to_owned(),
                    reason,
                });
                None
            }
            other => other.clone(),
        };
        let status = keep(
            &ticket.status,
            "status",
            syncs_status,
            Withholding::StatusNotSynced,
        );
        let custom_status = keep(
            &ticket.custom_status,
            "custom_status",
            syncs_status,
            Withholding::StatusNotSynced,
        );
        let custom_fields = match &ticket.custom_fields {
            Some(_) if !agreement.terms.sync_custom_fields => {
                withheld.push(Withheld {
                    path: "custom_fields".to_owned(),
                    reason: Withholding::FieldsNotSynced,
                });
                None
            }
            Some(fields) => Some(
                fields
                    .iter()
                    .map(|(title, value)| (title.clone(), value.clone().into()))
                    .collect(),
            ),
            None => None,
        };
        let body = NhdTicket {
            uuid: share.id,
            subject: ticket.subject.clone(),
            requested_at: ticket.requested_at.map(NhdTime::from_timestamp),
            status,
            requester: person(&ticket.requester)?,
            comments: payload.comments.into_iter().map(nhd_comment).collect(),
            current_actor: person(&ticket.current_actor)?,
            tags: payload.tags,
            original_id: (kind == TicketChangeKind::Share
                || (kind == TicketChangeKind::Read && share.direction == Direction::Sent))
                .then(|| share.ticket_id.as_str().to_owned()),
            custom_fields,
            custom_status,
        };
        body.check()?;
        Ok(TicketRequest {
            request: NhdRequest {
                method: match kind {
                    TicketChangeKind::Share => NhdMethod::Post,
                    TicketChangeKind::Read => NhdMethod::Get,
                    TicketChangeKind::Update | TicketChangeKind::Unshare => NhdMethod::Put,
                },
                url,
                headers: request_headers(auth, Some(agreement.partner.media_type)),
                body: Some(to_json(&body)?),
            },
            withheld,
        })
    }
}
