//! What crosses with a shared ticket (ACC-14, ACC-16..18): comments, people, attachments and
//! recordings, and no email.

use super::*;

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
