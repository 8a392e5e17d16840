//! Records refused with their path (SEC-03), the transition table cell by cell (ACC-06), the
//! properties that no sequence of events revives an ended agreement and the sender never learns of
//! an opt-out, and revisions (SEC-02).

use super::*;

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

/// The transition table, cell by cell, as seed 002 and docs/rules.md state it.
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
