//! The Networked Help Desk objects on the wire (NHD-01..03): reading and writing, defaults,
//! unknown fields, bounds, and the round trip as a property.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use proptest::prelude::*;
use serde_json::json;
use std::collections::BTreeMap;
use ticketshare::agreement::field_values::FieldValue;
use ticketshare::agreement::*;
use ticketshare::nhd::objects::{
    parse_agreement, parse_ticket, to_json, NhdFieldValue, MAX_BODY_BYTES,
};
use ticketshare::nhd::*;
use ticketshare::Reason;

const UUID: &str = "0123456789abcdef0123456789abcdef01234567";

fn refusal(result: ticketshare::Result<impl std::fmt::Debug>) -> (Reason, String) {
    let error = result.unwrap_err();
    (error.reason(), error.detail().to_owned())
}

#[test]
fn nhd_01_objects_are_read_with_unknown_fields_ignored_and_written_without_them() {
    let body = json!({
        "uuid": UUID.to_uppercase(),
        "name": "Acme Shoes",
        "receiver_url": "https://bolt.example/sharing",
        "sender_url": "https://acme.example/sharing",
        "access_key": "ffffffffffffffffffffffffffffffffffffffff",
        "status": "pending",
        "allows_public_comments": true,
        "sync_tags": false,
        "current_actor": {"name": "Ada", "role": "agent", "shoe_size": 42},
        "a_field_from_the_future": {"nested": [1, 2]}
    });
    let agreement = parse_agreement(&body.to_string()).unwrap();
    assert_eq!(agreement.uuid.to_string(), UUID);
    assert_eq!(agreement.status, Some(AgreementStatus::Pending));
    assert_eq!(agreement.sync_custom_fields, None, "absent stays absent");
    let written: serde_json::Value = serde_json::from_str(&to_json(&agreement).unwrap()).unwrap();
    let keys: Vec<_> = written.as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys,
        vec![
            "access_key",
            "allows_public_comments",
            "current_actor",
            "name",
            "receiver_url",
            "sender_url",
            "status",
            "sync_tags",
            "uuid"
        ]
    );
    assert_eq!(
        written["current_actor"],
        json!({"name": "Ada", "role": "agent"})
    );
    // A ticket with its comments, attachments, tags and custom fields of every value kind.
    let ticket = parse_ticket(
        &json!({
            "uuid": UUID,
            "subject": "Size label mismatch",
            "requested_at": "2011-01-17 01:01:01 +0000",
            "status": "open",
            "requester": {"uuid": UUID, "name": "Carla"},
            "comments": [{
                "uuid": UUID, "author": {"name": "Ada"}, "body": "Hello", "html_body": "<p>Hello</p>",
                "authored_at": "2011-01-17T02:01:01+01:00",
                "attachments": [{"url": "https://files.example/1", "filename": "a.png", "content_type": "image/png", "display_filename": "A"}]
            }],
            "tags": ["vip"],
            "original_id": "12",
            "custom_fields": {"Model": "X100", "Count": 3, "Sizes": ["s", "m"], "Fragile": true, "Gone": null}
        })
        .to_string(),
    )
    .unwrap();
    assert_eq!(
        ticket.comments[0].authored_at, ticket.requested_at,
        "instants compare"
    );
    let fields = ticket.custom_fields.as_ref().unwrap();
    assert_eq!(
        fields["Sizes"],
        FieldValue::Tags(vec!["s".into(), "m".into()]).into()
    );
    assert_eq!(fields["Gone"], FieldValue::Null.into());
    let again = parse_ticket(&to_json(&ticket).unwrap()).unwrap();
    assert_eq!(again, ticket);
    assert!(to_json(&ticket)
        .unwrap()
        .contains("\"requested_at\":\"2011-01-17 01:01:01 +0000\""));
}

#[test]
fn nhd_03_public_is_true_when_absent_or_null_and_any_other_non_boolean_is_refused() {
    let with = |public: Option<serde_json::Value>| {
        let mut comment = json!({"body": "x"});
        if let Some(value) = public {
            comment["public"] = value;
        }
        parse_ticket(&json!({"uuid": UUID, "comments": [comment]}).to_string())
    };
    assert!(with(None).unwrap().comments[0].public);
    assert!(with(Some(json!(null))).unwrap().comments[0].public);
    assert!(!with(Some(json!(false))).unwrap().comments[0].public);
    for bad in [json!("true"), json!("false"), json!(1), json!({})] {
        let (reason, detail) = refusal(with(Some(bad.clone())));
        assert_eq!(reason, Reason::InvalidRequest, "{bad}");
        assert!(detail.starts_with("body.comments[0].public"), "{detail}");
    }
}

