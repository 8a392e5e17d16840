//! The life of an agreement (ACC-01..08): one function per step, every step through the one
//! transition table ([`super::transition::transition`]), which `docs/agreements.md` draws.
//!
//! The sender invites ([`Engine::invite_partner`]); the receiver's admins accept, decline or
//! leave it pending; a declined invite may be sent again (ACC-08); either side deactivates,
//! for good (ACC-06), and renaming an account breaks its agreements (ACC-07). What arrives
//! from the partner (its invitation, its steps) is read by [`super::partner`].

use super::notices::{
    AgreementChange, AgreementsBroken, Invitation, Offer, PartnerNotice, PartnerUpdate,
};
use super::transition::{transition, AgreementEvent};
use super::{
    check_agreements, AccessKey, Agreement, AgreementId, AgreementStatus, EndCause, Ending,
    SharingAccount, Side, Terms,
};
use crate::audit::{AuditActor, AuditEvent, AuditKind};
use crate::base::error::{Error, Reason, Result};
use crate::base::random::RandomSource;
use crate::base::revision::Revision;
use crate::base::time::Now;
use crate::base::url::HttpsUrl;
use crate::engine::Engine;
use crate::policy::{Actor, Permission};

pub(super) fn event(
    at: Now,
    actor: AuditActor,
    agreement: &Agreement,
    step: AgreementEvent,
) -> AuditEvent {
    AuditEvent {
        at: at.timestamp(),
        actor,
        event: AuditKind::AgreementChanged {
            agreement_id: agreement.id,
            step,
            status: agreement.status,
        },
    }
}

pub(super) fn update_of(agreement: &Agreement) -> PartnerNotice {
    PartnerNotice::Update(PartnerUpdate {
        agreement_id: agreement.id,
        status: agreement.status,
        deactivated_by: agreement.ended.map(|e| e.by),
    })
}

/// Sharing URLs name the same account when they differ at most by trailing slashes.
pub(crate) fn same_account(a: &HttpsUrl, b: &HttpsUrl) -> bool {
    a.as_str().trim_end_matches('/') == b.as_str().trim_end_matches('/')
}

impl Engine {
    /// An admin invites a partner account to an agreement with `terms` (ACC-01..04): a pending
    /// agreement, and the invitation to deliver. Refused while a pending or accepted agreement
    /// in this direction exists (ACC-02), and custom-field sync towards a third-party system
    /// (ACC-04).
    pub fn invite_partner(
        &self,
        actor: &Actor,
        account: &SharingAccount,
        offer: &Offer,
        agreements: &[Agreement],
        now: Now,
        rng: &mut dyn RandomSource,
    ) -> Result<AgreementChange> {
        self.policy
            .require_permission(actor, Permission::SharingAgreements)?;
        check_agreements(account, agreements, "agreements")?;
        let Offer {
            partner,
            partner_kind,
            terms,
        } = offer.clone();
        terms.check_for(partner_kind)?;
        self.check_partner_url(&partner.url, "offer.partner.url")?;
        if same_account(&partner.url, &account.url) {
            return Err(Error::new(
                Reason::InvalidRequest,
                "partner.url: an account does not invite itself",
            ));
        }
        let live = agreements.iter().any(|a| {
            a.side == Side::Sender
                && same_account(&a.partner.url, &partner.url)
                && matches!(
                    a.status,
                    AgreementStatus::Pending | AgreementStatus::Accepted
                )
        });
        let status = transition(
            live.then_some(AgreementStatus::Pending),
            AgreementEvent::Invite,
            Side::Sender,
        )?;
        let id = AgreementId::random(rng)?;
        let agreement = Agreement {
            id,
            account_id: account.id.clone(),
            access_key: AccessKey::random(rng)?,
            id_key: Some(self.id_key_for(id)?),
            side: Side::Sender,
            partner,
            partner_kind,
            terms,
            status,
            ended: None,
            created_at: now.timestamp(),
            updated_at: now.timestamp(),
            revision: Revision::FIRST,
        };
        let notice = PartnerNotice::Invite(Invitation {
            agreement_id: agreement.id,
            access_key: agreement.access_key.clone(),
            sender: account.party(),
            receiver_url: agreement.partner.url.clone(),
            terms,
        });
        let by = AuditActor::Agent {
            id: actor.id.clone(),
        };
        Ok(AgreementChange {
            events: vec![event(now, by, &agreement, AgreementEvent::Invite)],
            agreement,
            notice: Some(notice),
        })
    }

    /// The receiver's admin accepts a pending invite: tickets may be shared (ACC-01, ACC-03).
    pub fn accept_agreement(
        &self,
        actor: &Actor,
        account: &SharingAccount,
        agreement: &Agreement,
        now: Now,
    ) -> Result<AgreementChange> {
        self.admin_step(actor, account, agreement, AgreementEvent::Accept, None, now)
    }

