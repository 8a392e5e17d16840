//! The vectors of the surface itself: policy and bad input, the request envelope, times.

use super::*;

pub(super) fn policy_and_input() -> Value {
    let mut v = Vector::new(
        "policy_and_input",
        "Permission, plan and input validation refusals (EXT-02, EXT-03, EXT-13, SEC-03).",
        config(),
        11,
    );
    let create = |actor: Value, account: Value, request: Value| json!({"actor": actor, "account": account, "request": request, "now": at(0)});
    v.op(
        "a viewer may not share",
        "share.create",
        create(
            actor("viewer"),
            account("enterprise"),
            share_request("a@b.example"),
        ),
    );
    v.op(
        "the starter plan has no ticket share",
        "share.create",
        create(
            actor("agent"),
            account("starter"),
            share_request("a@b.example"),
        ),
    );
    v.op(
        "not an email address",
        "share.create",
        create(
            actor("agent"),
            account("enterprise"),
            share_request("not-an-email"),
        ),
    );
    let mut bad = share_request("a@b.example");
    bad["subject"] = json!("Hi\r\nBcc: everyone@example.com");
    v.op(
        "a subject with a line break",
        "share.create",
        create(actor("agent"), account("enterprise"), bad),
    );
    let mut bad = share_request("a@b.example");
    bad["ticket_id"] = json!("");
    v.op(
        "an empty ticket id",
        "share.create",
        create(actor("agent"), account("enterprise"), bad),
    );
    let mut now_bad = create(
        actor("agent"),
        account("enterprise"),
        share_request("a@b.example"),
    );
    now_bad["now"] = json!("yesterday");
    v.op("a time that is not RFC 3339", "share.create", now_bad);
    let form = |logo_url: &str, colour: &str, image: String| json!({"company_name": "Acme", "logo": {"image_base64": image, "image_url": "https://cdn.acme.example/l.png"}, "logo_url": logo_url, "brand_colour": colour});
    let branding = |form: Value, role: &str, plan: &str| json!({"actor": actor(role), "account": account(plan), "form": form, "now": at(0)});
    v.op(
        "agents may not brand emails",
        "branding.update",
        branding(
            form("https://acme.example", "#fff", base64_png(10, 10)),
            "agent",
            "enterprise",
        ),
    );
    v.op(
        "professional has no email customisation",
        "branding.update",
        branding(
            form("https://acme.example", "#fff", base64_png(10, 10)),
            "admin",
            "professional",
        ),
    );
    v.op(
        "a javascript: logo link",
        "branding.update",
        branding(
            form("javascript:alert(1)", "#fff", base64_png(10, 10)),
            "admin",
            "enterprise",
        ),
    );
    v.op(
        "a colour name",
        "branding.update",
        branding(
            form("https://acme.example", "orange", base64_png(10, 10)),
            "admin",
            "enterprise",
        ),
    );
    v.op(
        "a logo of 251x100",
        "branding.update",
        branding(
            form("https://acme.example", "#fff", base64_png(251, 100)),
            "admin",
            "enterprise",
        ),
    );
    v.op(
        "a logo that is no image",
        "branding.update",
        branding(
            form(
                "https://acme.example",
                "#fff",
                base64_simd::STANDARD.encode_to_string(b"hello"),
            ),
            "admin",
            "enterprise",
        ),
    );
    let created = v.op(
        "a share to reply to",
        "share.create",
        create(
            actor("agent"),
            account("enterprise"),
            share_request("a@b.example"),
        ),
    );
    let (token, share) = (
        ok(&created)["link_token"].clone(),
        ok(&created)["share"].clone(),
    );
    let opened = v.op(
        "its code",
        "link.open",
        json!({"token": token, "share": share, "account": account("enterprise"), "now": at(1)}),
    );
    let accepted = v.op("verified", "code.check", json!({"token": token, "share": share, "challenge": ok(&opened)["challenge"], "code": code_in(&ok(&opened)["email"]), "now": at(2)}));
    let (session, share) = (
        ok(&accepted)["session_token"].clone(),
        ok(&accepted)["share"].clone(),
    );
    let attachment = json!({"name": "a.pdf", "content_type": "application/pdf", "size_bytes": 1, "reference": "r"});
    let many: Vec<Value> = (0..11).map(|_| attachment.clone()).collect();
    v.op("eleven attachments", "share.reply", json!({"session_token": session, "share": share, "reply": {"body": "see files", "attachments": many}, "account": account("enterprise"), "now": at(3)}));
    let mut other = thread(&share["id"]);
    other["ticket_id"] = json!("T-9");
    v.op(
        "the thread of another ticket",
        "share.view",
        json!({"session_token": session, "share": share, "thread": other, "now": at(4)}),
    );
    v.into_json()
}

