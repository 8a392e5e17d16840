//! What the collaborator sees and sends (EXT-06, EXT-07, EXT-11, EXT-12): the thread only after
//! the right code, this share's notes only, replies as external notes, one share's reach.

use super::*;

#[test]
fn ext_06_thread_is_shown_only_after_the_right_code() {
    let engine = engine();
    let created = create(&engine, false);
    let thread = thread(created.share.id, ShareId::from_bytes([9; 16]));
    // The link token itself is no session.
    assert_eq!(
        reason(engine.view(&created.link_token, &created.share, &thread, at(1))),
        Reason::TokenWrongPurpose
    );
    let (challenge, code) = open_with_code(&engine, &created, at(60));
    assert_eq!(code.len(), 6);
    let rejected = engine
        .check_code(
            &created.link_token,
            &created.share,
            &challenge,
            &wrong(&code),
            at(70),
        )
        .unwrap();
    let CodeChecked::Rejected {
        challenge,
        attempts_left,
        ..
    } = rejected
    else {
        panic!("wrong code accepted")
    };
    assert_eq!(attempts_left, 4);
    let accepted = engine
        .check_code(
            &created.link_token,
            &created.share,
            &challenge,
            &code,
            at(80),
        )
        .unwrap();
    let CodeChecked::Accepted {
        share,
        session_token,
        ..
    } = accepted
    else {
        panic!("right code refused")
    };
    assert_eq!(
        share.verification,
        Verification::Verified {
            at: at(80).timestamp()
        }
    );
    assert!(engine.view(&session_token, &share, &thread, at(90)).is_ok());
    // The unverified share record does not admit the session.
    assert_eq!(
        reason(engine.view(&session_token, &created.share, &thread, at(90))),
        Reason::VerificationRequired
    );
}

#[test]
fn ext_07_view_has_messages_and_this_shares_notes_only() {
    let engine = engine();
    let created = create(&engine, false);
    let (share, session) = verified(&engine, &created);
    let thread = thread(share.id, ShareId::from_bytes([9; 16]));
    let view = engine.view(&session, &share, &thread, at(100)).unwrap();
    let ids: Vec<&str> = view.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        ["m1", "m2", "x1"],
        "internal note and other share's note must be absent"
    );
    assert!(view.customer.is_none());
    assert_eq!(view.items[0].author.name, "Customer");
    assert!(!serde_json::to_string(&view).unwrap().contains("Carla"));
    assert!(!serde_json::to_string(&view).unwrap().contains("ORD-555"));
}

#[test]
fn ext_07_view_has_customer_details_when_included() {
    let engine = engine();
    let created = create(&engine, true);
    let (share, session) = verified(&engine, &created);
    let view = engine
        .view(
            &session,
            &share,
            &thread(share.id, ShareId::from_bytes([9; 16])),
            at(100),
        )
        .unwrap();
    assert_eq!(
        view.customer.as_ref().map(|c| c.name.as_str()),
        Some("Carla Customer")
    );
    assert_eq!(view.items[0].author.name, "Carla Customer");
    assert!(!view.items.iter().any(|i| i.kind == ItemKind::InternalNote));
}

#[test]
fn ext_12_customer_contact_is_never_shown_even_with_details_included() {
    let engine = engine();
    for include in [false, true] {
        let created = create(&engine, include);
        let (share, session) = verified(&engine, &created);
        let view = engine
            .view(
                &session,
                &share,
                &thread(share.id, ShareId::from_bytes([9; 16])),
                at(100),
            )
            .unwrap();
        let json = serde_json::to_string(&view).unwrap();
        assert!(
            !json.contains("carla@customer.example"),
            "include={include}"
        );
        assert!(!json.contains("7946"), "include={include}");
    }
}

