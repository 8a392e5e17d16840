//! The Networked Help Desk vectors (`tests/vectors/nhd/`): an exchange between Acme and Bolt
//! written and decided through the JSON surface, every status a receiving side answers, and
//! the objects' variants (timestamps, `public`, unknown fields), from the gem's and Request
//! Tracker's documented behaviour. Each step's status is asserted as it is generated.

use super::{at, config, ok, Vector};
use serde_json::{json, Value};

#[path = "nhd_hostile.rs"]
mod hostile;
#[path = "nhd_peers.rs"]
mod peers;
#[path = "nhd_refusals.rs"]
mod refusals;
pub(crate) use hostile::hostile;
pub(crate) use peers::peers;
pub(crate) use refusals::refusals;

const ACME: &str = "https://acme.example/sharing";

fn accounts() -> (Value, Value) {
    (
        json!({"id": "acme", "name": "Acme Shoes", "url": ACME}),
        json!({"id": "bolt", "name": "Bolt Parts", "url": "https://bolt.example/sharing"}),
    )
}

/// The token of an agreement record: `<uuid>:<access key>` (NHD-04).
fn token_of(agreement: &Value) -> String {
    format!(
        "{}:{}",
        agreement["id"].as_str().unwrap(),
        agreement["access_key"].as_str().unwrap()
    )
}

/// A request as the host received it: the path of the engine's URL, its headers and body.
fn received(request: &Value) -> Value {
    let url = request["url"].as_str().unwrap();
    let path = format!("/{}", url.splitn(4, '/').nth(3).unwrap());
    let mut out = json!({"method": request["method"], "path": path, "headers": request["headers"]});
    if let Some(body) = request.get("body") {
        out["body"] = body.clone();
    }
    out
}

/// Sends `args` to `nhd.receive` and checks the answer's status.
fn receive(v: &mut Vector, note: &str, args: Value, status: u16) -> Value {
    let decision = v.op(note, "nhd.receive", args);
    let answer = &ok(&decision)["answer"];
    assert_eq!(answer["status"], json!(status), "{note}: {decision}");
    decision
}

struct Exchange {
    v: Vector,
    acme: Value,
    bolt: Value,
    ours: Value,
    theirs: Value,
}

/// Acme invites Bolt and Bolt accepts, all on the wire.
fn agreed(name: &'static str, description: &'static str, seed: u64) -> Exchange {
    let (acme, bolt) = accounts();
    let mut v = Vector::new(name, description, config(), seed);
    let ada = json!({"id": "ada", "name": "Ada", "role": "admin"});
    let terms = json!({"comments": "public_and_private", "sync_tags": true});
    let invited = v.op("Acme's admin invites Bolt", "agreement.invite", json!({"actor": ada, "account": acme, "offer": {"partner": {"name": "Bolt Parts", "url": bolt["url"]}, "terms": terms}, "now": at(0)}));
    let sent = ok(&invited)["agreement"].clone();
    let post = v.op(
        "the invitation, as Acme's host sends it",
        "nhd.agreement_request",
        json!({"account": acme, "agreement": sent}),
    );
    let post = ok(&post).clone();
    let route = v.op(
        "Bolt's host asks what to load",
        "nhd.route",
        json!({"request": received(&post)}),
    );
    assert_eq!(ok(&route)["kind"], json!("load"));
    let decided = receive(
        &mut v,
        "Bolt's engine stores a pending copy: 201",
        json!({"account": bolt, "request": received(&post), "now": at(1)}),
        201,
    );
    let copy = ok(&decided)["outcome"]["agreement"].clone();
    let accepted = v.op(
        "Bolt's admin accepts",
        "agreement.accept",
        json!({"actor": ada, "account": bolt, "agreement": copy, "now": at(2)}),
    );
    let theirs = ok(&accepted)["agreement"].clone();
    let put = v.op("the acceptance, as Bolt's host sends it", "nhd.agreement_request", json!({"account": bolt, "agreement": theirs, "actor": {"id": "bo", "name": "Bo", "role": "agent"}}));
    let put = ok(&put).clone();
    let applied = receive(
        &mut v,
        "Acme's engine applies it: 200",
        json!({"account": acme, "request": received(&put), "agreement": sent, "now": at(3)}),
        200,
    );
    let ours = ok(&applied)["outcome"]["agreement"].clone();
    Exchange {
        v,
        acme,
        bolt,
        ours,
        theirs,
    }
}

