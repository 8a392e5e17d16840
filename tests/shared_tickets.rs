//! Tickets shared between accounts (ACC-09..19, ACC-21), one test group per rule; the
//! custom-field rules (ACC-20) are in `shared_fields.rs`.
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
use ticketshare::agreement::content::*;
use ticketshare::agreement::status::*;
use ticketshare::agreement::tickets::*;
use ticketshare::agreement::*;
use ticketshare::base::url::HttpsUrl;
use ticketshare::cc::PersonRole;
use ticketshare::*;

fn reason<T: std::fmt::Debug>(result: Result<T>) -> Reason {
    result.unwrap_err().reason()
}

fn ticket(id: &str, status: StatusCategory, shares: Vec<TicketShare>) -> LocalTicket {
    LocalTicket {
        id: TicketId::new(id).unwrap(),
        status,
        shares,
    }
}

/// Acme shares T-1 with Bolt; Bolt receives it as B-1. Returns (acme's agreement, bolt's,
/// acme's share, bolt's share).
fn shared(terms: Terms) -> (Agreement, Agreement, TicketShare, TicketShare) {
    let engine = engine();
    let (ours, theirs) = accepted(&acme(), &bolt(), terms, 1);
    let sent = engine
        .share_ticket(
            &agent(),
            &acme(),
            &ticket("T-1", StatusCategory::Open, vec![]),
            ours.id,
            std::slice::from_ref(&ours),
            at(10),
            &mut seeded(),
        )
        .unwrap();
    let received = engine
        .receive_ticket(
            &bolt(),
            &theirs,
            sent.share.id,
            TicketId::new("B-1").unwrap(),
            at(11),
        )
        .unwrap();
    (ours, theirs, sent.share, received.share)
}

#[test]
fn acc_09_a_ticket_goes_to_one_account_and_on_only_under_the_receivers_own_agreement() {
    let engine = engine();
    let (ours, _, sent, received) = shared(public_terms());
    let (to_cargo, _) = accepted(&acme(), &cargo(), public_terms(), 2);
    let agreements = [ours.clone(), to_cargo.clone()];
    let second = engine.share_ticket(
        &agent(),
        &acme(),
        &ticket("T-1", StatusCategory::Open, vec![sent.clone()]),
        to_cargo.id,
        &agreements,
        at(20),
        &mut seeded(),
    );
    assert_eq!(reason(second), Reason::TicketAlreadyShared);
    // Bolt shares its copy on with Cargo under its own agreement...
    let (bolt_to_cargo, _) = accepted(&bolt(), &cargo(), public_terms(), 3);
    let (bolt_received, _) = {
        let (a, b) = accepted(&acme(), &bolt(), public_terms(), 1);
        (b, a)
    };
    let bolt_agreements = [bolt_received.clone(), bolt_to_cargo.clone()];
    let copy = ticket("B-1", StatusCategory::Open, vec![received.clone()]);
    let on = engine
        .share_ticket(
            &agent(),
            &bolt(),
            &copy,
            bolt_to_cargo.id,
            &bolt_agreements,
            at(21),
            &mut seeded(),
        )
        .unwrap();
    assert_eq!(on.share.partner, cargo().name);
    // ...never under the agreement it received the ticket by.
    let under_received = engine.share_ticket(
        &agent(),
        &bolt(),
        &copy,
        bolt_received.id,
        &bolt_agreements,
        at(21),
        &mut seeded(),
    );
    assert_eq!(reason(under_received), Reason::AgreementWrongSide);
    // ...and never back to where it came from.
    let (bolt_to_acme, _) = accepted(&bolt(), &acme(), public_terms(), 4);
    let back = engine.share_ticket(
        &agent(),
        &bolt(),
        &copy,
        bolt_to_acme.id,
        &[bolt_received, bolt_to_acme.clone()],
        at(21),
        &mut seeded(),
    );
    assert_eq!(reason(back), Reason::TicketAlreadyShared);
    // Only an accepted agreement carries tickets.
    let pending = invite(&acme(), &account("dune", "Dune Ltd"), public_terms(), 5).agreement;
    let refused = engine.share_ticket(
        &agent(),
        &acme(),
        &ticket("T-2", StatusCategory::Open, vec![]),
        pending.id,
        &[ours, pending.clone()],
        at(22),
        &mut seeded(),
    );
    assert_eq!(reason(refused), Reason::AgreementNotAccepted);
}

