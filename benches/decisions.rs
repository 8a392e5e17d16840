//! The decisions of the agent-share, CC and agreement domains, on realistic worst cases (see
//! `docs/benchmarks.md`): each measured beside the permission decision, the cheapest
//! decision of the engine, in the same run.
//!
//! Run: `cargo bench --bench decisions`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use ticketshare::agent::{AgentShare, AgentSharingSettings, InboxTicket};
use ticketshare::cc::*;
use ticketshare::*;

fn engine() -> Engine {
    Engine::new(
        serde_json::from_value(serde_json::json!({
            "keyring": {"active": 1, "keys": [{"id": 1, "secret": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}]},
            "view_url": "https://help.example.com/shared/"
        }))
        .unwrap(),
    )
    .unwrap()
}

fn agent_actor(id: &str, inboxes: &[&str]) -> Actor {
    Actor {
        id: AgentId::new(id).unwrap(),
        name: String::new(),
        role: "agent".into(),
        granted: Default::default(),
        inboxes: inboxes.iter().map(|i| InboxId::new(*i).unwrap()).collect(),
    }
}

/// Reference: the permission and plan decision, as measured in `benches/links.rs`.
fn permission_decision(c: &mut Criterion) {
    let policy = Policy::default();
    let actor = agent_actor("agent-7", &[]);
    let mut group = c.benchmark_group("decision_reference");
    group.bench_function("permission_decision", |b| {
        b.iter(|| {
            policy
                .authorise(
                    black_box(&actor),
                    Permission::ExternalShare,
                    black_box("enterprise"),
                    PlanFeature::TicketShare,
                )
                .is_ok()
        })
    });
    group.finish();
}

/// AGT-03/06/08: what an agent reaching a ticket through a share may do (every action's
/// verdict), on a ticket shared with 3 agents and with 20; the agent's share is the last.
fn agent_access(c: &mut Criterion) {
    let engine = engine();
    let ticket = InboxTicket {
        id: TicketId::new("T-7").unwrap(),
        inbox_id: InboxId::new("billing").unwrap(),
    };
    let shares: Vec<AgentShare> = (0..20)
        .map(|i| AgentShare {
            id: AgentShareId::from_bytes([i; 16]),
            ticket_id: ticket.id.clone(),
            agent_id: AgentId::new(format!("agent-{i}")).unwrap(),
            shared_by: AgentId::new("ana").unwrap(),
            shared_at: Timestamp::from_unix_nanos(0),
        })
        .collect();
    let agent = agent_actor("agent-19", &["sales", "support"]);
    let settings = AgentSharingSettings { enabled: true };
    let mut group = c.benchmark_group("agent_access_decision");
    for count in [3, 20] {
        let shares = shares.get(20 - count..).unwrap();
        group.bench_function(format!("{count}_shares"), |b| {
            b.iter(|| {
                engine
                    .agent_access(black_box(&agent), &ticket, shares, &settings)
                    .map(|access| access.via)
            })
        });
    }
    group.finish();
}

fn address(text: &str) -> EmailAddress {
    EmailAddress::parse(text).unwrap()
}

fn person(text: &str, role: PersonRole) -> Person {
    Person {
        email: address(text),
        name: Some("Someone Example".into()),
        role,
    }
}

/// A ticket at the CC limit: 48 CCs (CCF-12) and 50 followers (agents).
fn crowded_ticket() -> TicketPeople {
    TicketPeople {
        ticket_id: TicketId::new("T-48").unwrap(),
        requester: person("carla@customer.example", PersonRole::EndUser),
        ccs: (0..48)
            .map(|i| {
                person(
                    &format!("cc{i}@customer{}.example", i % 5),
                    PersonRole::EndUser,
                )
            })
            .collect(),
        followers: (0..50)
            .map(|i| person(&format!("follower{i}@acme.example"), PersonRole::Agent))
            .collect(),
        assignee: Some(person("ana@acme.example", PersonRole::Agent)),
    }
}

fn cc_settings() -> CcSettings {
    CcSettings {
        blocklist: vec!["spam.example".into(), "noreply@customer1.example".into()],
        support_addresses: vec![address("support@acme.example")],
        ..CcSettings::default()
    }
}

