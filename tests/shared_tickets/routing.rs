//! Where a shared ticket goes (ACC-09..12): one account, a new ticket there, closed and merged
//! tickets, receive-only accounts.

use super::*;

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
    assert_eq!(
        reason(under_received),
        Reason::ReceivingOnly,
        "ACC-12: accepted, but Bolt only receives under it"
    );
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

#[test]
fn acc_12_a_refused_share_names_where_the_agreement_with_that_partner_stands() {
    let engine = engine();
    let fresh = ticket("T-5", StatusCategory::Open, vec![]);
    let share = |agreement: &Agreement, all: &[Agreement]| {
        reason(engine.share_ticket(
            &agent(),
            &acme(),
            &fresh,
            agreement.id,
            all,
            at(30),
            &mut seeded(),
        ))
    };
    // Acme's copies of its agreement with Bolt, in each state.
    let pending = invite(&acme(), &bolt(), public_terms(), 11).agreement;
    let received = engine
        .receive_invite(
            &bolt(),
            &invitation(&invite(&acme(), &bolt(), public_terms(), 12)),
            PartnerKind::Instance,
            &[],
            at(1),
        )
        .unwrap();
    let declined_there = engine
        .decline_agreement(
            &admin(),
            &bolt(),
            received.agreement.as_ref().unwrap(),
            at(2),
        )
        .unwrap();
    let declined = engine
        .apply_partner_update(
            &acme(),
            &invite(&acme(), &bolt(), public_terms(), 12).agreement,
            &update(&declined_there),
            at(3),
        )
        .unwrap()
        .agreement;
    assert_eq!(declined.status, AgreementStatus::Declined);
    let (live, theirs) = accepted(&acme(), &bolt(), public_terms(), 13);
    let deactivated = engine
        .deactivate_agreement(&admin(), &acme(), &live, at(4))
        .unwrap()
        .agreement;
    let renamed = engine
        .account_renamed(&admin(), &acme(), std::slice::from_ref(&live), at(4))
        .unwrap()
        .changes[0]
        .agreement
        .clone();
    assert_eq!(renamed.status, AgreementStatus::Inactive);
    // Acme also holds a sending agreement with Cargo in force: the refusal is about Bolt's.
    let (cargo_live, _) = accepted(&acme(), &cargo(), public_terms(), 14);
    for (agreement, expected) in [
        (&pending, Reason::AgreementNotAccepted),
        (&declined, Reason::AgreementNotAccepted),
        (&deactivated, Reason::AgreementInactive),
        (&renamed, Reason::AgreementInactive),
    ] {
        let all = [agreement.clone(), cargo_live.clone()];
        assert_eq!(share(agreement, &all), expected, "{:?}", agreement.status);
    }
    // None at all with that partner: the id names no agreement of the account.
    assert_eq!(
        share(&live, std::slice::from_ref(&cargo_live)),
        Reason::NoAgreement
    );
    // Bolt's copy of an accepted agreement: Bolt only receives under it.
    let bolt_ticket = ticket("B-5", StatusCategory::Open, vec![]);
    assert_eq!(
        reason(engine.share_ticket(
            &agent(),
            &bolt(),
            &bolt_ticket,
            theirs.id,
            std::slice::from_ref(&theirs),
            at(30),
            &mut seeded(),
        )),
        Reason::ReceivingOnly
    );
    // In force and Acme's own: shared.
    assert!(engine
        .share_ticket(
            &agent(),
            &acme(),
            &fresh,
            live.id,
            &[live.clone(), cargo_live],
            at(30),
            &mut seeded(),
        )
        .is_ok());
}