#[test]
fn acc_10_closed_tickets_are_not_shared_and_shared_tickets_are_not_merged() {
    let engine = engine();
    let (ours, _, sent, _) = shared(public_terms());
    let closed = engine.share_ticket(
        &agent(),
        &acme(),
        &ticket("T-9", StatusCategory::Closed, vec![]),
        ours.id,
        std::slice::from_ref(&ours),
        at(20),
        &mut seeded(),
    );
    assert_eq!(reason(closed), Reason::TicketClosed);
    let plain = ticket("T-5", StatusCategory::Open, vec![]);
    let shared = ticket("T-1", StatusCategory::Open, vec![sent.clone()]);
    assert_eq!(
        reason(engine.check_merge(&shared, &plain)),
        Reason::SharedTicketUnmergeable
    );
    assert_eq!(
        reason(engine.check_merge(&plain, &shared)),
        Reason::SharedTicketUnmergeable
    );
    let ended = TicketShare {
        unshared_at: Some(at(30).timestamp()),
        ..sent
    };
    let unshared = ticket("T-1", StatusCategory::Open, vec![ended]);
    assert!(engine.check_merge(&unshared, &plain).unwrap().allowed);
}

#[test]
fn acc_11_the_receiver_gets_a_new_ticket_with_its_own_id() {
    let (_, theirs, sent, received) = shared(public_terms());
    assert_eq!(received.id, sent.id, "one shared ticket");
    assert_eq!(received.ticket_id.as_str(), "B-1");
    assert_ne!(received.ticket_id, sent.ticket_id);
    assert_eq!(
        (received.direction, received.agreement_id),
        (Direction::Received, theirs.id)
    );
    // Tickets arrive only under an agreement the account received.
    let (bolt_sends, _) = accepted(&bolt(), &cargo(), public_terms(), 6);
    let wrong = engine().receive_ticket(
        &bolt(),
        &bolt_sends,
        sent.id,
        TicketId::new("B-2").unwrap(),
        at(12),
    );
    assert_eq!(reason(wrong), Reason::AgreementWrongSide);
}

#[test]
fn acc_12_a_receiving_only_account_neither_shares_nor_unshares() {
    let engine = engine();
    let (ours, theirs, sent, received) = shared(public_terms());
    let copy = ticket("B-1", StatusCategory::Open, vec![received.clone()]);
    let receiving_only = std::slice::from_ref(&theirs);
    assert_eq!(
        reason(engine.unshare_ticket(
            &agent(),
            &bolt(),
            &copy,
            received.id,
            receiving_only,
            at(20)
        )),
        Reason::ReceivingOnly
    );
    let fresh = ticket("B-7", StatusCategory::Open, vec![]);
    assert_eq!(
        reason(engine.share_ticket(
            &agent(),
            &bolt(),
            &fresh,
            theirs.id,
            receiving_only,
            at(20),
            &mut seeded()
        )),
        Reason::ReceivingOnly
    );
    // With an accepted agreement of its own, it may.
    let (own, _) = accepted(&bolt(), &cargo(), public_terms(), 7);
    let ended = engine
        .unshare_ticket(
            &agent(),
            &bolt(),
            &copy,
            received.id,
            &[theirs, own],
            at(21),
        )
        .unwrap();
    assert!(!ended.share.active());
    // The sender stops sharing what it sent.
    let original = ticket("T-1", StatusCategory::Open, vec![sent.clone()]);
    let stopped = engine
        .unshare_ticket(&agent(), &acme(), &original, sent.id, &[ours], at(22))
        .unwrap();
    assert_eq!(stopped.share.unshared_at, Some(at(22).timestamp()));
}

