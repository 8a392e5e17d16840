//! An agreement's life (ACC-01..05): inviting and answering, one way each, admins only, terms,
//! opting out.

use super::*;

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
