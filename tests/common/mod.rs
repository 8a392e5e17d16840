//! Shared fixtures for the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod agreements;
pub mod sources;

use ticketshare::share::thread::{
    Author, AuthorRole, CustomerDetails, ItemKind, OrderDetails, ThreadItem, TicketThread,
};
use ticketshare::testing::SeededRandom;
use ticketshare::*;

/// A 32-byte test key, unpadded base64url.
pub const KEY_1: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
/// Another 32-byte test key.
pub const KEY_2: &str = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8";

pub fn config() -> EngineConfig {
    serde_json::from_value(serde_json::json!({
        "keyring": {"active": 1, "keys": [{"id": 1, "secret": KEY_1}]},
        "view_url": "https://help.example.com/shared/"
    }))
    .unwrap()
}

pub fn engine() -> Engine {
    Engine::new(config()).unwrap()
}

pub fn rng() -> SeededRandom {
    SeededRandom::new(42)
}

pub fn t0() -> Timestamp {
    Timestamp::parse_rfc3339("2026-11-23T09:00:00Z").unwrap()
}

/// The current time `secs` seconds after [`t0`].
pub fn at(secs: i64) -> Now {
    Now::new(Timestamp::from_unix_seconds(t0().unix_seconds() + secs).unwrap()).unwrap()
}

pub fn actor(role: &str) -> Actor {
    Actor {
        id: AgentId::new("agent-7").unwrap(),
        name: "Ana".into(),
        role: role.into(),
        granted: Default::default(),
        inboxes: Vec::new(),
    }
}

pub fn account(plan: &str) -> Account {
    Account {
        company_name: ticketshare::share::branding::CompanyName::parse("Acme Shoes").unwrap(),
        plan: plan.into(),
        branding: None,
    }
}

pub fn request(recipient: &str, include: bool) -> ShareRequest {
    ShareRequest {
        ticket_id: TicketId::new("T-1001").unwrap(),
        recipient: recipient.into(),
        subject: "Size label mismatch".into(),
        message: "Hi, the customer says size 42 is far smaller than expected. Can you check?"
            .into(),
        include_customer_details: include,
    }
}

pub fn create(engine: &Engine, include: bool) -> ShareCreated {
    engine
        .create_share(
            &actor("agent"),
            &account("enterprise"),
            &request("supplier@example.com", include),
            &[],
            at(0),
            &mut rng(),
        )
        .unwrap()
}

/// A second share of the ticket at `t0`, to another address, with ids from `seed` (so not
/// those of [`create`]).
pub fn create_other(engine: &Engine, seed: u64) -> ShareCreated {
    engine
        .create_share(
            &actor("agent"),
            &account("enterprise"),
            &request("other@example.com", false),
            &[],
            at(0),
            &mut SeededRandom::new(seed),
        )
        .unwrap()
}

fn item(
    id: &str,
    kind: ItemKind,
    role: AuthorRole,
    name: &str,
    body: &str,
    secs: i64,
) -> ThreadItem {
    ThreadItem {
        id: ItemId::new(id).unwrap(),
        kind,
        author: Author {
            role,
            name: name.into(),
        },
        body: body.into(),
        at: at(secs - 86_400).timestamp(),
        attachments: vec![],
    }
}

pub fn thread(share_id: ShareId, other_share: ShareId) -> TicketThread {
    TicketThread {
        ticket_id: TicketId::new("T-1001").unwrap(),
        items: vec![
            item(
                "m1",
                ItemKind::Incoming,
                AuthorRole::Customer,
                "Carla Customer",
                "My shoes are tiny!",
                0,
            ),
            item(
                "m2",
                ItemKind::Outgoing,
                AuthorRole::Agent,
                "Ana",
                "Sorry, checking with the supplier.",
                10,
            ),
            item(
                "n1",
                ItemKind::InternalNote,
                AuthorRole::Agent,
                "Ana",
                "Carla is a VIP, refund if needed",
                20,
            ),
            item(
                "x1",
                ItemKind::ExternalNote {
                    share_id,
                    purpose: ticketshare::share::thread::ExternalNotePurpose::Shared,
                },
                AuthorRole::Agent,
                "Ana",
                "Shared with supplier",
                30,
            ),
            item(
                "x2",
                ItemKind::ExternalNote {
                    share_id: other_share,
                    purpose: ticketshare::share::thread::ExternalNotePurpose::Shared,
                },
                AuthorRole::Agent,
                "Ana",
                "Shared with the courier",
                40,
            ),
        ],
        customer: Some(CustomerDetails {
            name: "Carla Customer".into(),
            email: Some("carla@customer.example".into()),
            phone: Some("+44 20 7946 0000".into()),
            orders: vec![OrderDetails {
                reference: "ORD-555".into(),
                summary: "Trainers, size 42".into(),
            }],
        }),
    }
}

/// The code inside a code email's text body.
pub fn code_in(email: &ticketshare::share::email::EmailMessage) -> String {
    email
        .text_body
        .chars()
        .filter(char::is_ascii_digit)
        .take(6)
        .collect()
}

/// A code that is not `code` (same length).
pub fn wrong(code: &str) -> String {
    code.chars()
        .map(|c| {
            if c == '9' {
                '0'
            } else {
                char::from(c as u8 + 1)
            }
        })
        .collect()
}

/// Opens the link and returns the new challenge and its code.
pub fn open_with_code(
    engine: &Engine,
    created: &ShareCreated,
    now: Now,
) -> (ticketshare::share::codes::CodeChallenge, String) {
    match engine
        .open_link(
            &created.link_token,
            &created.share,
            None,
            None,
            &account("enterprise"),
            now,
            &mut rng(),
        )
        .unwrap()
    {
        LinkOpened::CodeSent {
            challenge, email, ..
        } => {
            let code = code_in(&email);
            (challenge, code)
        }
        other => panic!("expected a code to be sent, got {other:?}"),
    }
}

/// Verifies a fresh share and returns the verified share and session token.
pub fn verified(engine: &Engine, created: &ShareCreated) -> (ExternalShare, String) {
    let (share, session, _) = verified_device(engine, created);
    (share, session)
}

/// Verifies a fresh share: the verified share, the session token and the device token.
pub fn verified_device(engine: &Engine, created: &ShareCreated) -> (ExternalShare, String, String) {
    let (challenge, code) = open_with_code(engine, created, at(60));
    match engine
        .check_code(
            &created.link_token,
            &created.share,
            &challenge,
            &code,
            at(90),
        )
        .unwrap()
    {
        CodeChecked::Accepted {
            share,
            session_token,
            device_token,
            ..
        } => (share, session_token, device_token),
        other => panic!("expected acceptance, got {other:?}"),
    }
}

pub fn reason<T: std::fmt::Debug>(result: Result<T>) -> Reason {
    result.expect_err("expected a refusal").reason()
}

/// Checks generated files against what the code generates now: with `UPDATE_<what>` set, writes
/// them; otherwise fails, naming `command`, when any differs. Paths are from the repository root.
pub fn check_generated(files: &[(std::path::PathBuf, String)], update_var: &str, command: &str) {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os(update_var).is_some();
    let mut stale = Vec::new();
    for (path, text) in files {
        let path = root.join(path);
        let current = std::fs::read_to_string(&path).ok();
        if current.as_deref() == Some(text.as_str()) {
            // Unchanged files are not written: a source file rewritten the same would make
            // cargo build the crate again.
            continue;
        }
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
        } else {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "generated files differ from the code; run {update_var}=1 {command}: {stale:?}"
    );
}
