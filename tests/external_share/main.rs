//! The external share, rule by rule (EXT-01..14, SEC-02..08).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

#[path = "../common/mod.rs"]
mod common;

mod branding;
mod codes;
mod devices;
mod links;
mod records;
mod view;

use common::*;
use ticketshare::share::branding::{BrandingForm, LogoUpload};
use ticketshare::share::codes::ChallengeState;
use ticketshare::share::thread::{AuthorRole, ExternalNotePurpose, ItemKind};
use ticketshare::testing::png_header as png;
use ticketshare::*;
