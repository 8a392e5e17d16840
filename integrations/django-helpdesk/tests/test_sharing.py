"""The app over the models and views, with Django's test client: what an agent, an admin and a
collaborator get. Every decision asserted here is the engine's; the app only stores and shows."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from helpdesk.models import FollowUp, FollowUpAttachment, Ticket

from ticketshare_django.models import AuditEvent, CodeChallenge, ExternalShare, SharedFile, SharedNote

from .conftest import Clock, code_in, events, outbox_to, verified, wrong

CUSTOMER = "carla@customer.example"


def panel(client: Client, ticket: Ticket) -> str:
    response = client.get(f"/helpdesk/tickets/{ticket.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_agent_with_the_permission_sees_share_and_one_without_does_not(agent: Client, demo: Ticket) -> None:
    assert 'id="ts-share-form"' in panel(agent, demo)
    plain = get_user_model().objects.create_user("bob", "bob@acme.example", "bob", is_staff=True)
    bob = Client()
    bob.force_login(plain)
    page = panel(bob, demo)
    assert 'id="external-shares"' in page and 'id="ts-share-form"' not in page
    # Posting anyway is refused by the engine: nothing stored, nothing sent.
    bob.post(f"/sharing/tickets/{demo.pk}/share", {"recipient": "x@supplier.example", "subject": "s", "message": "m"})
    assert ExternalShare.objects.count() == 0 and not mail.outbox
    assert events("share_created") == []


def test_share_stores_the_record_the_private_note_the_email_and_the_events(
        shared: Any, demo: Ticket, clock: Clock) -> None:
    link = shared(include_customer_details="on")
    row = ExternalShare.objects.get()
    assert row.ticket == demo and row.recipient == "orders@supplier.example" and row.revision == 1
    assert row.record["include_customer_details"] is True
    note = SharedNote.objects.get()
    assert note.followup.public is False and note.followup.ticket == demo
    assert note.followup.title == "Shared with an external collaborator"
    assert note.item["kind"] == {"type": "external_note", "purpose": "shared", "share_id": str(row.pk)}
    email = mail.outbox[-1]
    assert email.to == ["orders@supplier.example"]
    assert email.from_email == "Acme Shoes <helpdesk@acme.example>"
    assert link.startswith("/shared/") and "https://help.example.com" + link in email.body
    assert email.alternatives[0][1] == "text/html"
    assert {e.kind for e in AuditEvent.objects.all()} == {"share_created", "customer_details_included"}
    assert not outbox_to(CUSTOMER)


def test_collaborator_enters_a_wrong_then_the_right_code_and_reads_the_thread(shared: Any, clock: Clock) -> None:
    link = shared()
    browser = Client()
    page = browser.get(link)
    assert page.status_code == 200 and b"Enter the code we emailed you" in page.content
    code_email = mail.outbox[-1]
    assert code_email.to == ["orders@supplier.example"] and "code" in code_email.subject.lower()
    code = code_in(code_email)
    clock.move(seconds=10)
    rejected = browser.post(link + "/code", {"code": wrong(code)})
    assert rejected.status_code == 400
    assert b"That code is not right. 4 tries left." in rejected.content
    assert CodeChallenge.objects.get().record["wrong_attempts"] == 1
    accepted = browser.post(link + "/code", {"code": code})
    assert accepted.status_code == 302 and accepted["Location"] == link
    for name in (f"ts_session_{ExternalShare.objects.get().pk.hex}", "ts_device"):
        cookie = accepted.cookies[name]
        assert cookie["httponly"] and cookie["secure"] and cookie["samesite"] == "Lax", name
        assert cookie["path"] == "/shared/"
    thread = browser.get(link)
    text = thread.content.decode()
    assert thread.status_code == 200 and 'id="reply-form"' in text
    assert "Sorry about that, Carla." in text  # the agent's public reply
    assert "VIP customer" not in text  # the internal note (EXT-07)
    assert "Carla" not in re.sub(r"Sorry about that, Carla\.", "", text)  # customer details were not included
    assert CUSTOMER not in text
    assert {e.kind for e in AuditEvent.objects.all()} >= {"code_sent", "code_rejected", "code_accepted"}


def test_a_reply_with_attachments_becomes_a_private_follow_up_never_emailed_to_the_customer(
        shared: Any, demo: Ticket, clock: Clock) -> None:
    link = shared()
    browser = verified(link)
    sent = len(mail.outbox)
    upload = SimpleUploadedFile("batch-b17.txt", b"42 -> 39", content_type="text/plain")
    response = browser.post(link + "/reply", {"body": "Batch B-17 was mislabelled.", "attachments": [upload]})
    assert response.status_code == 302
    followup = FollowUp.objects.filter(ticket=demo).order_by("-pk").first()
    assert followup.public is False and followup.comment == "Batch B-17 was mislabelled."
    assert followup.title == "Reply from an external collaborator"
    assert followup.sharednote.item["kind"]["purpose"] == "collaborator_reply"
    attachment = FollowUpAttachment.objects.get(followup=followup)
    assert attachment.filename == "batch-b17.txt" and attachment.size == 8
    reference = str(SharedFile.objects.get(attachment=attachment).reference)
    assert followup.sharednote.item["attachments"][0]["reference"] == reference
    assert len(mail.outbox) == sent, "a reply emails no one unless a copy is asked for"
    # The thread shows it, and the file downloads only through the engine's view.
    page = browser.get(link).content.decode()
    assert "Batch B-17 was mislabelled." in page and f"/files/{reference}" in page
    download = browser.get(f"{link}/files/{reference}")
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"42 -> 39"
    assert browser.get(f"{link}/files/followup-attachment-999").status_code == 404
    assert Client().get(f"{link}/files/{reference}").status_code == 302  # no session: back to the code
    # The agent sees it in django-helpdesk.
    agent = Client()
    agent.login(username="ana", password="ana")
    assert "Batch B-17 was mislabelled." in panel(agent, demo)


def test_an_empty_reply_or_too_many_files_is_refused_by_the_engine(shared: Any, clock: Clock) -> None:
    link = shared()
    browser = verified(link)
    before = FollowUp.objects.count()
    assert browser.post(link + "/reply", {"body": "   "}).status_code == 400
    files = [SimpleUploadedFile(f"f{i}.txt", b"x") for i in range(11)]
    refused = browser.post(link + "/reply", {"body": "eleven files", "attachments": files})
    assert refused.status_code == 400 and b"The reply was not sent" in refused.content
    assert FollowUp.objects.count() == before and FollowUpAttachment.objects.count() == 0


def test_cancel_takes_effect_at_once(agent: Client, shared: Any, demo: Ticket, clock: Clock) -> None:
    link = shared()
    browser = verified(link)
    row = ExternalShare.objects.get()
    assert "ts-status-verified" in panel(agent, demo)
    assert agent.post(f"/sharing/shares/{row.pk}/cancel").status_code == 302
    row.refresh_from_db()
    assert row.revision == 3 and row.record["cancellation"]["by"].startswith("user-")
    reload = browser.get(link)
    assert reload.status_code == 403 and b"This link is not valid" in reload.content
    assert b"Batch" not in reload.content and b"Size 42" not in reload.content
    assert "ts-status-cancelled" in panel(agent, demo)
    assert SharedNote.objects.filter(item__kind__purpose="link_invalidated").count() == 1
    assert len(events("share_cancelled")) == 1


def test_after_72_hours_the_link_shows_the_expired_page(agent: Client, shared: Any, demo: Ticket,
                                                        clock: Clock) -> None:
    link = shared()
    clock.move(hours=72)
    page = Client().get(link)
    assert page.status_code == 410 and b"This link has expired" in page.content
    assert b"Size 42" not in page.content
    assert "ts-status-expired" in panel(agent, demo)


def test_collaborator_pages_are_uncached_send_no_referrer_elsewhere_and_need_csrf(shared: Any, clock: Clock) -> None:
    link = shared()
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(link)
    assert page["Referrer-Policy"] == "same-origin"
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    assert b"csrfmiddlewaretoken" in page.content
    assert browser.post(link + "/code", {"code": code_in(mail.outbox[-1])}).status_code == 403
    for forged in ("/shared/not-a-token", link[:-2] + ("AA" if not link.endswith("AA") else "BB")):
        refused = Client().get(forged)
        assert refused.status_code == 403 and b"This link is not valid" in refused.content
        assert refused["Referrer-Policy"] == "same-origin"


def test_resend_shows_the_cooldown_then_sends_a_new_code(shared: Any, clock: Clock) -> None:
    link = shared()
    browser = Client()
    browser.get(link)
    first = code_in(mail.outbox[-1])
    clock.move(seconds=20)
    too_soon = browser.post(link + "/resend")
    assert too_soon.status_code == 429
    assert b"You can ask for a new code at 09:01:00 UTC (in 40 s)" in too_soon.content
    clock.move(seconds=40)
    sent = browser.post(link + "/resend")
    assert sent.status_code == 200 and b"We emailed you a new code." in sent.content
    second = code_in(mail.outbox[-1])
    assert len(outbox_to("orders@supplier.example")) == 3
    if first != second:
        assert browser.post(link + "/code", {"code": first}).status_code == 400
    assert browser.post(link + "/code", {"code": second}).status_code == 302


def test_the_fifth_wrong_code_locks_it_and_a_new_code_is_offered(shared: Any, clock: Clock) -> None:
    link = shared()
    browser = Client()
    browser.get(link)
    code = code_in(mail.outbox[-1])
    for left in (4, 3, 2, 1):
        assert f"{left} tr".encode() in browser.post(link + "/code", {"code": wrong(code)}).content
    locked = browser.post(link + "/code", {"code": wrong(code)})
    assert b"Ask for a new code." in locked.content and b'id="resend"' in locked.content
    assert browser.post(link + "/code", {"code": code}).status_code == 400, "a locked code never opens"
    assert CodeChallenge.objects.get().record["state"] == "locked"


def test_a_verified_browser_opens_a_new_share_without_a_code(shared: Any, clock: Clock) -> None:
    browser = verified(shared())
    codes_sent = len(events("code_sent"))
    clock.move(hours=2)
    second = shared()
    assert browser.get(second).status_code == 302  # the device cookie gives a session at once
    assert b'id="reply-form"' in browser.get(second).content
    assert len(events("code_sent")) == codes_sent
    # Forwarded to someone else, the same link asks for a code (EXT-09).
    assert b"Enter the code" in Client().get(second).content


def test_audit_events_are_visible_to_admins(admin_client_demo: Client, shared: Any, clock: Clock) -> None:
    shared()
    page = admin_client_demo.get("/admin/ticketshare_django/auditevent/")
    assert page.status_code == 200 and b"share_created" in page.content
    event = AuditEvent.objects.get(kind="share_created")
    detail = admin_client_demo.get(f"/admin/ticketshare_django/auditevent/{event.pk}/change/")
    assert detail.status_code == 200 and b"orders@supplier.example" in detail.content
    assert admin_client_demo.get("/admin/ticketshare_django/auditevent/add/").status_code == 403


def test_branding_is_validated_by_the_engine_and_used_in_the_emails(
        admin_client_demo: Client, agent: Client, demo: Ticket, clock: Clock) -> None:
    bad = admin_client_demo.post("/admin/ticketshare_django/branding/add/",
                                 {"company_name": "Acme", "brand_colour": "orange", "logo_url": ""})
    assert bad.status_code == 200 and b"(invalid_colour)" in bad.content
    good = admin_client_demo.post("/admin/ticketshare_django/branding/add/",
                                  {"company_name": "Acme Footwear", "brand_colour": "#ff6600",
                                   "logo_url": "https://acme.example"})
    assert good.status_code == 302, good.content
    assert len(events("branding_updated")) == 1
    from .conftest import share

    share(agent, demo)
    email = mail.outbox[-1]
    assert email.from_email == "Acme Footwear <helpdesk@acme.example>"
    assert "#ff6600" in email.alternatives[0][0]


@pytest.mark.parametrize("path", ["/shared/", "/shared/x/code"])
def test_no_token_no_page(db: Any, path: str) -> None:
    response = Client().get(path)
    assert response.status_code in (403, 404, 405)