/// The whole story on the wire: agreement, ticket, comments both ways, status, unshare, end.
pub(crate) fn exchange() -> Value {
    let Exchange { mut v, acme, bolt, ours, theirs } = agreed(
        "nhd/exchange",
        "Acme and Bolt over the Networked Help Desk protocol: every request written and decided (NHD-04..08).",
        41,
    );
    let abe = json!({"id": "abe", "name": "Abe", "role": "agent"});
    let shared = v.op("an agent shares T-1", "shared_ticket.share", json!({"actor": abe, "account": acme, "ticket": {"id": "T-1", "status": "open"}, "agreement_id": ours["id"], "agreements": [ours], "now": at(10)}));
    let share = ok(&shared)["share"].clone();
    let carla = json!({"id": "carla", "name": "Carla Customer", "email": "carla@customer.example"});
    let comment = json!({"id": "c1", "author": carla, "body": "They are tiny", "public": true, "created_at": at(5)});
    let post = v.op("the share, as Acme's host sends it: no address crosses", "nhd.ticket_request", json!({"agreement": ours, "share": share, "kind": "share", "ticket": {"subject": "Trainers too small", "requested_at": at(5), "status": "open", "requester": carla}, "update": {"comments": [comment], "tags": [{"name": "vip"}, {"name": "auto", "by_rule": true}]}}));
    let post = ok(&post)["request"].clone();
    let decided = receive(
        &mut v,
        "Bolt's engine receives T-1 as B-1: 201",
        json!({"account": bolt, "request": received(&post), "agreement": theirs, "new_ticket_id": "B-1", "now": at(11)}),
        201,
    );
    let bolt_share = ok(&decided)["outcome"]["share"].clone();
    let placeholders = json!([{"agreement_id": theirs["id"], "partner_user": ok(&decided)["outcome"]["arrival"]["update"]["placeholders"][0]["partner_user"], "user_id": "ph-1"}]);
    receive(
        &mut v,
        "a second POST of the same ticket: 422",
        json!({"account": bolt, "request": received(&post), "agreement": theirs, "share": bolt_share, "new_ticket_id": "B-2", "now": at(12)}),
        422,
    );
    let reply = json!({"id": "b1", "author": {"id": "bo", "name": "Bo", "role": "agent"}, "body": "Replacement sent", "public": true, "created_at": at(20)});
    let put = v.op("Bolt answers publicly, as its host sends it", "nhd.ticket_request", json!({"agreement": theirs, "share": bolt_share, "kind": "update", "update": {"comments": [reply]}}));
    let put = ok(&put)["request"].clone();
    receive(
        &mut v,
        "Acme's engine adds the comment and notifies the original's CCs: 200",
        json!({"account": acme, "request": received(&put), "agreement": ours, "share": share, "now": at(21)}),
        200,
    );
    let solved = v.op("Acme solves T-1, as its host sends it", "nhd.ticket_request", json!({"agreement": ours, "share": share, "kind": "update", "ticket": {"status": "solved", "custom_fields": {"Size": "42"}}}));
    let solved = ok(&solved)["request"].clone();
    receive(
        &mut v,
        "Bolt's engine hands over the status; the fields do not sync: 200",
        json!({"account": bolt, "request": received(&solved), "agreement": theirs, "share": bolt_share, "placeholders": placeholders, "now": at(30)}),
        200,
    );
    let get = json!({"method": "GET", "path": post["url"].as_str().unwrap().replace("https://bolt.example", ""), "headers": {"X-Ticket-Sharing-Token": post["headers"]["X-Ticket-Sharing-Token"]}});
    receive(
        &mut v,
        "Acme reads Bolt's copy: 200, the host writes the body",
        json!({"account": bolt, "request": get, "agreement": theirs, "share": bolt_share, "now": at(31)}),
        200,
    );
    let unshared = v.op("Acme's agent unshares T-1", "shared_ticket.unshare", json!({"actor": abe, "account": acme, "ticket": {"id": "T-1", "status": "open", "shares": [share]}, "shared_ticket_id": share["id"], "agreements": [ours], "now": at(40)}));
    let ended_share = ok(&unshared)["share"].clone();
    let delete = v.op(
        "the unshare, as Acme's host sends it",
        "nhd.ticket_request",
        json!({"agreement": ours, "share": ended_share, "kind": "unshare"}),
    );
    let delete = ok(&delete)["request"].clone();
    let gone = receive(
        &mut v,
        "Bolt's engine ends its share: 200",
        json!({"account": bolt, "request": received(&delete), "agreement": theirs, "share": bolt_share, "now": at(41)}),
        200,
    );
    let bolt_ended = ok(&gone)["outcome"]["share"].clone();
    receive(
        &mut v,
        "an update of an unshared ticket: 404",
        json!({"account": bolt, "request": received(&solved), "agreement": theirs, "share": bolt_ended, "now": at(42)}),
        404,
    );
    let ada = json!({"id": "ada", "name": "Ada", "role": "admin"});
    let deactivated = v.op(
        "Acme's admin deactivates",
        "agreement.deactivate",
        json!({"actor": ada, "account": acme, "agreement": ours, "now": at(50)}),
    );
    let end = v.op(
        "the deactivation, as Acme's host sends it",
        "nhd.agreement_request",
        json!({"account": acme, "agreement": ok(&deactivated)["agreement"]}),
    );
    let end = ok(&end).clone();
    let ended = receive(
        &mut v,
        "Bolt's copy ends, by the sender: 200",
        json!({"account": bolt, "request": received(&end), "agreement": theirs, "now": at(51)}),
        200,
    );
    let theirs_ended = ok(&ended)["outcome"]["agreement"].clone();
    receive(
        &mut v,
        "a ticket under an ended agreement: 403, audited",
        json!({"account": bolt, "request": received(&post), "agreement": theirs_ended, "new_ticket_id": "B-3", "now": at(52)}),
        403,
    );
    let mut revive = received(&end);
    revive["body"] = json!(format!(
        "{{\"uuid\":\"{}\",\"status\":\"accepted\"}}",
        theirs["id"].as_str().unwrap()
    ));
    receive(
        &mut v,
        "an ended agreement never returns: 422",
        json!({"account": bolt, "request": revive, "agreement": theirs_ended, "now": at(53)}),
        422,
    );
    v.into_json()
}

