//! Tags, marks and revisions (ACC-19, ACC-21, SEC-02).

use super::*;

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
