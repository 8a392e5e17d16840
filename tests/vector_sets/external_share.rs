//! The external share's vectors: the story end to end, tokens and codes (EXT, SEC).

use super::*;

pub(super) fn story() -> Value {
    let mut v = Vector::new(
        "story",
        "The seed-000 story through every operation.",
        config(),
        42,
    );
    v.op(
        "engine info lists operations and reasons",
        "engine.info",
        json!({}),
    );
    v.op("agents may share on enterprise", "policy.check", json!({"actor": actor("agent"), "permission": "external_share", "plan": "enterprise", "feature": "ticket_share"}));
    v.op(
        "a viewer may not",
        "policy.check",
        json!({"actor": actor("viewer"), "permission": "external_share"}),
    );
    let created = v.op("the agent shares the ticket", "share.create", json!({"actor": actor("agent"), "account": account("enterprise"), "request": share_request("orders@supplier.example"), "now": at(0)}));
    let created = ok(&created).clone();
    let (token, share) = (created["link_token"].clone(), created["share"].clone());
    v.op(
        "the link verifies without records",
        "link.verify",
        json!({"token": token, "now": at(10)}),
    );
    v.op(
        "and with its share record",
        "link.check",
        json!({"token": token, "share": share, "now": at(10)}),
    );
    let opened = v.op(
        "opening the link emails a code",
        "link.open",
        json!({"token": token, "share": share, "account": account("enterprise"), "now": at(60)}),
    );
    let opened = ok(&opened).clone();
    let (challenge, code) = (opened["challenge"].clone(), code_in(&opened["email"]));
    v.op("opening again sends nothing", "link.open", json!({"token": token, "share": share, "challenge": challenge, "account": account("enterprise"), "now": at(70)}));
    let rejected = v.op("a wrong code counts a try", "code.check", json!({"token": token, "share": share, "challenge": challenge, "code": wrong(&code), "now": at(80)}));
    let challenge = ok(&rejected)["challenge"].clone();
    let accepted = v.op("the right code gives a session", "code.check", json!({"token": token, "share": share, "challenge": challenge, "code": code, "now": at(90)}));
    let accepted = ok(&accepted).clone();
    let (share, session) = (accepted["share"].clone(), accepted["session_token"].clone());
    v.op(
        "the session checks",
        "session.check",
        json!({"session_token": session, "share": share, "now": at(100)}),
    );
    v.op("the collaborator sees messages and this share's notes only", "share.view", json!({"session_token": session, "share": share, "thread": thread(&share["id"]), "now": at(100)}));
    v.op("a reply becomes an external note", "share.reply", json!({"session_token": session, "share": share, "reply": {"body": "Batch B-17 was mislabelled.", "send_copy": true}, "account": account("enterprise"), "now": at(200)}));
    let cancelled = v.op(
        "the agent cancels",
        "share.cancel",
        json!({"actor": actor("agent"), "share": share, "now": at(300)}),
    );
    let cancelled_share = ok(&cancelled)["share"].clone();
    v.op(
        "the agent's list shows it cancelled",
        "share.status",
        json!({"share": cancelled_share, "now": at(301)}),
    );
    v.op("the link is now refused as invalid", "link.open", json!({"token": token, "share": cancelled_share, "account": account("enterprise"), "now": at(301)}));
    v.op(
        "cancelling twice is refused",
        "share.cancel",
        json!({"actor": actor("agent"), "share": cancelled_share, "now": at(302)}),
    );
    let again = v.op("sharing again skips the code", "share.create", json!({"actor": actor("agent"), "account": account("enterprise"), "request": share_request("ORDERS@supplier.example"), "previous_shares": [cancelled_share], "now": at(3600)}));
    let again = ok(&again).clone();
    v.op("opening the new link gives a session at once", "link.open", json!({"token": again["link_token"], "share": again["share"], "account": account("enterprise"), "now": at(3700)}));
    v.op(
        "the verified share's status",
        "share.status",
        json!({"share": again["share"], "now": at(3700)}),
    );
    v.op(
        "and 72 hours later, expired",
        "share.status",
        json!({"share": again["share"], "now": at(3600 + 72 * 3600)}),
    );
    v.op(
        "72 hours later the link has expired",
        "link.verify",
        json!({"token": again["link_token"], "now": at(3600 + 72 * 3600)}),
    );
    let image = base64_png(200, 80);
    v.op("an admin sets the branding", "branding.update", json!({"actor": actor("admin"), "account": account("enterprise"), "form": {"company_name": "Acme <Shoes>", "logo": {"image_base64": image, "image_url": "https://cdn.acme.example/logo.png"}, "logo_url": "https://acme.example", "brand_colour": "#ff6600"}, "now": at(4000)}));
    v.into_json()
}

