//! What arrives from the partner of an agreement (ACC-01, 05, 06, 08): its invitation, read
//! by the receiving engine ([`Engine::receive_invite`]: a copy pending for the admins, or, when
//! the account opted out, an immediate decline it is never told of), and its steps, applied to
//! this account's copy ([`Engine::apply_partner_update`]). Every step goes through the one
//! transition table, as the local ones in [`super::lifecycle`] do.

use super::ids::{AccessKey, AgreementId, ID_BYTES};
use super::lifecycle::{event, same_account, update_of};
use super::notices::{AgreementChange, Invitation, InviteReceived, PartnerUpdate};
use super::transition::{transition, AgreementEvent};
use super::{check_agreements, Agreement, AgreementStatus, PartnerKind, SharingAccount, Side};
use crate::audit::AuditActor;
use crate::base::error::{Error, Reason, Result};
use crate::base::revision::Revision;
use crate::base::time::Now;
use crate::base::url::{partner_url_problem, HttpsUrl};
use crate::engine::Engine;

impl Engine {
    /// The `id_key` of a new copy of agreement `id`: the engine's active signing key over the
    /// agreement's id, so it needs no randomness and the partner, who lacks the key, cannot
    /// compute it (NHD-10). Stored in the copy, it outlives a rotation of the key.
    pub(crate) fn id_key_for(&self, id: AgreementId) -> Result<AccessKey> {
        let (key_id, _) = self.keyring.active_mac()?;
        let tag = self.keyring.tag(
            key_id,
            &[b"ticketshare shared ids\0", id.to_string().as_bytes()],
        )?;
        let mut bytes = [0u8; ID_BYTES];
        bytes.copy_from_slice(tag.get(..ID_BYTES).unwrap_or(&[0u8; ID_BYTES]));
        Ok(AccessKey::from_bytes(bytes))
    }

    /// Refuses a partner's sharing URL the rule does not allow (NHD-10): `https` with a public
    /// DNS name, no IP address, `localhost` or one-label name, no user info, query or fragment
    /// (`invalid_url`, `path` named), but for the configuration's `partners.allowed_hosts`.
    pub(crate) fn check_partner_url(&self, url: &HttpsUrl, path: &str) -> Result<()> {
        match partner_url_problem(url, &self.partners.allowed_hosts) {
            None => Ok(()),
            Some(problem) => Err(Error::with_detail(
                Reason::InvalidUrl,
                format!("{path}: {problem}"),
            )),
        }
    }
}

impl Engine {
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
        // Before anything is stored or answered: even an opt-out's decline goes to this URL.
        self.check_partner_url(&invitation.sender.url, "invitation.sender.url")?;
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
            id_key: match existing.and_then(|a| a.id_key.clone()) {
                Some(key) => Some(key),
                None => Some(self.id_key_for(invitation.agreement_id)?),
            },
            side: Side::Receiver,
            partner: invitation.sender.clone(),
            partner_kind: sender_kind,
            terms: invitation.terms,
            status,
            ended: None,
            created_at: existing.map_or(now.timestamp(), |a| a.created_at),
            updated_at: now.timestamp(),
            revision: existing.map_or(Revision::FIRST, |a| a.revision.next()),
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
}
