//! The life of a sharing agreement (ACC-01..08), one test group per rule, and the properties
//! that no sequence of events revives an ended agreement and that the sender never learns of
//! an opt-out.
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
use proptest::prelude::*;
use ticketshare::agreement::transition::transition;
use ticketshare::agreement::*;
use ticketshare::*;

fn reason<T: std::fmt::Debug>(result: Result<T>) -> Reason {
    result.unwrap_err().reason()
}

/// Bolt's pending copy of Acme's invitation.
fn pending(terms: Terms) -> (AgreementChange, Agreement) {
    let sent = invite(&acme(), &bolt(), terms, 1);
    let received = engine()
        .receive_invite(
            &bolt(),
            &invitation(&sent),
            PartnerKind::Instance,
            &[],
            at(1),
        )
        .unwrap();
    (sent, received.agreement.unwrap())
}

#[test]
fn acc_01_an_admin_invites_and_the_partner_accepts_declines_or_leaves_it_pending() {
    let engine = engine();
    let (sent, copy) = pending(public_terms());
    assert_eq!(sent.agreement.status, AgreementStatus::Pending);
    assert_eq!(sent.agreement.side, Side::Sender);
    let invitation = invitation(&sent);
    assert_eq!(invitation.agreement_id, sent.agreement.id);
    assert_eq!(invitation.sender, acme().party());
    assert_eq!(invitation.receiver_url, bolt().url);
    assert_eq!(
        (copy.side, copy.status, copy.id, &copy.partner),
        (
            Side::Receiver,
            AgreementStatus::Pending,
            sent.agreement.id,
            &acme().party()
        )
    );
    // Later: nothing changes, nothing is sent.
    let later = engine
        .defer_agreement(&admin(), &bolt(), &copy, at(2))
        .unwrap();
    assert_eq!(later.agreement, copy);
    assert!(later.notice.is_none() && later.events.is_empty());
    // Accept: both copies accepted.
    let accept = engine
        .accept_agreement(&admin(), &bolt(), &copy, at(2))
        .unwrap();
    assert_eq!(accept.agreement.status, AgreementStatus::Accepted);
    assert_eq!(update(&accept).status, AgreementStatus::Accepted);
    let applied = engine
        .apply_partner_update(&acme(), &sent.agreement, &update(&accept), at(3))
        .unwrap();
    assert_eq!(applied.agreement.status, AgreementStatus::Accepted);
    assert!(applied.notice.is_none(), "nothing goes back");
    // Decline: both copies declined.
    let decline = engine
        .decline_agreement(&admin(), &bolt(), &copy, at(2))
        .unwrap();
    let applied = engine
        .apply_partner_update(&acme(), &sent.agreement, &update(&decline), at(3))
        .unwrap();
    assert_eq!(applied.agreement.status, AgreementStatus::Declined);
    // The sender cannot answer its own invitation.
    assert_eq!(
        reason(engine.accept_agreement(&admin(), &acme(), &sent.agreement, at(2))),
        Reason::AgreementWrongSide
    );
    assert_eq!(
        reason(engine.accept_agreement(&admin(), &bolt(), &accept.agreement, at(4))),
        Reason::AgreementNotPending
    );
}

#[test]
fn acc_02_agreements_are_one_way_and_each_direction_is_its_own() {
    let engine = engine();
    let (sent, _) = accepted(&acme(), &bolt(), public_terms(), 1);
    // A second agreement in the same direction is refused while one is live.
    let again = engine.invite_partner(
        &admin(),
        &acme(),
        &offer_to(&bolt(), private_terms()),
        std::slice::from_ref(&sent),
        at(5),
        &mut seeded(),
    );
    assert_eq!(reason(again), Reason::AgreementExists);
    // The other direction is Bolt's own invitation.
    let back = engine
        .invite_partner(
            &admin(),
            &bolt(),
            &offer_to(&acme(), private_terms()),
            &[],
            at(5),
            &mut seeded(),
        )
        .unwrap();
    assert_eq!(back.agreement.side, Side::Sender);
    assert_ne!(back.agreement.id, sent.id);
    // An account does not invite itself.
    let itself = engine.invite_partner(
        &admin(),
        &acme(),
        &offer_to(&acme(), public_terms()),
        &[],
        at(5),
        &mut seeded(),
    );
    assert_eq!(reason(itself), Reason::InvalidRequest);
}

