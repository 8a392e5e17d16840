//! Two engines speak the Networked Help Desk protocol over real HTTP (NHD-04..08): Acme and
//! Bolt each run a tiny HTTP server on the loopback interface, each side's engine writes the
//! requests its host sends and decides the ones it receives, and each host stores what its
//! engine returns. From invitation to acceptance, a shared ticket, comments both ways, status
//! sync, unsharing and deactivation, every record and audit event is checked on both sides.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod common;

use common::agreements::*;
use common::{at, engine};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use ticketshare::agreement::content::*;
use ticketshare::agreement::incoming::{NewComment, Placeholder};
use ticketshare::agreement::status::StatusCategory;
use ticketshare::agreement::tickets::*;
use ticketshare::agreement::*;
use ticketshare::audit::{AuditActor, AuditEvent, AuditKind};
use ticketshare::base::url::HttpsUrl;
use ticketshare::cc::PersonRole;
use ticketshare::nhd::*;
use ticketshare::*;

/// One host: its account and what it stored.
#[derive(Default)]
struct Db {
    agreements: Vec<Agreement>,
    shares: Vec<TicketShare>,
    placeholders: Vec<Placeholder>,
    comments: Vec<NewComment>,
    statuses: Vec<String>,
    events: Vec<AuditEvent>,
    answered: Vec<u16>,
}

struct Host {
    account: SharingAccount,
    db: Mutex<Db>,
    now: Mutex<i64>,
}

impl Host {
    fn new(account: SharingAccount) -> Arc<Self> {
        Arc::new(Self {
            account,
            db: Mutex::default(),
            now: Mutex::new(0),
        })
    }

    /// What a host's sharing endpoint does: route, load, decide, store, answer.
    fn handle(&self, request: PartnerRequest) -> NhdAnswer {
        let engine = engine();
        let load = match engine.nhd_route(&request) {
            NhdRoute::Answer { answer, .. } => return answer,
            NhdRoute::Load(load) => load,
        };
        let mut db = self.db.lock().unwrap();
        let input = NhdReceive {
            account: self.account.clone(),
            agreement: db
                .agreements
                .iter()
                .find(|a| a.id == load.agreement_id)
                .cloned(),
            share: db
                .shares
                .iter()
                .find(|s| Some(s.id) == load.shared_ticket_id)
                .cloned(),
            placeholders: db.placeholders.clone(),
            new_ticket_id: load
                .creates_ticket
                .then(|| TicketId::new(format!("B-{}", db.shares.len() + 1)).unwrap()),
            sender_kind: PartnerKind::Instance,
            now: at(*self.now.lock().unwrap()),
            request,
        };
        let decision = engine.nhd_receive(&input).unwrap();
        db.events.extend(decision.events);
        db.answered.push(decision.answer.status);
        match decision.outcome {
            Some(NhdOutcome::InviteReceived { agreement, .. }) => {
                db.agreements.extend(agreement);
            }
            Some(NhdOutcome::AgreementChanged { agreement }) => {
                store(&mut db.agreements, agreement, |a| a.id)
            }
            Some(NhdOutcome::TicketReceived { share, arrival, .. })
            | Some(NhdOutcome::TicketUpdated { share, arrival }) => {
                store(&mut db.shares, share.clone(), |s| s.id);
                db.placeholders
                    .extend(arrival.update.placeholders.iter().map(|p| Placeholder {
                        agreement_id: share.agreement_id,
                        partner_user: p.partner_user,
                        user_id: UserId::new(format!("ph-{}", p.name)).unwrap(),
                    }));
                db.comments.extend(arrival.update.comments);
                db.statuses.extend(arrival.status);
            }
            Some(NhdOutcome::TicketUnshared { share }) => store(&mut db.shares, share, |s| s.id),
            Some(NhdOutcome::TicketRead { .. }) | None => {}
        }
        decision.answer
    }
}

fn store<T, K: PartialEq>(list: &mut Vec<T>, item: T, key: impl Fn(&T) -> K) {
    match list.iter_mut().find(|x| key(x) == key(&item)) {
        Some(slot) => *slot = item,
        None => list.push(item),
    }
}

