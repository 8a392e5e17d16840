//! The whole external-share story of seed 000, printed: an agent shares a ticket with a
//! supplier, the supplier verifies by email code, reads the thread, replies; the agent cancels;
//! a second share expires after 72 hours.
//!
//! Run: `cargo run --example quickstart`

use ticketshare::share::branding::CompanyName;
use ticketshare::share::thread::{
    Author, AuthorRole, CustomerDetails, ItemKind, OrderDetails, ThreadItem, TicketThread,
};
use ticketshare::*;

fn main() {
    if let Err(error) = run() {
        eprintln!("quickstart failed: {} ({})", error.code(), error.detail());
        std::process::exit(1);
    }
}

fn heading(text: &str) {
    println!("\n== {text}");
}

fn run() -> Result<()> {
    // The host builds one engine at start-up. In production the key comes from a secret store.
    let config: EngineConfig = serde_json::from_str(
        r#"{
            "keyring": {"active": 1, "keys": [{"id": 1, "secret": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}]},
            "view_url": "https://help.acme.example/shared/"
        }"#,
    )
    .map_err(|e| Error::with_detail(Reason::InvalidConfig, e.to_string()))?;
    let engine = Engine::new(config)?;
    let mut rng = OsRandom;

    let agent = Actor {
        id: AgentId::new("agent-7")?,
        name: "Ana Agent".into(),
        role: "agent".into(),
        granted: Default::default(),
        inboxes: Vec::new(),
    };
    let account = Account {
        company_name: CompanyName::parse("Acme Shoes")?,
        plan: "enterprise".into(),
        branding: None,
    };
    // The engine never reads a clock: the host passes the current time to every call.
    let t0 = Now::parse_rfc3339("2026-11-23T09:00:00Z")?;
    let at = |secs: u32| Now::new(t0.timestamp().plus(Seconds(secs))?);

    heading("1. Ana shares ticket T-1001 with the supplier");
    let request = ShareRequest {
        ticket_id: TicketId::new("T-1001")?,
        recipient: "orders@supplier.example".into(),
        subject: "Trainers labelled 42 are far smaller".into(),
        message: "Hello, a customer received trainers labelled size 42 that fit like a 39.\nCould you check the batch?".into(),
        include_customer_details: false,
    };
    let created = engine.create_share(&agent, &account, &request, &[], t0, &mut rng)?;
    let share = created.share.clone();
    println!(
        "External note on the ticket (agents only):\n{}",
        indent(&created.note.body)
    );
    println!(
        "Email to {} from \"{}\":",
        created.email.to, created.email.from_name
    );
    println!(
        "Subject: {}\n{}",
        created.email.subject,
        indent(&created.email.text_body)
    );
    println!("Audit: {}", kinds(&created.events));

    heading("2. The supplier opens the link: a code is emailed");
    let opened = engine.open_link(
        &created.link_token,
        &share,
        None,
        None,
        &account,
        at(300)?,
        &mut rng,
    )?;
    let (challenge, code) = match opened {
        LinkOpened::CodeSent {
            challenge,
            email,
            events,
        } => {
            println!("Code email: {}", email.subject);
            println!("Audit: {}", kinds(&events));
            let code: String = email
                .text_body
                .chars()
                .filter(char::is_ascii_digit)
                .take(6)
                .collect();
            (challenge, code)
        }
        other => {
            return Err(Error::with_detail(
                Reason::RecordMismatch,
                format!("unexpected {other:?}"),
            ))
        }
    };

    heading("3. A wrong code, then the right one");
    let wrong: String = code
        .chars()
        .map(|c| if c == '0' { '1' } else { '0' })
        .collect();
    // Both records come back with their next revision: the host writes each only over the
    // revision it read (UPDATE ... WHERE revision = :revision - 1), so parallel guesses are
    // each counted (SEC-02).
    let (share, challenge) = match engine.check_code(
        &created.link_token,
        &share,
        &challenge,
        &wrong,
        at(360)?,
    )? {
        CodeChecked::Rejected {
            share,
            challenge,
            attempts_left,
            ..
        } => {
            println!(
                    "Wrong code refused; {attempts_left} tries left, {} wrong in a row; share now revision {}",
                    share.failures_in_a_row, share.revision.0
                );
            (share, challenge)
        }
        CodeChecked::Accepted { .. } => {
            return Err(Error::new(Reason::InternalError, "wrong code accepted"))
        }
    };
    let (share, session, device) =
        match engine.check_code(&created.link_token, &share, &challenge, &code, at(380)?)? {
            CodeChecked::Accepted {
                share,
                session_token,
                session_expires_at,
                device_token,
                device_expires_at,
                events,
                ..
            } => {
                println!("Right code accepted; session until {session_expires_at}");
                println!("Device token for this browser's cookie, until {device_expires_at}");
                println!("Audit: {}", kinds(&events));
                (share, session_token, device_token)
            }
            CodeChecked::Rejected { .. } => {
                return Err(Error::new(Reason::InternalError, "right code refused"))
            }
        };

    heading("3b. Opening the link again: this browser, then a forwarded copy");
    // The session lasts an hour; the device cookie 30 days. The same browser gets in again
    // without a code; anyone the email was forwarded to gets a code sent to the supplier.
    for (who, cookie) in [
        ("the same browser", Some(device.as_str())),
        ("a forwarded link", None),
    ] {
        match engine.open_link(
            &created.link_token,
            &share,
            None,
            cookie,
            &account,
            at(4000)?,
            &mut rng,
        )? {
            LinkOpened::Verified { .. } => println!("{who}: in, no code asked"),
            LinkOpened::CodeSent { email, .. } => {
                println!("{who}: a code is emailed to {}", email.to)
            }
            LinkOpened::CodePending { .. } => {
                println!("{who}: the code sent earlier is still valid")
            }
        }
    }

    heading("4. The supplier reads the thread");
    let mut thread = sample_thread(&share)?;
    thread.items.push(created.note.clone()); // the host stored the share's note in step 1
    let view = engine.view(&session, &share, &thread, at(400)?)?;
    for item in &view.items {
        println!(
            "  [{}] {}: {}",
            kind_name(item.kind),
            item.author.name,
            item.body.lines().next().unwrap_or("")
        );
    }
    println!(
        "Internal notes shown: {}; customer details shown: {}",
        view.items
            .iter()
            .filter(|i| i.kind == ItemKind::InternalNote)
            .count(),
        view.customer.is_some()
    );

    heading("5. The supplier replies: an external note, never sent to the customer");
    let reply = CollaboratorReply {
        body: "Batch B-17 was mislabelled. We will send a replacement pair today.".into(),
        attachments: vec![],
        send_copy: true,
    };
    let replied = engine.reply(&session, &share, &reply, &account, at(900)?, &mut rng)?;
    println!(
        "New note ({}), visible to customer: {}",
        kind_name(replied.note.kind),
        replied.note.kind.visible_to_customer()
    );
    if let Some(copy) = &replied.copy_email {
        println!("Copy emailed to {}: {}", copy.to, copy.subject);
    }

    heading("6. Ana cancels the share: the link is refused at once");
    let cancelled = engine.cancel_share(&agent, &share, at(1200)?, &mut rng)?;
    println!("Thread note: {}", cancelled.note.body);
    let refused = engine
        .open_link(
            &created.link_token,
            &cancelled.share,
            None,
            None,
            &account,
            at(1201)?,
            &mut rng,
        )
        .err();
    report_refusal(refused);

    heading("7. Ana shares again; 72 hours later that link has expired");
    let again = engine.create_share(
        &agent,
        &account,
        &request,
        &[cancelled.share],
        at(3600)?,
        &mut rng,
    )?;
    println!(
        "Verification on the new share: {:?} (the address verified before)",
        again.share.verification
    );
    let later = at(3600 + 72 * 3600)?;
    let refused = engine
        .open_link(
            &again.link_token,
            &again.share,
            None,
            None,
            &account,
            later,
            &mut rng,
        )
        .err();
    report_refusal(refused);
    Ok(())
}

