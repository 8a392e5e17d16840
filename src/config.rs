//! The engine's configuration: keyring, policy tables, lifetimes and limits. Every table and
//! number is host data; the rules themselves cannot be switched off.

use crate::base::error::{Error, Reason, Result};
use crate::base::keys::KeyringConfig;
use crate::base::time::Seconds;
use crate::base::url::ViewUrl;
use crate::policy::Policy;
use serde::{Deserialize, Serialize};

/// Everything an [`crate::Engine`] is built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EngineConfig {
    /// Signing keys (SEC-01, SEC-07).
    pub keyring: KeyringConfig,
    /// Where the collaborator's page lives; the token is a path segment under it:
    /// `https://help.example.com/shared/` and `https://help.example.com/shared` both give
    /// `https://help.example.com/shared/<token>`, `https://help.example.com` gives
    /// `https://help.example.com/<token>`. No query or fragment. `http` only on a loopback
    /// host (`http://127.0.0.1:8000/shared/`, a developer's machine).
    pub view_url: ViewUrl,
    /// Roles and plans (EXT-02, EXT-03).
    #[serde(default)]
    pub policy: Policy,
    /// Link and session lifetimes.
    #[serde(default)]
    pub links: LinkConfig,
    /// Verification code settings (SEC-02).
    #[serde(default)]
    pub codes: CodeConfig,
    /// Partner accounts of sharing agreements (NHD-10).
    #[serde(default)]
    pub partners: PartnerConfig,
}

/// Partner accounts of sharing agreements (NHD-10).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct PartnerConfig {
    /// Hosts a partner's sharing URL may name although the rule refuses them (an IP address,
    /// `localhost`, a one-label name): for tests and private deployments only. Empty by
    /// default; at most 32 names.
    pub allowed_hosts: Vec<String>,
}

/// Link and session lifetimes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct LinkConfig {
    /// How long a link lives after it was shared (EXT-08): 72 h by default.
    pub link_ttl_seconds: Seconds,
    /// How long a session lives after a verified code (SEC-08), never past the link: 1 h.
    pub session_ttl_seconds: Seconds,
    /// How long a verified-device token lives (EXT-09): 30 days.
    pub device_ttl_seconds: Seconds,
}

impl Default for LinkConfig {
    fn default() -> Self {
        Self {
            link_ttl_seconds: Seconds::hours(72),
            session_ttl_seconds: Seconds::hours(1),
            device_ttl_seconds: Seconds::hours(30 * 24),
        }
    }
}

/// Verification code settings (SEC-02). Defaults are the catalogue's decisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// One number of the configuration and the range it must lie in: the one table that both
/// [`EngineConfig::validate`] and the configuration's error messages read.
struct Limit {
    path: &'static str,
    min: u32,
    max: u32,
    /// The range in other words, where they help: `"1 s to 90 days"`.
    words: &'static str,
    read: fn(&EngineConfig) -> u32,
}

const LIMITS: &[Limit] = &[
    Limit {
        path: "links.link_ttl_seconds",
        min: 1,
        max: 90 * 24 * 3600,
        words: "1 s to 90 days",
        read: |c| c.links.link_ttl_seconds.0,
    },
    Limit {
        path: "links.session_ttl_seconds",
        min: 1,
        max: 24 * 3600,
        words: "1 s to 24 h",
        read: |c| c.links.session_ttl_seconds.0,
    },
    Limit {
        path: "links.device_ttl_seconds",
        min: 3600,
        max: 365 * 24 * 3600,
        words: "1 h to 365 days",
        read: |c| c.links.device_ttl_seconds.0,
    },
    Limit {
        path: "codes.digits",
        min: 6,
        max: 9,
        words: "",
        read: |c| u32::from(c.codes.digits),
    },
    Limit {
        path: "codes.ttl_seconds",
        min: 1,
        max: 600,
        words: "1 to 600 (NIST SP 800-63B)",
        read: |c| c.codes.ttl_seconds.0,
    },
    Limit {
        path: "codes.max_wrong_attempts",
        min: 1,
        max: 10,
        words: "",
        read: |c| c.codes.max_wrong_attempts,
    },
    Limit {
        path: "codes.resend_cooldown_seconds",
        min: 0,
        max: 3600,
        words: "",
        read: |c| c.codes.resend_cooldown_seconds.0,
    },
    Limit {
        path: "codes.max_sends_per_hour",
        min: 1,
        max: 20,
        words: "",
        read: |c| c.codes.max_sends_per_hour,
    },
    Limit {
        path: "codes.max_failures_in_a_row",
        min: 1,
        max: 99,
        words: "1 to 99 (always under NIST's 100)",
        read: |c| c.codes.max_failures_in_a_row,
    },
];

impl Limit {
    fn describe(&self) -> String {
        let words = if self.words.is_empty() {
            String::new()
        } else {
            format!(" ({})", self.words)
        };
        format!("a whole number from {} to {}{words}", self.min, self.max)
    }
}

/// What the number at `path` of the configuration must be, in words, if `path` is one.
pub(crate) fn limit_of(path: &str) -> Option<String> {
    LIMITS
        .iter()
        .find(|limit| limit.path == path)
        .map(Limit::describe)
}

impl EngineConfig {
    /// Checks every number against its allowed range, and that `view_url` can take a token:
    /// no query or fragment (the token would land in them).
    pub fn validate(&self) -> Result<()> {
        if self.view_url.as_str().contains(['?', '#']) {
            return Err(Error::new(
                Reason::InvalidConfig,
                "configuration: view_url: an https URL without query or fragment; the token is a path segment under it",
            ));
        }
        if self.partners.allowed_hosts.len() > 32
            || self
                .partners
                .allowed_hosts
                .iter()
                .any(|h| h.is_empty() || h.len() > 255)
        {
            return Err(Error::new(
                Reason::InvalidConfig,
                "configuration: partners.allowed_hosts: at most 32 host names of 1 to 255 bytes",
            ));
        }
        for limit in LIMITS {
            if !(limit.min..=limit.max).contains(&(limit.read)(self)) {
                return Err(Error::with_detail(
                    Reason::InvalidConfig,
                    format!(
                        "configuration: {}: must be {}",
                        limit.path,
                        limit.describe()
                    ),
                ));
            }
        }
        Ok(())
    }
}
