//! Tickets shared under an agreement (ACC-09..12, ACC-21).
//!
//! The sender shares a ticket with one partner account, never a closed ticket
//! ([`Engine::share_ticket`]); the receiver's copy is a new ticket with its own id
//! ([`Engine::receive_ticket`]), which it may share on under an agreement of its own. A shared
//! ticket cannot be merged ([`Engine::check_merge`]). An account with only receiving
//! agreements can neither share nor stop sharing a ticket it received
//! ([`Engine::unshare_ticket`]). Every shared ticket is marked *updated via ticket sharing*,
//! *received from* or *sent to* ([`TicketMarks`]) for views and triggers.

use super::status::StatusCategory;
use super::{
    check_agreements, AccountName, Agreement, AgreementId, AgreementStatus, SharedTicketId,
    SharingAccount, Side,
};
pub use crate::audit::subjects::Direction;
use crate::audit::{AuditActor, AuditEvent, AuditKind};
use crate::base::error::{Error, Reason, Result};
use crate::base::ids::TicketId;
use crate::base::random::RandomSource;
use crate::base::revision::Revision;
use crate::base::time::{Now, Timestamp};
use crate::engine::Engine;
use crate::policy::{Actor, Permission};
use serde::{Deserialize, Serialize};

/// One ticket shared with, or received from, a partner: the record the host stores beside
/// its ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TicketShare {
    /// The shared ticket, the same id in both accounts.
    pub id: SharedTicketId,
    /// This account's own ticket.
    pub ticket_id: TicketId,
    /// The agreement it travels under.
    pub agreement_id: AgreementId,
    /// Sent or received.
    pub direction: Direction,
    /// The partner's name (*sent to* / *received from*).
    pub partner: AccountName,
    /// When it was shared.
    pub shared_at: Timestamp,
    /// When it stopped being shared, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unshared_at: Option<Timestamp>,
    /// The record's revision: write it only over `revision - 1` (SEC-02).
    #[serde(default)]
    pub revision: Revision,
}

impl TicketShare {
    /// Whether it is still shared.
    pub const fn active(&self) -> bool {
        self.unshared_at.is_none()
    }
}

/// A ticket as account sharing sees it: its id, its status category and its share records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LocalTicket {
    /// The ticket.
    pub id: TicketId,
    /// Its status category.
    pub status: StatusCategory,
    /// Its share records, past and present.
    #[serde(default)]
    pub shares: Vec<TicketShare>,
}

impl LocalTicket {
    /// Refuses share records of another ticket.
    fn check(&self, path: &str) -> Result<()> {
        match self.shares.iter().position(|s| s.ticket_id != self.id) {
            Some(index) => Err(Error::with_detail(
                Reason::RecordMismatch,
                format!("{path}.shares[{index}]: a share of another ticket"),
            )),
            None => Ok(()),
        }
    }

    fn active(&self, direction: Direction) -> Option<&TicketShare> {
        self.shares
            .iter()
            .find(|s| s.active() && s.direction == direction)
    }
}

/// The marks views and triggers select shared tickets by (ACC-21).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketMarks {
    /// *Update via: ticket sharing*: the ticket arrived by sharing.
    pub via_ticket_sharing: bool,
    /// *Ticket sharing: received from*.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received_from: Option<AccountName>,
    /// *Ticket sharing: sent to*.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent_to: Option<AccountName>,
}

/// The marks of a ticket with these share records (ACC-21).
pub fn marks(shares: &[TicketShare]) -> TicketMarks {
    let received = shares.iter().find(|s| s.direction == Direction::Received);
    TicketMarks {
        via_ticket_sharing: received.is_some(),
        received_from: received.map(|s| s.partner.clone()),
        sent_to: shares
            .iter()
            .find(|s| s.active() && s.direction == Direction::Sent)
            .map(|s| s.partner.clone()),
    }
}

/// A share made or received: the record to store, the ticket's marks, the audit events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketShared {
    /// The new share record.
    pub share: TicketShare,
    /// The ticket's marks with it.
    pub marks: TicketMarks,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}