#[test]
fn sec_03_bodies_that_cannot_be_are_refused_with_the_field_named() {
    let cases = [
        (r#"{"uuid": ""#.to_owned(), Reason::InvalidRequest, "body"),
        (
            format!(r#"[{{"uuid": "{UUID}"}}]"#),
            Reason::InvalidRequest,
            "body",
        ),
        (
            r#"{"uuid": "123abc"}"#.to_owned(),
            Reason::InvalidId,
            "body.uuid",
        ),
        (
            format!(r#"{{"uuid": "{UUID}", "requested_at": "2011-01-17 01:01:01"}}"#),
            Reason::InvalidTime,
            "body.requested_at",
        ),
        (
            format!(r#"{{"uuid": "{UUID}", "subject": "two\nlines"}}"#),
            Reason::InvalidText,
            "body.subject",
        ),
        (
            format!(
                r#"{{"uuid": "{UUID}", "comments": [{{"body": "{}"}}]}}"#,
                "x".repeat(70_000)
            ),
            Reason::InvalidText,
            "body.comments[0].body",
        ),
        (
            format!(
                r#"{{"uuid": "{UUID}", "comments": {}}}"#,
                serde_json::to_string(&vec![json!({"body": "x"}); 5_001]).unwrap()
            ),
            Reason::InvalidRequest,
            "body.comments",
        ),
        (
            format!(r#"{{"uuid": "{UUID}", "custom_fields": [1]}}"#),
            Reason::InvalidRequest,
            "body.custom_fields",
        ),
    ];
    for (body, reason, path) in cases {
        let (got, detail) = refusal(parse_ticket(&body));
        assert_eq!(got, reason, "{detail}");
        assert!(detail.starts_with(path), "{path}: {detail}");
    }
    let huge = format!(
        r#"{{"uuid": "{UUID}", "subject": "{}"}}"#,
        "x".repeat(MAX_BODY_BYTES)
    );
    assert_eq!(refusal(parse_ticket(&huge)).0, Reason::RequestTooLarge);
    let (reason, _) = refusal(parse_agreement(
        r#"{"uuid": "0123456789abcdef0123456789abcdef01234567", "status": "revived"}"#,
    ));
    assert_eq!(reason, Reason::InvalidRequest);
}

fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 àéß€.,!?-]{1,20}".prop_map(|s| {
        let t = s.trim().to_owned();
        if t.is_empty() {
            "x".to_owned()
        } else {
            t
        }
    })
}

fn actor() -> impl Strategy<Value = NhdActor> {
    (
        proptest::option::of(any::<[u8; 20]>()),
        text(),
        proptest::option::of(prop_oneof![
            Just("agent".to_owned()),
            Just("user".to_owned())
        ]),
    )
        .prop_map(|(uuid, name, role)| NhdActor {
            uuid: uuid.map(SharedUserId::from_bytes),
            name,
            role,
        })
}

fn time() -> impl Strategy<Value = NhdTime> {
    (0i64..4_000_000_000).prop_map(NhdTime::from_unix_seconds)
}

fn value() -> impl Strategy<Value = FieldValue> {
    prop_oneof![
        Just(FieldValue::Null),
        any::<bool>().prop_map(FieldValue::Bool),
        any::<i64>().prop_map(|n| FieldValue::Number(n.into())),
        text().prop_map(FieldValue::Text),
        proptest::collection::vec(text(), 0..3).prop_map(FieldValue::Tags),
    ]
}

/// Media types as real peers write them (a content type is one, NHD-10).
fn media() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just("image"), Just("text"), Just("application")],
        "[a-z0-9][a-z0-9.+-]{0,12}",
        proptest::option::of(Just("; charset=utf-8")),
    )
        .prop_map(|(kind, sub, params)| format!("{kind}/{sub}{}", params.unwrap_or_default()))
}

