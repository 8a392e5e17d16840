//! A partner's agreement requests (NHD-07): an invitation (`POST /agreements/<uuid>`), read by
//! [`Engine::receive_invite`], and a change (`PUT`), read by [`Engine::apply_partner_update`].
//!
//! **Decisions.** A second create of an agreement in force is 422 (`partner_exists`); one of a
//! declined agreement is its re-invitation (ACC-08), with the same access key. Each side
//! changes only its own fields: the sender its URL and the terms (only with a re-invitation,
//! ACC-08), the receiver its URL; either side the status through the transition table, and an
//! ended agreement never returns (ACC-06). The sender's name is the agreement's `name`: a new
//! name is refused, since a renamed account's agreements end (ACC-07). Absent flags read as
//! false: `allows_public_comments` false is *private comments only*.

use super::incoming::{media_of, Decided, Refusal};
use super::objects::NhdAgreement;
use super::outgoing::{agreement_request, flags};
use super::receive::{Accepted, NhdOutcome, NhdReceive};
use crate::agreement::lifecycle::same_account;
use crate::agreement::notices::{Invitation, PartnerUpdate};
use crate::agreement::{
    AccessKey, AccountName, Agreement, AgreementStatus, CommentTerms, Party, Side, Terms,
};
use crate::audit::{AuditActor, AuditEvent, AuditKind};
use crate::base::error::{Error, Reason};
use crate::base::url::HttpsUrl;
use crate::engine::Engine;

fn fault(reason: Reason, detail: impl Into<String>) -> Refusal {
    Refusal::new("NHD-07", Error::with_detail(reason, detail))
}

fn required<'a, T>(value: &'a Option<T>, field: &str) -> Decided<&'a T> {
    value
        .as_ref()
        .ok_or_else(|| fault(Reason::InvalidRequest, format!("body.{field}: missing")))
}

fn url(text: &str, field: &str) -> Decided<HttpsUrl> {
    HttpsUrl::parse(text).map_err(|e| fault(e.reason(), format!("body.{field}: {}", e.detail())))
}

fn terms_of(nhd: &NhdAgreement) -> Terms {
    Terms {
        comments: if nhd.allows_public_comments.unwrap_or(false) {
            CommentTerms::PublicAndPrivate
        } else {
            CommentTerms::PrivateOnly
        },
        sync_tags: nhd.sync_tags.unwrap_or(false),
        sync_custom_fields: nhd.sync_custom_fields.unwrap_or(false),
    }
}

/// Whether the body changes any of the terms.
fn terms_changed(nhd: &NhdAgreement, stored: &Terms) -> Option<&'static str> {
    let (public, tags, fields) = flags(stored);
    [
        ("allows_public_comments", nhd.allows_public_comments, public),
        ("sync_tags", nhd.sync_tags, tags),
        ("sync_custom_fields", nhd.sync_custom_fields, fields),
    ]
    .into_iter()
    .find(|(_, sent, stored)| sent.is_some_and(|s| s != *stored))
    .map(|(field, _, _)| field)
}

impl Engine {
    /// `POST /agreements/<uuid>`: an invitation, first or again.
    pub(crate) fn partner_invites(
        &self,
        input: &NhdReceive,
        stored: Option<&Agreement>,
        token_key: Option<&AccessKey>,
        nhd: &NhdAgreement,
    ) -> Decided<Accepted> {
        if nhd.status.is_some_and(|s| s != AgreementStatus::Pending) {
            return Err(fault(
                Reason::AgreementNotPending,
                "body.status: an agreement is created pending",
            ));
        }
        let key = required(&nhd.access_key, "access_key")?;
        if token_key.is_some_and(|t| !t.matches(key)) {
            return Err(Refusal::new(
                "NHD-04",
                Error::new(
                    Reason::PartnerWrongKey,
                    "X-Ticket-Sharing-Token: not the body's access key",
                ),
            ));
        }
        if let Some(stored) = stored {
            if matches!(
                stored.status,
                AgreementStatus::Pending | AgreementStatus::Accepted
            ) {
                return Err(fault(
                    Reason::PartnerExists,
                    "body.uuid: the agreement exists and is in force",
                ));
            }
            if !stored.access_key.matches(key) {
                return Err(Refusal::new(
                    "NHD-04",
                    Error::new(
                        Reason::PartnerWrongKey,
                        "body.access_key: a re-invitation keeps the agreement's key",
                    ),
                ));
            }
        }
        let name = required(&nhd.name, "name")?;
        let name = AccountName::parse(name)
            .map_err(|e| fault(e.reason(), format!("body.name: {}", e.detail())))?;
        let invitation = Invitation {
            agreement_id: nhd.uuid,
            access_key: key.clone(),
            sender: Party {
                name,
                url: url(required(&nhd.sender_url, "sender_url")?, "sender_url")?,
                // A partner that writes text/x-json reads it (Request Tracker, NHD-05).
                media_type: media_of(&input.request),
            },
            receiver_url: url(required(&nhd.receiver_url, "receiver_url")?, "receiver_url")?,
            terms: terms_of(nhd),
        };
        let received = self
            .receive_invite(
                &input.account,
                &invitation,
                input.sender_kind,
                stored.map(std::slice::from_ref).unwrap_or_default(),
                input.now,
            )
            .map_err(|e| Refusal::new("ACC-01", e))?;
        let reply = received
            .notice
            .as_ref()
            .map(|notice| {
                agreement_request(
                    invitation.sender.url.as_str(),
                    invitation.sender.media_type,
                    invitation.agreement_id,
                    &invitation.access_key,
                    notice,
                    None,
                )
            })
            .transpose()
            .map_err(|e| Refusal::new("ACC-05", e))?;
        Ok(Accepted {
            status: 201,
            rule: if reply.is_some() { "ACC-05" } else { "ACC-01" },
            events: received.events,
            outcome: NhdOutcome::InviteReceived {
                agreement: received.agreement,
                notify_admins: received.notify_admins,
                reply,
            },
        })
    }

