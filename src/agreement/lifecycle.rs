//! The life of an agreement (ACC-01..08): one function per step, every step through one
//! transition table ([`transition`]), which `docs/agreements.md` draws.
//!
//! The sender invites ([`Engine::invite_partner`]); the receiver's engine reads the invitation
//! ([`Engine::receive_invite`]: a copy pending for its admins, or, when the account opted out,
//! an immediate decline it is never told of, ACC-05); its admins accept, decline or leave it
//! pending; a declined invite may be sent again (ACC-08); either side deactivates, for good
//! (ACC-06), and renaming an account breaks its agreements (ACC-07). Each side applies what the
//! other did with [`Engine::apply_partner_update`].

use super::{
    check_agreements, AccessKey, Agreement, AgreementId, AgreementStatus, EndCause, Ending,
    PartnerKind, Party, SharingAccount, Side, Terms,
};
use crate::audit::{AuditActor, AuditEvent, AuditKind};
use crate::base::error::{Error, Reason, Result};
use crate::base::random::RandomSource;
use crate::base::time::Now;
use crate::base::url::HttpsUrl;
use crate::engine::Engine;
use crate::policy::{Actor, Permission};
use serde::{Deserialize, Serialize};

/// A step in the life of an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename_all = "snake_case")
)]
pub enum AgreementEvent {
    /// The sender invites a partner (ACC-01).
    Invite,
    /// The receiver's engine reads an invitation: pending for its admins.
    Receive,
    /// The receiver opted out: the invitation is declined at once, unseen (ACC-05).
    AutoDecline,
    /// The receiver's admin accepts.
    Accept,
    /// The receiver's admin declines.
    Decline,
    /// The receiver's admin decides later: it stays pending.
    Defer,
    /// The sender invites again after a decline (ACC-08).
    Reinvite,
    /// Either side deactivates (ACC-06).
    Deactivate,
    /// Either side's account was renamed (ACC-07).
    Rename,
}

crate::base::names::wire_names!(AgreementEvent {
    Invite => "invite",
    Receive => "receive",
    AutoDecline => "auto_decline",
    Accept => "accept",
    Decline => "decline",
    Defer => "defer",
    Reinvite => "reinvite",
    Deactivate => "deactivate",
    Rename => "rename",
});

impl AgreementEvent {
    /// Every step.
    pub const ALL: [AgreementEvent; 9] = [
        AgreementEvent::Invite,
        AgreementEvent::Receive,
        AgreementEvent::AutoDecline,
        AgreementEvent::Accept,
        AgreementEvent::Decline,
        AgreementEvent::Defer,
        AgreementEvent::Reinvite,
        AgreementEvent::Deactivate,
        AgreementEvent::Rename,
    ];

    /// The side whose step it is; `None` when either side may take it.
    pub const fn owner(self) -> Option<Side> {
        match self {
            Self::Invite | Self::Reinvite => Some(Side::Sender),
            Self::Receive | Self::AutoDecline | Self::Accept | Self::Decline | Self::Defer => {
                Some(Side::Receiver)
            }
            Self::Deactivate | Self::Rename => None,
        }
    }
}

/// The transition table: the status `event`, taken by `by`, leads to from `from` (`None`: no
/// record yet). Every illegal step is refused with its own reason: `agreement_inactive` (an
/// ended agreement is final, ACC-06), `agreement_wrong_side`, `agreement_exists`,
/// `agreement_not_pending`, `agreement_not_declined`, `agreement_declined`.
pub fn transition(
    from: Option<AgreementStatus>,
    event: AgreementEvent,
    by: Side,
) -> Result<AgreementStatus> {
    use AgreementEvent as E;
    use AgreementStatus as S;
    if from == Some(S::Inactive) {
        return Err(Error::new(
            Reason::AgreementInactive,
            "the agreement has ended, for good; a new invite is needed",
        ));
    }
    if event.owner().is_some_and(|owner| owner != by) {
        return Err(Error::with_detail(
            Reason::AgreementWrongSide,
            format!("{} is the {}'s step", event.as_str(), by.other().as_str()),
        ));
    }
    match (from, event) {
        (None, E::Invite | E::Receive) => Ok(S::Pending),
        (None, E::AutoDecline) => Ok(S::Declined),
        (Some(_), E::Invite | E::Receive | E::AutoDecline) => Err(Error::new(
            Reason::AgreementExists,
            "the agreement exists already",
        )),
        (None, _) => Err(Error::new(
            Reason::RecordMismatch,
            "no agreement to take this step on",
        )),
        (Some(S::Pending), E::Accept) => Ok(S::Accepted),
        (Some(S::Pending), E::Decline) => Ok(S::Declined),
        (Some(S::Pending), E::Defer) => Ok(S::Pending),
        (Some(_), E::Accept | E::Decline | E::Defer) => Err(Error::new(
            Reason::AgreementNotPending,
            "only a pending invite is accepted, declined or left pending",
        )),
        (Some(S::Declined), E::Reinvite) => Ok(S::Pending),
        (Some(_), E::Reinvite) => Err(Error::new(
            Reason::AgreementNotDeclined,
            "only a declined invite is sent again",
        )),
        (Some(S::Pending | S::Accepted), E::Deactivate | E::Rename) => Ok(S::Inactive),
        (Some(S::Declined | S::Inactive), E::Deactivate | E::Rename) => Err(Error::new(
            Reason::AgreementDeclined,
            "a declined invite is not in force; there is nothing to end",
        )),
    }
}

/// What an admin offers a partner: who, what they are, on which terms (ACC-01, ACC-04).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Offer {
    /// The partner account: its name and sharing URL.
    pub partner: Party,
    /// Another instance (the default) or a third-party system.
    #[serde(default)]
    pub partner_kind: PartnerKind,
    /// The terms.
    pub terms: Terms,
}

/// An invitation, as the sender sends it and the receiver reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Invitation {
    /// The agreement.
    pub agreement_id: AgreementId,
    /// The key both sides will authenticate with.
    pub access_key: AccessKey,
    /// The inviting account.
    pub sender: Party,
    /// The invited account's sharing URL.
    pub receiver_url: HttpsUrl,
    /// The terms offered.
    pub terms: Terms,
}

/// A change of status, as one side tells the other. It names no person: a decline by an admin
/// and an opt-out's decline are the same message (ACC-05).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PartnerUpdate {
    /// The agreement.
    pub agreement_id: AgreementId,
    /// Its new status.
    pub status: AgreementStatus,
    /// The side that ended it, when the status is `inactive`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deactivated_by: Option<Side>,
}

/// What the host must deliver to the partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PartnerNotice {
    /// An invitation, first or again (ACC-01, ACC-08).
    Invite(Invitation),
    /// A change of status (ACC-06: the partner is informed).
    Update(PartnerUpdate),
}

/// One step's result: the record to store, what to tell the partner, the audit events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgreementChange {
    /// The agreement after the step.
    pub agreement: Agreement,
    /// What the host delivers to the partner, if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<PartnerNotice>,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}

/// What the receiving engine makes of an invitation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InviteReceived {
    /// The copy to store, pending for the admins; none when the account opted out (ACC-05).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreement: Option<Agreement>,
    /// Whether to tell the account's admins; never for an opted-out account.
    pub notify_admins: bool,
    /// The answer for the sender, if any: an ordinary decline for an opted-out account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<PartnerNotice>,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}

/// The agreements a rename ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgreementsBroken {
    /// Every pending or accepted agreement, now inactive, with its notice.
    pub changes: Vec<AgreementChange>,
}

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
