//! Fixtures for the agreement tests: Acme invites Bolt; Cargo is a third account.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::{at, engine, rng};
use ticketshare::agreement::*;
use ticketshare::base::url::HttpsUrl;
use ticketshare::*;

pub fn account(id: &str, name: &str) -> SharingAccount {
    SharingAccount {
        id: AccountId::new(id).unwrap(),
        name: AccountName::parse(name).unwrap(),
        url: HttpsUrl::parse(&format!("https://{id}.example/sharing")).unwrap(),
        opted_out: false,
    }
}

pub fn acme() -> SharingAccount {
    account("acme", "Acme Shoes")
}

pub fn bolt() -> SharingAccount {
    account("bolt", "Bolt Parts")
}

pub fn cargo() -> SharingAccount {
    account("cargo", "Cargo Freight")
}

pub fn admin() -> Actor {
    Actor {
        id: AgentId::new("ada").unwrap(),
        name: "Ada".into(),
        role: "admin".into(),
        granted: Default::default(),
        inboxes: Vec::new(),
    }
}

pub fn agent() -> Actor {
    Actor {
        role: "agent".into(),
        id: AgentId::new("abe").unwrap(),
        ..admin()
    }
}

pub fn public_terms() -> Terms {
    Terms {
        comments: CommentTerms::PublicAndPrivate,
        sync_tags: true,
        sync_custom_fields: true,
    }
}

pub fn private_terms() -> Terms {
    Terms {
        comments: CommentTerms::PrivateOnly,
        sync_tags: false,
        sync_custom_fields: false,
    }
}

pub fn offer_to(partner: &SharingAccount, terms: Terms) -> Offer {
    Offer {
        partner: partner.party(),
        partner_kind: PartnerKind::Instance,
        terms,
    }
}

/// `from` invites `to` on `terms`.
pub fn invite(
    from: &SharingAccount,
    to: &SharingAccount,
    terms: Terms,
    seed: u64,
) -> AgreementChange {
    engine()
        .invite_partner(
            &admin(),
            from,
            &offer_to(to, terms),
            &[],
            at(0),
            &mut ticketshare::testing::SeededRandom::new(seed),
        )
        .unwrap()
}

pub fn invitation(change: &AgreementChange) -> Invitation {
    match &change.notice {
        Some(PartnerNotice::Invite(invitation)) => invitation.clone(),
        other => panic!("no invitation: {other:?}"),
    }
}

pub fn update(change: &AgreementChange) -> PartnerUpdate {
    match &change.notice {
        Some(PartnerNotice::Update(update)) => update.clone(),
        other => panic!("no update: {other:?}"),
    }
}

/// Both copies of an accepted agreement from `from` to `to`: (sender's, receiver's).
pub fn accepted(
    from: &SharingAccount,
    to: &SharingAccount,
    terms: Terms,
    seed: u64,
) -> (Agreement, Agreement) {
    let engine = engine();
    let sent = invite(from, to, terms, seed);
    let received = engine
        .receive_invite(to, &invitation(&sent), PartnerKind::Instance, &[], at(1))
        .unwrap();
    let accept = engine
        .accept_agreement(&admin(), to, received.agreement.as_ref().unwrap(), at(2))
        .unwrap();
    let applied = engine
        .apply_partner_update(from, &sent.agreement, &update(&accept), at(3))
        .unwrap();
    (applied.agreement, accept.agreement)
}

pub fn seeded() -> ticketshare::testing::SeededRandom {
    rng()
}
