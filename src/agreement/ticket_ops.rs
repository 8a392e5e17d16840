//! The shared-ticket operations on the JSON surface, each declared once (see
//! [`crate::api::Operation`]).

use super::content::{LocalUpdate, PartnerPayload};
use super::field_values::{FieldTransfer, FieldValueOf};
use super::fields::{FieldDef, FieldPlan};
use super::incoming::{IncomingUpdate, Placeholder, ReceivedUpdate};
use super::status::{MappedStatus, StatusSettings, TicketStatus};
use super::tickets::{LocalTicket, MergeAllowed, TicketShare, TicketShared, TicketUnshared};
use super::{Agreement, AgreementId, SharedTicketId, SharingAccount};
use crate::base::error::Result;
use crate::base::ids::TicketId;
use crate::base::time::Now;
use crate::operation::{args, Context, Operation};
use crate::policy::Actor;

args! {
    /// Arguments of `shared_ticket.share`.
    pub struct SharedTicketShareArgs {
        /// The agent sharing.
        pub actor: Actor,
        /// The account.
        pub account: SharingAccount,
        /// The ticket, with its share records.
        pub ticket: LocalTicket,
        /// The agreement to share under, one of `agreements`.
        pub agreement_id: AgreementId,
        /// All of the account's agreements.
        pub agreements: Vec<Agreement>,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for SharedTicketShareArgs {
    const NAME: &'static str = "shared_ticket.share";
    const METHOD: &'static str = "share_ticket";
    const SUMMARY: &'static str =
        "An agent shares a ticket with a partner account under an accepted agreement: the share record and the ticket's marks.";
    const RULES: &'static str = "ACC-09, ACC-10, ACC-12, ACC-21";
    type Output = TicketShared;

    fn run(self, c: &mut Context<'_>) -> Result<TicketShared> {
        let a = self;
        c.engine.share_ticket(
            &a.actor,
            &a.account,
            &a.ticket,
            a.agreement_id,
            &a.agreements,
            a.now,
            c.rng,
        )
    }
}

args! {
    /// Arguments of `shared_ticket.receive`.
    pub struct SharedTicketReceiveArgs {
        /// The receiving account.
        pub account: SharingAccount,
        /// The agreement it arrives under.
        pub agreement: Agreement,
        /// The shared ticket's id, from the partner.
        pub shared_ticket_id: SharedTicketId,
        /// The new ticket's own id in this account.
        pub ticket_id: TicketId,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for SharedTicketReceiveArgs {
    const NAME: &'static str = "shared_ticket.receive";
    const METHOD: &'static str = "receive_ticket";
    const SUMMARY: &'static str =
        "A ticket arrives from the partner: a new ticket of this account with its own id, marked received from the partner.";
    const RULES: &'static str = "ACC-11, ACC-21";
    type Output = TicketShared;

    fn run(self, c: &mut Context<'_>) -> Result<TicketShared> {
        let a = self;
        c.engine.receive_ticket(
            &a.account,
            &a.agreement,
            a.shared_ticket_id,
            a.ticket_id,
            a.now,
        )
    }
}

args! {
    /// Arguments of `shared_ticket.unshare`.
    pub struct SharedTicketUnshareArgs {
        /// The agent stopping the share.
        pub actor: Actor,
        /// The account.
        pub account: SharingAccount,
        /// The ticket, with its share records.
        pub ticket: LocalTicket,
        /// The share to end, one of the ticket's.
        pub shared_ticket_id: SharedTicketId,
        /// All of the account's agreements.
        pub agreements: Vec<Agreement>,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for SharedTicketUnshareArgs {
    const NAME: &'static str = "shared_ticket.unshare";
    const METHOD: &'static str = "unshare_ticket";
    const SUMMARY: &'static str =
        "An agent stops sharing a ticket; refused for a received ticket in an account with only receiving agreements.";
    const RULES: &'static str = "ACC-12";
    type Output = TicketUnshared;

    fn run(self, c: &mut Context<'_>) -> Result<TicketUnshared> {
        let a = self;
        c.engine.unshare_ticket(
            &a.actor,
            &a.account,
            &a.ticket,
            a.shared_ticket_id,
            &a.agreements,
            a.now,
        )
    }
}

args! {
    /// Arguments of `shared_ticket.check_merge`.
    pub struct SharedTicketCheckMergeArgs {
        /// The ticket to merge, with its share records.
        pub ticket: LocalTicket,
        /// The ticket to merge it into, with its share records.
        pub into: LocalTicket,
    }
}

impl Operation for SharedTicketCheckMergeArgs {
    const NAME: &'static str = "shared_ticket.check_merge";
    const METHOD: &'static str = "check_merge";
    const SUMMARY: &'static str = "May these tickets be merged? Never a shared one.";
    const RULES: &'static str = "ACC-10";
    type Output = MergeAllowed;

    fn run(self, c: &mut Context<'_>) -> Result<MergeAllowed> {
        c.engine.check_merge(&self.ticket, &self.into)
    }
}

args! {
    /// Arguments of `shared_ticket.map_status`.
    pub struct SharedTicketMapStatusArgs {
        /// The agreement the ticket is shared under.
        pub agreement: Agreement,
        /// The statuses of the account that changed the status.
        #[serde(default)]
        pub source: StatusSettings,
        /// The statuses of the other account.
        #[serde(default)]
        pub target: StatusSettings,
        /// The new status, as the source has it.
        pub status: TicketStatus,
    }
}

impl Operation for SharedTicketMapStatusArgs {
    const NAME: &'static str = "shared_ticket.map_status";
    const METHOD: &'static str = "map_status";
    const SUMMARY: &'static str =
        "The status the other copy takes: by category, On-hold as Open, then the custom-status table; only when the agreement syncs status.";
    const RULES: &'static str = "ACC-13, ACC-15";
    type Output = MappedStatus;

    fn run(self, c: &mut Context<'_>) -> Result<MappedStatus> {
        c.engine
            .map_status(&self.agreement, &self.source, &self.target, &self.status)
    }
}

args! {
    /// Arguments of `shared_ticket.plan_fields`.
    pub struct SharedTicketPlanFieldsArgs {
        /// The agreement.
        pub agreement: Agreement,
        /// This account's fields.
        pub ours: Vec<FieldDef>,
        /// The partner's fields.
        pub theirs: Vec<FieldDef>,
    }
}

impl Operation for SharedTicketPlanFieldsArgs {
    const NAME: &'static str = "shared_ticket.plan_fields";
    const METHOD: &'static str = "plan_custom_fields";
    const SUMMARY: &'static str =
        "Pairs this account's custom fields with the partner's by title: each synced with its transfer, or skipped with the reason.";
    const RULES: &'static str = "ACC-04, ACC-20";
    type Output = FieldPlan;

    fn run(self, c: &mut Context<'_>) -> Result<FieldPlan> {
        c.engine
            .plan_custom_fields(&self.agreement, &self.ours, &self.theirs)
    }
}

args! {
    /// Arguments of `shared_ticket.transfer_fields`.
    pub struct SharedTicketTransferFieldsArgs {
        /// The agreement.
        pub agreement: Agreement,
        /// This account's fields.
        pub ours: Vec<FieldDef>,
        /// The partner's fields.
        pub theirs: Vec<FieldDef>,
        /// The values that changed, keyed by this account's fields.
        pub values: Vec<FieldValueOf>,
    }
}

impl Operation for SharedTicketTransferFieldsArgs {
    const NAME: &'static str = "shared_ticket.transfer_fields";
    const METHOD: &'static str = "transfer_field_values";
    const SUMMARY: &'static str =
        "The values for the partner's fields: each through the plan, one that does not sync or fit skipped with the reason, the rest unaffected.";
    const RULES: &'static str = "ACC-20";
    type Output = FieldTransfer;

    fn run(self, c: &mut Context<'_>) -> Result<FieldTransfer> {
        c.engine
            .transfer_field_values(&self.agreement, &self.ours, &self.theirs, &self.values)
    }
}

args! {
    /// Arguments of `shared_ticket.prepare_update`.
    pub struct SharedTicketPrepareUpdateArgs {
        /// The agreement.
        pub agreement: Agreement,
        /// What changed on this account's copy.
        pub update: LocalUpdate,
        /// Whether the account has secure downloads on.
        #[serde(default)]
        pub secure_downloads: bool,
    }
}

impl Operation for SharedTicketPrepareUpdateArgs {
    const NAME: &'static str = "shared_ticket.prepare_update";
    const METHOD: &'static str = "prepare_update";
    const SUMMARY: &'static str =
        "What of an update crosses to the partner: comments with their authors as name and role only, attachments, tags; and what stays behind, and why.";
    const RULES: &'static str = "ACC-14, ACC-16, ACC-17, ACC-19, NHD-10";
    type Output = PartnerPayload;

    fn run(self, c: &mut Context<'_>) -> Result<PartnerPayload> {
        c.engine
            .prepare_update(&self.agreement, &self.update, self.secure_downloads)
    }
}

args! {
    /// Arguments of `shared_ticket.receive_update`.
    pub struct SharedTicketReceiveUpdateArgs {
        /// The agreement.
        pub agreement: Agreement,
        /// The ticket's share record.
        pub share: TicketShare,
        /// The partner's update.
        pub update: IncomingUpdate,
        /// The placeholders the host made so far.
        #[serde(default)]
        pub placeholders: Vec<Placeholder>,
    }
}

impl Operation for SharedTicketReceiveUpdateArgs {
    const NAME: &'static str = "shared_ticket.receive_update";
    const METHOD: &'static str = "receive_update";
    const SUMMARY: &'static str =
        "What an update from the partner does: comments, placeholder users, tags, and who is notified.";
    const RULES: &'static str = "ACC-14, ACC-16, ACC-18, ACC-19, NHD-10";
    type Output = ReceivedUpdate;

    fn run(self, c: &mut Context<'_>) -> Result<ReceivedUpdate> {
        c.engine.receive_update(
            &self.agreement,
            &self.share,
            &self.update,
            &self.placeholders,
        )
    }
}