#[test]
fn acc_03_only_admins_create_accept_decline_or_deactivate() {
    let engine = engine();
    let (sent, copy) = pending(public_terms());
    let by_agent = engine.invite_partner(
        &agent(),
        &acme(),
        &offer_to(&bolt(), public_terms()),
        &[],
        at(0),
        &mut seeded(),
    );
    assert_eq!(reason(by_agent), Reason::PermissionDenied);
    for step in [
        engine.accept_agreement(&agent(), &bolt(), &copy, at(2)),
        engine.decline_agreement(&agent(), &bolt(), &copy, at(2)),
        engine.defer_agreement(&agent(), &bolt(), &copy, at(2)),
        engine.deactivate_agreement(&agent(), &acme(), &sent.agreement, at(2)),
    ] {
        assert_eq!(reason(step), Reason::PermissionDenied);
    }
}

#[test]
fn acc_04_terms_offer_custom_fields_only_between_instances() {
    let engine = engine();
    assert!(public_terms().syncs_status());
    assert!(!private_terms().syncs_status());
    let third_party = Offer {
        partner_kind: PartnerKind::ThirdParty,
        ..offer_to(&bolt(), public_terms())
    };
    let refused = engine.invite_partner(&admin(), &acme(), &third_party, &[], at(0), &mut seeded());
    assert_eq!(reason(refused), Reason::CustomFieldsUnavailable);
    let without_fields = Offer {
        terms: Terms {
            sync_custom_fields: false,
            ..public_terms()
        },
        ..third_party
    };
    let sent = engine
        .invite_partner(
            &admin(),
            &acme(),
            &without_fields,
            &[],
            at(0),
            &mut seeded(),
        )
        .unwrap();
    assert_eq!(sent.agreement.partner_kind, PartnerKind::ThirdParty);
    // The receiver refuses an invitation from a third-party system offering custom fields.
    let sent = invite(&acme(), &bolt(), public_terms(), 2);
    let refused = engine.receive_invite(
        &bolt(),
        &invitation(&sent),
        PartnerKind::ThirdParty,
        &[],
        at(1),
    );
    assert_eq!(reason(refused), Reason::CustomFieldsUnavailable);
}

#[test]
fn acc_05_an_opted_out_account_declines_at_once_and_is_never_told() {
    let engine = engine();
    let sent = invite(&acme(), &bolt(), public_terms(), 1);
    let opted_out = SharingAccount {
        opted_out: true,
        ..bolt()
    };
    let silent = engine
        .receive_invite(
            &opted_out,
            &invitation(&sent),
            PartnerKind::Instance,
            &[],
            at(1),
        )
        .unwrap();
    assert!(silent.agreement.is_none() && !silent.notify_admins && silent.events.is_empty());
    // The same invitation declined by an admin sends the same words.
    let (_, copy) = pending(public_terms());
    let by_admin = engine
        .decline_agreement(&admin(), &bolt(), &copy, at(1))
        .unwrap();
    assert_eq!(silent.notice, by_admin.notice);
}

#[test]
fn acc_06_either_side_deactivates_for_good_and_the_partner_is_informed() {
    let engine = engine();
    for side in [Side::Sender, Side::Receiver] {
        let (ours, theirs) = accepted(&acme(), &bolt(), public_terms(), 3);
        let (us, them, mine, other) = match side {
            Side::Sender => (acme(), bolt(), ours, theirs),
            Side::Receiver => (bolt(), acme(), theirs, ours),
        };
        let ended = engine
            .deactivate_agreement(&admin(), &us, &mine, at(10))
            .unwrap();
        assert_eq!(ended.agreement.status, AgreementStatus::Inactive);
        let by = Some(Ending {
            by: side,
            cause: EndCause::Deactivated,
        });
        assert_eq!(ended.agreement.ended, by);
        let told = update(&ended);
        assert_eq!(told.deactivated_by, Some(side));
        let informed = engine
            .apply_partner_update(&them, &other, &told, at(11))
            .unwrap();
        assert_eq!(informed.agreement.status, AgreementStatus::Inactive);
        assert_eq!(informed.agreement.ended, by);
        // Final: nothing takes it anywhere, from either side.
        for copy in [(&us, &ended.agreement), (&them, &informed.agreement)] {
            assert_eq!(
                reason(engine.deactivate_agreement(&admin(), copy.0, copy.1, at(12))),
                Reason::AgreementInactive
            );
            for status in [AgreementStatus::Accepted, AgreementStatus::Pending] {
                let revive = PartnerUpdate {
                    agreement_id: copy.1.id,
                    status,
                    deactivated_by: None,
                };
                assert_eq!(
                    reason(engine.apply_partner_update(copy.0, copy.1, &revive, at(12))),
                    Reason::AgreementInactive
                );
            }
        }
    }
    // The partner may end it only in its own name.
    let (ours, _) = accepted(&acme(), &bolt(), public_terms(), 4);
    let forged = PartnerUpdate {
        agreement_id: ours.id,
        status: AgreementStatus::Inactive,
        deactivated_by: Some(Side::Sender),
    };
    assert_eq!(
        reason(engine.apply_partner_update(&acme(), &ours, &forged, at(5))),
        Reason::AgreementWrongSide
    );
}

