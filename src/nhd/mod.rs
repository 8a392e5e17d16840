//! The Networked Help Desk protocol (NHD-01..08): how the agreements and shared tickets of
//! [`crate::agreement`] travel between two systems, as JSON over HTTP between each side's
//! sharing URL (Zendesk's `ticket_sharing` gem is the reference client; the engine follows it
//! where Request Tracker's extension differs). The engine stays pure: it reads and writes the
//! protocol's objects ([`objects`], with its timestamps, [`time`]); the host moves the bytes.

pub mod objects;
pub mod time;

pub use objects::{NhdActor, NhdAgreement, NhdAttachment, NhdComment, NhdTicket};
pub use time::NhdTime;
