//! # ticketshare
//!
//! The rules engine behind ticket sharing in helpdesk software. This crate is the pure domain
//! core: no I/O, no clock, no global state. Time (`now`) and randomness ([`RandomSource`]) come
//! in as arguments; records come in and new records plus the audit events to store come out.
//!
//! Every rule has an ID in the rules catalogue (`docs/rules.md` in the repository), and
//! `docs/conformance.md` maps each ID to the tests that prove it. Start with [`Engine`], whose
//! page lists every entry point by domain; each domain module describes its records and
//! decisions: [`share`] (a ticket thread shared with an outside collaborator), [`agent`]
//! (a ticket shared with other agents), [`cc`] (CCs and followers), [`agreement`] (sharing
//! agreements between accounts) and [`nhd`] (the Networked Help Desk protocol). [`api`] is the
//! JSON surface every binding goes through.
//!
//! The modules, in the layers they import down through (`docs/architecture.md`; a test
//! enforces it):
//!
//! <!-- generated:modules:start -->
//! - base:
//!   - [`base`]: What every domain builds on: errors and reason codes, identifiers, bounded text, time, randomness, signing keys and URLs.
//! - kernel:
//!   - [`account`]: The host's account (part of the shared kernel): the company an agent works for, its plan, its email branding and the name partners know it by.
//!   - [`audit`]: Audit events (SEC-04): every state change returns the events the host must store.
//!   - [`config`]: The engine's configuration: keyring, policy tables, lifetimes and limits.
//!   - `engine` ([`Engine`]): The [`Engine`]: built once from an [`EngineConfig`], then called for every operation.
//!   - `operation` (private; hosts reach it through [`api`]): Operations, each declared once, next to its domain (part of the shared kernel: every domain declares its operations with what is here, and only [`crate::api`] lists them).
//!   - [`people`]: What a person is to the helpdesk (part of the shared kernel): CCs and followers (CCF-05), the people of a shared ticket (ACC-16) and the protocol's actors (NHD-01) all read and write the same roles.
//!   - [`policy`]: Who may do what, on which plan (EXT-02, EXT-03, EXT-13).
//! - domains:
//!   - [`share`]: Sharing a ticket thread with an external collaborator (EXT-01..14, SEC-02, SEC-04..08).
//!   - [`agent`]: Sharing a ticket with other agents of the same account (AGT-01..08).
//!   - [`cc`]: CCs and followers, and how they meet email clients (CCF-01..12).
//!   - [`agreement`]: Sharing agreements between accounts, and the tickets shared under them (ACC-01..21).
//!   - [`nhd`]: The Networked Help Desk protocol (NHD-01..10): how the agreements and shared tickets of [`crate::agreement`] travel between two systems, as JSON over HTTP between each side's sharing URL (Zendesk's `ticket_sharing` gem is the reference client; the engine follows it where Request Tracker's extension differs).
//! - surface:
//!   - [`api`]: The JSON operation surface: one versioned request/response format over every operation of the core.
//! - test helpers:
//!   - `testing`: Test helpers, compiled only with the `testing` feature.
//! <!-- generated:modules:end -->
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
mod operation;
pub mod people;
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
