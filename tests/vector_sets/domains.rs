//! The vectors of the domains built on the surface: agent shares, CCs and followers,
//! agreements between accounts.

use super::*;

/// Sharing a ticket with other agents, and the replies scheduled under a share (AGT-01..08).
pub(super) fn agent_shares() -> Value {
    let mut v = Vector::new(
        "agent_shares",
        "Sharing a ticket with other agents, access, and scheduled replies (AGT-01..08).",
        config(),
        19,
    );
    let member = |id: &str, role: &str, inboxes: &[&str]| json!({"id": id, "role": role, "inboxes": inboxes});
    let (ana, ada) = (
        member("ana", "agent", &["billing"]),
        member("ada", "admin", &[]),
    );
    let bob = member("bob", "agent", &["sales"]);
    let ticket = json!({"id": "T-7", "inbox_id": "billing"});
    let colleague = |id: &str, inboxes: &[&str]| json!({"id": id, "inboxes": inboxes});
    let on = json!({"enabled": true});
    v.op("sharing is off until an admin turns it on", "agent_share.add", json!({"actor": ana, "ticket": ticket, "agents": [colleague("bob", &["sales"])], "now": at(0)}));
    v.op(
        "an agent may not turn it on",
        "agent_sharing.set",
        json!({"actor": ana, "enabled": true, "now": at(1)}),
    );
    v.op(
        "an admin turns it on",
        "agent_sharing.set",
        json!({"actor": ada, "enabled": true, "now": at(2)}),
    );
    let added = v.op("Ana shares with Bob; Cleo can open the inbox already", "agent_share.add", json!({"actor": ana, "ticket": ticket, "agents": [colleague("bob", &["sales"]), colleague("cleo", &["billing"])], "settings": on, "now": at(3)}));
    let shares = ok(&added)["added"].clone();
    v.op("a second share with Bob is never made", "agent_share.add", json!({"actor": ana, "ticket": ticket, "agents": [colleague("bob", &["sales"])], "shares": shares, "settings": on, "now": at(4)}));
    v.op("an agent listed twice is a bad request", "agent_share.add", json!({"actor": ana, "ticket": ticket, "agents": [colleague("dan", &[]), colleague("dan", &[])], "shares": shares, "settings": on, "now": at(4)}));
    v.op(
        "Bob may do everything on this ticket but forward it",
        "agent.access",
        json!({"agent": bob, "ticket": ticket, "shares": shares, "settings": on}),
    );
    v.op("an agent of another inbox may do nothing", "agent.access", json!({"agent": member("oli", "agent", &["sales"]), "ticket": ticket, "shares": shares, "settings": on}));
    let scheduled = v.op("Bob schedules a reply under his share", "reply.schedule", json!({"author": bob, "ticket": ticket, "shares": shares, "settings": on, "send_at": at(7200), "now": at(10)}));
    let reply = ok(&scheduled)["reply"].clone();
    v.op(
        "the scheduler may send it while the share lasts",
        "reply.check",
        json!({"reply": reply, "author": bob, "ticket": ticket, "shares": shares, "settings": on}),
    );
    v.op("Ana removes Bob: his reply comes back to be cancelled", "agent_share.remove", json!({"actor": ana, "ticket": ticket, "share_id": shares[0]["id"], "agent": colleague("bob", &["sales"]), "shares": shares, "pending": [reply], "now": at(20)}));
    v.op(
        "should the host still try to send it, it is refused",
        "reply.check",
        json!({"reply": reply, "author": bob, "ticket": ticket, "settings": on}),
    );
    v.into_json()
}