/// A merge that may go ahead (a refusal is an error: `shared_ticket_unmergeable`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MergeAllowed {
    /// Always true.
    pub allowed: bool,
}

/// A share ended: the record to store and the audit events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketUnshared {
    /// The share record, now ended.
    pub share: TicketShare,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}

/// Refuses an agreement that does not carry tickets: only an accepted one does (ACC-06,
/// ACC-09).
pub(crate) fn require_accepted(agreement: &Agreement) -> Result<()> {
    if agreement.carries_tickets() {
        Ok(())
    } else {
        Err(Error::with_detail(
            Reason::AgreementNotAccepted,
            format!(
                "agreement: {}; only an accepted agreement carries tickets",
                agreement.status.as_str()
            ),
        ))
    }
}

/// Refuses a share under `agreement` unless it is accepted and this account sends under it,
/// naming where it stands, in the order ACC-12's decision gives: pending or declined
/// (`agreement_not_accepted`), deactivated or broken by a rename (`agreement_inactive`),
/// accepted but receiving only (`receiving_only`). No agreement at all (`no_agreement`) is the
/// caller's first check.
fn require_sharing_under(agreement: &Agreement) -> Result<()> {
    match agreement.status {
        AgreementStatus::Pending | AgreementStatus::Declined => Err(Error::with_detail(
            Reason::AgreementNotAccepted,
            format!(
                "agreement: {}; tickets are shared only under an accepted agreement",
                agreement.status.as_str()
            ),
        )),
        AgreementStatus::Inactive => Err(Error::new(
            Reason::AgreementInactive,
            "agreement: ended (deactivated, or broken by a rename); a new invite is needed",
        )),
        AgreementStatus::Accepted if agreement.side != Side::Sender => Err(Error::new(
            Reason::ReceivingOnly,
            "agreement: this account only receives under it; tickets are shared under the account's own",
        )),
        AgreementStatus::Accepted => Ok(()),
    }
}

/// Refuses an account whose agreements are all receiving ones (ACC-12).
fn require_sending(agreements: &[Agreement]) -> Result<()> {
    if agreements
        .iter()
        .any(|a| a.side == Side::Sender && a.carries_tickets())
    {
        Ok(())
    } else {
        Err(Error::new(
            Reason::ReceivingOnly,
            "the account has no accepted agreement of its own to share under",
        ))
    }
}

fn shared_event(now: Now, actor: AuditActor, share: &TicketShare) -> AuditEvent {
    AuditEvent {
        at: now.timestamp(),
        actor,
        event: AuditKind::TicketShared {
            ticket_id: share.ticket_id.clone(),
            shared_ticket_id: share.id,
            agreement_id: share.agreement_id,
            direction: share.direction,
        },
    }
}

impl Engine {
    /// An agent shares a ticket under one of the account's accepted agreements (ACC-09,
    /// ACC-10, ACC-12): never a closed ticket, never a second partner, and a received ticket
    /// never back to the account it came from. `agreements` are all of the account's.
    pub fn share_ticket(
        &self,
        actor: &Actor,
        account: &SharingAccount,
        ticket: &LocalTicket,
        agreement_id: AgreementId,
        agreements: &[Agreement],
        now: Now,
        rng: &mut dyn RandomSource,
    ) -> Result<TicketShared> {
        self.policy
            .require_permission(actor, Permission::AccountShare)?;
        check_agreements(account, agreements, "agreements")?;
        ticket.check("ticket")?;
        let agreement = agreements
            .iter()
            .find(|a| a.id == agreement_id)
            .ok_or(Error::new(
                Reason::NoAgreement,
                "agreement_id: the account has no agreement with that id",
            ))?;
        require_sharing_under(agreement)?;
        if ticket.status == StatusCategory::Closed {
            return Err(Error::new(
                Reason::TicketClosed,
                "ticket: closed tickets cannot be shared",
            ));
        }
        if ticket.active(Direction::Sent).is_some() {
            return Err(Error::new(
                Reason::TicketAlreadyShared,
                "ticket: shared with a partner already; a ticket is shared with one account",
            ));
        }
        if ticket
            .active(Direction::Received)
            .is_some_and(|r| r.partner == agreement.partner.name)
        {
            return Err(Error::new(
                Reason::TicketAlreadyShared,
                "ticket: it came from that account, which has it already",
            ));
        }
        let share = TicketShare {
            id: SharedTicketId::random(rng)?,
            ticket_id: ticket.id.clone(),
            agreement_id,
            direction: Direction::Sent,
            partner: agreement.partner.name.clone(),
            shared_at: now.timestamp(),
            unshared_at: None,
            revision: Revision::FIRST,
        };
        let mut all = ticket.shares.clone();
        all.push(share.clone());
        let actor = AuditActor::Agent {
            id: actor.id.clone(),
        };
        Ok(TicketShared {
            marks: marks(&all),
            events: vec![shared_event(now, actor, &share)],
            share,
        })
    }

