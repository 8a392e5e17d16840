//! The [`Engine`]: built once from an [`EngineConfig`], then called for every operation.
//! It holds no state between calls besides its configuration and keys.

use crate::config::{CodeConfig, EngineConfig, LinkConfig};
use crate::error::Result;
use crate::keys::Keyring;
use crate::links::{self, Purpose, TokenClaims};
use crate::policy::Policy;
use crate::timestamp::Timestamp;

/// The rules engine. Cheap to share between threads (`Send + Sync`), immutable once built.
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
            view_url: config.view_url.into(),
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
    pub fn verify_link(&self, token: &str, now: Timestamp) -> Result<TokenClaims> {
        links::verify(&self.keyring, token, Purpose::Link, now)
    }

    /// Checks a session token without any record (SEC-08).
    pub fn verify_session_token(&self, token: &str, now: Timestamp) -> Result<TokenClaims> {
        links::verify(&self.keyring, token, Purpose::Session, now)
    }

    /// The full link for a token.
    pub fn link_url(&self, token: &str) -> String {
        format!("{}{token}", self.view_url)
    }
}
