//! The engine's configuration: keyring, policy tables, lifetimes and limits. Every table and
//! number is host data; the rules themselves cannot be switched off.

use crate::base::error::{Error, Reason, Result};
use crate::base::keys::KeyringConfig;
use crate::base::time::Seconds;
use crate::policy::Policy;
use crate::share::branding::HttpsUrl;
use serde::{Deserialize, Serialize};

/// Everything an [`crate::Engine`] is built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct EngineConfig {
    /// Signing keys (SEC-01, SEC-07).
    pub keyring: KeyringConfig,
    /// Where the collaborator's page lives; the link is this URL followed by the token, e.g.
    /// `https://help.example.com/shared/` gives `https://help.example.com/shared/<token>`.
    pub view_url: HttpsUrl,
    /// Roles and plans (EXT-02, EXT-03).
    #[serde(default)]
    pub policy: Policy,
    /// Link and session lifetimes.
    #[serde(default)]
    pub links: LinkConfig,
    /// Verification code settings (SEC-02).
    #[serde(default)]
    pub codes: CodeConfig,
}

/// Link and session lifetimes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, default)]
pub struct LinkConfig {
    /// How long a link lives after it was shared (EXT-08): 72 h by default.
    pub link_ttl_seconds: Seconds,
    /// How long a session lives after a verified code (SEC-08), never past the link: 1 h.
    pub session_ttl_seconds: Seconds,
}

impl Default for LinkConfig {
    fn default() -> Self {
        Self {
            link_ttl_seconds: Seconds::hours(72),
            session_ttl_seconds: Seconds::hours(1),
        }
    }
}

/// Verification code settings (SEC-02). Defaults are the catalogue's decisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields, default)]
pub struct CodeConfig {
    /// Digits per code: 6 to 9 (6 digits is about 20 bits).
    pub digits: u8,
    /// How long a code lives: at most 600 s (NIST SP 800-63B), 600 s by default.
    pub ttl_seconds: Seconds,
    /// The wrong code that locks the challenge: 5 by default (1 to 10).
    pub max_wrong_attempts: u32,
    /// The least time between two sends: 60 s by default.
    pub resend_cooldown_seconds: Seconds,
    /// Sends allowed per share within any hour: 5 by default (1 to 20).
    pub max_sends_per_hour: u32,
    /// Wrong codes in a row, across challenges of one share, after which no code is sent or
    /// accepted until an agent shares again: 50 by default, always under 100 (NIST's cap).
    pub max_failures_in_a_row: u32,
}

impl Default for CodeConfig {
    fn default() -> Self {
        Self {
            digits: 6,
            ttl_seconds: Seconds::minutes(10),
            max_wrong_attempts: 5,
            resend_cooldown_seconds: Seconds(60),
            max_sends_per_hour: 5,
            max_failures_in_a_row: 50,
        }
    }
}

/// One hour: the window of [`CodeConfig::max_sends_per_hour`].
pub const SEND_WINDOW: Seconds = Seconds::hours(1);

fn out_of_range(what: &str, range: &str) -> Error {
    Error::with_detail(Reason::InvalidConfig, format!("{what} must be {range}"))
}

impl EngineConfig {
    /// Checks every number against its allowed range.
    pub fn validate(&self) -> Result<()> {
        let l = &self.links;
        if l.link_ttl_seconds.0 == 0 || l.link_ttl_seconds > Seconds::hours(24 * 90) {
            return Err(out_of_range("links.link_ttl_seconds", "1 s to 90 days"));
        }
        if l.session_ttl_seconds.0 == 0 || l.session_ttl_seconds > Seconds::hours(24) {
            return Err(out_of_range("links.session_ttl_seconds", "1 s to 24 h"));
        }
        let c = &self.codes;
        if !(6..=9).contains(&c.digits) {
            return Err(out_of_range("codes.digits", "6 to 9"));
        }
        if c.ttl_seconds.0 == 0 || c.ttl_seconds > Seconds::minutes(10) {
            return Err(out_of_range("codes.ttl_seconds", "1 to 600"));
        }
        if !(1..=10).contains(&c.max_wrong_attempts) {
            return Err(out_of_range("codes.max_wrong_attempts", "1 to 10"));
        }
        if c.resend_cooldown_seconds > Seconds::hours(1) {
            return Err(out_of_range("codes.resend_cooldown_seconds", "0 to 3600"));
        }
        if !(1..=20).contains(&c.max_sends_per_hour) {
            return Err(out_of_range("codes.max_sends_per_hour", "1 to 20"));
        }
        if !(1..=99).contains(&c.max_failures_in_a_row) {
            return Err(out_of_range("codes.max_failures_in_a_row", "1 to 99"));
        }
        Ok(())
    }
}