pub(super) fn tokens() -> Value {
    let mut v = Vector::new(
        "tokens",
        "Every way a token is refused (SEC-01, SEC-06, SEC-07).",
        config(),
        7,
    );
    let created = v.op("a share to refuse tokens of", "share.create", json!({"actor": actor("agent"), "account": account("enterprise"), "request": share_request("orders@supplier.example"), "now": at(0)}));
    let token = ok(&created)["link_token"].as_str().unwrap().to_owned();
    let share = ok(&created)["share"].clone();
    v.op(
        "too long, refused before decoding",
        "link.verify",
        json!({"token": "A".repeat(513), "now": at(1)}),
    );
    v.op(
        "truncated",
        "link.verify",
        json!({"token": &token[..82], "now": at(1)}),
    );
    v.op(
        "padded",
        "link.verify",
        json!({"token": format!("{}=", &token[..82]), "now": at(1)}),
    );
    let mut tampered = token.clone().into_bytes();
    tampered[40] = if tampered[40] == b'A' { b'B' } else { b'A' };
    v.op(
        "one character changed",
        "link.verify",
        json!({"token": String::from_utf8(tampered).unwrap(), "now": at(1)}),
    );
    let other = Keyring::new(KeyId(9), [(KeyId(9), &[7u8; 32][..])]).unwrap();
    let foreign = links::issue(
        &other,
        Purpose::Link,
        ShareId::from_bytes([1; 16]),
        Timestamp::parse_rfc3339(&at(3600)).unwrap(),
    )
    .unwrap();
    v.op(
        "signed by a key this engine does not hold",
        "link.verify",
        json!({"token": foreign, "now": at(1)}),
    );
    let opened = v.op(
        "open to get a code",
        "link.open",
        json!({"token": token, "share": share, "account": account("enterprise"), "now": at(5)}),
    );
    let (challenge, code) = (
        ok(&opened)["challenge"].clone(),
        code_in(&ok(&opened)["email"]),
    );
    let accepted = v.op(
        "verify to get a session",
        "code.check",
        json!({"token": token, "share": share, "challenge": challenge, "code": code, "now": at(6)}),
    );
    let session = ok(&accepted)["session_token"].clone();
    let verified_share = ok(&accepted)["share"].clone();
    v.op(
        "a session is no link",
        "link.verify",
        json!({"token": session, "now": at(7)}),
    );
    v.op(
        "a link is no session",
        "session.check",
        json!({"session_token": token, "share": verified_share, "now": at(7)}),
    );
    v.op(
        "the session ends after an hour",
        "session.check",
        json!({"session_token": session, "share": verified_share, "now": at(6 + 3600)}),
    );
    v.op("the unverified record does not admit a session", "share.view", json!({"session_token": session, "share": share, "thread": thread(&share["id"]), "now": at(8)}));
    v.into_json()
}