#[test]
fn acc_07_renaming_an_account_breaks_its_live_agreements() {
    let engine = engine();
    let (live, _) = accepted(&acme(), &bolt(), public_terms(), 5);
    let waiting = invite(&acme(), &cargo(), public_terms(), 6).agreement;
    let (received, _) = {
        let (theirs, ours) = accepted(&cargo(), &acme(), private_terms(), 7);
        (ours, theirs)
    };
    let declined = Agreement {
        status: AgreementStatus::Declined,
        ..invite(&acme(), &account("dune", "Dune Ltd"), public_terms(), 8).agreement
    };
    let all = [live.clone(), waiting.clone(), received.clone(), declined];
    let broken = engine
        .account_renamed(&admin(), &acme(), &all, at(20))
        .unwrap();
    let ids: Vec<_> = broken.changes.iter().map(|c| c.agreement.id).collect();
    assert_eq!(ids, vec![live.id, waiting.id, received.id]);
    for change in &broken.changes {
        assert_eq!(change.agreement.status, AgreementStatus::Inactive);
        assert_eq!(
            change.agreement.ended.map(|e| e.cause),
            Some(EndCause::AccountRenamed)
        );
        assert_eq!(update(change).deactivated_by, Some(change.agreement.side));
    }
}

#[test]
fn acc_08_a_declined_invite_may_be_sent_again() {
    let engine = engine();
    let (sent, copy) = pending(public_terms());
    let declined = engine
        .decline_agreement(&admin(), &bolt(), &copy, at(2))
        .unwrap();
    let on_sender = engine
        .apply_partner_update(&acme(), &sent.agreement, &update(&declined), at(3))
        .unwrap()
        .agreement;
    let again = engine
        .reinvite_partner(&admin(), &acme(), &on_sender, Some(private_terms()), at(4))
        .unwrap();
    assert_eq!(again.agreement.status, AgreementStatus::Pending);
    assert_eq!(again.agreement.terms, private_terms());
    let invitation = invitation(&again);
    assert_eq!(
        (invitation.agreement_id, invitation.terms),
        (sent.agreement.id, private_terms())
    );
    // The receiver's declined copy is pending again, with the new terms.
    let received = engine
        .receive_invite(
            &bolt(),
            &invitation,
            PartnerKind::Instance,
            std::slice::from_ref(&declined.agreement),
            at(5),
        )
        .unwrap();
    let copy = received.agreement.unwrap();
    assert_eq!(
        (copy.status, copy.terms),
        (AgreementStatus::Pending, private_terms())
    );
    // Only a declined invite is sent again, and only by the sender.
    assert_eq!(
        reason(engine.reinvite_partner(&admin(), &acme(), &again.agreement, None, at(6))),
        Reason::AgreementNotDeclined
    );
    assert_eq!(
        reason(engine.reinvite_partner(&admin(), &bolt(), &declined.agreement, None, at(6))),
        Reason::AgreementWrongSide
    );
    // A declined invite is not in force: there is nothing to deactivate.
    assert_eq!(
        reason(engine.deactivate_agreement(&admin(), &bolt(), &declined.agreement, at(6))),
        Reason::AgreementDeclined
    );
}

