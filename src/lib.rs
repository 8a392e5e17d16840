//! # ticketshare
//!
//! The rules engine behind ticket sharing in helpdesk software. This crate is the pure domain
//! core: no I/O, no clock, no global state. Time (`now`) and randomness ([`RandomSource`]) come
//! in as arguments; records come in and new records plus the audit events to store come out.
//!
//! Every rule has an ID in the rules catalogue (`RULES.md`); `docs/conformance.md` maps each ID
//! to the tests that prove it. Start with [`Engine`], whose page lists every entry point, and
//! the domain modules: [`share`] (sharing a ticket with an external collaborator) and [`agent`]
//! (sharing a ticket with other agents).
//!
//! The crate is laid out by domain:
//! - [`base`]: what every domain builds on (errors, ids, text, time, randomness, keys);
//! - [`policy`], [`account`], [`audit`], [`config`]: shared by every domain;
//! - [`share`]: the external share (EXT, SEC);
//! - [`agent`]: sharing a ticket with other agents of the account (AGT);
//! - [`cc`]: CCs and followers in email clients (CCF);
//! - [`api`]: the one JSON operation surface every binding goes through.
//!
//! ```
//! use ticketshare::{Engine, EngineConfig};
//! let config: EngineConfig = serde_json::from_str(r#"{
//!     "keyring": {"active": 1, "keys": [{"id": 1, "secret": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}]},
//!     "view_url": "https://help.example.com/shared/"
//! }"#).unwrap();
//! let engine = Engine::new(config).unwrap();
//! assert_eq!(engine.link_config().link_ttl_seconds.0, 72 * 3600);
//! ```
#![forbid(unsafe_code)]

pub mod account;
pub mod agent;
pub mod agreement;
pub mod api;
pub mod audit;
pub mod base;
pub mod cc;
pub mod config;
mod engine;
pub mod nhd;
pub mod policy;
pub mod share;
#[cfg(feature = "testing")]
pub mod testing;

pub use account::Account;
pub use audit::{AuditActor, AuditEvent, AuditKind};
pub use base::error::{Error, ErrorBody, PublicCategory, Reason, ReasonFamily, Result};
pub use base::ids::{
    AccountId, AgentId, AgentShareId, ChallengeId, EmailAddress, FieldId, InboxId, ItemId, KeyId,
    ScheduledReplyId, ShareId, StatusId, TicketId, UserId,
};
#[cfg(feature = "os-random")]
pub use base::random::OsRandom;
pub use base::random::RandomSource;
pub use base::time::{Now, Seconds, Timestamp};
pub use config::{CodeConfig, EngineConfig, LinkConfig};
pub use engine::Engine;
pub use policy::{Actor, Permission, PlanFeature, Policy};
pub use share::links::{Purpose, TokenClaims};
pub use share::{
    CodeChecked, CodeSent, CollaboratorReply, ExternalShare, LinkOpened, ReplyAccepted,
    ShareCancelled, ShareCreated, ShareRequest, SharedView, Verification,
};