/// CCF-01/04/11 and CCF-03/05..10/12 on the crowded ticket: the plan for a public comment by
/// an agent under *requester and CCs* (99 recipients), and the requester's Reply all that keeps
/// 47 of the 48 CCs (one removed), adds one new CC and names a blocklisted address.
fn cc_decisions(c: &mut Criterion) {
    let engine = engine();
    let people = crowded_ticket();
    let settings = cc_settings();
    let update = TicketUpdate {
        kind: UpdateKind::PublicComment,
        author: address("ana@acme.example"),
    };
    let mut cc: Vec<String> = people
        .ccs
        .iter()
        .skip(1)
        .map(|p| format!("\"Someone Example\" <{}>", p.email))
        .collect();
    cc.push("New Person <new@partner.example>".into());
    cc.push("bot@spam.example".into());
    let email = InboundEmail {
        from: "Carla <carla@customer.example>".into(),
        to: vec!["support@acme.example".into()],
        cc,
    };
    let known = [person("ana@acme.example", PersonRole::Agent)];
    let comments: Vec<CommentRef> = (0..20)
        .map(|i| CommentRef {
            id: ItemId::new(format!("c{i}")).unwrap(),
            public: i % 3 != 0,
        })
        .collect();
    let now = Now::from_unix_nanos(1_800_000_000 * 1_000_000_000).unwrap();

    let plan = engine
        .plan_notifications(
            &people,
            &update,
            TriggerAction::EmailRequesterAndCcs,
            &settings,
        )
        .unwrap();
    assert_eq!(plan.recipients.len(), 1 + 48 + 50);
    let decision = engine
        .decide_inbound_email(&email, &people, &known, &comments, &settings, now)
        .unwrap();
    assert_eq!((decision.new_ccs.len(), decision.removed_ccs.len()), (1, 1));

    let mut group = c.benchmark_group("cc_48_ccs_50_followers");
    group.bench_function("notification_plan", |b| {
        b.iter(|| {
            engine
                .plan_notifications(
                    black_box(&people),
                    &update,
                    TriggerAction::EmailRequesterAndCcs,
                    &settings,
                )
                .map(|plan| plan.recipients.len())
        })
    });
    group.bench_function("inbound_decision", |b| {
        b.iter(|| {
            engine
                .decide_inbound_email(
                    black_box(&email),
                    &people,
                    &known,
                    &comments,
                    &settings,
                    now,
                )
                .map(|decision| decision.new_ccs.len())
        })
    });
    group.finish();
}

/// ACC-13: one status through a map built once, both accounts with custom statuses (four per
/// category); the status is the last custom status of its category.
fn status_map(c: &mut Criterion) {
    use ticketshare::agreement::status::*;
    let settings = StatusSettings {
        custom_statuses: true,
        statuses: StatusCategory::ALL
            .iter()
            .flat_map(|category| {
                (0..4).map(move |i| CustomStatus {
                    id: StatusId::new(format!("{}-{i}", category.as_str())).unwrap(),
                    category: *category,
                    default: i == 0,
                })
            })
            .collect(),
    };
    let map = StatusMap::new(&settings, &settings).unwrap();
    let status = TicketStatus {
        category: StatusCategory::OnHold,
        custom_id: Some(StatusId::new("on_hold-3").unwrap()),
    };
    assert_eq!(
        map.map(&status)
            .unwrap()
            .custom_id
            .as_ref()
            .unwrap()
            .as_str(),
        "open-0"
    );
    c.benchmark_group("agreement")
        .bench_function("status_map", |b| {
            b.iter(|| map.map(black_box(&status)).is_ok())
        });
}

/// ACC-20: the custom-field plan for 200 fields on each side: titles that differ in case,
/// every type, drop-downs with 10 options, some system fields and some without a counterpart.
fn field_plan(c: &mut Criterion) {
    use ticketshare::agreement::fields::*;
    let fields = |side: &str, upper: bool| -> Vec<FieldDef> {
        (0..200)
            .map(|i| {
                let kind = FieldType::ALL[i % FieldType::ALL.len()];
                let title = format!("Field number {i} of the product line");
                FieldDef {
                    id: FieldId::new(format!("{side}{i}")).unwrap(),
                    title: if upper && i % 2 == 0 {
                        title.to_uppercase()
                    } else if i % 17 == 0 {
                        format!("{title} ({side})")
                    } else {
                        title
                    },
                    kind,
                    system: i % 23 == 0,
                    options: if matches!(kind, FieldType::Dropdown | FieldType::Multiselect) {
                        (0..10)
                            .map(|o| FieldOption {
                                tag: format!("option_{o}"),
                                name: None,
                            })
                            .collect()
                    } else {
                        Vec::new()
                    },
                    on_default_form: true,
                }
            })
            .collect()
    };
    let (ours, theirs) = (fields("a", false), fields("b", true));
    let plan = plan_fields(&ours, &theirs, true).unwrap();
    assert!(plan.fields.iter().filter(|f| f.transfer.is_some()).count() > 150);
    c.benchmark_group("agreement")
        .bench_function("field_plan_200_fields", |b| {
            b.iter(|| plan_fields(black_box(&ours), &theirs, true).map(|p| p.fields.len()))
        });
}

