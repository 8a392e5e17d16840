//! # ticketshare
//!
//! The rules engine behind ticket sharing in helpdesk software. This crate is the pure domain
//! core: no I/O, no clock, no global state. Time (`now`) and randomness ([`RandomSource`]) come
//! in as arguments; records come in and new records plus the audit events to store come out.
//!
//! Every rule has an ID in the rules catalogue (`RULES.md`); `docs/conformance.md` maps each ID
//! to the tests that prove it. Start with [`Engine`] and the [`external_share`] module.
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

pub mod api;
pub mod audit;
pub mod branding;
pub mod codes;
pub mod config;
pub mod email;
mod engine;
pub mod error;
pub mod external_share;
pub mod ids;
mod json_objects;
mod json_path;
pub mod keys;
pub mod links;
mod names;
pub mod policy;
pub mod random;
#[cfg(feature = "testing")]
pub mod testing;
pub mod text;
pub mod thread;
pub mod timestamp;

pub use audit::{AuditActor, AuditEvent, AuditKind};
pub use config::{CodeConfig, EngineConfig, LinkConfig};
pub use engine::Engine;
pub use error::{Error, PublicCategory, Reason, Result};
pub use external_share::{
    Account, CodeChecked, CodeSent, CollaboratorReply, ExternalShare, LinkOpened, ReplyAccepted,
    ShareCancelled, ShareCreated, ShareRequest, SharedView, Verification,
};
pub use ids::{AgentId, ChallengeId, EmailAddress, ItemId, KeyId, ShareId, TicketId};
pub use links::{Purpose, TokenClaims};
pub use policy::{Actor, Permission, PlanFeature, Policy};
#[cfg(feature = "os-random")]
pub use random::OsRandom;
pub use random::RandomSource;
pub use timestamp::{Seconds, Timestamp};