fn statuses(custom: bool) -> StatusSettings {
    let s = |id: &str, category, default| CustomStatus {
        id: StatusId::new(id).unwrap(),
        category,
        default,
    };
    StatusSettings {
        custom_statuses: custom,
        statuses: if custom {
            vec![
                s("open-default", StatusCategory::Open, true),
                s("open-waiting-parts", StatusCategory::Open, false),
                s("pending-default", StatusCategory::Pending, true),
                s("hold-default", StatusCategory::OnHold, true),
                s("hold-vendor", StatusCategory::OnHold, false),
                s("solved-default", StatusCategory::Solved, true),
            ]
        } else {
            Vec::new()
        },
    }
}

/// Every status of every category an account of `custom` has.
fn every_status(custom: bool) -> Vec<TicketStatus> {
    let settings = statuses(custom);
    StatusCategory::ALL
        .iter()
        .flat_map(|category| {
            let ids: Vec<_> = settings
                .statuses
                .iter()
                .filter(|s| s.category == *category)
                .map(|s| Some(s.id.clone()))
                .collect();
            let ids = if ids.is_empty() { vec![None] } else { ids };
            ids.into_iter().map(|custom_id| TicketStatus {
                category: *category,
                custom_id,
            })
        })
        .collect()
}

#[test]
fn acc_13_statuses_map_by_the_table_for_every_status_of_every_category_both_ways() {
    let engine = engine();
    let (ours, theirs, _, _) = shared(public_terms());
    for (source_custom, target_custom) in
        [(false, false), (true, false), (false, true), (true, true)]
    {
        let (source, target) = (statuses(source_custom), statuses(target_custom));
        for agreement in [&ours, &theirs] {
            for status in every_status(source_custom) {
                let mapped = engine
                    .map_status(agreement, &source, &target, &status)
                    .unwrap();
                // On-hold arrives as Open; everything else in its own category.
                let category = if status.category == StatusCategory::OnHold {
                    StatusCategory::Open
                } else {
                    status.category
                };
                // The target's default status of that category when it has custom statuses
                // (even when the source's custom status exists in the target), else the
                // category itself.
                let default = target
                    .statuses
                    .iter()
                    .find(|s| s.category == category && s.default)
                    .map(|s| s.id.clone());
                let expected = TicketStatus {
                    category,
                    custom_id: if target_custom { default } else { None },
                };
                assert_eq!(
                    mapped.status, expected,
                    "{status:?} {source_custom} {target_custom}"
                );
                let case = match (source_custom, target_custom) {
                    (false, false) => MappingCase::Neither,
                    (true, false) => MappingCase::SourceOnly,
                    (false, true) => MappingCase::TargetOnly,
                    (true, true) => MappingCase::Both,
                };
                assert_eq!(mapped.case, case);
            }
        }
    }
    // Matching custom statuses still map to the default.
    let both = statuses(true);
    let waiting = TicketStatus {
        category: StatusCategory::Open,
        custom_id: Some(StatusId::new("open-waiting-parts").unwrap()),
    };
    let mapped = engine.map_status(&ours, &both, &both, &waiting).unwrap();
    assert_eq!(mapped.status.custom_id.unwrap().as_str(), "open-default");
    // A status the source does not have.
    let unknown = TicketStatus {
        category: StatusCategory::Pending,
        custom_id: Some(StatusId::new("open-waiting-parts").unwrap()),
    };
    assert_eq!(
        reason(engine.map_status(&ours, &both, &both, &unknown)),
        Reason::UnknownStatus
    );
    let plain = TicketStatus {
        category: StatusCategory::Open,
        custom_id: None,
    };
    assert_eq!(
        reason(engine.map_status(&ours, &both, &both, &plain)),
        Reason::UnknownStatus
    );
    // Host data that cannot be: two defaults in a category.
    let mut two_defaults = statuses(true);
    two_defaults.statuses[1].default = true;
    assert_eq!(
        reason(engine.map_status(&ours, &two_defaults, &both, &waiting)),
        Reason::RecordMismatch
    );
}