#[test]
fn ext_11_reply_becomes_an_external_note_with_optional_copy() {
    let engine = engine();
    let created = create(&engine, false);
    let (share, session) = verified(&engine, &created);
    let reply = CollaboratorReply {
        body: "We will **replace** it: <https://supplier.example.com/rma/12>".into(),
        attachments: vec![ticketshare::share::thread::Attachment {
            name: "label.jpg".into(),
            content_type: "image/jpeg".into(),
            size_bytes: 52_000,
            reference: "upload-77".into(),
        }],
        send_copy: true,
    };
    let accepted = engine
        .reply(
            &session,
            &share,
            &reply,
            &account("enterprise"),
            at(200),
            &mut rng(),
        )
        .unwrap();
    assert_eq!(
        accepted.note.kind,
        ItemKind::ExternalNote {
            share_id: share.id,
            purpose: ExternalNotePurpose::CollaboratorReply
        }
    );
    assert!(!accepted.note.kind.visible_to_customer());
    assert_eq!(accepted.note.author.role, AuthorRole::Collaborator);
    assert_eq!(accepted.note.attachments.len(), 1);
    let copy = accepted.copy_email.unwrap();
    assert_eq!(copy.to, share.recipient);
    assert!(copy
        .html_body
        .contains("&lt;https://supplier.example.com/rma/12&gt;"));
    let no_copy = CollaboratorReply {
        send_copy: false,
        ..reply
    };
    assert!(engine
        .reply(
            &session,
            &share,
            &no_copy,
            &account("enterprise"),
            at(200),
            &mut rng()
        )
        .unwrap()
        .copy_email
        .is_none());
}

#[test]
fn ext_11_reply_bounds_are_enforced() {
    let engine = engine();
    let created = create(&engine, false);
    let (share, session) = verified(&engine, &created);
    let attachment = ticketshare::share::thread::Attachment {
        name: "a.pdf".into(),
        content_type: "application/pdf".into(),
        size_bytes: 1,
        reference: "r".into(),
    };
    let many = CollaboratorReply {
        body: "ok".into(),
        attachments: vec![attachment.clone(); 11],
        send_copy: false,
    };
    assert_eq!(
        reason(engine.reply(
            &session,
            &share,
            &many,
            &account("enterprise"),
            at(200),
            &mut rng()
        )),
        Reason::AttachmentLimit
    );
    let huge = CollaboratorReply {
        body: "ok".into(),
        attachments: vec![ticketshare::share::thread::Attachment {
            size_bytes: 26 * 1024 * 1024,
            ..attachment
        }],
        send_copy: false,
    };
    assert_eq!(
        reason(engine.reply(
            &session,
            &share,
            &huge,
            &account("enterprise"),
            at(200),
            &mut rng()
        )),
        Reason::AttachmentLimit
    );
    let empty = CollaboratorReply {
        body: " ".into(),
        attachments: vec![],
        send_copy: false,
    };
    assert_eq!(
        reason(engine.reply(
            &session,
            &share,
            &empty,
            &account("enterprise"),
            at(200),
            &mut rng()
        )),
        Reason::InvalidText
    );
}

#[test]
fn ext_12_a_session_reaches_only_its_own_share_and_ticket() {
    let engine = engine();
    let created = create(&engine, false);
    let (share, session) = verified(&engine, &created);
    let mut other = share.clone();
    other.id = ShareId::from_bytes([5; 16]);
    let thread = thread(share.id, other.id);
    assert_eq!(
        reason(engine.view(&session, &other, &thread, at(100))),
        Reason::LinkRecordMismatch
    );
    let mut other_ticket = thread.clone();
    other_ticket.ticket_id = TicketId::new("T-9999").unwrap();
    // SEC-06: from the collaborator's side, another ticket's records look like any invalid link.
    let refused = engine
        .view(&session, &share, &other_ticket, at(100))
        .unwrap_err();
    assert_eq!(refused.reason(), Reason::LinkRecordMismatch);
    assert_eq!(refused.public_category(), PublicCategory::InvalidLink);
    let reply = CollaboratorReply {
        body: "hello".into(),
        attachments: vec![],
        send_copy: false,
    };
    assert_eq!(
        reason(engine.reply(
            &session,
            &other,
            &reply,
            &account("enterprise"),
            at(100),
            &mut rng()
        )),
        Reason::LinkRecordMismatch
    );
}
