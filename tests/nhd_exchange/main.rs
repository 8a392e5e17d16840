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

#[path = "../common/mod.rs"]
mod common;

mod story;

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
            received_comments: Vec::new(),
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