pub(super) fn requests() -> Value {
    let mut v = Vector::new(
        "requests",
        "Malformed requests get clear errors (SEC-03).",
        config(),
        13,
    );
    v.call_text("not JSON", "{\"v\": 1, \"op\": ");
    v.call("no version", json!({"op": "engine.info"}));
    v.call("a newer version", json!({"v": 2, "op": "engine.info"}));
    v.call(
        "an unknown operation",
        json!({"v": 1, "op": "share.teleport", "args": {}}),
    );
    v.call(
        "an unknown envelope field",
        json!({"v": 1, "op": "engine.info", "extra": true}),
    );
    v.op("a missing field", "link.verify", json!({"now": at(0)}));
    v.op(
        "an unknown field",
        "link.verify",
        json!({"token": "x", "now": at(0), "sudo": true}),
    );
    v.op(
        "a wrong type (the value is not echoed)",
        "link.verify",
        json!({"token": 12345678, "now": at(0)}),
    );
    v.op(
        "an unknown permission name",
        "policy.check",
        json!({"actor": actor("agent"), "permission": "sudo"}),
    );
    v.op(
        "a permission that is not a string",
        "policy.check",
        json!({"actor": actor("agent"), "permission": {"external_share": null}}),
    );
    v.op(
        "a record as an array of its fields (records are JSON objects only)",
        "link.verify",
        json!(["x", at(0)]),
    );
    v.call("a request as an array", json!([1, "engine.info", {}]));
    v.into_json()
}

/// The current time, as text: every language must give the engine's answer for the same text,
/// through the JSON call and through its typed `verify_link` alike (a binding never parses it).
pub(super) fn times() -> Value {
    let mut v = Vector::new(
        "times",
        "The current time as text: what the engine accepts and refuses (invalid_time), in every language.",
        config(),
        17,
    );
    let created = v.op("a share whose link the times are tried on", "share.create", json!({"actor": actor("agent"), "account": account("enterprise"), "request": share_request("orders@supplier.example"), "now": at(0)}));
    let token = ok(&created)["link_token"].clone();
    for (note, now) in [
        ("UTC with Z", "2026-11-23T10:00:00Z"),
        (
            "lowercase t and z, as RFC 3339 allows",
            "2026-11-23t10:00:00z",
        ),
        ("an offset", "2026-11-23T12:00:00+02:00"),
        ("fractions of a second", "2026-11-23T10:00:00.123456789Z"),
        (
            "a space for the T, as RFC 3339 allows",
            "2026-11-23 10:00:00Z",
        ),
        ("30 February", "2026-02-30T10:00:00Z"),
        ("a leap second", "2026-12-31T23:59:60Z"),
        ("a date alone", "2026-11-23"),
        (
            "no offset: the server's local time is never assumed",
            "2026-11-23T10:00:00",
        ),
        (
            "before 2000: a clock in the wrong unit",
            "1970-01-21T18:43:44Z",
        ),
        ("seconds since the epoch as text", "1795424400"),
        ("surrounding spaces", " 2026-11-23T10:00:00Z "),
        ("past the link's expiry", "2026-11-26T09:00:00Z"),
        (
            "an offset that moves past the expiry",
            "2026-11-26T08:30:00-01:00",
        ),
    ] {
        v.op(note, "link.verify", json!({"token": token, "now": now}));
    }
    v.op(
        "a time that is not text",
        "link.verify",
        json!({"token": token, "now": 1_795_424_400}),
    );
    v.op(
        "the same rule for every operation's now",
        "share.create",
        json!({"actor": actor("agent"), "account": account("enterprise"), "request": share_request("orders@supplier.example"), "now": "2026-11-23T10:00:00"}),
    );
    v.into_json()
}