#[test]
fn sec_03_agreement_records_that_cannot_be_are_refused_with_their_path() {
    let engine = engine();
    let (sent, copy) = pending(public_terms());
    // Another account's record.
    let error = engine
        .accept_agreement(&admin(), &acme(), &copy, at(2))
        .unwrap_err();
    assert_eq!(error.reason(), Reason::RecordMismatch);
    assert!(error.detail().starts_with("agreement: "), "{error}");
    // The same agreement listed twice.
    let twice = [sent.agreement.clone(), sent.agreement.clone()];
    let error = engine
        .account_renamed(&admin(), &acme(), &twice, at(2))
        .unwrap_err();
    assert_eq!(error.detail(), "agreements[1]: an agreement listed twice");
    // An inactive record that does not say who ended it.
    let broken = Agreement {
        status: AgreementStatus::Inactive,
        ..sent.agreement.clone()
    };
    assert_eq!(
        reason(engine.deactivate_agreement(&admin(), &acme(), &broken, at(2))),
        Reason::RecordMismatch
    );
    // An invitation for another account.
    let error = engine
        .receive_invite(
            &cargo(),
            &invitation(&sent),
            PartnerKind::Instance,
            &[],
            at(1),
        )
        .unwrap_err();
    assert!(
        error.detail().starts_with("invitation.receiver_url"),
        "{error}"
    );
    // An update of another agreement.
    let other = PartnerUpdate {
        agreement_id: AgreementId::from_bytes([9; 20]),
        status: AgreementStatus::Accepted,
        deactivated_by: None,
    };
    assert_eq!(
        reason(engine.apply_partner_update(&acme(), &sent.agreement, &other, at(2))),
        Reason::RecordMismatch
    );
}

/// The transition table, cell by cell, as seed 002 and RULES.md state it.
#[test]
fn acc_06_the_transition_table_allows_exactly_the_documented_steps() {
    use AgreementEvent as E;
    use AgreementStatus as S;
    let mut allowed = Vec::new();
    for from in [
        None,
        Some(S::Pending),
        Some(S::Accepted),
        Some(S::Declined),
        Some(S::Inactive),
    ] {
        for event in AgreementEvent::ALL {
            for by in [Side::Sender, Side::Receiver] {
                if let Ok(to) = transition(from, event, by) {
                    allowed.push((from, event, by, to));
                }
            }
        }
    }
    let expected = vec![
        (None, E::Invite, Side::Sender, S::Pending),
        (None, E::Receive, Side::Receiver, S::Pending),
        (None, E::AutoDecline, Side::Receiver, S::Declined),
        (Some(S::Pending), E::Accept, Side::Receiver, S::Accepted),
        (Some(S::Pending), E::Decline, Side::Receiver, S::Declined),
        (Some(S::Pending), E::Defer, Side::Receiver, S::Pending),
        (Some(S::Pending), E::Deactivate, Side::Sender, S::Inactive),
        (Some(S::Pending), E::Deactivate, Side::Receiver, S::Inactive),
        (Some(S::Pending), E::Rename, Side::Sender, S::Inactive),
        (Some(S::Pending), E::Rename, Side::Receiver, S::Inactive),
        (Some(S::Accepted), E::Deactivate, Side::Sender, S::Inactive),
        (
            Some(S::Accepted),
            E::Deactivate,
            Side::Receiver,
            S::Inactive,
        ),
        (Some(S::Accepted), E::Rename, Side::Sender, S::Inactive),
        (Some(S::Accepted), E::Rename, Side::Receiver, S::Inactive),
        (Some(S::Declined), E::Reinvite, Side::Sender, S::Pending),
    ];
    assert_eq!(allowed, expected);
}

#[derive(Debug, Clone)]
enum Step {
    Local(AgreementEvent),
    Partner(AgreementStatus, Option<Side>),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        proptest::sample::select(AgreementEvent::ALL.to_vec()).prop_map(Step::Local),
        (
            proptest::sample::select(AgreementStatus::ALL.to_vec()),
            proptest::option::of(prop_oneof![Just(Side::Sender), Just(Side::Receiver)])
        )
            .prop_map(|(s, by)| Step::Partner(s, by)),
    ]
}

