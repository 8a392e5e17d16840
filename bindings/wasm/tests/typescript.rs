//! `js/types.d.ts` holds the TypeScript declarations of every record, operation argument and
//! result, generated from the Rust types by ts-rs. This test regenerates them and fails on any
//! difference; `UPDATE_TYPES=1 cargo test -p ticketshare-wasm --test typescript` rewrites them.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use ticketshare::account::Account;
use ticketshare::api::*;
use ticketshare::audit::*;
use ticketshare::base::error::PublicCategory;
use ticketshare::base::ids::*;
use ticketshare::base::keys::{KeyConfig, KeyringConfig};
use ticketshare::base::time::{Seconds, Timestamp};
use ticketshare::config::*;
use ticketshare::policy::*;
use ticketshare::share::branding::*;
use ticketshare::share::codes::*;
use ticketshare::share::email::EmailMessage;
use ticketshare::share::links::{Purpose, TokenClaims};
use ticketshare::share::thread::*;
use ticketshare::share::*;
use ts_rs::{Config, TS};

macro_rules! declarations {
    ($cfg:expr; $($t:ty),* $(,)?) => {{
        let mut out = Vec::new();
        $( out.push(format!("export {}", <$t as TS>::decl($cfg))); )*
        out
    }};
}

fn generate() -> String {
    let cfg = Config::new().with_large_int("number");
    let cfg = &cfg;
    let declarations = declarations![cfg;
        // Values
        Timestamp, Seconds, KeyId, ShareId, ChallengeId, TicketId, AgentId, ItemId, EmailAddress,
        HttpsUrl, HexColour, CompanyName, CodeHash, Permission, PlanFeature, Permissions, PlanFeatures,
        Purpose, PublicCategory,
        // Configuration
        EngineConfig, KeyringConfig, KeyConfig, LinkConfig, CodeConfig, Policy,
        // Records
        Actor, Account, Branding, Logo, ShareRequest, Verification, Cancellation, ExternalShare,
        ChallengeState, CodeChallenge, ItemKind, ExternalNotePurpose, AuthorRole, Author, Attachment,
        ThreadItem, OrderDetails, CustomerDetails, SharedCustomer, TicketThread, CollaboratorReply,
        EmailMessage, AuditEvent, AuditActor, AuditKind,
        // Operation arguments
        NoArgs, PolicyCheck, ShareCreate, TokenArgs, TokenShareArgs, LinkOpen, CodeCheck, SessionArgs,
        ShareView, ShareReply, ShareCancel, LogoArgs, BrandingFormArgs, BrandingUpdate,
        // Operation results
        EngineInfo, ReasonInfo, PolicyDecision, TokenClaims, ShareCreated, LinkOpened, CodeSent,
        CodeChecked, SharedView, ReplyAccepted, ShareCancelled, BrandingUpdated, ErrorBody,
    ];
    let mut text = String::from(
        "// Generated from the Rust types by ts-rs (bindings/wasm/tests/typescript.rs). Do not edit:\n\
         // run `UPDATE_TYPES=1 cargo test -p ticketshare-wasm --test typescript`.\n\n",
    );
    for declaration in declarations {
        text.push_str(&declaration);
        text.push_str("\n\n");
    }
    text.trim_end().to_owned() + "\n"
}

#[test]
fn typescript_declarations_match_the_rust_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/js/types.d.ts");
    let generated = generate();
    if std::env::var_os("UPDATE_TYPES").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let current = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        current == generated,
        "bindings/wasm/js/types.d.ts differs from the Rust types; run UPDATE_TYPES=1 cargo test -p ticketshare-wasm --test typescript"
    );
}