    /// The receiver's admin declines a pending invite; the sender may invite again (ACC-08).
    pub fn decline_agreement(
        &self,
        actor: &Actor,
        account: &SharingAccount,
        agreement: &Agreement,
        now: Now,
    ) -> Result<AgreementChange> {
        self.admin_step(
            actor,
            account,
            agreement,
            AgreementEvent::Decline,
            None,
            now,
        )
    }

    /// The receiver's admin decides later: checked like an answer, nothing changes, nothing is
    /// sent.
    pub fn defer_agreement(
        &self,
        actor: &Actor,
        account: &SharingAccount,
        agreement: &Agreement,
        now: Now,
    ) -> Result<AgreementChange> {
        self.admin_step(actor, account, agreement, AgreementEvent::Defer, None, now)
    }

    /// The sender's admin invites again after a decline, with new terms if given (ACC-08).
    pub fn reinvite_partner(
        &self,
        actor: &Actor,
        account: &SharingAccount,
        agreement: &Agreement,
        terms: Option<Terms>,
        now: Now,
    ) -> Result<AgreementChange> {
        if let Some(terms) = terms {
            terms.check_for(agreement.partner_kind)?;
        }
        self.admin_step(
            actor,
            account,
            agreement,
            AgreementEvent::Reinvite,
            terms,
            now,
        )
    }

    /// An admin of either side deactivates: final, no new shares, no more syncing, and the
    /// partner is informed (ACC-06).
    pub fn deactivate_agreement(
        &self,
        actor: &Actor,
        account: &SharingAccount,
        agreement: &Agreement,
        now: Now,
    ) -> Result<AgreementChange> {
        self.admin_step(
            actor,
            account,
            agreement,
            AgreementEvent::Deactivate,
            None,
            now,
        )
    }

    /// The account was renamed (ACC-07): every pending or accepted agreement of `agreements`
    /// ends, and each partner is informed. `actor` is who renamed it; the others are left as
    /// they are.
    pub fn account_renamed(
        &self,
        actor: &Actor,
        account: &SharingAccount,
        agreements: &[Agreement],
        now: Now,
    ) -> Result<AgreementsBroken> {
        check_agreements(account, agreements, "agreements")?;
        let changes = agreements
            .iter()
            .filter(|a| {
                matches!(
                    a.status,
                    AgreementStatus::Pending | AgreementStatus::Accepted
                )
            })
            .map(|a| {
                self.step(
                    actor_of(actor),
                    a,
                    AgreementEvent::Rename,
                    a.side,
                    None,
                    now,
                )
            })
            .collect::<Result<_>>()?;
        Ok(AgreementsBroken { changes })
    }

    fn admin_step(
        &self,
        actor: &Actor,
        account: &SharingAccount,
        agreement: &Agreement,
        step: AgreementEvent,
        terms: Option<Terms>,
        now: Now,
    ) -> Result<AgreementChange> {
        self.policy
            .require_permission(actor, Permission::SharingAgreements)?;
        agreement.check_of(account, "agreement")?;
        let mut change = self.step(actor_of(actor), agreement, step, agreement.side, terms, now)?;
        if step == AgreementEvent::Reinvite {
            change.notice = Some(PartnerNotice::Invite(Invitation {
                agreement_id: agreement.id,
                access_key: agreement.access_key.clone(),
                sender: account.party(),
                receiver_url: agreement.partner.url.clone(),
                terms: change.agreement.terms,
            }));
        }
        Ok(change)
    }

    /// Takes `step` by `by` on `agreement` through the transition table.
    pub(super) fn step(
        &self,
        actor: AuditActor,
        agreement: &Agreement,
        step: AgreementEvent,
        by: Side,
        terms: Option<Terms>,
        now: Now,
    ) -> Result<AgreementChange> {
        let status = transition(Some(agreement.status), step, by)?;
        if step == AgreementEvent::Defer {
            return Ok(AgreementChange {
                agreement: agreement.clone(),
                notice: None,
                events: Vec::new(),
            });
        }
        let ended = (status == AgreementStatus::Inactive).then_some(Ending {
            by,
            cause: if step == AgreementEvent::Rename {
                EndCause::AccountRenamed
            } else {
                EndCause::Deactivated
            },
        });
        let after = Agreement {
            status,
            ended,
            terms: terms.unwrap_or(agreement.terms),
            updated_at: now.timestamp(),
            revision: agreement.revision.next(),
            ..agreement.clone()
        };
        Ok(AgreementChange {
            notice: Some(update_of(&after)),
            events: vec![event(now, actor, &after, step)],
            agreement: after,
        })
    }
}

fn actor_of(actor: &Actor) -> AuditActor {
    AuditActor::Agent {
        id: actor.id.clone(),
    }
}