proptest! {
    /// ACC-06: whatever steps either side takes or the partner claims, in any order, an
    /// agreement that ended stays ended, as it ended.
    #[test]
    fn acc_06_no_sequence_of_events_revives_an_ended_agreement(
        receiver in any::<bool>(),
        steps in proptest::collection::vec(step(), 1..30),
    ) {
        let engine = engine();
        let (sent, copy) = pending(public_terms());
        let (account, mut current) = if receiver { (bolt(), copy) } else { (acme(), sent.agreement) };
        let mut ended: Option<Option<Ending>> = None;
        for (i, step) in steps.into_iter().enumerate() {
            let now = at(10 + i as i64);
            let result = match step {
                Step::Local(AgreementEvent::Accept) => engine.accept_agreement(&admin(), &account, &current, now),
                Step::Local(AgreementEvent::Decline) => engine.decline_agreement(&admin(), &account, &current, now),
                Step::Local(AgreementEvent::Defer) => engine.defer_agreement(&admin(), &account, &current, now),
                Step::Local(AgreementEvent::Reinvite) => engine.reinvite_partner(&admin(), &account, &current, None, now),
                Step::Local(AgreementEvent::Rename) => engine
                    .account_renamed(&admin(), &account, std::slice::from_ref(&current), now)
                    .map(|b| b.changes.into_iter().next().map(|c| c.agreement).unwrap_or_else(|| current.clone()))
                    .map(|agreement| AgreementChange { agreement, notice: None, events: Vec::new() }),
                Step::Local(_) => engine.deactivate_agreement(&admin(), &account, &current, now),
                Step::Partner(status, by) => engine.apply_partner_update(
                    &account,
                    &current,
                    &PartnerUpdate { agreement_id: current.id, status, deactivated_by: by },
                    now,
                ),
            };
            if let Ok(change) = result {
                current = change.agreement;
            }
            if let Some(how) = ended {
                prop_assert_eq!(current.status, AgreementStatus::Inactive);
                prop_assert_eq!(current.ended, how);
            } else if current.status == AgreementStatus::Inactive {
                prop_assert!(current.ended.is_some());
                ended = Some(current.ended);
            }
        }
    }

    /// ACC-05: whatever the invitation, what an opted-out account answers is what an admin's
    /// decline answers, and the sender's copy ends the same.
    #[test]
    fn acc_05_the_sender_never_learns_of_an_opt_out(
        seed in any::<u64>(),
        private in any::<bool>(),
        tags in any::<bool>(),
    ) {
        let engine = engine();
        let terms = Terms { sync_tags: tags, ..if private { private_terms() } else { public_terms() } };
        let sent = invite(&acme(), &bolt(), terms, seed);
        let opted_out = SharingAccount { opted_out: true, ..bolt() };
        let silent = engine.receive_invite(&opted_out, &invitation(&sent), PartnerKind::Instance, &[], at(1)).unwrap();
        let copy = engine.receive_invite(&bolt(), &invitation(&sent), PartnerKind::Instance, &[], at(1)).unwrap();
        let by_admin = engine.decline_agreement(&admin(), &bolt(), copy.agreement.as_ref().unwrap(), at(1)).unwrap();
        prop_assert_eq!(&silent.notice, &by_admin.notice);
        let Some(PartnerNotice::Update(told)) = silent.notice else { panic!("no decline") };
        let a = engine.apply_partner_update(&acme(), &sent.agreement, &told, at(2)).unwrap();
        let b = engine.apply_partner_update(&acme(), &sent.agreement, &update(&by_admin), at(2)).unwrap();
        prop_assert_eq!(a, b);
    }
}

#[test]
fn sec_02_every_changed_agreement_comes_back_with_the_next_revision() {
    let engine = engine();
    let sent = invite(&acme(), &bolt(), public_terms(), 1);
    assert_eq!(sent.agreement.revision.0, 1, "a new record");
    let received = engine
        .receive_invite(
            &bolt(),
            &invitation(&sent),
            PartnerKind::Instance,
            &[],
            at(1),
        )
        .unwrap();
    let copy = received.agreement.unwrap();
    assert_eq!(copy.revision.0, 1);
    let declined = engine
        .decline_agreement(&admin(), &bolt(), &copy, at(2))
        .unwrap();
    assert_eq!(declined.agreement.revision.0, 2);
    let told = engine
        .apply_partner_update(&acme(), &sent.agreement, &update(&declined), at(3))
        .unwrap();
    assert_eq!(told.agreement.revision.0, 2);
    // Invited again: the receiver's copy is the same record, one revision on.
    let again = engine
        .reinvite_partner(&admin(), &acme(), &told.agreement, None, at(4))
        .unwrap();
    assert_eq!(again.agreement.revision.0, 3);
    let reread = engine
        .receive_invite(
            &bolt(),
            &invitation(&again),
            PartnerKind::Instance,
            std::slice::from_ref(&declined.agreement),
            at(5),
        )
        .unwrap();
    assert_eq!(reread.agreement.unwrap().revision.0, 3);
    // Deferring changes nothing, so the revision stays.
    let later = engine
        .defer_agreement(&admin(), &bolt(), &copy, at(6))
        .unwrap();
    assert_eq!(later.agreement.revision, copy.revision);
}