/// Who is emailed, what an email reply does, CCs and followers from the ticket (CCF-01..12).
pub(super) fn ccs_and_followers() -> Value {
    let mut v = Vector::new(
        "ccs_and_followers",
        "Notifications, email replies, and CCs and followers added from the ticket (CCF-01..12).",
        config(),
        23,
    );
    let who = |email: &str, role: &str| json!({"email": email, "role": role});
    let people = json!({
        "ticket_id": "T-9",
        "requester": {"email": "carla@customer.example", "name": "Carla"},
        "ccs": [who("cleo@customer.example", "end_user"), who("chris@partner.example", "end_user")],
        "followers": [who("finn@acme.example", "agent")]
    });
    let settings =
        json!({"support_addresses": ["support@acme.example"], "blocklist": ["spam.example"]});
    let known = json!([
        who("ana@acme.example", "agent"),
        who("lee@acme.example", "light_agent")
    ]);
    let comments = json!([{"id": "c1", "public": true}, {"id": "n1", "public": false}, {"id": "c2", "public": true}]);
    let ana = json!({"id": "ana", "name": "Ana", "role": "agent"});
    v.op("a public comment: requester and CCs shown, the follower hidden", "cc.notify", json!({"people": people, "update": {"kind": "public_comment", "author": "ana@acme.example"}, "action": "email_requester_and_ccs", "settings": settings}));
    v.op("an internal note: only the follower hears of it", "cc.notify", json!({"people": people, "update": {"kind": "internal_note", "author": "ana@acme.example"}, "action": "email_requester_and_ccs", "settings": settings}));
    let mut assigned = people.clone();
    assigned["assignee"] = who("sam@acme.example", "agent");
    v.op("the assignee is left to their own triggers", "cc.notify", json!({"people": assigned, "update": {"kind": "public_comment", "author": "ana@acme.example"}, "action": "email_requester", "settings": settings}));
    let email = |from: &str, to: &[&str], cc: &[&str]| json!({"from": from, "to": to, "cc": cc});
    v.op("Carla replies to all, adds Nora, leaves Chris out", "cc.inbound", json!({"email": email("Carla <carla@customer.example>", &["support@acme.example"], &["cleo@customer.example", "Nora Nunez <nora@customer.example>", "bot@spam.example"]), "people": people, "known": known, "comments": comments, "settings": settings, "now": at(0)}));
    v.op("an agent's Reply (without the requester) is private", "cc.inbound", json!({"email": email("ana@acme.example", &["support@acme.example"], &[]), "people": people, "known": known, "comments": comments, "settings": settings, "now": at(0)}));
    v.op("a light agent adds no CC", "cc.inbound", json!({"email": email("lee@acme.example", &["carla@customer.example"], &["new@customer.example"]), "people": people, "known": known, "comments": comments, "settings": settings, "now": at(0)}));
    v.op("an email never makes a follower a CC: already_follower (CCF-05)", "cc.inbound", json!({"email": email("carla@customer.example", &["support@acme.example"], &["cleo@customer.example", "chris@partner.example", "finn@acme.example"]), "people": people, "known": known, "comments": comments, "settings": settings, "now": at(0)}));
    v.op("each address decided alone: an unreadable one is reported, a trailing comma read (CCF-12)", "cc.inbound", json!({"email": email("carla@customer.example", &["support@acme.example", "ana@customer.example (Ana at work)"], &["cleo@customer.example", "chris@partner.example", "\"quoted local\"@customer.example", "new@customer.example,"]), "people": people, "known": known, "comments": comments, "settings": settings, "now": at(0)}));
    v.op("a third party is flagged", "cc.inbound", json!({"email": email("stranger@elsewhere.example", &["support@acme.example"], &[]), "people": people, "known": known, "comments": comments, "settings": settings, "now": at(0)}));
    v.op("with CCs off, nobody becomes a CC", "cc.inbound", json!({"email": email("carla@customer.example", &["cleo@customer.example", "chris@partner.example"], &["new@customer.example"]), "people": people, "known": known, "settings": {"ccs_enabled": false}, "now": at(0)}));
    v.op("beyond the most CCs, addresses are reported", "cc.inbound", json!({"email": email("ana@acme.example", &["carla@customer.example"], &["new@customer.example"]), "people": people, "known": known, "settings": {"max_ccs": 2}, "now": at(0)}));
    v.op("an address that is no address", "cc.inbound", json!({"email": email("carla@customer.example", &["Broken <nora@customer"], &[]), "people": people, "now": at(0)}));
    v.op("an agent adds a CC from the ticket", "cc.add", json!({"actor": ana, "people": people, "addresses": ["Nora <nora@customer.example>", "cleo@customer.example"], "comments": comments, "settings": settings, "now": at(1)}));
    v.op("beyond the most CCs, adding from the ticket is refused", "cc.add", json!({"actor": ana, "people": people, "addresses": ["nora@customer.example"], "settings": {"max_ccs": 2}, "now": at(1)}));
    v.op("an agent adds a follower from the ticket", "follower.add", json!({"actor": ana, "people": people, "followers": [who("ana@acme.example", "agent")], "settings": settings, "now": at(2)}));
    v.op("with followers off, nobody follows", "follower.add", json!({"actor": ana, "people": people, "followers": [who("ana@acme.example", "agent")], "settings": {"followers_enabled": false}, "now": at(2)}));
    v.into_json()
}