pub(super) fn codes() -> Value {
    let mut config = config();
    config["codes"] = json!({"max_failures_in_a_row": 6, "max_sends_per_hour": 20});
    let mut v = Vector::new(
        "codes",
        "Verification code refusals and limits (SEC-02, SEC-05).",
        config,
        9,
    );
    let created = v.op("a share", "share.create", json!({"actor": actor("agent"), "account": account("enterprise"), "request": share_request("orders@supplier.example"), "now": at(0)}));
    let (token, mut share) = (
        ok(&created)["link_token"].clone(),
        ok(&created)["share"].clone(),
    );
    let opened = v.op(
        "a code is sent",
        "link.open",
        json!({"token": token, "share": share, "account": account("enterprise"), "now": at(1)}),
    );
    let (mut challenge, code) = (
        ok(&opened)["challenge"].clone(),
        code_in(&ok(&opened)["email"]),
    );
    v.op(
        "where it stands: pending, its code with five tries, a new code after the cooldown",
        "share.status",
        json!({"share": share, "challenge": challenge, "now": at(2)}),
    );
    v.op("not six digits", "code.check", json!({"token": token, "share": share, "challenge": challenge, "code": "12ab56", "now": at(2)}));
    v.op("too soon to resend", "code.resend", json!({"token": token, "share": share, "challenge": challenge, "account": account("enterprise"), "now": at(30)}));
    v.op("expired after ten minutes", "code.check", json!({"token": token, "share": share, "challenge": challenge, "code": code, "now": at(601)}));
    for n in 0..5 {
        let r = v.op("a wrong code: the challenge and the share (one more failure in a row) come back, each with its next revision", "code.check", json!({"token": token, "share": share, "challenge": challenge, "code": wrong(&code), "now": at(10 + n)}));
        challenge = ok(&r)["challenge"].clone();
        share = ok(&r)["share"].clone();
    }
    v.op(
        "the status names the locked code; a new one may be asked for",
        "share.status",
        json!({"share": share, "challenge": challenge, "now": at(20)}),
    );
    v.op("locked after the fifth wrong code", "code.check", json!({"token": token, "share": share, "challenge": challenge, "code": code, "now": at(20)}));
    let resent = v.op("a new code replaces the locked one", "code.resend", json!({"token": token, "share": share, "challenge": challenge, "account": account("enterprise"), "now": at(100)}));
    let (challenge, code) = (
        ok(&resent)["challenge"].clone(),
        code_in(&ok(&resent)["email"]),
    );
    let r = v.op("the sixth failure in a row", "code.check", json!({"token": token, "share": share, "challenge": challenge, "code": wrong(&code), "now": at(101)}));
    let locked = ok(&r)["challenge"].clone();
    let share = ok(&r)["share"].clone();
    let refused = v.op("the failure cap stops new codes", "code.resend", json!({"token": token, "share": share, "challenge": locked, "account": account("enterprise"), "now": at(200)}));
    assert_eq!(
        refused["error"]["code"],
        json!("verification_locked"),
        "{refused}"
    );
    v.op(
        "the status has no resend time past the failure cap",
        "share.status",
        json!({"share": share, "challenge": locked, "now": at(200)}),
    );
    let refused = v.op(
        "and forgetting the challenge resets nothing: the count is the share's",
        "code.resend",
        json!({"token": token, "share": share, "account": account("enterprise"), "now": at(4000)}),
    );
    assert_eq!(
        refused["error"]["code"],
        json!("verification_locked"),
        "{refused}"
    );
    // A fresh share to show a code is accepted once.
    let created = v.op("another share", "share.create", json!({"actor": actor("agent"), "account": account("enterprise"), "request": share_request("other@supplier.example"), "now": at(0)}));
    let (token, share) = (
        ok(&created)["link_token"].clone(),
        ok(&created)["share"].clone(),
    );
    let opened = v.op(
        "its code",
        "link.open",
        json!({"token": token, "share": share, "account": account("enterprise"), "now": at(1)}),
    );
    let (challenge, code) = (
        ok(&opened)["challenge"].clone(),
        code_in(&ok(&opened)["email"]),
    );
    let accepted = v.op(
        "accepted",
        "code.check",
        json!({"token": token, "share": share, "challenge": challenge, "code": code, "now": at(2)}),
    );
    let used = ok(&accepted)["challenge"].clone();
    v.op(
        "not accepted twice",
        "code.check",
        json!({"token": token, "share": share, "challenge": used, "code": code, "now": at(3)}),
    );
    v.op(
        "a challenge of another share",
        "code.check",
        json!({"token": token, "share": share, "challenge": locked, "code": code, "now": at(3)}),
    );
    v.into_json()
}