    /// A ticket arrives from the partner (ACC-11, ACC-21): it becomes the new ticket
    /// `ticket_id` of this account, marked *updated via ticket sharing* and *received from*.
    pub fn receive_ticket(
        &self,
        account: &SharingAccount,
        agreement: &Agreement,
        shared_ticket_id: SharedTicketId,
        ticket_id: TicketId,
        now: Now,
    ) -> Result<TicketShared> {
        agreement.check_of(account, "agreement")?;
        if agreement.side != Side::Receiver {
            return Err(Error::new(
                Reason::AgreementWrongSide,
                "agreement: tickets arrive under an agreement the account received",
            ));
        }
        require_accepted(agreement)?;
        let share = TicketShare {
            id: shared_ticket_id,
            ticket_id,
            agreement_id: agreement.id,
            direction: Direction::Received,
            partner: agreement.partner.name.clone(),
            shared_at: now.timestamp(),
            unshared_at: None,
            revision: Revision::FIRST,
        };
        let actor = AuditActor::Partner {
            name: agreement.partner.name.clone(),
        };
        Ok(TicketShared {
            marks: marks(std::slice::from_ref(&share)),
            events: vec![shared_event(now, actor, &share)],
            share,
        })
    }

    /// An agent stops sharing a ticket (ACC-12): a ticket the account sent, or one it received
    /// when the account has an accepted agreement of its own. `agreements` are all of the
    /// account's.
    pub fn unshare_ticket(
        &self,
        actor: &Actor,
        account: &SharingAccount,
        ticket: &LocalTicket,
        shared_ticket_id: SharedTicketId,
        agreements: &[Agreement],
        now: Now,
    ) -> Result<TicketUnshared> {
        self.policy
            .require_permission(actor, Permission::AccountShare)?;
        check_agreements(account, agreements, "agreements")?;
        ticket.check("ticket")?;
        let share = ticket
            .shares
            .iter()
            .find(|s| s.id == shared_ticket_id && s.active())
            .ok_or(Error::new(
                Reason::RecordMismatch,
                "shared_ticket_id: not a share of the ticket in force",
            ))?;
        if share.direction == Direction::Received {
            require_sending(agreements)?;
        }
        let ended = TicketShare {
            unshared_at: Some(now.timestamp()),
            revision: share.revision.next(),
            ..share.clone()
        };
        Ok(TicketUnshared {
            events: vec![AuditEvent {
                at: now.timestamp(),
                actor: AuditActor::Agent {
                    id: actor.id.clone(),
                },
                event: AuditKind::TicketUnshared {
                    ticket_id: ended.ticket_id.clone(),
                    shared_ticket_id: ended.id,
                },
            }],
            share: ended,
        })
    }

    /// Refuses to merge two tickets when either is shared (ACC-10).
    pub fn check_merge(&self, ticket: &LocalTicket, into: &LocalTicket) -> Result<MergeAllowed> {
        ticket.check("ticket")?;
        into.check("into")?;
        for (path, t) in [("ticket", ticket), ("into", into)] {
            if t.shares.iter().any(TicketShare::active) {
                return Err(Error::with_detail(
                    Reason::SharedTicketUnmergeable,
                    format!("{path}: a shared ticket cannot be merged"),
                ));
            }
        }
        Ok(MergeAllowed { allowed: true })
    }
}