/// NHD-01: reading a shared ticket of 1,000 comments (each 400 characters, an author, a
/// timestamp, every third with an attachment) from its JSON body, bounds checked.
fn nhd_ticket(c: &mut Criterion) {
    let uuid = "0123456789abcdef0123456789abcdef01234567";
    let comments: Vec<serde_json::Value> = (0..1000)
        .map(|i| {
            let mut comment = serde_json::json!({
                "uuid": uuid,
                "author": {"uuid": uuid, "name": format!("Agent {i}"), "role": "agent"},
                "body": "The customer reports that the label says 42 but the shoe is a 40. ".repeat(6),
                "authored_at": "2026-11-23 09:00:00 +0000",
                "public": i % 2 == 0
            });
            if i % 3 == 0 {
                comment["attachments"] = serde_json::json!([{"url": "https://files.example/a.png", "filename": "a.png", "content_type": "image/png"}]);
            }
            comment
        })
        .collect();
    let body = serde_json::json!({
        "uuid": uuid, "subject": "Size label mismatch", "status": "open",
        "requested_at": "2026-11-23 09:00:00 +0000", "requester": {"uuid": uuid, "name": "Carla"},
        "comments": comments, "tags": ["vip", "shoes"]
    })
    .to_string();
    assert_eq!(
        ticketshare::nhd::objects::parse_ticket(&body)
            .unwrap()
            .comments
            .len(),
        1000
    );
    let mut group = c.benchmark_group("nhd");
    group.throughput(criterion::Throughput::Bytes(body.len() as u64));
    group.bench_function("parse_ticket_1000_comments", |b| {
        b.iter(|| {
            ticketshare::nhd::objects::parse_ticket(black_box(&body)).map(|t| t.comments.len())
        })
    });
    // Reference: the same text read into a `serde_json::Value`, no checks, no types.
    group.bench_function("serde_json_value_same_body", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&body)).is_ok())
    });
    // The whole decision on `POST /tickets/<uuid>` with that body: route, key, media type,
    // parse, the share record, 1,000 comments and their placeholder.
    let input: ticketshare::nhd::NhdReceive = serde_json::from_value(serde_json::json!({
        "account": {"id": "bolt", "name": "Bolt Parts", "url": "https://bolt.example/sharing"},
        "request": {
            "method": "POST",
            "path": format!("/sharing/tickets/{uuid}"),
            "headers": {"X-Ticket-Sharing-Token": format!("{uuid}:{}", "cd".repeat(20)), "Content-Type": "application/json"},
            "body": body
        },
        "agreement": {
            "id": uuid, "account_id": "bolt", "access_key": "cd".repeat(20), "side": "receiver",
            "partner": {"name": "Acme Shoes", "url": "https://acme.example/sharing"},
            "terms": {"comments": "public_and_private", "sync_tags": true},
            "status": "accepted", "created_at": "2026-11-23T09:00:00Z", "updated_at": "2026-11-23T09:00:00Z"
        },
        "new_ticket_id": "B-1",
        "now": "2026-11-23T10:00:00Z"
    }))
    .unwrap();
    let engine = engine();
    let decided = engine.nhd_receive(&input).unwrap();
    assert_eq!(decided.answer.status, 201, "{:?}", decided.answer.body);
    group.bench_function("receive_ticket_1000_comments", |b| {
        b.iter(|| {
            engine
                .nhd_receive(black_box(&input))
                .map(|d| d.answer.status)
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    permission_decision,
    agent_access,
    cc_decisions,
    status_map,
    field_plan,
    nhd_ticket
);
criterion_main!(benches);
