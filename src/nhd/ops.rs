//! The protocol's operations on the JSON surface, each declared once (see
//! [`crate::api::Operation`]): the requests a host sends, and the two steps of deciding one
//! it receives.

use super::incoming::NhdRoute;
use super::outgoing::{OutgoingTicket, TicketChangeKind, TicketRequest};
use super::receive::{NhdDecision, NhdReceive};
use super::wire::{NhdRequest, PartnerRequest};
use crate::agreement::content::{LocalUpdate, LocalUser};
use crate::agreement::tickets::TicketShare;
use crate::agreement::{Agreement, SharingAccount};
use crate::base::error::Result;
use crate::operation::{args, Context, Operation};
use serde::Deserialize;

args! {
    /// Arguments of `nhd.agreement_request`.
    pub struct NhdAgreementRequestArgs {
        /// The account.
        pub account: SharingAccount,
        /// The account's copy of the agreement, after the step.
        pub agreement: Agreement,
        /// Who took the step: crosses as an id, a name and a role.
        #[serde(default)]
        pub actor: Option<LocalUser>,
    }
}

impl Operation for NhdAgreementRequestArgs {
    const NAME: &'static str = "nhd.agreement_request";
    const METHOD: &'static str = "nhd_agreement_request";
    const SUMMARY: &'static str =
        "The request telling the partner where an agreement stands after a step: the invitation (POST) or its status (PUT).";
    const RULES: &'static str = "NHD-04, NHD-05, NHD-06, NHD-07, NHD-10";
    type Output = NhdRequest;

    fn run(self, c: &mut Context<'_>) -> Result<NhdRequest> {
        c.engine
            .nhd_agreement_request(&self.account, &self.agreement, self.actor.as_ref())
    }
}

args! {
    /// Arguments of `nhd.ticket_request`.
    pub struct NhdTicketRequestArgs {
        /// The agreement the ticket travels under.
        pub agreement: Agreement,
        /// The ticket's share record (ended, to unshare).
        pub share: TicketShare,
        /// Share, update or unshare.
        pub kind: TicketChangeKind,
        /// What changed of the ticket beyond comments and tags.
        #[serde(default)]
        pub ticket: OutgoingTicket,
        /// Its new comments and tags.
        #[serde(default)]
        pub update: LocalUpdate,
        /// The account's secure-downloads setting (ACC-17).
        #[serde(default)]
        pub secure_downloads: bool,
    }
}

impl Operation for NhdTicketRequestArgs {
    const NAME: &'static str = "nhd.ticket_request";
    const METHOD: &'static str = "nhd_ticket_request";
    const SUMMARY: &'static str =
        "The request telling the partner of a shared ticket's change: share (POST), update (PUT) or unshare (DELETE), with what crosses; or the body to answer a partner's GET with (read).";
    const RULES: &'static str =
        "NHD-04, NHD-05, NHD-08, NHD-09, NHD-10, ACC-13, ACC-14, ACC-16, ACC-17, ACC-19, ACC-20";
    type Output = TicketRequest;

    fn run(self, c: &mut Context<'_>) -> Result<TicketRequest> {
        let a = self;
        c.engine.nhd_ticket_request(
            &a.agreement,
            &a.share,
            a.kind,
            &a.ticket,
            &a.update,
            a.secure_downloads,
        )
    }
}

args! {
    /// Arguments of `nhd.route`.
    pub struct NhdRouteArgs {
        /// The request, as received.
        pub request: PartnerRequest,
    }
}

impl Operation for NhdRouteArgs {
    const NAME: &'static str = "nhd.route";
    const METHOD: &'static str = "nhd_route";
    const SUMMARY: &'static str =
        "Reads a partner's request as far as no record is needed: the records to load, or the answer at once.";
    const RULES: &'static str = "NHD-04, NHD-05, NHD-06";
    type Output = NhdRoute;

    fn run(self, c: &mut Context<'_>) -> Result<NhdRoute> {
        Ok(c.engine.nhd_route(&self.request))
    }
}

/// Arguments of `nhd.receive`: the request and the records its route named.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct NhdReceiveArgs(pub NhdReceive);

impl Operation for NhdReceiveArgs {
    const NAME: &'static str = "nhd.receive";
    const METHOD: &'static str = "nhd_receive";
    const SUMMARY: &'static str =
        "Decides a partner's request: the answer, the records to store and the audit events, the first failing check answering.";
    const RULES: &'static str = "NHD-04, NHD-05, NHD-06, NHD-07, NHD-08, NHD-09, NHD-10";
    type Output = NhdDecision;

    fn run(self, c: &mut Context<'_>) -> Result<NhdDecision> {
        c.engine.nhd_receive(&self.0)
    }
}