/// The objects' variants in a shared ticket: timestamps, `public`, unknown fields (NHD-01..03).
pub(crate) fn objects() -> Value {
    let Exchange { mut v, bolt, theirs, ours, .. } = agreed(
        "nhd/objects",
        "What a receiving side reads: the timestamp forms, a comment's public flag, unknown fields (NHD-01..03).",
        43,
    );
    let uuid = "cd".repeat(20);
    let token = token_of(&ours);
    let author = json!({"uuid": "ef".repeat(20), "name": "Abe", "role": "agent", "email": "ignored@acme.example"});
    let comment = |n: usize, public: Value, at: &str| {
        let mut c = json!({"uuid": format!("{n:0>40}"), "author": author, "body": format!("comment {n}"), "authored_at": at, "mood": "unknown fields are ignored"});
        if !public.is_null() || n == 2 {
            c["public"] = public;
        }
        c
    };
    let post = |v: &mut Vector, note: &str, comments: Vec<Value>, status: u16| {
        let body = json!({"uuid": uuid, "subject": "Sizes", "requested_at": "2026-11-23 09:00:00 +0000", "comments": comments, "priority": "high"});
        receive(
            v,
            note,
            json!({"account": bolt, "request": {"method": "POST", "path": format!("/sharing/tickets/{uuid}"), "headers": {"X-Ticket-Sharing-Token": token, "Content-Type": "application/json"}, "body": body.to_string()}, "agreement": theirs, "new_ticket_id": "B-1", "now": at(60)}),
            status,
        )
    };
    let read = post(
        &mut v,
        "the protocol's time, ISO 8601 with Z and with an offset; public absent, null, false: 201",
        vec![
            comment(1, Value::Null, "2026-11-23 10:00:00 +0100"),
            comment(2, Value::Null, "2026-11-23T09:00:00Z"),
            comment(3, json!(false), "2026-11-23T10:30:00+01:30"),
        ],
        201,
    );
    let comments = &ok(&read)["outcome"]["arrival"]["update"]["comments"];
    for i in 0..3 {
        assert_eq!(
            comments[i]["authored_at"],
            json!("2026-11-23T09:00:00Z"),
            "one instant"
        );
    }
    assert_eq!(
        [
            &comments[0]["public"],
            &comments[1]["public"],
            &comments[2]["public"]
        ],
        [&json!(true), &json!(true), &json!(false)]
    );
    post(
        &mut v,
        "public as a string: 422 (NHD-09: every body refused)",
        vec![comment(4, json!("yes"), "2026-11-23T09:00:00Z")],
        422,
    );
    post(
        &mut v,
        "a time of 30 February: 422",
        vec![comment(5, json!(true), "2026-02-30 09:00:00 +0000")],
        422,
    );
    post(
        &mut v,
        "a comment without its uuid: 422",
        vec![json!({"author": author, "body": "?"})],
        422,
    );
    v.into_json()
}
