//! The [`Engine`]: built once from an [`EngineConfig`], then called for every operation.
//! It holds no state between calls besides its configuration and keys.

use crate::base::error::Result;
use crate::base::keys::Keyring;
use crate::config::{CodeConfig, EngineConfig, LinkConfig, PartnerConfig};
use crate::policy::Policy;

/// The rules engine. Cheap to share between threads (`Send + Sync`), immutable once built.
///
/// Every operation of the JSON surface is an entry point here (besides [`Engine::new`], the
/// typed [`Engine::verify_session_token`] and [`Engine::link_url`], and the accessors). Each
/// domain adds its own entry points to `Engine` (an `impl Engine` block in the domain's
/// folder), so the engine's configuration and keys reach every decision through one value that
/// every binding holds; the decisions that read neither (the CC and NHD ones) are methods for
/// the same reason: one handle, one place to look, one call shape in every language.
///
/// The table is generated from the operation registry ([`crate::api::DECLARATIONS`]) by
/// `./scripts/regenerate.sh`, so no operation is missing from it:
///
/// <!-- generated:entry-points:start -->
/// | entry point | operation | what it decides | rules |
/// | --- | --- | --- | --- |
/// | [`Api::call`](crate::api::Api::call) only | `engine.info` | API version, library version, operations, every reason code with its category and family. |  |
/// | [`Policy::authorise`], through [`Engine::policy`] | `policy.check` | May this actor do this (on this plan)? A refusal is an answer here, not an error. | EXT-02, EXT-03 |
/// | **Sharing a ticket thread with an external collaborator** ([`crate::share`]) | | | |
/// | [`Engine::create_share`] | `share.create` | An agent shares a ticket thread: the share record, the external note, the email, the link and the audit events. | EXT-01..05, EXT-09, EXT-14 |
/// | [`Engine::verify_link`] | `link.verify` | The hot path: checks a link token alone, before any database look-up; gives the share id to load. | SEC-01, SEC-06, EXT-08 |
/// | [`Engine::check_link`] | `link.check` | Checks a link token against its share record (cancellation, expiry), changing nothing. | EXT-08, EXT-10 |
/// | [`Engine::open_link`] | `link.open` | The collaborator opened the link: a session (verified before, in this browser), a new code emailed (code_sent), or the code already sent (code_pending). | EXT-06, EXT-09, SEC-05 |
/// | [`Engine::resend_code`] | `code.resend` | The collaborator asked for a new code: it replaces the current one, within the cooldown and the hourly cap. | SEC-02 |
/// | [`Engine::check_code`] | `code.check` | The collaborator entered a code: accepted (the share verified, a session) or rejected (a try counted). | EXT-06, SEC-02 |
/// | [`Engine::check_session`] | `session.check` | Checks a session token against its share record: signed, not past the link, the share verified and not cancelled. | SEC-08 |
/// | [`Engine::view`] | `share.view` | The thread as the collaborator sees it: messages and this share's notes, customer details only if included. | EXT-07, EXT-12 |
/// | [`Engine::reply`] | `share.reply` | The collaborator's reply, as an external note the customer never sees (and a copy email if asked for). | EXT-11 |
/// | [`Engine::cancel_share`] | `share.cancel` | An agent cancels the share: the link is refused from then on, and the thread says so. | EXT-10 |
/// | [`Engine::share_status`] | `share.status` | Where a share stands (pending, verified, expired, cancelled), its current code, and when a new code may be asked for; changes nothing. | EXT-08, EXT-10, SEC-02 |
/// | [`Engine::update_branding`] | `branding.update` | An admin sets the share email's branding: logo (as standard base64), logo link, company name, button colour. | EXT-13 |
/// | **Sharing a ticket with other agents of the same account** ([`crate::agent`]) | | | |
/// | [`Engine::set_agent_sharing`] | `agent_sharing.set` | An admin turns agent sharing on or off in the site settings; it is off until then. | AGT-01 |
/// | [`Engine::share_with_agents`] | `agent_share.add` | An agent or admin shares a ticket with agents who cannot open its inbox: the new shares, and every agent skipped with its reason. | AGT-01, AGT-02 |
/// | [`Engine::unshare_with_agent`] | `agent_share.remove` | An agent or admin removes an agent's share: the record to delete and the agent's replies scheduled under it, to cancel. | AGT-05, AGT-07, AGT-08 |
/// | [`Engine::agent_access`] | `agent.access` | What an agent may do on a ticket, action by action: everything through its inbox or a share of it, nothing otherwise, never forward a shared ticket. | AGT-03, AGT-05, AGT-06, AGT-08 |
/// | [`Engine::schedule_reply`] | `reply.schedule` | An agent schedules a reply: the record to store, which says the access it was scheduled under. | AGT-03, AGT-07 |
/// | [`Engine::check_scheduled_reply`] | `reply.check` | The scheduler asks just before sending a scheduled reply: cleared, or refused because its author lost the access it was scheduled under. | AGT-07 |
/// | **CCs and followers, and how they meet email clients** ([`crate::cc`]) | | | |
/// | [`Engine::plan_notifications`] | `cc.notify` | Who is emailed about an update: requester and CCs for a public comment (addresses shown), followers for every update (hidden), each with its rule; the rest with the reason. | CCF-01, CCF-04, CCF-07, CCF-11 |
/// | [`Engine::decide_inbound_email`] | `cc.inbound` | What an email reply does: a public or a private comment, the new CCs with the responses to send them, the CCs removed, the addresses ignored and why. | CCF-02, CCF-03, CCF-05, CCF-06, CCF-07, CCF-08, CCF-09, CCF-10, CCF-12 |
/// | [`Engine::add_ccs`] | `cc.add` | An agent adds CCs from the ticket: the new CCs with the responses to send them; refused when blocklisted or beyond the ticket's CCs. | CCF-07, CCF-10, CCF-12 |
/// | [`Engine::add_followers`] | `follower.add` | An agent adds followers from the ticket, the only way followers are added: agents, never blocklisted. | CCF-02, CCF-07 |
/// | **Sharing agreements between accounts, and the tickets shared under them** ([`crate::agreement`]) | | | |
/// | [`Engine::invite_partner`] | `agreement.invite` | An admin invites a partner account on terms it sets: a pending agreement and the invitation to deliver. | ACC-01, ACC-02, ACC-03, ACC-04 |
/// | [`Engine::receive_invite`] | `agreement.receive` | The invited account reads an invitation: a copy pending for its admins, or, opted out, an ordinary decline it is never told of. | ACC-01, ACC-05, ACC-08 |
/// | [`Engine::accept_agreement`] | `agreement.accept` | The invited account's admin accepts: the sender may share tickets. | ACC-01, ACC-03 |
/// | [`Engine::decline_agreement`] | `agreement.decline` | The invited account's admin declines; the sender may invite again later. | ACC-01, ACC-03, ACC-08 |
/// | [`Engine::defer_agreement`] | `agreement.defer` | The invited account's admin decides later: checked like an answer, nothing changes. | ACC-01, ACC-03 |
/// | [`Engine::reinvite_partner`] | `agreement.reinvite` | The sender's admin invites again after a decline, with new terms if given. | ACC-03, ACC-04, ACC-08 |
/// | [`Engine::deactivate_agreement`] | `agreement.deactivate` | An admin of either side deactivates, for good: no new shares, no more syncing, the partner informed. | ACC-03, ACC-06 |
/// | [`Engine::account_renamed`] | `agreement.account_renamed` | The account was renamed: every pending or accepted agreement ends, each partner informed. | ACC-07 |
/// | [`Engine::apply_partner_update`] | `agreement.partner_update` | Applies what the partner did: its answer to an invite, or its deactivation; never a step that is not its own, never a revival. | ACC-01, ACC-06, ACC-07, ACC-08 |
/// | [`Engine::share_ticket`] | `shared_ticket.share` | An agent shares a ticket with a partner account under an accepted agreement: the share record and the ticket's marks. | ACC-09, ACC-10, ACC-12, ACC-21 |
/// | [`Engine::receive_ticket`] | `shared_ticket.receive` | A ticket arrives from the partner: a new ticket of this account with its own id, marked received from the partner. | ACC-11, ACC-21 |
/// | [`Engine::unshare_ticket`] | `shared_ticket.unshare` | An agent stops sharing a ticket; refused for a received ticket in an account with only receiving agreements. | ACC-12 |
/// | [`Engine::check_merge`] | `shared_ticket.check_merge` | May these tickets be merged? Never a shared one. | ACC-10 |
/// | [`Engine::map_status`] | `shared_ticket.map_status` | The status the other copy takes: by category, On-hold as Open, then the custom-status table; only when the agreement syncs status. | ACC-13, ACC-15 |
/// | [`Engine::plan_custom_fields`] | `shared_ticket.plan_fields` | Pairs this account's custom fields with the partner's by title: each synced with its transfer, or skipped with the reason. | ACC-04, ACC-20 |
/// | [`Engine::transfer_field_values`] | `shared_ticket.transfer_fields` | The values for the partner's fields: each through the plan, one that does not sync or fit skipped with the reason, the rest unaffected. | ACC-20 |
/// | [`Engine::prepare_update`] | `shared_ticket.prepare_update` | What of an update crosses to the partner: comments with their authors as name and role only, attachments, tags; and what stays behind, and why. | ACC-14, ACC-16, ACC-17, ACC-19, NHD-10 |
/// | [`Engine::receive_update`] | `shared_ticket.receive_update` | What an update from the partner does: comments, placeholder users, tags, and who is notified. | ACC-14, ACC-16, ACC-18, ACC-19, NHD-10 |
/// | **The Networked Help Desk protocol** ([`crate::nhd`]) | | | |
/// | [`Engine::nhd_agreement_request`] | `nhd.agreement_request` | The request telling the partner where an agreement stands after a step: the invitation (POST) or its status (PUT). | NHD-04, NHD-05, NHD-06, NHD-07, NHD-10 |
/// | [`Engine::nhd_ticket_request`] | `nhd.ticket_request` | The request telling the partner of a shared ticket's change: share (POST), update (PUT) or unshare (DELETE), with what crosses; or the body to answer a partner's GET with (read). | NHD-04, NHD-05, NHD-08, NHD-09, NHD-10, ACC-13, ACC-14, ACC-16, ACC-17, ACC-19, ACC-20 |
/// | [`Engine::nhd_route`] | `nhd.route` | Reads a partner's request as far as no record is needed: the records to load, or the answer at once. | NHD-04, NHD-05, NHD-06 |
/// | [`Engine::nhd_receive`] | `nhd.receive` | Decides a partner's request: the answer, the records to store and the audit events, the first failing check answering. | NHD-04, NHD-05, NHD-06, NHD-07, NHD-08, NHD-09, NHD-10 |
/// <!-- generated:entry-points:end -->
#[derive(Debug)]
pub struct Engine {
    pub(crate) keyring: Keyring,
    pub(crate) policy: Policy,
    pub(crate) links: LinkConfig,
    pub(crate) codes: CodeConfig,
    pub(crate) partners: PartnerConfig,
    pub(crate) view_url: String,
}

impl Engine {
    /// Builds an engine, validating the configuration and the keyring (SEC-07).
    pub fn new(config: EngineConfig) -> Result<Self> {
        config.validate()?;
        let keyring = Keyring::from_config(&config.keyring)?;
        Ok(Self {
            keyring,
            policy: config.policy,
            links: config.links,
            codes: config.codes,
            partners: config.partners,
            view_url: base_url(config.view_url.as_str()),
        })
    }

    /// The policy tables in force.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The keyring in force.
    pub fn keyring(&self) -> &Keyring {
        &self.keyring
    }

    /// Link and session lifetimes in force.
    pub fn link_config(&self) -> &LinkConfig {
        &self.links
    }

    /// Code settings in force.
    pub fn code_config(&self) -> &CodeConfig {
        &self.codes
    }
}

/// `view_url` as the base the token is appended to: always ending with `/`, so the token
/// never joins the host name or the last path segment.
fn base_url(view_url: &str) -> String {
    let mut base = view_url.trim().to_owned();
    if !base.ends_with('/') {
        base.push('/');
    }
    base
}
