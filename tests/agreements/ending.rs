//! How agreements end and come back (ACC-06..08): deactivation for good, renaming, a declined
//! invite sent again.

use super::*;

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