#[test]
fn acc_15_the_receiver_solves_only_under_sync_status() {
    let engine = engine();
    let solved = TicketStatus {
        category: StatusCategory::Solved,
        custom_id: None,
    };
    let (_, theirs, _, _) = shared(public_terms());
    let mapped = engine
        .map_status(&theirs, &statuses(false), &statuses(false), &solved)
        .unwrap();
    assert_eq!(mapped.status.category, StatusCategory::Solved);
    let (_, theirs, _, _) = shared(private_terms());
    assert_eq!(
        reason(engine.map_status(&theirs, &statuses(false), &statuses(false), &solved)),
        Reason::StatusNotSynced
    );
}

fn user(id: &str, name: &str, role: PersonRole) -> LocalUser {
    LocalUser {
        id: UserId::new(id).unwrap(),
        name: name.into(),
        role,
        email: Some(EmailAddress::parse(&format!("{id}@acme.example")).unwrap()),
        phone: Some("+44 20 7946 0000".into()),
        organization: Some("Acme Retail".into()),
    }
}

fn comment(
    id: &str,
    author: LocalUser,
    public: bool,
    attachments: Vec<LocalAttachment>,
) -> LocalComment {
    LocalComment {
        id: ItemId::new(id).unwrap(),
        author,
        body: format!("comment {id}"),
        public,
        created_at: at(30).timestamp(),
        attachments,
    }
}

fn attachment(id: &str, kind: AttachmentKind, transcription: Option<&str>) -> LocalAttachment {
    LocalAttachment {
        id: ItemId::new(id).unwrap(),
        filename: format!("{id}.bin"),
        content_type: "application/octet-stream".into(),
        url: HttpsUrl::parse(&format!("https://files.acme.example/{id}")).unwrap(),
        kind,
        transcription: transcription.map(Into::into),
    }
}

#[test]
fn acc_14_comments_of_both_kinds_reach_the_partner_and_ccs_stay_home() {
    let engine = engine();
    let (ours, theirs, sent, received) = shared(public_terms());
    let update = LocalUpdate {
        comments: vec![
            comment("c1", user("ada", "Ada", PersonRole::Agent), true, vec![]),
            comment("n1", user("ada", "Ada", PersonRole::Agent), false, vec![]),
        ],
        tags: None,
    };
    let payload = engine.prepare_update(&ours, &update, false).unwrap();
    let kinds: Vec<bool> = payload.comments.iter().map(|c| c.public).collect();
    assert_eq!(kinds, vec![true, false]);
    // On the original ticket a public comment from the partner notifies its CCs; on the
    // partner's copy there are no CCs to notify.
    let incoming = IncomingUpdate {
        comments: payload.comments.clone(),
        ..Default::default()
    };
    let at_bolt = engine
        .receive_update(&theirs, &received, &incoming, &[])
        .unwrap();
    assert!(!at_bolt.notify_original_ccs);
    let back = engine.prepare_update(&theirs, &update, false).unwrap();
    let at_acme = engine
        .receive_update(
            &ours,
            &sent,
            &IncomingUpdate {
                comments: back.comments,
                ..Default::default()
            },
            &[],
        )
        .unwrap();
    assert!(at_acme.notify_original_ccs);
    // Under private comments only the receiver comments privately...
    let (ours, theirs, sent, _) = shared(private_terms());
    assert_eq!(
        reason(engine.prepare_update(&theirs, &update, false)),
        Reason::PublicCommentNotAllowed
    );
    // ...and a public comment that arrives anyway is kept private, and says so.
    let arrived = engine
        .receive_update(
            &ours,
            &sent,
            &IncomingUpdate {
                comments: payload.comments,
                ..Default::default()
            },
            &[],
        )
        .unwrap();
    assert_eq!(
        arrived
            .comments
            .iter()
            .map(|c| (c.public, c.made_private))
            .collect::<Vec<_>>(),
        vec![(false, true), (false, false)]
    );
    assert!(!arrived.notify_original_ccs);
}