/// A tiny HTTP/1.1 server on 127.0.0.1: one request per connection, `Content-Length` bodies.
fn serve(host: Arc<Host>) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let mut stream = stream.unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let mut parts = line.split_whitespace();
            let (method, path) = (
                parts.next().unwrap().to_owned(),
                parts.next().unwrap().to_owned(),
            );
            let mut headers = std::collections::BTreeMap::new();
            let mut length = 0;
            loop {
                let mut header = String::new();
                reader.read_line(&mut header).unwrap();
                let header = header.trim_end();
                if header.is_empty() {
                    break;
                }
                let (name, value) = header.split_once(':').unwrap();
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().unwrap();
                } else if !name.eq_ignore_ascii_case("host") {
                    headers.insert(name.to_owned(), value.trim().to_owned());
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let answer = host.handle(PartnerRequest {
                method,
                path,
                headers,
                body: (length > 0).then(|| String::from_utf8(body).unwrap()),
            });
            let body = answer.body.unwrap_or_default();
            let mut out = format!(
                "HTTP/1.1 {} X\r\nContent-Length: {}\r\n",
                answer.status,
                body.len()
            );
            for (name, value) in answer.headers {
                out.push_str(&format!("{name}: {value}\r\n"));
            }
            out.push_str("Connection: close\r\n\r\n");
            out.push_str(&body);
            stream.write_all(out.as_bytes()).unwrap();
        }
    });
    addr
}