fn fields() -> impl Strategy<Value = Option<BTreeMap<String, FieldValue>>> {
    proptest::option::of(proptest::collection::btree_map(text(), value(), 0..4))
}

fn comment() -> impl Strategy<Value = NhdComment> {
    (
        proptest::option::of(any::<[u8; 20]>()),
        proptest::option::of(actor()),
        text(),
        proptest::option::of(text()),
        proptest::option::of(time()),
        any::<bool>(),
        proptest::collection::vec((text(), text(), proptest::option::of(media())), 0..2),
        fields(),
    )
        .prop_map(
            |(uuid, author, body, html_body, authored_at, public, attachments, custom_fields)| {
                NhdComment {
                    uuid: uuid.map(SharedCommentId::from_bytes),
                    author,
                    body,
                    html_body,
                    authored_at,
                    public,
                    attachments: attachments
                        .into_iter()
                        .map(|(name, filename, content_type)| NhdAttachment {
                            url: format!("https://files.example/{}", name.replace(' ', "_")),
                            filename,
                            content_type,
                            display_filename: None,
                        })
                        .collect(),
                    custom_fields: wire_fields(custom_fields),
                }
            },
        )
}

fn wire_fields(
    fields: Option<BTreeMap<String, FieldValue>>,
) -> Option<BTreeMap<String, NhdFieldValue>> {
    fields.map(|f| f.into_iter().map(|(k, v)| (k, v.into())).collect())
}

fn ticket() -> impl Strategy<Value = NhdTicket> {
    (
        any::<[u8; 20]>(),
        proptest::option::of(text()),
        proptest::option::of(time()),
        proptest::option::of(prop_oneof![
            Just("new".to_owned()),
            Just("open".to_owned()),
            Just("hold".to_owned())
        ]),
        proptest::option::of(actor()),
        proptest::collection::vec(comment(), 0..4),
        proptest::option::of(actor()),
        proptest::option::of(proptest::collection::vec(text(), 0..3)),
        proptest::option::of(text()),
        fields(),
        proptest::option::of(text()),
    )
        .prop_map(
            |(
                uuid,
                subject,
                requested_at,
                status,
                requester,
                comments,
                current_actor,
                tags,
                original_id,
                custom_fields,
                custom_status,
            )| NhdTicket {
                uuid: SharedTicketId::from_bytes(uuid),
                subject,
                requested_at,
                status,
                requester,
                comments,
                current_actor,
                tags,
                original_id,
                custom_fields: wire_fields(custom_fields),
                custom_status,
            },
        )
}

fn agreement() -> impl Strategy<Value = NhdAgreement> {
    (
        any::<[u8; 20]>(),
        proptest::option::of(text()),
        proptest::option::of(any::<[u8; 20]>()),
        proptest::option::of(proptest::sample::select(AgreementStatus::ALL.to_vec())),
        proptest::option::of(actor()),
        (
            proptest::option::of(any::<bool>()),
            proptest::option::of(any::<bool>()),
            proptest::option::of(any::<bool>()),
        ),
        proptest::option::of(prop_oneof![Just(Side::Sender), Just(Side::Receiver)]),
    )
        .prop_map(
            |(uuid, name, key, status, current_actor, (tags, fields, public), deactivated_by)| {
                NhdAgreement {
                    uuid: AgreementId::from_bytes(uuid),
                    name,
                    receiver_url: Some("https://bolt.example/sharing".into()),
                    sender_url: None,
                    access_key: key.map(|k| {
                        AccessKey::parse(&k.iter().map(|b| format!("{b:02x}")).collect::<String>())
                            .unwrap()
                    }),
                    status,
                    current_actor,
                    sync_tags: tags,
                    sync_custom_fields: fields,
                    allows_public_comments: public,
                    deactivated_by,
                }
            },
        )
}

proptest! {
    /// NHD-01: whatever a ticket or an agreement holds, reading what was written gives it back.
    #[test]
    fn nhd_01_reading_what_was_written_gives_the_object_back(ticket in ticket(), agreement in agreement()) {
        prop_assert_eq!(parse_ticket(&to_json(&ticket).unwrap()).unwrap(), ticket);
        prop_assert_eq!(parse_agreement(&to_json(&agreement).unwrap()).unwrap(), agreement);
    }
}
