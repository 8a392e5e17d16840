//! The life of an agreement (ACC-01..08): one function per step, every step through the one
//! transition table ([`super::transition::transition`]), which `docs/agreements.md` draws.
//!
//! The sender invites ([`Engine::invite_partner`]); the receiver's engine reads the invitation
//! ([`Engine::receive_invite`]: a copy pending for its admins, or, when the account opted out,
//! an immediate decline it is never told of, ACC-05); its admins accept, decline or leave it
//! pending; a declined invite may be sent again (ACC-08); either side deactivates, for good
//! (ACC-06), and renaming an account breaks its agreements (ACC-07). Each side applies what the
//! other did with [`Engine::apply_partner_update`].

use super::notices::{
    AgreementChange, AgreementsBroken, Invitation, InviteReceived, Offer, PartnerNotice,
    PartnerUpdate,
};
use super::transition::{transition, AgreementEvent};
use super::{
    check_agreements, AccessKey, Agreement, AgreementId, AgreementStatus, EndCause, Ending,
    PartnerKind, SharingAccount, Side, Terms,
};
use crate::audit::{AuditActor, AuditEvent, AuditKind};
use crate::base::error::{Error, Reason, Result};
use crate::base::random::RandomSource;
use crate::base::time::Now;
use crate::base::url::HttpsUrl;
use crate::engine::Engine;
use crate::policy::{Actor, Permission};

fn event(at: Now, actor: AuditActor, agreement: &Agreement, step: AgreementEvent) -> AuditEvent {
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

fn update_of(agreement: &Agreement) -> PartnerNotice {
    PartnerNotice::Update(PartnerUpdate {
        agreement_id: agreement.id,
        status: agreement.status,
        deactivated_by: agreement.ended.map(|e| e.by),
    })
}

/// Sharing URLs name the same account when they differ at most by trailing slashes.
fn same_account(a: &HttpsUrl, b: &HttpsUrl) -> bool {
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
        let agreement = Agreement {
            id: AgreementId::random(rng)?,
            account_id: account.id.clone(),
            access_key: AccessKey::random(rng)?,
            side: Side::Sender,
            partner,
            partner_kind,
            terms,
            status,
            ended: None,
            created_at: now.timestamp(),
            updated_at: now.timestamp(),
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

    /// The receiving engine reads an invitation, first or again (ACC-01, ACC-05, ACC-08):
    /// `agreements` are the account's own. An opted-out account declines at once: nothing is
    /// stored, its admins are not told, and the sender gets the same decline an admin's would
    /// send.
    pub fn receive_invite(
        &self,
        account: &SharingAccount,
        invitation: &Invitation,
        sender_kind: PartnerKind,
        agreements: &[Agreement],
        now: Now,
    ) -> Result<InviteReceived> {
        check_agreements(account, agreements, "agreements")?;
        if !same_account(&invitation.receiver_url, &account.url) {
            return Err(Error::new(
                Reason::RecordMismatch,
                "invitation.receiver_url: not this account's sharing URL",
            ));
        }
        invitation.terms.check_for(sender_kind)?;
        let existing = agreements.iter().find(|a| a.id == invitation.agreement_id);
        if let Some(existing) = existing {
            if existing.side != Side::Receiver || existing.partner.url != invitation.sender.url {
                return Err(Error::new(
                    Reason::RecordMismatch,
                    "invitation.agreement_id: an agreement with another partner or direction",
                ));
            }
        }
        let from = existing.map(|a| a.status);
        let step = match (from, account.opted_out) {
            (None, false) => AgreementEvent::Receive,
            (None, true) => AgreementEvent::AutoDecline,
            (Some(_), _) => AgreementEvent::Reinvite,
        };
        let by = if step == AgreementEvent::Reinvite {
            Side::Sender
        } else {
            Side::Receiver
        };
        let status = transition(from, step, by)?;
        let agreement = Agreement {
            id: invitation.agreement_id,
            account_id: account.id.clone(),
            access_key: invitation.access_key.clone(),
            side: Side::Receiver,
            partner: invitation.sender.clone(),
            partner_kind: sender_kind,
            terms: invitation.terms,
            status,
            ended: None,
            created_at: existing.map_or(now.timestamp(), |a| a.created_at),
            updated_at: now.timestamp(),
        };
        if account.opted_out {
            // ACC-05: declined, unseen; the sender's answer is an ordinary decline.
            let declined = Agreement {
                status: AgreementStatus::Declined,
                ..agreement
            };
            return Ok(InviteReceived {
                notice: Some(update_of(&declined)),
                agreement: None,
                notify_admins: false,
                events: Vec::new(),
            });
        }
        let by = AuditActor::Partner {
            name: invitation.sender.name.clone(),
        };
        Ok(InviteReceived {
            events: vec![event(now, by, &agreement, step)],
            agreement: Some(agreement),
            notify_admins: true,
            notice: None,
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

    /// Applies what the partner did, as its [`PartnerUpdate`] says: the receiver's answer on
    /// the sender's copy, a deactivation or rename on either. Nothing the partner sends can
    /// take a step that is not its own, or revive an ended agreement (ACC-06).
    pub fn apply_partner_update(
        &self,
        account: &SharingAccount,
        agreement: &Agreement,
        update: &PartnerUpdate,
        now: Now,
    ) -> Result<AgreementChange> {
        agreement.check_of(account, "agreement")?;
        if update.agreement_id != agreement.id {
            return Err(Error::new(
                Reason::RecordMismatch,
                "update.agreement_id: the update is of another agreement",
            ));
        }
        let partner = agreement.side.other();
        let step =
            match update.status {
                AgreementStatus::Accepted => AgreementEvent::Accept,
                AgreementStatus::Declined => AgreementEvent::Decline,
                AgreementStatus::Pending => AgreementEvent::Reinvite,
                AgreementStatus::Inactive => match update.deactivated_by {
                    Some(side) if side == partner => AgreementEvent::Deactivate,
                    Some(_) => return Err(Error::new(
                        Reason::AgreementWrongSide,
                        "update.deactivated_by: the partner ends an agreement in its own name only",
                    )),
                    None => return Err(Error::new(
                        Reason::InvalidRequest,
                        "update.deactivated_by: an inactive status names the side that ended it",
                    )),
                },
            };
        let by = AuditActor::Partner {
            name: agreement.partner.name.clone(),
        };
        let mut change = self.step(by, agreement, step, partner, None, now)?;
        change.notice = None;
        Ok(change)
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
    fn step(
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
