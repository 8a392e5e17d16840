"""The seed-000 story through the idiomatic API (EXT-01..14)."""

import uuid

import pytest

import ticketshare
from conftest import ACCOUNT, ACTOR, at


def code_in(email):
    return "".join(c for c in email["text_body"] if c.isdigit())[:6]


def test_external_share_story(engine):
    created = engine.create_share(
        actor=ACTOR,
        account=ACCOUNT,
        request={"ticket_id": "T-1001", "recipient": "orders@supplier.example",
                 "subject": "Trainers labelled 42", "message": "Could you check batch B-17?"},
        now=at(0),
    )
    share, token = created["share"], created["link_token"]
    assert created["note"]["kind"]["type"] == "external_note"
    assert "Ana Agent from Acme Shoes" in created["email"]["text_body"]

    claims = engine.verify_link(token, at(10))
    assert claims.share_id == share["id"] and claims.key_id == 1
    assert claims.share_id == str(uuid.UUID(share["id"]))
    assert claims.expires_at_unix_nanos == 1795683600 * 10**9

    opened = engine.open_link(token, share, ACCOUNT, at(60))
    assert opened["outcome"] == "code_sent"
    code = code_in(opened["email"])
    wrong = "".join("1" if c == "0" else "0" for c in code)
    rejected = engine.check_code(token, share, opened["challenge"], wrong, at(70))
    assert rejected["outcome"] == "rejected" and rejected["attempts_left"] == 4
    accepted = engine.check_code(token, share, rejected["challenge"], code, at(80))
    assert accepted["outcome"] == "accepted"
    share, session = accepted["share"], accepted["session_token"]

    thread = {
        "ticket_id": "T-1001",
        "items": [
            {"id": "m1", "kind": {"type": "incoming"}, "author": {"role": "customer", "name": "Carla"},
             "body": "Tiny!", "at": "2026-11-22T09:00:00Z"},
            {"id": "n1", "kind": {"type": "internal_note"}, "author": {"role": "agent", "name": "Ana"},
             "body": "VIP", "at": "2026-11-22T10:00:00Z"},
        ],
        "customer": {"name": "Carla", "email": "carla@customer.example"},
    }
    view = engine.view(session, share, thread, at(90))
    assert [item["id"] for item in view["items"]] == ["m1"]
    assert view["customer"] is None and view["items"][0]["author"]["name"] == "Customer"

    replied = engine.reply(session, share, {"body": "Replacing it.", "send_copy": True}, ACCOUNT, at(100))
    assert replied["note"]["kind"]["purpose"] == "collaborator_reply"
    assert replied["copy_email"]["to"] == "orders@supplier.example"

    cancelled = engine.cancel_share(ACTOR, share, at(200))
    with pytest.raises(ticketshare.LinkError) as refused:
        engine.open_link(token, cancelled["share"], ACCOUNT, at(201))
    assert refused.value.code == "link_cancelled" and refused.value.category == "invalid_link"

    with pytest.raises(ticketshare.LinkError) as expired:
        engine.verify_link(token, at(72 * 3600))
    assert expired.value.code == "link_expired" and expired.value.category == "expired"


def test_policy_and_branding(engine):
    assert engine.check_policy(ACTOR, "external_share", plan="enterprise", feature="ticket_share") == {"allowed": True}
    denied = engine.check_policy({**ACTOR, "role": "viewer"}, "external_share")
    assert denied["allowed"] is False and denied["refusal"]["code"] == "permission_denied"
    with pytest.raises(ticketshare.PolicyError) as refused:
        engine.update_branding(ACTOR, ACCOUNT, {"company_name": "Acme"}, at(0))
    assert refused.value.code == "permission_denied"