/// Sharing agreements between accounts and the tickets shared under them (ACC-01..21): Acme
/// invites Bolt, Bolt accepts, a ticket travels with its status, fields, comments and tags,
/// then the agreement ends; Acme and Cargo go through a decline and an invite again.
pub(super) fn agreements() -> Value {
    let mut v = Vector::new(
        "agreements",
        "Sharing agreements between accounts and the tickets shared under them (ACC-01..21).",
        config(),
        31,
    );
    let acme = json!({"id": "acme", "name": "Acme Shoes", "url": "https://acme.example/sharing"});
    let bolt = json!({"id": "bolt", "name": "Bolt Parts", "url": "https://bolt.example/sharing"});
    let cargo =
        json!({"id": "cargo", "name": "Cargo Freight", "url": "https://cargo.example/sharing"});
    let ada = json!({"id": "ada", "name": "Ada", "role": "admin"});
    let abe = json!({"id": "abe", "name": "Abe", "role": "agent"});
    let terms =
        json!({"comments": "public_and_private", "sync_tags": true, "sync_custom_fields": true});
    let party = |account: &Value| json!({"name": account["name"], "url": account["url"]});
    let invitation = |change: &Value| {
        let mut notice = change["notice"].clone();
        notice.as_object_mut().unwrap().remove("kind");
        notice
    };
    let update = invitation;

    let invited = v.op("Acme's admin invites Bolt", "agreement.invite", json!({"actor": ada, "account": acme, "offer": {"partner": party(&bolt), "terms": terms}, "now": at(0)}));
    v.op("custom fields are never offered to a third-party system", "agreement.invite", json!({"actor": ada, "account": acme, "offer": {"partner": party(&cargo), "partner_kind": "third_party", "terms": terms}, "now": at(0)}));
    let sent = ok(&invited)["agreement"].clone();
    let received = v.op(
        "Bolt reads the invitation: pending for its admins",
        "agreement.receive",
        json!({"account": bolt, "invitation": invitation(ok(&invited)), "now": at(1)}),
    );
    let mut opted_out = bolt.clone();
    opted_out["opted_out"] = json!(true);
    v.op(
        "had Bolt opted out: an ordinary decline, nothing stored, nobody told",
        "agreement.receive",
        json!({"account": opted_out, "invitation": invitation(ok(&invited)), "now": at(1)}),
    );
    let copy = ok(&received)["agreement"].clone();
    v.op(
        "Bolt's admin decides later",
        "agreement.defer",
        json!({"actor": ada, "account": bolt, "agreement": copy, "now": at(2)}),
    );
    let accepted = v.op(
        "Bolt's admin accepts",
        "agreement.accept",
        json!({"actor": ada, "account": bolt, "agreement": copy, "now": at(2)}),
    );
    let theirs = ok(&accepted)["agreement"].clone();
    let applied = v.op(
        "Acme applies the acceptance",
        "agreement.partner_update",
        json!({"account": acme, "agreement": sent, "update": update(ok(&accepted)), "now": at(3)}),
    );
    let ours = ok(&applied)["agreement"].clone();

    let ticket = json!({"id": "T-1", "status": "open"});
    let shared = v.op("an agent shares T-1 with Bolt", "shared_ticket.share", json!({"actor": abe, "account": acme, "ticket": ticket, "agreement_id": ours["id"], "agreements": [ours], "now": at(10)}));
    v.op("a closed ticket is not shared", "shared_ticket.share", json!({"actor": abe, "account": acme, "ticket": {"id": "T-2", "status": "closed"}, "agreement_id": ours["id"], "agreements": [ours], "now": at(10)}));
    let share = ok(&shared)["share"].clone();
    let arrived = v.op("T-1 arrives at Bolt as its own B-1", "shared_ticket.receive", json!({"account": bolt, "agreement": theirs, "shared_ticket_id": share["id"], "ticket_id": "B-1", "now": at(11)}));
    let bolt_share = ok(&arrived)["share"].clone();
    let refused = |v: &mut Vector, note: &str, op: &str, args: Value, code: &str| {
        let response = v.op(note, op, args);
        assert_eq!(response["error"]["code"], json!(code), "{note}: {response}");
    };
    refused(
        &mut v,
        "a ticket shared already is not shared again",
        "shared_ticket.share",
        json!({"actor": abe, "account": acme, "ticket": {"id": "T-1", "status": "open", "shares": [share]}, "agreement_id": ours["id"], "agreements": [ours], "now": at(12)}),
        "ticket_already_shared",
    );
    refused(
        &mut v,
        "no agreement with that id: no_agreement (ACC-12)",
        "shared_ticket.share",
        json!({"actor": abe, "account": acme, "ticket": {"id": "T-3", "status": "open"}, "agreement_id": "ab".repeat(20), "agreements": [ours], "now": at(12)}),
        "no_agreement",
    );
    refused(
        &mut v,
        "Bolt shares under the agreement it receives by: receiving_only (ACC-12)",
        "shared_ticket.share",
        json!({"actor": abe, "account": bolt, "ticket": {"id": "B-3", "status": "open"}, "agreement_id": theirs["id"], "agreements": [theirs], "now": at(12)}),
        "receiving_only",
    );
    refused(
        &mut v,
        "a second invite while one is in force",
        "agreement.invite",
        json!({"actor": ada, "account": acme, "offer": {"partner": party(&bolt), "terms": terms}, "agreements": [ours], "now": at(12)}),
        "agreement_exists",
    );
    refused(
        &mut v,
        "an accepted agreement is not invited again",
        "agreement.reinvite",
        json!({"actor": ada, "account": acme, "agreement": ours, "now": at(12)}),
        "agreement_not_declined",
    );
    v.op("a shared ticket is not merged", "shared_ticket.check_merge", json!({"ticket": {"id": "T-1", "status": "open", "shares": [share]}, "into": {"id": "T-3", "status": "open"}}));
    let custom = json!({"custom_statuses": true, "statuses": [
        {"id": "open-default", "category": "open", "default": true},
        {"id": "open-parts", "category": "open"},
        {"id": "pending-default", "category": "pending", "default": true}
    ]});
    v.op(
        "On-hold at Acme arrives as Bolt's default open status",
        "shared_ticket.map_status",
        json!({"agreement": ours, "target": custom, "status": {"category": "on_hold"}}),
    );
    refused(
        &mut v,
        "a custom status Acme does not have",
        "shared_ticket.map_status",
        json!({"agreement": ours, "target": custom, "status": {"category": "open", "custom_id": "open-parts"}}),
        "unknown_status",
    );
    let mut private = ours.clone();
    private["terms"] = json!({"comments": "private_only"});
    refused(
        &mut v,
        "private comments only: the status does not sync",
        "shared_ticket.map_status",
        json!({"agreement": private, "target": custom, "status": {"category": "open"}}),
        "status_not_synced",
    );
    refused(
        &mut v,
        "no custom-field sync: no values cross",
        "shared_ticket.transfer_fields",
        json!({"agreement": private, "ours": [], "theirs": [], "values": []}),
        "fields_not_synced",
    );
    let mut private_theirs = theirs.clone();
    private_theirs["terms"] = json!({"comments": "private_only"});
    refused(
        &mut v,
        "private comments only: the receiver comments privately",
        "shared_ticket.prepare_update",
        json!({"agreement": private_theirs, "update": {"comments": [{"id": "c9", "author": {"id": "u-bo", "name": "Bo"}, "body": "Hi", "public": true, "created_at": at(13)}]}}),
        "public_comment_not_allowed",
    );
    let acme_fields = json!([
        {"id": "a1", "title": "Camera model", "type": "text"},
        {"id": "a2", "title": "Colour", "type": "dropdown", "options": [{"tag": "red"}, {"tag": "blue"}]},
        {"id": "a3", "title": "Region", "type": "text"},
        {"id": "a4", "title": "Priority", "type": "dropdown", "system": true}
    ]);
    let bolt_fields = json!([
        {"id": "b1", "title": "CAMERA MODEL", "type": "textarea"},
        {"id": "b2", "title": "colour", "type": "dropdown", "options": [{"tag": "red"}, {"tag": "navy"}]},
        {"id": "b3", "title": "Region", "type": "checkbox"}
    ]);
    v.op(
        "Acme's fields against Bolt's: each with its verdict",
        "shared_ticket.plan_fields",
        json!({"agreement": ours, "ours": acme_fields, "theirs": bolt_fields}),
    );
    v.op("the values that cross, and the ones that do not", "shared_ticket.transfer_fields", json!({"agreement": ours, "ours": acme_fields, "theirs": bolt_fields, "values": [{"field_id": "a1", "value": "X100"}, {"field_id": "a2", "value": "red"}, {"field_id": "a3", "value": "EMEA"}]}));
    let author = json!({"id": "u-ada", "name": "Ada", "role": "agent", "email": "ada@acme.example", "phone": "+44 20 7946 0000"});
    let prepared = v.op("what of Acme's update crosses: no address, no recording, no rule's tag", "shared_ticket.prepare_update", json!({"agreement": ours, "secure_downloads": false, "update": {
        "comments": [{"id": "c1", "author": author, "body": "Can you check the batch?", "public": true, "created_at": at(20), "attachments": [
            {"id": "f1", "filename": "label.jpg", "content_type": "image/jpeg", "url": "https://files.acme.example/f1"},
            {"id": "v1", "filename": "voicemail.mp3", "content_type": "audio/mpeg", "url": "https://files.acme.example/v1", "kind": "voicemail_recording", "transcription": "Call me back"}
        ]}],
        "tags": [{"name": "vip"}, {"name": "escalated", "by_rule": true}]
    }}));
    v.op("Bolt receives it: a placeholder for Ada, no notifications on its copy", "shared_ticket.receive_update", json!({"agreement": theirs, "share": bolt_share, "update": {"comments": ok(&prepared)["comments"], "tags": ok(&prepared)["tags"]}}));
    v.op("Bolt only receives: it cannot stop sharing", "shared_ticket.unshare", json!({"actor": abe, "account": bolt, "ticket": {"id": "B-1", "status": "open", "shares": [bolt_share]}, "shared_ticket_id": share["id"], "agreements": [theirs], "now": at(30)}));
    v.op("Acme stops sharing T-1", "shared_ticket.unshare", json!({"actor": abe, "account": acme, "ticket": {"id": "T-1", "status": "open", "shares": [share]}, "shared_ticket_id": share["id"], "agreements": [ours], "now": at(30)}));
    let ended = v.op(
        "Bolt's admin deactivates, for good",
        "agreement.deactivate",
        json!({"actor": ada, "account": bolt, "agreement": theirs, "now": at(40)}),
    );
    let informed = v.op(
        "Acme is informed",
        "agreement.partner_update",
        json!({"account": acme, "agreement": ours, "update": update(ok(&ended)), "now": at(41)}),
    );
    v.op(
        "an ended agreement is never revived",
        "agreement.accept",
        json!({"actor": ada, "account": bolt, "agreement": ok(&ended)["agreement"], "now": at(42)}),
    );

    let to_cargo = v.op("Acme invites Cargo", "agreement.invite", json!({"actor": ada, "account": acme, "offer": {"partner": party(&cargo), "terms": {"comments": "private_only"}}, "now": at(50)}));
    let at_cargo = v.op(
        "Cargo reads it",
        "agreement.receive",
        json!({"account": cargo, "invitation": invitation(ok(&to_cargo)), "now": at(51)}),
    );
    let declined = v.op("Cargo's admin declines", "agreement.decline", json!({"actor": ada, "account": cargo, "agreement": ok(&at_cargo)["agreement"], "now": at(52)}));
    let told = v.op("Acme applies the decline", "agreement.partner_update", json!({"account": acme, "agreement": ok(&to_cargo)["agreement"], "update": update(ok(&declined)), "now": at(53)}));
    refused(
        &mut v,
        "a declined invite is not deactivated",
        "agreement.deactivate",
        json!({"actor": ada, "account": acme, "agreement": ok(&told)["agreement"], "now": at(54)}),
        "agreement_declined",
    );
    let again = v.op("Acme invites Cargo again, on other terms", "agreement.reinvite", json!({"actor": ada, "account": acme, "agreement": ok(&told)["agreement"], "terms": {"comments": "private_only", "sync_tags": true}, "now": at(60)}));
    let renamed =
        json!({"id": "acme", "name": "Acme Footwear", "url": "https://acme.example/sharing"});
    v.op("Acme is renamed: its live agreements end", "agreement.account_renamed", json!({"actor": ada, "account": renamed, "agreements": [ok(&informed)["agreement"], ok(&again)["agreement"]], "now": at(70)}));
    v.into_json()
}
