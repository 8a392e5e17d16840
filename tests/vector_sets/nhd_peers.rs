//! The shapes real peers send (`tests/vectors/nhd/peers.json`, NHD-09): the `ticket_sharing`
//! gem 2.x writes every field, `null` where it has none, lists included, a nameless actor, an
//! attachment without a file name, no `deactivated_by`, `Accept` and `Content-Type:
//! application/json` and no version header; Request Tracker's extension sends `text/x-json`,
//! a `PUT` of an agreement without `uuid`, and offsets with a colon, and reads a body only
//! under `text/x-json`, which the engine writes to a partner whose record says so (NHD-05).

use super::*;

/// The headers of a gem request (`Request#configure_request`), with the token.
fn gem_headers(token: &str) -> Value {
    json!({"Accept": "application/json", "Content-Type": "application/json", "X-Ticket-Sharing-Token": token})
}

/// Real peers' requests, each decided as NHD-09 says.
pub(crate) fn peers() -> Value {
    let (acme, bolt) = accounts();
    let mut v = Vector::new(
        "nhd/peers",
        "What the gem 2.x and Request Tracker send, read as they write it (NHD-09).",
        config(),
        44,
    );
    let ada = json!({"id": "ada", "name": "Ada", "role": "admin"});
    let terms =
        json!({"comments": "public_and_private", "sync_tags": true, "sync_custom_fields": true});
    let invited = v.op("Acme's admin invites Bolt (a Request Tracker)", "agreement.invite", json!({"actor": ada, "account": acme, "offer": {"partner": {"name": "Bolt Parts", "url": bolt["url"], "media_type": "text/x-json"}, "terms": terms}, "now": at(0)}));
    let sent = ok(&invited)["agreement"].clone();
    let id = sent["id"].as_str().unwrap().to_owned();
    let token = token_of(&sent);
    let accept = json!({"method": "PUT", "path": format!("/sharing/agreements/{id}"), "headers": {"X-Ticket-Sharing-Token": token, "Content-Type": "text/x-json"}, "body": json!({"status": "accepted"}).to_string()});
    let applied = receive(
        &mut v,
        "Request Tracker accepts with a text/x-json PUT that carries no uuid: the URI's is taken, 200",
        json!({"account": acme, "request": accept, "agreement": sent, "now": at(2)}),
        200,
    );
    let ours = ok(&applied)["outcome"]["agreement"].clone();
    assert_eq!(ours["status"], json!("accepted"));
    // Bolt's side of the agreement, as if Bolt were a second engine: its copy, accepted.
    let invitation = v.op(
        "the invitation as Acme's host sends it: text/x-json, as the record says (NHD-05)",
        "nhd.agreement_request",
        json!({"account": acme, "agreement": sent}),
    );
    assert_eq!(
        ok(&invitation)["headers"]["Content-Type"],
        json!("text/x-json")
    );
    let got = receive(
        &mut v,
        "Bolt's engine stores a pending copy: 201",
        json!({"account": bolt, "request": received(ok(&invitation)), "now": at(1)}),
        201,
    );
    let copy = ok(&got)["outcome"]["agreement"].clone();
    let accepted = v.op(
        "Bolt's admin accepts",
        "agreement.accept",
        json!({"actor": ada, "account": bolt, "agreement": copy, "now": at(2)}),
    );
    let theirs = ok(&accepted)["agreement"].clone();

    let uuid = "e5".repeat(20);
    let requester = json!({"uuid": "a1".repeat(20), "name": null, "role": "user"});
    let ada_actor = json!({"uuid": "c3".repeat(20), "name": "Ada", "role": "agent"});
    let ticket = json!({
        "uuid": uuid,
        "subject": "Heel came off",
        "requested_at": "2010-11-24 14:13:54 -0800",
        "status": "open",
        "requester": requester,
        "comments": [
            {"uuid": "b2".repeat(20), "author": ada_actor, "body": "The heel came off after a day.", "html_body": null, "authored_at": "2010-11-24 14:13:54 -08:00", "public": true, "attachments": null, "custom_fields": null},
            {"uuid": "d4".repeat(20), "author": requester, "body": null, "html_body": null, "authored_at": "2010-11-24 14:20:00 -0800", "public": true, "attachments": [{"url": "https://files.acme.example/attachments/91/heel.jpg?token=x", "filename": null, "content_type": "image/jpeg", "display_filename": null}], "custom_fields": null}
        ],
        "current_actor": ada_actor,
        "tags": null,
        "original_id": null,
        "custom_fields": {"Model": "X100", "Sizes": [38, 39], "Meta": {"a": 1}},
        "custom_status": null
    });
    let post = json!({"method": "POST", "path": format!("/sharing/tickets/{uuid}"), "headers": gem_headers(&token), "body": ticket.to_string()});
    let decided = receive(
        &mut v,
        "the gem's share: nulls read as absent, a nameless requester, the file name from the URL, an offset with a colon, two custom fields withheld alone: 201",
        json!({"account": bolt, "request": post, "agreement": theirs, "new_ticket_id": "B-1", "now": at(10)}),
        201,
    );
    let share = ok(&decided)["outcome"]["share"].clone();
    let update = json!({"uuid": uuid, "subject": "Heel came off", "requested_at": "2010-11-24 14:13:54 -0800", "status": "pending", "requester": requester, "comments": null, "current_actor": ada_actor, "tags": ["vip"], "original_id": null, "custom_fields": null, "custom_status": null});
    let put = json!({"method": "PUT", "path": format!("/sharing/tickets/{uuid}"), "headers": gem_headers(&token), "body": update.to_string()});
    receive(
        &mut v,
        "the gem's update with comments: null: 200",
        json!({"account": bolt, "request": put, "agreement": theirs, "share": share, "now": at(20)}),
        200,
    );
    let broken = json!({"method": "PUT", "path": format!("/sharing/tickets/{uuid}"), "headers": gem_headers(&token), "body": "{\"uuid\": "});
    receive(
        &mut v,
        "a body that is not JSON: 422, which the gem fails quietly on (400 would raise)",
        json!({"account": bolt, "request": broken, "agreement": theirs, "share": share, "now": at(21)}),
        422,
    );
    let end = json!({"receiver_url": bolt["url"], "sender_url": ACME, "status": "inactive", "uuid": id, "access_key": sent["access_key"], "name": "Acme Shoes", "current_actor": ada_actor, "sync_tags": true, "sync_custom_fields": true, "allows_public_comments": true});
    let put = json!({"method": "PUT", "path": format!("/sharing/agreements/{id}"), "headers": gem_headers(&token), "body": end.to_string()});
    let ended = receive(
        &mut v,
        "the gem deactivates without deactivated_by: the sending side's deactivation, 200",
        json!({"account": bolt, "request": put, "agreement": theirs, "now": at(30)}),
        200,
    );
    assert_eq!(
        ok(&ended)["outcome"]["agreement"]["ended"]["by"],
        json!("sender")
    );
    v.into_json()
}
