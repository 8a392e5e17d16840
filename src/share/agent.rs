//! What the agent does: share a ticket thread (EXT-01..05, EXT-09, EXT-14) and cancel a share
//! (EXT-10).

use super::email::{self, ShareEmail};
use super::links::{self, Purpose};
use super::thread::{Attachment, Author, AuthorRole, ExternalNotePurpose, ItemKind, ThreadItem};
use super::{
    Cancellation, ExternalShare, ShareCancelled, ShareCreated, ShareRequest, Verification,
    MAX_BODY_CHARS, MAX_SUBJECT_CHARS,
};
use crate::account::Account;
use crate::audit::{AuditActor, AuditEvent, AuditKind};
use crate::base::error::{Error, Reason, Result};
use crate::base::ids::{EmailAddress, ItemId, ShareId};
use crate::base::random::RandomSource;
use crate::base::revision::Revision;
use crate::base::text::{bounded, Lines};
use crate::base::time::{Now, Timestamp};
use crate::engine::Engine;
use crate::policy::{Actor, Permission, PlanFeature};

pub(crate) fn new_item_id(rng: &mut dyn RandomSource) -> Result<ItemId> {
    ItemId::new(ShareId::random(rng)?.to_string())
}

pub(crate) fn external_note(
    id: ItemId,
    share: &ExternalShare,
    purpose: ExternalNotePurpose,
    author: Author,
    body: String,
    at: Timestamp,
    attachments: Vec<Attachment>,
) -> ThreadItem {
    ThreadItem {
        id,
        kind: ItemKind::ExternalNote {
            share_id: share.id,
            purpose,
        },
        author,
        body,
        at,
        attachments,
    }
}

impl Engine {
    /// Shares a ticket thread with a collaborator (EXT-01..05, EXT-09, EXT-14).
    ///
    /// `previous` holds the earlier shares of the same ticket, so that an address that verified
    /// before skips the code (EXT-09); a share of another ticket in it is refused.
    pub fn create_share(
        &self,
        actor: &Actor,
        account: &Account,
        request: &ShareRequest,
        previous: &[ExternalShare],
        now: Now,
        rng: &mut dyn RandomSource,
    ) -> Result<ShareCreated> {
        let now = now.timestamp();
        self.policy.authorise(
            actor,
            Permission::ExternalShare,
            &account.plan,
            PlanFeature::TicketShare,
        )?;
        let agent_name = bounded("agent name", &actor.name, 200, Lines::Single)?;
        let recipient = EmailAddress::parse(&request.recipient)?;
        let subject = bounded(
            "subject",
            &request.subject,
            MAX_SUBJECT_CHARS,
            Lines::Single,
        )?;
        let message = bounded("message", &request.message, MAX_BODY_CHARS, Lines::Multi)?;
        if previous.iter().any(|p| p.ticket_id != request.ticket_id) {
            return Err(Error::new(
                Reason::RecordMismatch,
                "an earlier share is of another ticket",
            ));
        }
        let inherited_from = previous
            .iter()
            .filter(|p| p.recipient == recipient && p.verification.is_satisfied())
            .max_by_key(|p| p.shared_at)
            .map(|p| p.id);
        // SEC-02: wrong codes in a row carry over to a re-share to the same address.
        let failures_in_a_row = previous
            .iter()
            .filter(|p| p.recipient == recipient)
            .max_by_key(|p| p.shared_at)
            .map_or(0, |p| p.failures_in_a_row);
        let id = ShareId::random(rng)?;
        let expires_at = now.plus(self.links.link_ttl_seconds)?;
        let share = ExternalShare {
            id,
            ticket_id: request.ticket_id.clone(),
            shared_by: actor.id.clone(),
            recipient: recipient.clone(),
            subject: subject.clone(),
            message: message.clone(),
            include_customer_details: request.include_customer_details,
            shared_at: now,
            expires_at,
            verification: inherited_from.map_or(Verification::Required, |from| {
                Verification::Inherited { from }
            }),
            cancellation: None,
            failures_in_a_row,
            revision: Revision::FIRST,
        };
        let link_token = links::issue(&self.keyring, Purpose::Link, id, expires_at)?;
        let link_url = self.link_url(&link_token);
        let (company_name, branding) = self.company(account);
        let email = email::share_email(&ShareEmail {
            to: &recipient,
            agent_name: &agent_name,
            company_name,
            branding,
            subject: &subject,
            message: &message,
            link_url: &link_url,
            expires_at,
        });
        let note_body = format!(
            "Shared with {recipient}\nSubject: {subject}\n\n{message}{details}",
            details = if request.include_customer_details {
                "\n\n(Customer name and order details included.)"
            } else {
                ""
            }
        );
        let note = external_note(
            new_item_id(rng)?,
            &share,
            ExternalNotePurpose::Shared,
            Author {
                role: AuthorRole::Agent,
                name: agent_name,
            },
            note_body,
            now,
            Vec::new(),
        );
        let by = AuditActor::Agent {
            id: actor.id.clone(),
        };
        let event = |kind| AuditEvent {
            at: now,
            actor: by.clone(),
            event: kind,
        };
        let mut events = vec![event(AuditKind::ShareCreated {
            share_id: id,
            ticket_id: share.ticket_id.clone(),
            recipient,
        })];
        if request.include_customer_details {
            events.push(event(AuditKind::CustomerDetailsIncluded {
                share_id: id,
                ticket_id: share.ticket_id.clone(),
            }));
        }
        if let Some(from) = inherited_from {
            events.push(event(AuditKind::VerificationInherited {
                share_id: id,
                from,
            }));
        }
        Ok(ShareCreated {
            share,
            note,
            email,
            link_token,
            link_url,
            events,
        })
    }

    /// An agent cancels a share, with immediate effect (EXT-10). Needs the `external_share`
    /// permission but no plan feature, so a downgraded account can still withdraw access.
    pub fn cancel_share(
        &self,
        actor: &Actor,
        share: &ExternalShare,
        now: Now,
        rng: &mut dyn RandomSource,
    ) -> Result<ShareCancelled> {
        let now = now.timestamp();
        self.policy
            .require_permission(actor, Permission::ExternalShare)?;
        if share.cancellation.is_some() {
            return Err(Error::new(
                Reason::AlreadyCancelled,
                "the share is already cancelled",
            ));
        }
        let mut cancelled = share.clone();
        cancelled.revision = share.revision.next();
        cancelled.cancellation = Some(Cancellation {
            at: now,
            by: actor.id.clone(),
        });
        let name = bounded("agent name", &actor.name, 200, Lines::Single)?;
        let note = external_note(
            new_item_id(rng)?,
            &cancelled,
            ExternalNotePurpose::LinkInvalidated,
            Author {
                role: AuthorRole::Agent,
                name,
            },
            format!(
                "Share with {} cancelled: the link is now invalid.",
                share.recipient
            ),
            now,
            Vec::new(),
        );
        let events = vec![AuditEvent {
            at: now,
            actor: AuditActor::Agent {
                id: actor.id.clone(),
            },
            event: AuditKind::ShareCancelled {
                share_id: share.id,
                ticket_id: share.ticket_id.clone(),
            },
        }];
        Ok(ShareCancelled {
            share: cancelled,
            note,
            events,
        })
    }
}
