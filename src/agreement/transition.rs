//! The transition table of an agreement's life (ACC-01..08): every step of
//! [`super::lifecycle`] goes through [`transition`], which `docs/agreements.md` draws.

use super::{AgreementStatus, Side};
pub use crate::audit::subjects::AgreementEvent;
use crate::base::error::{Error, Reason, Result};

impl AgreementEvent {
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