    /// `PUT /agreements/<uuid>`: the partner changes its own fields.
    pub(crate) fn partner_changes_agreement(
        &self,
        input: &NhdReceive,
        stored: &Agreement,
        nhd: &NhdAgreement,
    ) -> Decided<Accepted> {
        let partner = stored.side.other();
        let own = &input.account;
        if nhd
            .access_key
            .as_ref()
            .is_some_and(|k| !stored.access_key.matches(k))
        {
            return Err(fault(
                Reason::PartnerNotOwnField,
                "body.access_key: an agreement's key never changes",
            ));
        }
        let (partner_url, our_url) = match partner {
            Side::Sender => (
                ("sender_url", &nhd.sender_url),
                ("receiver_url", &nhd.receiver_url),
            ),
            Side::Receiver => (
                ("receiver_url", &nhd.receiver_url),
                ("sender_url", &nhd.sender_url),
            ),
        };
        if let (field, Some(text)) = our_url {
            if !HttpsUrl::parse(text).is_ok_and(|u| same_account(&u, &own.url)) {
                return Err(fault(
                    Reason::PartnerNotOwnField,
                    format!("body.{field}: this side's URL is this side's to change"),
                ));
            }
        }
        let sender_name = match partner {
            Side::Sender => &stored.partner.name,
            Side::Receiver => &own.name,
        };
        if nhd
            .name
            .as_ref()
            .is_some_and(|n| n.trim() != sender_name.as_str())
        {
            return Err(fault(
                Reason::PartnerNotOwnField,
                "body.name: the sender's name; a renamed account's agreements end (ACC-07)",
            ));
        }
        let new_terms = match terms_changed(nhd, &stored.terms) {
            None => None,
            Some(field) if partner == Side::Receiver => {
                return Err(fault(
                    Reason::PartnerNotOwnField,
                    format!("body.{field}: the terms are the sender's"),
                ))
            }
            // New terms only with a re-invitation after a decline (ACC-08): never on a pending
            // agreement, whose terms would change with no new revision and no event (NHD-10).
            Some(_)
                if nhd.status == Some(AgreementStatus::Pending)
                    && stored.status == AgreementStatus::Declined =>
            {
                Some(Terms {
                comments: match nhd.allows_public_comments {
                    Some(true) => CommentTerms::PublicAndPrivate,
                    Some(false) => CommentTerms::PrivateOnly,
                    None => stored.terms.comments,
                },
                sync_tags: nhd.sync_tags.unwrap_or(stored.terms.sync_tags),
                sync_custom_fields: nhd
                    .sync_custom_fields
                    .unwrap_or(stored.terms.sync_custom_fields),
                })
            }
            Some(field) => {
                return Err(fault(
                    Reason::AgreementNotDeclined,
                    format!("body.{field}: the terms change only with a new invitation after a decline (ACC-08)"),
                ))
            }
        };
        if let Some(terms) = new_terms {
            terms
                .check_for(stored.partner_kind)
                .map_err(|e| Refusal::new("ACC-04", e))?;
        }
        let mut after = stored.clone();
        let mut events = Vec::new();
        let mut rule = "NHD-07";
        if let Some(status) = nhd.status.filter(|s| *s != stored.status) {
            // The gem's agreement has no `deactivated_by`: an `inactive` without it is the
            // sending side's own deactivation (NHD-09).
            let deactivated_by = match status {
                AgreementStatus::Inactive => nhd.deactivated_by.or(Some(partner)),
                _ => nhd.deactivated_by,
            };
            let update = PartnerUpdate {
                agreement_id: stored.id,
                status,
                deactivated_by,
            };
            let change = self
                .apply_partner_update(own, stored, &update, input.now)
                .map_err(|e| Refusal::new("ACC-06", e))?;
            after = change.agreement;
            events = change.events;
            rule = match status {
                AgreementStatus::Inactive => "ACC-06",
                AgreementStatus::Pending => "ACC-08",
                _ => "ACC-01",
            };
        }
        if let Some(terms) = new_terms {
            after.terms = terms;
        }
        if let (field, Some(text)) = partner_url {
            let moved = url(text, field)?;
            // Every later request, token included, goes where the partner moves: the rule for
            // a partner's URL holds for the move too (NHD-10).
            self.check_partner_url(&moved, &format!("body.{field}"))
                .map_err(|e| Refusal::new("NHD-10", e))?;
            if !same_account(&moved, &stored.partner.url) {
                after.partner.url = moved;
                if after.revision == stored.revision {
                    after.revision = stored.revision.next();
                }
                events.push(AuditEvent {
                    at: input.now.timestamp(),
                    actor: AuditActor::Partner {
                        name: stored.partner.name.clone(),
                    },
                    event: AuditKind::PartnerUrlChanged {
                        agreement_id: stored.id,
                        url: after.partner.url.clone(),
                    },
                });
            }
        }
        Ok(Accepted {
            status: 200,
            rule,
            events,
            outcome: NhdOutcome::AgreementChanged { agreement: after },
        })
    }
}