#[test]
fn acc_16_people_cross_as_a_name_and_a_role_and_arrive_as_new_placeholders() {
    let engine = engine();
    let (ours, theirs, _, received) = shared(public_terms());
    let ada = user("ada", "Ada", PersonRole::Agent);
    let payload = engine
        .prepare_update(
            &ours,
            &LocalUpdate {
                comments: vec![
                    comment("c1", ada.clone(), true, vec![]),
                    comment("c2", ada.clone(), false, vec![]),
                ],
                tags: None,
            },
            false,
        )
        .unwrap();
    let json = serde_json::to_string(&payload).unwrap();
    for secret in ["ada@acme.example", "+44 20", "Acme Retail", "\"ada\""] {
        assert!(!json.contains(secret), "{secret} crossed: {json}");
    }
    let author = &payload.comments[0].author;
    assert_eq!(
        (author.name.as_str(), author.role),
        ("Ada", PersonRole::Agent)
    );
    assert_eq!(
        payload.comments[1].author.id, author.id,
        "one person, one id"
    );
    let (other, _) = accepted(&acme(), &cargo(), public_terms(), 9);
    assert_ne!(
        engine.shared_actor(&other, &ada).unwrap().id,
        author.id,
        "ids differ per agreement"
    );
    // Arriving: one placeholder per person, an end user whatever they are over there, never
    // an existing user; a second Ada with another id is another placeholder.
    let twin = SharedActor {
        id: SharedUserId::from_bytes([7; 20]),
        ..author.clone()
    };
    let mut comments = payload.comments.clone();
    comments.push(SharedComment {
        author: twin.clone(),
        ..payload.comments[0].clone()
    });
    let update = IncomingUpdate {
        comments,
        tags: None,
        requester: Some(author.clone()),
    };
    let arrived = engine
        .receive_update(&theirs, &received, &update, &[])
        .unwrap();
    let made: Vec<_> = arrived
        .placeholders
        .iter()
        .map(|p| (p.partner_user, p.role))
        .collect();
    assert_eq!(
        made,
        vec![
            (author.id, PersonRole::EndUser),
            (twin.id, PersonRole::EndUser)
        ]
    );
    // A placeholder made before is reused; one of another agreement is not.
    let known = [
        Placeholder {
            agreement_id: theirs.id,
            partner_user: author.id,
            user_id: UserId::new("ph-1").unwrap(),
        },
        Placeholder {
            agreement_id: other.id,
            partner_user: twin.id,
            user_id: UserId::new("ph-2").unwrap(),
        },
    ];
    let again = engine
        .receive_update(&theirs, &received, &update, &known)
        .unwrap();
    let made: Vec<_> = again.placeholders.iter().map(|p| p.partner_user).collect();
    assert_eq!(made, vec![twin.id]);
}

#[test]
fn acc_17_secure_downloads_withhold_attachments_recordings_stay_and_transcriptions_cross() {
    let engine = engine();
    let (ours, _, _, _) = shared(public_terms());
    let update = LocalUpdate {
        comments: vec![comment(
            "c1",
            user("ada", "Ada", PersonRole::Agent),
            false,
            vec![
                attachment("photo", AttachmentKind::File, None),
                attachment("call", AttachmentKind::CallRecording, None),
                attachment(
                    "voicemail",
                    AttachmentKind::VoicemailRecording,
                    Some("Please call me back"),
                ),
            ],
        )],
        tags: None,
    };
    let open = engine.prepare_update(&ours, &update, false).unwrap();
    let files: Vec<_> = open.comments[0]
        .attachments
        .iter()
        .map(|a| a.filename.as_str())
        .collect();
    assert_eq!(files, vec!["photo.bin"]);
    assert!(open.comments[0].body.ends_with("Please call me back"));
    let reasons: Vec<_> = open
        .withheld
        .iter()
        .map(|w| (w.path.as_str(), w.reason))
        .collect();
    assert_eq!(
        reasons,
        vec![
            ("comments[0].attachments[1]", Withholding::Recording),
            ("comments[0].attachments[2]", Withholding::Recording),
        ]
    );
    let secure = engine.prepare_update(&ours, &update, true).unwrap();
    assert!(secure.comments[0].attachments.is_empty());
    assert_eq!(secure.withheld[0].reason, Withholding::SecureDownloads);
    assert!(
        secure.comments[0].body.ends_with("Please call me back"),
        "text still crosses"
    );
}

