//! What every domain builds on: errors and reason codes, identifiers, bounded text, time,
//! randomness, signing keys and URLs.

mod chars;
pub mod error;
pub mod hex_ids;
pub mod ids;
pub(crate) mod json;
pub mod keys;
pub mod mail;
pub(crate) mod names;
pub mod random;
pub mod reason;
pub mod revision;
pub mod text;
pub mod time;
pub mod url;
