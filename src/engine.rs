//! The [`Engine`]: built once from an [`EngineConfig`], then called for every operation.
//! It holds no state between calls besides its configuration and keys.

use crate::base::error::Result;
use crate::base::keys::Keyring;
use crate::base::time::Now;
use crate::config::{CodeConfig, EngineConfig, LinkConfig};
use crate::policy::Policy;
use crate::share::links::{self, Purpose, TokenClaims};

/// The rules engine. Cheap to share between threads (`Send + Sync`), immutable once built.
///
/// Every entry point, by domain (each is also an operation of the JSON surface, [`crate::api`]):
///
/// | entry point | what it decides | rules |
/// | --- | --- | --- |
/// | [`Engine::new`] | builds an engine from its configuration | SEC-07 |
/// | [`Policy::authorise`] (through [`Engine::policy`]) | may this actor do this, on this plan? | EXT-02, EXT-03 |
/// | **External share** ([`crate::share`]) | | |
/// | [`Engine::create_share`] | an agent shares a ticket thread with a collaborator | EXT-01..05, 09, 14 |
/// | [`Engine::verify_link`] | the hot path: a link token alone, before any look-up | SEC-01, EXT-08 |
/// | [`Engine::check_link`] | a link token against its share record | EXT-08, EXT-10 |
/// | [`Engine::open_link`] | the collaborator opens the link: a session or a code | EXT-06, EXT-09, SEC-05 |
/// | [`Engine::resend_code`] | a new code, within the cooldown and hourly cap | SEC-02 |
/// | [`Engine::check_code`] | the collaborator enters a code | EXT-06, SEC-02 |
/// | [`Engine::verify_session_token`], [`Engine::check_session`] | a session token, alone or with its share | SEC-08 |
/// | [`Engine::view`] | the thread as the collaborator sees it | EXT-07, EXT-12 |
/// | [`Engine::reply`] | the collaborator's reply, as an external note | EXT-11 |
/// | [`Engine::cancel_share`] | an agent cancels a share | EXT-10 |
/// | [`Engine::update_branding`] | an admin sets the share email's branding | EXT-13 |
/// | **Agent shares** ([`crate::agent`]) | | |
/// | [`Engine::set_agent_sharing`] | an admin turns agent sharing on or off | AGT-01 |
/// | [`Engine::share_with_agents`] | an agent shares a ticket with colleagues | AGT-01, AGT-02 |
/// | [`Engine::unshare_with_agent`] | an agent removes a colleague's share, and their replies | AGT-05, AGT-07 |
/// | [`Engine::agent_access`] | what an agent may do on a ticket, action by action | AGT-03, 05, 06, 08 |
/// | [`Engine::schedule_reply`] | an agent schedules a reply, recording its access | AGT-07 |
/// | [`Engine::check_scheduled_reply`] | may a scheduled reply still be sent? | AGT-07 |
/// | **CCs and followers** ([`crate::cc`]) | | |
/// | [`Engine::plan_notifications`] | who is emailed about an update, shown or hidden | CCF-01, 04, 07, 11 |
/// | [`Engine::decide_inbound_email`] | what an email reply does: visibility, CCs added, removed, ignored | CCF-02, 03, 05..10, 12 |
/// | [`Engine::add_ccs`] | an agent adds CCs from the ticket | CCF-07, 10, 12 |
/// | [`Engine::add_followers`] | an agent adds followers from the ticket | CCF-02, 07 |
/// | **Agreements** ([`crate::agreement`]) | | |
/// | [`Engine::invite_partner`] | an admin invites a partner account | ACC-01..04 |
/// | [`Engine::receive_invite`] | the invited account reads an invitation (opt-out: a silent decline) | ACC-01, 05, 08 |
/// | [`Engine::accept_agreement`], [`Engine::decline_agreement`], [`Engine::defer_agreement`] | the invited account's admin answers | ACC-01, 03 |
/// | [`Engine::reinvite_partner`] | the sender invites again after a decline | ACC-08 |
/// | [`Engine::deactivate_agreement`] | either side ends it, for good | ACC-06 |
/// | [`Engine::account_renamed`] | a rename breaks the account's agreements | ACC-07 |
/// | [`Engine::apply_partner_update`] | what the partner did, applied | ACC-01, 06, 07, 08 |
/// | [`Engine::share_ticket`], [`Engine::receive_ticket`], [`Engine::unshare_ticket`] | a ticket sent, received, no longer shared | ACC-09..12, 21 |
/// | [`Engine::check_merge`] | may two tickets be merged? | ACC-10 |
/// | [`Engine::map_status`] | the status the other copy takes | ACC-13, 15 |
/// | [`Engine::plan_custom_fields`], [`Engine::transfer_field_values`] | custom fields paired, values carried | ACC-20 |
/// | [`Engine::prepare_update`], [`Engine::receive_update`] | what of an update crosses, and what arrives | ACC-14, 16..19 |
#[derive(Debug)]
pub struct Engine {
    pub(crate) keyring: Keyring,
    pub(crate) policy: Policy,
    pub(crate) links: LinkConfig,
    pub(crate) codes: CodeConfig,
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

    /// The hot path: checks a link token without any record (SEC-01). Use the returned share id
    /// to load the share, then call [`Engine::open_link`].
    ///
    /// The token is taken as bytes (a `&str` or what a binding received): anything but canonical
    /// base64url, invalid UTF-8 included, is `token_malformed`.
    pub fn verify_link(&self, token: impl AsRef<[u8]>, now: Now) -> Result<TokenClaims> {
        links::verify(
            &self.keyring,
            token.as_ref(),
            Purpose::Link,
            now.timestamp(),
        )
    }

    /// Checks a session token without any record (SEC-08).
    pub fn verify_session_token(&self, token: impl AsRef<[u8]>, now: Now) -> Result<TokenClaims> {
        links::verify(
            &self.keyring,
            token.as_ref(),
            Purpose::Session,
            now.timestamp(),
        )
    }

    /// The full link for a token: a path segment under the configured `view_url`.
    pub fn link_url(&self, token: &str) -> String {
        format!("{}{token}", self.view_url)
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
