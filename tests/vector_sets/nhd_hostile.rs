//! What a hostile partner sends (`tests/vectors/nhd/hostile.json`, NHD-10), each refused or
//! reported as the rule says, through the JSON surface.

use super::*;

/// A hostile partner's requests, each answered as NHD-10 says.
pub(crate) fn hostile() -> Value {
    let Exchange {
        mut v,
        acme,
        bolt,
        ours,
        theirs,
    } = agreed(
        "nhd/hostile",
        "What a hostile partner sends, refused or reported (NHD-10), and the gem's invitation with a status other than pending (NHD-07, NHD-09).",
        45,
    );
    let id = ours["id"].as_str().unwrap().to_owned();
    let token = token_of(&ours);
    let headers = json!({"X-Ticket-Sharing-Token": token, "Content-Type": "application/json"});
    let request = |method: &str, path: String, body: Option<Value>| {
        let mut r = json!({"method": method, "path": path, "headers": headers});
        if let Some(body) = body {
            r["body"] = json!(body.to_string());
        }
        r
    };
    let moved = request(
        "PUT",
        format!("/sharing/agreements/{id}"),
        Some(json!({"uuid": id, "sender_url": "https://169.254.169.254/latest"})),
    );
    receive(
        &mut v,
        "Acme moves its sharing URL to a metadata address: 422 invalid_url",
        json!({"account": bolt, "request": moved, "agreement": theirs, "now": at(5)}),
        422,
    );
    let abe = json!({"id": "abe", "name": "Abe", "role": "agent"});
    let shared = v.op("an agent shares T-1", "shared_ticket.share", json!({"actor": abe, "account": acme, "ticket": {"id": "T-1", "status": "open"}, "agreement_id": ours["id"], "agreements": [ours], "now": at(10)}));
    let share = ok(&shared)["share"].clone();
    let post = v.op(
        "the share, as Acme's host sends it",
        "nhd.ticket_request",
        json!({"agreement": ours, "share": share, "kind": "share", "ticket": {"subject": "Sizes"}}),
    );
    let post = ok(&post)["request"].clone();
    let decided = receive(
        &mut v,
        "Bolt's engine receives T-1 as B-1: 201",
        json!({"account": bolt, "request": received(&post), "agreement": theirs, "new_ticket_id": "B-1", "now": at(11)}),
        201,
    );
    let bolt_share = ok(&decided)["outcome"]["share"].clone();
    let ticket_path = received(&post)["path"].as_str().unwrap().to_owned();
    let author = json!({"uuid": "c3".repeat(20), "name": "Ada", "role": "agent"});
    let c1 = "a1".repeat(20);
    let replay = request(
        "PUT",
        ticket_path.clone(),
        Some(
            json!({"uuid": bolt_share["id"], "comments": [{"uuid": c1, "author": author, "body": "once"}]}),
        ),
    );
    let replayed = receive(
        &mut v,
        "the same comment again: 200, reported duplicate, not delivered",
        json!({"account": bolt, "request": replay, "agreement": theirs, "share": bolt_share, "received_comments": [c1], "now": at(12)}),
        200,
    );
    assert_eq!(
        ok(&replayed)["outcome"]["arrival"]["ignored"][0]["reason"],
        json!("duplicate")
    );
    let injected = request(
        "PUT",
        ticket_path.clone(),
        Some(
            json!({"uuid": bolt_share["id"], "comments": [{"uuid": "b2".repeat(20), "author": author, "body": "x", "attachments": [{"url": "https://files.acme.example/1", "filename": "a.html", "content_type": "text/html\r\nSet-Cookie: session=x"}]}]}),
        ),
    );
    receive(
        &mut v,
        "a header injected in a content type: 422 invalid_text",
        json!({"account": bolt, "request": injected, "agreement": theirs, "share": bolt_share, "now": at(13)}),
        422,
    );
    let delete = request("DELETE", ticket_path, None);
    receive(
        &mut v,
        "Bolt, which received T-1, sends a raw DELETE to Acme: 403 receiving_only",
        json!({"account": acme, "request": delete, "agreement": ours, "share": share, "now": at(14)}),
        403,
    );
    let read = v.op(
        "Bolt's host answers a GET of B-1 with the body a share sends (kind: read)",
        "nhd.ticket_request",
        json!({"agreement": theirs, "share": bolt_share, "kind": "read", "ticket": {"subject": "Sizes"}}),
    );
    assert_eq!(ok(&read)["request"]["method"], json!("GET"));
    let gem_invite = json!({"method": "POST", "path": format!("/sharing/agreements/{}", "cd".repeat(20)), "headers": {"Accept": "application/json", "Content-Type": "application/json"}, "body": json!({"receiver_url": bolt["url"], "sender_url": "https://cargo.example/sharing", "status": "accepted", "uuid": "cd".repeat(20), "access_key": "ef".repeat(20), "name": "Cargo", "current_actor": null, "sync_tags": null, "sync_custom_fields": null, "allows_public_comments": true}).to_string()});
    receive(
        &mut v,
        "the gem's invitation with a status other than pending: 422 agreement_not_pending",
        json!({"account": bolt, "request": gem_invite, "now": at(15)}),
        422,
    );
    v.into_json()
}
