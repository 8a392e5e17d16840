//! The Networked Help Desk protocol (NHD-01..10): how the agreements and shared tickets of
//! [`crate::agreement`] travel between two systems, as JSON over HTTP between each side's
//! sharing URL (Zendesk's `ticket_sharing` gem is the reference client; the engine follows it
//! where Request Tracker's extension differs). The engine stays pure: it reads and writes the
//! protocol's objects ([`objects`], with its timestamps, [`time`]), writes the requests a host
//! sends ([`outgoing`]) and decides the ones it receives ([`incoming`], [`receive`]); the host
//! moves the bytes. `docs/nhd.md` tells the whole exchange.

pub mod incoming;
pub mod objects;
/// The protocol's operations on the JSON surface.
pub mod ops;
pub mod outgoing;
mod read;
pub mod receive;
mod receive_agreement;
mod receive_ticket;
pub mod time;
pub mod wire;

pub use incoming::{NhdLoad, NhdResource, NhdRoute};
pub use objects::{NhdActor, NhdAgreement, NhdAttachment, NhdComment, NhdTicket};
pub use outgoing::{OutgoingTicket, TicketChangeKind, TicketRequest};
pub use receive::{NhdDecision, NhdOutcome, NhdReceive, TicketArrival};
pub use time::NhdTime;
pub use wire::{NhdAnswer, NhdMethod, NhdRequest, PartnerRequest};