#[test]
fn acc_18_no_email_reaches_the_partner_and_its_copy_sends_no_notifications() {
    let engine = engine();
    let (ours, theirs, sent, received) = shared(public_terms());
    let payload = engine
        .prepare_update(
            &ours,
            &LocalUpdate {
                comments: vec![comment(
                    "c1",
                    user("ada", "Ada", PersonRole::Agent),
                    true,
                    vec![],
                )],
                tags: None,
            },
            false,
        )
        .unwrap();
    let update = IncomingUpdate {
        comments: payload.comments,
        ..Default::default()
    };
    let at_bolt = engine
        .receive_update(&theirs, &received, &update, &[])
        .unwrap();
    assert!(at_bolt.suppress_notifications);
    let at_acme = engine.receive_update(&ours, &sent, &update, &[]).unwrap();
    assert!(!at_acme.suppress_notifications);
    // Syncing stops with the agreement (ACC-06).
    let ended = engine
        .deactivate_agreement(&admin(), &bolt(), &theirs, at(40))
        .unwrap();
    assert_eq!(
        reason(engine.receive_update(&ended.agreement, &received, &update, &[])),
        Reason::AgreementNotAccepted
    );
}

#[test]
fn acc_19_tags_sync_only_under_tag_sync_and_never_those_rules_added() {
    let engine = engine();
    let tag = |name: &str, by_rule| LocalTag {
        name: name.into(),
        by_rule,
    };
    let update = LocalUpdate {
        comments: vec![],
        tags: Some(vec![
            tag("vip", false),
            tag("escalated", true),
            tag("parts", false),
        ]),
    };
    let (ours, theirs, _, received) = shared(public_terms());
    let payload = engine.prepare_update(&ours, &update, false).unwrap();
    assert_eq!(
        payload.tags,
        Some(vec!["vip".to_owned(), "parts".to_owned()])
    );
    assert_eq!(payload.withheld[0].path, "tags[1]");
    let incoming = IncomingUpdate {
        tags: payload.tags.clone(),
        ..Default::default()
    };
    let arrived = engine
        .receive_update(&theirs, &received, &incoming, &[])
        .unwrap();
    assert_eq!(arrived.tags, payload.tags);
    let (ours, theirs, _, received) = shared(private_terms());
    let payload = engine.prepare_update(&ours, &update, false).unwrap();
    assert_eq!(payload.tags, None);
    assert_eq!(payload.withheld[0].reason, Withholding::TagsNotSynced);
    let arrived = engine
        .receive_update(&theirs, &received, &incoming, &[])
        .unwrap();
    assert!(arrived.tags.is_none() && arrived.tags_ignored);
}

#[test]
fn acc_21_shared_tickets_carry_their_marks() {
    let (_, _, sent, received) = shared(public_terms());
    let at_acme = marks(std::slice::from_ref(&sent));
    assert_eq!(
        (
            at_acme.via_ticket_sharing,
            at_acme.received_from,
            at_acme.sent_to
        ),
        (false, None, Some(bolt().name))
    );
    let at_bolt = marks(std::slice::from_ref(&received));
    assert_eq!(
        (
            at_bolt.via_ticket_sharing,
            at_bolt.received_from,
            at_bolt.sent_to
        ),
        (true, Some(acme().name), None)
    );
    // The share result carries them too.
    let (_, theirs) = accepted(&acme(), &bolt(), public_terms(), 1);
    let arrived = engine()
        .receive_ticket(
            &bolt(),
            &theirs,
            sent.id,
            TicketId::new("B-3").unwrap(),
            at(11),
        )
        .unwrap();
    assert!(arrived.marks.via_ticket_sharing);
}

#[test]
fn sec_02_a_share_record_comes_back_with_the_next_revision_when_it_ends() {
    let (ours, _, sent, received) = shared(public_terms());
    assert_eq!((sent.revision.0, received.revision.0), (1, 1));
    let ended = common::engine()
        .unshare_ticket(
            &agent(),
            &acme(),
            &ticket("T-1", StatusCategory::Open, vec![sent.clone()]),
            sent.id,
            std::slice::from_ref(&ours),
            at(30),
        )
        .unwrap();
    assert_eq!(ended.share.revision.0, 2);
}