fn report_refusal(refused: Option<Error>) {
    match refused {
        Some(e) => println!(
            "Refused: {} (the collaborator sees: {})",
            e.code(),
            e.public_category().as_str()
        ),
        None => println!("Unexpectedly accepted"),
    }
}

fn kinds(events: &[AuditEvent]) -> String {
    events
        .iter()
        .map(|e| {
            serde_json::to_value(&e.event)
                .ok()
                .and_then(|v| v.get("type").and_then(|t| t.as_str()).map(str::to_owned))
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn kind_name(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Incoming => "incoming",
        ItemKind::Outgoing => "outgoing",
        ItemKind::InternalNote => "internal note",
        ItemKind::ExternalNote { .. } => "external note",
    }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn sample_thread(share: &ExternalShare) -> Result<TicketThread> {
    let day_before = share.shared_at.minus(Seconds::hours(24))?;
    let item = |id: &str, kind, role, name: &str, body: &str| -> Result<ThreadItem> {
        Ok(ThreadItem {
            id: ItemId::new(id)?,
            kind,
            author: Author {
                role,
                name: name.into(),
            },
            body: body.into(),
            at: day_before,
            attachments: vec![],
        })
    };
    Ok(TicketThread {
        ticket_id: share.ticket_id.clone(),
        items: vec![
            item(
                "m1",
                ItemKind::Incoming,
                AuthorRole::Customer,
                "Carla Customer",
                "The trainers I got are tiny, labelled 42!",
            )?,
            item(
                "m2",
                ItemKind::Outgoing,
                AuthorRole::Agent,
                "Ana Agent",
                "Sorry about that, I am checking with our supplier.",
            )?,
            item(
                "n1",
                ItemKind::InternalNote,
                AuthorRole::Agent,
                "Ana Agent",
                "VIP customer: refund if the supplier is slow.",
            )?,
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
    })
}