/// Sends `request` as written by the engine to the loopback server standing for its URL's host;
/// returns the status and body.
fn send(to: SocketAddr, request: &NhdRequest) -> (u16, String) {
    let path = request
        .url
        .splitn(4, '/')
        .nth(3)
        .map(|p| format!("/{p}"))
        .unwrap();
    let body = request.body.clone().unwrap_or_default();
    let mut text = format!(
        "{} {path} HTTP/1.1\r\nHost: {to}\r\nContent-Length: {}\r\n",
        request.method.as_str(),
        body.len()
    );
    for (name, value) in &request.headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str("\r\n");
    text.push_str(&body);
    let mut stream = TcpStream::connect(to).unwrap();
    stream.write_all(text.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response.split_whitespace().nth(1).unwrap().parse().unwrap();
    let body = response.split_once("\r\n\r\n").unwrap().1.to_owned();
    (status, body)
}

fn user(id: &str, name: &str, role: PersonRole) -> LocalUser {
    LocalUser {
        id: UserId::new(id).unwrap(),
        name: name.into(),
        role,
        email: Some(EmailAddress::parse(&format!("{id}@example.com")).unwrap()),
        phone: None,
        organization: None,
    }
}

fn comment(id: &str, author: LocalUser, body: &str, public: bool, secs: i64) -> LocalUpdate {
    LocalUpdate {
        comments: vec![LocalComment {
            id: ItemId::new(id).unwrap(),
            author,
            body: body.into(),
            public,
            created_at: at(secs).timestamp(),
            attachments: vec![LocalAttachment {
                id: ItemId::new(format!("{id}-a")).unwrap(),
                filename: "photo.png".into(),
                content_type: "image/png".into(),
                url: HttpsUrl::parse("https://acme.example/files/photo.png").unwrap(),
                kind: AttachmentKind::File,
                transcription: None,
            }],
        }],
        tags: None,
    }
}

fn kinds(events: &[AuditEvent]) -> Vec<String> {
    events
        .iter()
        .map(|e| match &e.event {
            AuditKind::AgreementChanged { step, status, .. } => {
                format!("agreement {} -> {}", step.as_str(), status.as_str())
            }
            AuditKind::TicketShared { direction, .. } => format!("ticket {}", direction.as_str()),
            AuditKind::TicketUnshared { .. } => "ticket unshared".into(),
            AuditKind::PartnerRequestRefused { status, reason, .. } => {
                format!("refused {status} {reason}")
            }
            other => format!("{other:?}"),
        })
        .collect()
}

#[test]
fn nhd_04_to_08_two_engines_share_a_ticket_over_loopback_http() {
    let engine = engine();
    let (acme_host, bolt_host) = (Host::new(acme()), Host::new(bolt()));
    let (to_acme, to_bolt) = (serve(acme_host.clone()), serve(bolt_host.clone()));

    // Invitation: Acme's admin invites; Bolt's engine stores a pending copy.
    let invited = invite(&acme(), &bolt(), public_terms(), 7);
    let post = engine
        .nhd_agreement_request(&acme(), &invited.agreement, None)
        .unwrap();
    assert_eq!(post.method, NhdMethod::Post);
    assert_eq!(
        post.url,
        format!(
            "https://bolt.example/sharing/agreements/{}",
            invited.agreement.id
        )
    );
    assert_eq!(send(to_bolt, &post).0, 201);
    acme_host
        .db
        .lock()
        .unwrap()
        .agreements
        .push(invited.agreement.clone());
    let bolt_copy = bolt_host.db.lock().unwrap().agreements[0].clone();
    assert_eq!(
        (bolt_copy.side, bolt_copy.status),
        (Side::Receiver, AgreementStatus::Pending)
    );
    assert_eq!(
        (bolt_copy.terms, &bolt_copy.partner),
        (public_terms(), &acme().party())
    );
    assert_eq!(bolt_copy.access_key, invited.agreement.access_key);

    // Acceptance travels back as a PUT.
    *acme_host.now.lock().unwrap() = 2;
    let accepted = engine
        .accept_agreement(&admin(), &bolt(), &bolt_copy, at(2))
        .unwrap();
    bolt_host.db.lock().unwrap().agreements[0] = accepted.agreement.clone();
    let put = engine
        .nhd_agreement_request(
            &bolt(),
            &accepted.agreement,
            Some(&user("bo", "Bo", PersonRole::Agent)),
        )
        .unwrap();
    assert_eq!((put.method, send(to_acme, &put).0), (NhdMethod::Put, 200));
    let acme_copy = acme_host.db.lock().unwrap().agreements[0].clone();
    assert_eq!(acme_copy.status, AgreementStatus::Accepted);

    // Acme shares T-1 with a public comment and its status.
    let shared = engine
        .share_ticket(
            &agent(),
            &acme(),
            &LocalTicket {
                id: TicketId::new("T-1").unwrap(),
                status: StatusCategory::Open,
                shares: vec![],
            },
            acme_copy.id,
            std::slice::from_ref(&acme_copy),
            at(3),
            &mut seeded(),
        )
        .unwrap();
    acme_host
        .db
        .lock()
        .unwrap()
        .shares
        .push(shared.share.clone());
    *bolt_host.now.lock().unwrap() = 3;
    let carla = user("carla", "Carla Customer", PersonRole::EndUser);
    let abe = user("abe", "Abe Agent", PersonRole::Agent);
    let first = OutgoingTicket {
        subject: Some("Trainers too small".into()),
        requested_at: Some(at(1).timestamp()),
        status: Some("open".into()),
        requester: Some(carla.clone()),
        ..OutgoingTicket::default()
    };
    let share_request = engine
        .nhd_ticket_request(
            &acme_copy,
            &shared.share,
            TicketChangeKind::Share,
            &first,
            &comment("c1", carla.clone(), "They are tiny", true, 1),
            false,
        )
        .unwrap();
    assert!(
        !share_request
            .request
            .body
            .as_ref()
            .unwrap()
            .contains("carla@example.com"),
        "ACC-16: no address crosses"
    );
    assert_eq!(send(to_bolt, &share_request.request).0, 201);
    {
        let bolt = bolt_host.db.lock().unwrap();
        let received = &bolt.shares[0];
        assert_eq!(
            (received.id, received.direction, received.ticket_id.as_str()),
            (shared.share.id, Direction::Received, "B-1")
        );
        assert_eq!(
            bolt.placeholders.len(),
            1,
            "the requester, once, as the comment's author too"
        );
        assert_eq!(bolt.comments[0].body, "They are tiny");
        assert!(bolt.comments[0].public && bolt.comments[0].attachments.len() == 1);
        assert_eq!(bolt.statuses, ["open"]);
    }

    // Acme comments privately; Bolt answers publicly (public and private terms).
    let update = engine
        .nhd_ticket_request(
            &acme_copy,
            &shared.share,
            TicketChangeKind::Update,
            &OutgoingTicket::default(),
            &comment("c2", abe.clone(), "Checking batch B-17", false, 4),
            false,
        )
        .unwrap();
    assert_eq!(
        (update.request.method, send(to_bolt, &update.request).0),
        (NhdMethod::Put, 200)
    );
    let bolt_share = bolt_host.db.lock().unwrap().shares[0].clone();
    let bolt_agreement = bolt_host.db.lock().unwrap().agreements[0].clone();
    let back = engine
        .nhd_ticket_request(
            &bolt_agreement,
            &bolt_share,
            TicketChangeKind::Update,
            &OutgoingTicket::default(),
            &comment(
                "b1",
                user("bo", "Bo", PersonRole::Agent),
                "Replacement sent",
                true,
                5,
            ),
            false,
        )
        .unwrap();
    *acme_host.now.lock().unwrap() = 5;
    assert_eq!(send(to_acme, &back.request).0, 200);
    {
        let acme = acme_host.db.lock().unwrap();
        assert_eq!(acme.comments.len(), 1);
        assert_eq!(
            (acme.comments[0].body.as_str(), acme.comments[0].public),
            ("Replacement sent", true)
        );
        assert_eq!(
            acme.placeholders.len(),
            1,
            "Bo, as a placeholder end user of Acme's"
        );
    }

    // Status sync: Acme solves.
    let solved = OutgoingTicket {
        status: Some("solved".into()),
        ..OutgoingTicket::default()
    };
    let status = engine
        .nhd_ticket_request(
            &acme_copy,
            &shared.share,
            TicketChangeKind::Update,
            &solved,
            &LocalUpdate::default(),
            false,
        )
        .unwrap();
    assert_eq!(send(to_bolt, &status.request).0, 200);
    assert_eq!(bolt_host.db.lock().unwrap().statuses, ["open", "solved"]);

    // A wrong key and a missing token are refused, and the wrong key is audited.
    let mut forged = status.request.clone();
    forged.headers.insert(
        "X-Ticket-Sharing-Token".into(),
        format!("{}:{}", acme_copy.id, "0".repeat(40)),
    );
    assert_eq!(send(to_bolt, &forged).0, 403);
    forged.headers.remove("X-Ticket-Sharing-Token");
    let (code, body) = send(to_bolt, &forged);
    assert_eq!(code, 401);
    assert!(body.contains("partner_unauthenticated"), "{body}");

    // Acme unshares: DELETE ends Bolt's share.
    *bolt_host.now.lock().unwrap() = 6;
    let unshared = engine
        .unshare_ticket(
            &agent(),
            &acme(),
            &LocalTicket {
                id: TicketId::new("T-1").unwrap(),
                status: StatusCategory::Open,
                shares: vec![shared.share.clone()],
            },
            shared.share.id,
            std::slice::from_ref(&acme_copy),
            at(6),
        )
        .unwrap();
    let delete = engine
        .nhd_ticket_request(
            &acme_copy,
            &unshared.share,
            TicketChangeKind::Unshare,
            &OutgoingTicket::default(),
            &LocalUpdate::default(),
            false,
        )
        .unwrap();
    assert_eq!(
        (delete.request.method, delete.request.body.is_none()),
        (NhdMethod::Delete, true)
    );
    assert_eq!(send(to_bolt, &delete.request).0, 200);
    assert!(!bolt_host.db.lock().unwrap().shares[0].active());

    // Acme deactivates: Bolt's copy ends, by the sender, for good.
    *bolt_host.now.lock().unwrap() = 7;
    let ended = engine
        .deactivate_agreement(&admin(), &acme(), &acme_copy, at(7))
        .unwrap();
    let put = engine
        .nhd_agreement_request(&acme(), &ended.agreement, None)
        .unwrap();
    assert_eq!(send(to_bolt, &put).0, 200);
    let bolt_copy = bolt_host.db.lock().unwrap().agreements[0].clone();
    assert_eq!(
        (bolt_copy.status, bolt_copy.ended.map(|e| e.by)),
        (AgreementStatus::Inactive, Some(Side::Sender))
    );
    // Nothing travels under it any more (NHD-08: 403), and it never returns (ACC-06: 422).
    assert_eq!(send(to_bolt, &status.request).0, 403);
    let mut revive = put.clone();
    revive.body = Some(
        revive
            .body
            .unwrap()
            .replace("inactive", "accepted")
            .replace(",\"deactivated_by\":\"sender\"", ""),
    );
    assert_eq!(send(to_bolt, &revive).0, 422);

    let bolt = bolt_host.db.lock().unwrap();
    assert_eq!(bolt.answered, [201, 201, 200, 200, 403, 200, 200, 403, 422]);
    assert_eq!(
        kinds(&bolt.events),
        [
            "agreement receive -> pending",
            "ticket received",
            "refused 403 partner_wrong_key",
            "ticket unshared",
            "agreement deactivate -> inactive",
            "refused 403 agreement_not_accepted",
            "refused 422 agreement_inactive",
        ]
    );
    assert!(bolt.events.iter().all(
        |e| matches!(&e.actor, AuditActor::Partner { name } if name.as_str() == "Acme Shoes")
    ));
    let acme = acme_host.db.lock().unwrap();
    assert_eq!(acme.answered, [200, 200]);
    assert_eq!(kinds(&acme.events), ["agreement accept -> accepted"]);
}
