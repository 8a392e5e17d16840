//! The agreement operations on the JSON surface, each declared once (see
//! [`crate::api::Operation`]): the lifecycle here, the shared tickets in
//! [`crate::agreement::ticket_ops`].

use super::notices::{AgreementsBroken, Invitation, InviteReceived, Offer, PartnerUpdate};
use super::{Agreement, AgreementChange, PartnerKind, SharingAccount, Terms};
use crate::base::error::Result;
use crate::base::time::Now;
use crate::operation::{args, Context, Operation};
use crate::policy::Actor;

args! {
    /// Arguments of `agreement.invite`.
    pub struct AgreementInviteArgs {
        /// The admin inviting.
        pub actor: Actor,
        /// The account inviting.
        pub account: SharingAccount,
        /// The partner, what it is, and the terms.
        pub offer: Offer,
        /// The account's agreements.
        #[serde(default)]
        pub agreements: Vec<Agreement>,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for AgreementInviteArgs {
    const NAME: &'static str = "agreement.invite";
    const METHOD: &'static str = "invite_partner";
    const SUMMARY: &'static str =
        "An admin invites a partner account on terms it sets: a pending agreement and the invitation to deliver.";
    const RULES: &'static str = "ACC-01, ACC-02, ACC-03, ACC-04";
    type Output = AgreementChange;

    fn run(self, c: &mut Context<'_>) -> Result<AgreementChange> {
        let a = self;
        c.engine
            .invite_partner(&a.actor, &a.account, &a.offer, &a.agreements, a.now, c.rng)
    }
}

args! {
    /// Arguments of `agreement.receive`.
    pub struct AgreementReceiveArgs {
        /// The invited account.
        pub account: SharingAccount,
        /// The invitation.
        pub invitation: Invitation,
        /// What the sender is: another instance (the default) or a third-party system.
        #[serde(default)]
        pub sender_kind: PartnerKind,
        /// The account's agreements.
        #[serde(default)]
        pub agreements: Vec<Agreement>,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for AgreementReceiveArgs {
    const NAME: &'static str = "agreement.receive";
    const METHOD: &'static str = "receive_invite";
    const SUMMARY: &'static str =
        "The invited account reads an invitation: a copy pending for its admins, or, opted out, an ordinary decline it is never told of.";
    const RULES: &'static str = "ACC-01, ACC-05, ACC-08";
    type Output = InviteReceived;

    fn run(self, c: &mut Context<'_>) -> Result<InviteReceived> {
        let a = self;
        c.engine.receive_invite(
            &a.account,
            &a.invitation,
            a.sender_kind,
            &a.agreements,
            a.now,
        )
    }
}

/// Declares an admin's step on one agreement: its arguments (the admin, the account, the
/// agreement, the time) and its operation.
macro_rules! admin_step {
    ($args:ident, $name:literal, $method:ident, $summary:literal, $rules:literal) => {
        args! {
            #[doc = concat!("Arguments of `", $name, "`.")]
            pub struct $args {
                /// The admin taking the step.
                pub actor: Actor,
                /// The admin's account.
                pub account: SharingAccount,
                /// The account's copy of the agreement.
                pub agreement: Agreement,
                /// The current time.
                pub now: Now,
            }
        }

        impl Operation for $args {
            const NAME: &'static str = $name;
            const METHOD: &'static str = stringify!($method);
            const SUMMARY: &'static str = $summary;
            const RULES: &'static str = $rules;
            type Output = AgreementChange;

            fn run(self, c: &mut Context<'_>) -> Result<AgreementChange> {
                c.engine
                    .$method(&self.actor, &self.account, &self.agreement, self.now)
            }
        }
    };
}

admin_step!(
    AgreementAcceptArgs,
    "agreement.accept",
    accept_agreement,
    "The invited account's admin accepts: the sender may share tickets.",
    "ACC-01, ACC-03"
);
admin_step!(
    AgreementDeclineArgs,
    "agreement.decline",
    decline_agreement,
    "The invited account's admin declines; the sender may invite again later.",
    "ACC-01, ACC-03, ACC-08"
);
admin_step!(
    AgreementDeferArgs,
    "agreement.defer",
    defer_agreement,
    "The invited account's admin decides later: checked like an answer, nothing changes.",
    "ACC-01, ACC-03"
);
admin_step!(
    AgreementDeactivateArgs,
    "agreement.deactivate",
    deactivate_agreement,
    "An admin of either side deactivates, for good: no new shares, no more syncing, the partner informed.",
    "ACC-03, ACC-06"
);

args! {
    /// Arguments of `agreement.reinvite`.
    pub struct AgreementReinviteArgs {
        /// The admin inviting again.
        pub actor: Actor,
        /// The account inviting.
        pub account: SharingAccount,
        /// The declined agreement.
        pub agreement: Agreement,
        /// New terms, if they change.
        #[serde(default)]
        pub terms: Option<Terms>,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for AgreementReinviteArgs {
    const NAME: &'static str = "agreement.reinvite";
    const METHOD: &'static str = "reinvite_partner";
    const SUMMARY: &'static str =
        "The sender's admin invites again after a decline, with new terms if given.";
    const RULES: &'static str = "ACC-03, ACC-04, ACC-08";
    type Output = AgreementChange;

    fn run(self, c: &mut Context<'_>) -> Result<AgreementChange> {
        let a = self;
        c.engine
            .reinvite_partner(&a.actor, &a.account, &a.agreement, a.terms, a.now)
    }
}

args! {
    /// Arguments of `agreement.account_renamed`.
    pub struct AgreementAccountRenamedArgs {
        /// Who renamed the account.
        pub actor: Actor,
        /// The account, under its new name.
        pub account: SharingAccount,
        /// The account's agreements.
        pub agreements: Vec<Agreement>,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for AgreementAccountRenamedArgs {
    const NAME: &'static str = "agreement.account_renamed";
    const METHOD: &'static str = "account_renamed";
    const SUMMARY: &'static str =
        "The account was renamed: every pending or accepted agreement ends, each partner informed.";
    const RULES: &'static str = "ACC-07";
    type Output = AgreementsBroken;

    fn run(self, c: &mut Context<'_>) -> Result<AgreementsBroken> {
        let a = self;
        c.engine
            .account_renamed(&a.actor, &a.account, &a.agreements, a.now)
    }
}

args! {
    /// Arguments of `agreement.partner_update`.
    pub struct AgreementPartnerUpdateArgs {
        /// The account.
        pub account: SharingAccount,
        /// The account's copy of the agreement.
        pub agreement: Agreement,
        /// What the partner says.
        pub update: PartnerUpdate,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for AgreementPartnerUpdateArgs {
    const NAME: &'static str = "agreement.partner_update";
    const METHOD: &'static str = "apply_partner_update";
    const SUMMARY: &'static str =
        "Applies what the partner did: its answer to an invite, or its deactivation; never a step that is not its own, never a revival.";
    const RULES: &'static str = "ACC-01, ACC-06, ACC-07, ACC-08";
    type Output = AgreementChange;

    fn run(self, c: &mut Context<'_>) -> Result<AgreementChange> {
        let a = self;
        c.engine
            .apply_partner_update(&a.account, &a.agreement, &a.update, a.now)
    }
}
