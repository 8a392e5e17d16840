//! Every status a receiving side answers (`tests/vectors/nhd/refusals.json`), each from the
//! check that decides it, through the JSON surface.

use super::*;

/// Every status the receiving side answers, each from the check that decides it.
pub(crate) fn refusals() -> Value {
    let Exchange {
        mut v,
        acme,
        bolt,
        ours,
        theirs,
    } = agreed(
        "nhd/refusals",
        "Every status a receiving side answers, in the order of checks (NHD-04..08).",
        42,
    );
    let id = ours["id"].as_str().unwrap().to_owned();
    let token = token_of(&ours);
    let body = json!({"uuid": id, "status": "accepted"}).to_string();
    let request = |method: &str, path: &str, headers: Value, body: Option<&str>| {
        let mut r = json!({"method": method, "path": path, "headers": headers});
        if let Some(body) = body {
            r["body"] = json!(body);
        }
        r
    };
    let json_headers = json!({"X-Ticket-Sharing-Token": token, "Content-Type": "application/json"});
    let path = format!("/sharing/agreements/{id}");
    let early = |v: &mut Vector, note: &str, r: Value, status: u16| {
        let route = v.op(note, "nhd.route", json!({"request": r}));
        assert_eq!(
            ok(&route)["answer"]["status"],
            json!(status),
            "{note}: {route}"
        );
    };
    early(
        &mut v,
        "version 2: 412",
        request(
            "PUT",
            &path,
            json!({"X-Ticket-Sharing-Token": token, "X-Ticket-Sharing-Version": "2"}),
            Some(&body),
        ),
        412,
    );
    early(
        &mut v,
        "an unknown resource: 404",
        request(
            "PUT",
            &format!("/sharing/users/{id}"),
            json_headers.clone(),
            Some(&body),
        ),
        404,
    );
    early(
        &mut v,
        "GET of an agreement: 405 with Allow",
        request("GET", &path, json_headers.clone(), None),
        405,
    );
    early(
        &mut v,
        "a URI uuid of 8 characters (the gem's README's): 422",
        request(
            "PUT",
            "/sharing/agreements/5ad614f4",
            json_headers.clone(),
            Some(&body),
        ),
        422,
    );
    early(
        &mut v,
        "no token: 401 with WWW-Authenticate",
        request(
            "PUT",
            &path,
            json!({"Content-Type": "application/json"}),
            Some(&body),
        ),
        401,
    );
    early(
        &mut v,
        "a token without a colon: 401",
        request(
            "PUT",
            &path,
            json!({"X-Ticket-Sharing-Token": id}),
            Some(&body),
        ),
        401,
    );
    let with = |r: Value, agreement: &Value| json!({"account": acme, "request": r, "agreement": agreement, "now": at(5)});
    receive(
        &mut v,
        "the version header missing reads as 1; an unchanged status changes nothing: 200",
        with(
            request("PUT", &path, json_headers.clone(), Some(&body)),
            &ours,
        ),
        200,
    );
    receive(
        &mut v,
        "an agreement the account does not have: 404",
        json!({"account": acme, "request": request("PUT", &path, json_headers.clone(), Some(&body)), "now": at(5)}),
        404,
    );
    let wrong = json!({"X-Ticket-Sharing-Token": format!("{id}:{}", "0".repeat(40)), "Content-Type": "application/json"});
    receive(
        &mut v,
        "a wrong access key: 403, audited",
        with(request("PUT", &path, wrong, Some(&body)), &ours),
        403,
    );
    receive(
        &mut v,
        "text/plain: 422 (NHD-09: the gem raises on 415)",
        with(
            request(
                "PUT",
                &path,
                json!({"X-Ticket-Sharing-Token": token, "Content-Type": "text/plain"}),
                Some(&body),
            ),
            &ours,
        ),
        422,
    );
    receive(
        &mut v,
        "text/x-json with a charset is read: 200",
        with(
            request(
                "PUT",
                &path,
                json!({"x-ticket-sharing-token": token, "content-type": "text/x-json; charset=utf-8"}),
                Some(&body),
            ),
            &ours,
        ),
        200,
    );
    receive(
        &mut v,
        "truncated JSON: 422 (NHD-09: the gem raises on 400)",
        with(
            request(
                "PUT",
                &path,
                json_headers.clone(),
                Some(&body[..body.len() - 3]),
            ),
            &ours,
        ),
        422,
    );
    receive(
        &mut v,
        "a top-level array: 422",
        with(
            request(
                "PUT",
                &path,
                json_headers.clone(),
                Some(&format!("[{body}]")),
            ),
            &ours,
        ),
        422,
    );
    let other = format!("{}{}", &id[..39], if id.ends_with('0') { "1" } else { "0" });
    receive(
        &mut v,
        "a body uuid other than the URI's: 422",
        with(
            request(
                "PUT",
                &path,
                json_headers.clone(),
                Some(&json!({"uuid": other}).to_string()),
            ),
            &ours,
        ),
        422,
    );
    receive(
        &mut v,
        "the receiver changes the terms, which are the sender's: 422",
        with(
            request(
                "PUT",
                &path,
                json_headers.clone(),
                Some(&json!({"uuid": id, "sync_tags": false}).to_string()),
            ),
            &ours,
        ),
        422,
    );
    receive(
        &mut v,
        "the receiver ends it in the sender's name: 422",
        with(
            request(
                "PUT",
                &path,
                json_headers.clone(),
                Some(
                    &json!({"uuid": id, "status": "inactive", "deactivated_by": "sender"})
                        .to_string(),
                ),
            ),
            &ours,
        ),
        422,
    );
    receive(
        &mut v,
        "a second create of an agreement in force: 422",
        json!({"account": bolt, "request": request("POST", &path, json_headers.clone(), Some(&json!({"uuid": id, "access_key": ours["access_key"], "name": "Acme Shoes", "sender_url": ACME, "receiver_url": "https://bolt.example/sharing"}).to_string())), "agreement": theirs, "now": at(5)}),
        422,
    );
    receive(
        &mut v,
        "a create that is not pending: 422",
        json!({"account": bolt, "request": request("POST", "/sharing/agreements/00000000000000000000000000000000000000aa", json!({"Content-Type": "application/json"}), Some(&json!({"uuid": "00000000000000000000000000000000000000aa", "status": "accepted", "access_key": "1".repeat(40), "name": "Acme Shoes", "sender_url": ACME, "receiver_url": "https://bolt.example/sharing"}).to_string())), "now": at(5)}),
        422,
    );
    let ticket_path = format!("/sharing/tickets/{}", "ab".repeat(20));
    receive(
        &mut v,
        "a ticket the account does not hold: 404",
        json!({"account": bolt, "request": request("PUT", &ticket_path, json_headers.clone(), Some(&json!({"uuid": "ab".repeat(20)}).to_string())), "agreement": theirs, "now": at(5)}),
        404,
    );
    let mut pending = theirs.clone();
    pending["status"] = json!("pending");
    receive(
        &mut v,
        "a ticket under a pending agreement: 403",
        json!({"account": bolt, "request": request("POST", &ticket_path, json_headers.clone(), Some(&json!({"uuid": "ab".repeat(20)}).to_string())), "agreement": pending, "new_ticket_id": "B-9", "now": at(5)}),
        403,
    );
    v.into_json()
}
