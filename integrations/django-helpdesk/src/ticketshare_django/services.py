"""Every sharing operation of the app: read the records, ask the engine, store what it
returns (records over their revisions, notes, audit events) in one transaction, send its
emails once that transaction commits. No decision is made here.

A write that finds its records changed (``records.Conflict``) rolls back and the operation is
decided again on fresh records; the share's row is also locked (``select_for_update``) so that
two code submissions for one share wait for each other on databases that lock rows.
"""

from __future__ import annotations

import base64
import uuid
from email.utils import formataddr
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, TypeVar

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from helpdesk.models import FollowUp, FollowUpAttachment, Ticket

from . import engine, people
from .models import Branding, CodeChallenge, ExternalShare, SharedFile, SharedNote
from .records import Conflict, instant, save_challenge, save_events, save_share

T = TypeVar("T")

#: How often an operation is decided again after losing a race for its records.
ATTEMPTS = 5

#: The follow-up titles of the engine's external notes, by purpose.
NOTE_TITLES = {
    "shared": "Shared with an external collaborator",
    "collaborator_reply": "Reply from an external collaborator",
    "link_invalidated": "External share cancelled",
}


class NoSuchShare(Exception):
    """The link verified, but its share is not in the database (deleted with its ticket)."""


class NoChallenge(Exception):
    """A code was entered for a share that has no code yet: open the link to have one sent."""


def decided(operation: Callable[[], T]) -> T:
    """Runs ``operation`` in a transaction, again on fresh records if it lost a race."""
    for attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                return operation()
        except Conflict:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def send(email: Mapping[str, Any]) -> None:
    """Sends one of the engine's emails through Django's email backend after the commit."""

    def deliver() -> None:
        message = EmailMultiAlternatives(
            subject=email["subject"],
            body=email["text_body"],
            from_email=formataddr((email["from_name"], settings.DEFAULT_FROM_EMAIL)),
            to=[email["to"]],
        )
        message.attach_alternative(email["html_body"], "text/html")
        message.send()

    transaction.on_commit(deliver)


def add_note(ticket: Ticket, share_id: str, note: Mapping[str, Any], user: Any = None) -> FollowUp:
    """Stores an external note as a private follow-up (never emailed to the customer)."""
    followup = FollowUp(
        ticket=ticket,
        title=NOTE_TITLES.get(note["kind"].get("purpose", ""), "External note"),
        comment=note["body"],
        public=False,
        user=user,
        date=instant(note["at"]),
    )
    followup.save()
    SharedNote.objects.create(followup=followup, share_id=share_id, item=dict(note))
    return followup


# --- Agents ------------------------------------------------------------------------------------


def may_share(user: Any) -> bool:
    """Whether the engine lets this user share tickets externally (EXT-02, EXT-03)."""
    decision = engine.get().check_policy(people.actor(user), "external_share",
                                         feature="ticket_share", plan=people.account()["plan"])
    return bool(decision["allowed"])


def share_ticket(user: Any, ticket: Ticket, form: Mapping[str, Any]) -> Dict[str, Any]:
    """An agent shares the ticket: the share, its note, the email, the events."""

    def run() -> Dict[str, Any]:
        previous = [s.record for s in ExternalShare.objects.filter(ticket=ticket)]
        created = engine.get().create_share(
            people.actor(user), people.account(),
            {"ticket_id": people.ticket_id(ticket), "recipient": form["recipient"],
             "subject": form["subject"], "message": form["message"],
             "include_customer_details": bool(form.get("include_customer_details"))},
            engine.now(), previous_shares=previous)
        save_share(None, created["share"], ticket=ticket, shared_by=user)
        add_note(ticket, created["share"]["id"], created["note"], user)
        save_events(created["events"])
        send(created["email"])
        return dict(created)

    return decided(run)


def cancel_share(user: Any, share_id: Any) -> Dict[str, Any]:
    """An agent cancels a share: refused from now on (EXT-10)."""

    def run() -> Dict[str, Any]:
        row = ExternalShare.objects.select_for_update().select_related("ticket").get(pk=share_id)
        cancelled = engine.get().cancel_share(people.actor(user), row.record, engine.now())
        save_share(row, cancelled["share"])
        add_note(row.ticket, row.pk, cancelled["note"], user)
        save_events(cancelled["events"])
        return dict(cancelled)

    return decided(run)


def statuses(ticket: Ticket) -> List[Tuple[ExternalShare, Dict[str, Any]]]:
    """Every share of the ticket with where it stands (the engine says)."""
    e, now = engine.get(), engine.now()
    return [(row, dict(e.share_status(row.record, now))) for row in ExternalShare.objects.filter(ticket=ticket)]


def update_branding(user: Any, branding: Branding, logo: Optional[Tuple[bytes, str]]) -> None:
    """An admin's branding form, validated by the engine (EXT-13); raises its refusal."""
    form: Dict[str, Any] = {"company_name": branding.company_name}
    if branding.brand_colour:
        form["brand_colour"] = branding.brand_colour
    if branding.logo_url:
        form["logo_url"] = branding.logo_url
    if logo is not None:
        form["logo"] = {"image_base64": base64.b64encode(logo[0]).decode("ascii"), "image_url": logo[1]}
    account = people.account()
    account.pop("branding", None)
    updated = engine.get().update_branding(people.actor(user), account, form, engine.now())
    branding.record = dict(updated["branding"])
    branding.updated_at = engine.now()
    save_events(updated["events"])


# --- The collaborator ---------------------------------------------------------------------------


def share_of(token: str) -> ExternalShare:
    """The share a link names: the token is verified before the database is read (the hot
    path); raises the engine's refusal, or ``NoSuchShare``."""
    claims = engine.get().verify_link(token, engine.now())
    row = ExternalShare.objects.select_related("ticket").filter(pk=claims.share_id).first()
    if row is None:
        raise NoSuchShare(claims.share_id)
    return row


def _locked(share_id: Any) -> Tuple[ExternalShare, Optional[CodeChallenge]]:
    row = ExternalShare.objects.select_for_update().select_related("ticket").get(pk=share_id)
    return row, CodeChallenge.objects.select_for_update().filter(share_id=share_id).first()


def open_link(token: str, share_id: Any, device_token: Optional[str]) -> Dict[str, Any]:
    """The collaborator opened the link: a session (this browser verified before), a code
    emailed, or the code already sent (EXT-06, EXT-09)."""

    def run() -> Dict[str, Any]:
        row, challenge = _locked(share_id)
        opened = engine.get().open_link(token, row.record, people.account(), engine.now(),
                                        challenge=challenge.record if challenge else None,
                                        device_token=device_token)
        if opened["outcome"] == "code_sent":
            save_challenge(row.pk, challenge, opened["challenge"])
            save_events(opened["events"])
            send(opened["email"])
        return dict(opened)

    return decided(run)


def resend_code(token: str, share_id: Any) -> Dict[str, Any]:
    """A new code on request, within the cooldown and the hourly cap (SEC-02)."""

    def run() -> Dict[str, Any]:
        row, challenge = _locked(share_id)
        sent = engine.get().resend_code(token, row.record, people.account(), engine.now(),
                                        challenge=challenge.record if challenge else None)
        save_challenge(row.pk, challenge, sent["challenge"])
        save_events(sent["events"])
        send(sent["email"])
        return dict(sent)

    return decided(run)


def check_code(token: str, share_id: Any, code: str) -> Dict[str, Any]:
    """The collaborator entered a code. Both outcomes change records; two submissions at once
    are decided one after the other, each on the records the other left (SEC-02)."""

    def run() -> Dict[str, Any]:
        row, challenge = _locked(share_id)
        if challenge is None:
            raise NoChallenge(share_id)
        checked = engine.get().check_code(token, row.record, challenge.record, code, engine.now())
        save_share(row, checked["share"])
        save_challenge(row.pk, challenge, checked["challenge"])
        save_events(checked["events"])
        return dict(checked)

    return decided(run)


def status(share: ExternalShare) -> Dict[str, Any]:
    """Where the share and its code stand, for the code page."""
    challenge = CodeChallenge.objects.filter(share_id=share.pk).first()
    return dict(engine.get().share_status(share.record, engine.now(),
                                          challenge=challenge.record if challenge else None))


def view(share: ExternalShare, session_token: str) -> Dict[str, Any]:
    """The thread as the collaborator may see it (EXT-07): the engine checks the session and
    chooses the items."""
    return dict(engine.get().view(session_token, share.record, people.thread(share.ticket), engine.now()))


def reply(share: ExternalShare, session_token: str, body: str,
          files: Sequence[UploadedFile]) -> Dict[str, Any]:
    """The collaborator's reply with its files: an external note, stored as a private
    follow-up with attachments, never emailed to the customer (EXT-11)."""
    references = [uuid.uuid4() for _ in files]
    attachments = [
        {"name": (f.name or "file")[:255], "content_type": f.content_type or "application/octet-stream",
         "size_bytes": f.size or 0, "reference": str(ref)}
        for f, ref in zip(files, references)
    ]
    accepted = engine.get().reply(session_token, share.record, {"body": body, "attachments": attachments},
                                  people.account(), engine.now())
    with transaction.atomic():
        followup = add_note(share.ticket, share.pk, accepted["note"])
        for upload, ref in zip(files, references):
            attachment = FollowUpAttachment(followup=followup, filename=(upload.name or "file")[:1000],
                                            mime_type=upload.content_type or "", size=upload.size or 0)
            attachment.file.save(upload.name or "file", upload, save=False)
            attachment.save()
            SharedFile.objects.create(reference=ref, attachment=attachment)
        save_events(accepted["events"])
        if accepted.get("copy_email"):
            send(accepted["copy_email"])
    return dict(accepted)


def file_for(view_result: Mapping[str, Any], reference: str) -> Optional[FollowUpAttachment]:
    """The stored file behind a reference, only if the engine's view shows it."""
    shown = {a["reference"] for item in view_result["items"] for a in item.get("attachments", [])}
    if reference not in shown:
        return None
    if reference.startswith("followup-attachment-"):
        return FollowUpAttachment.objects.filter(pk=reference.rsplit("-", 1)[1]).first()
    try:
        return SharedFile.objects.select_related("attachment").get(reference=reference).attachment
    except (SharedFile.DoesNotExist, ValueError):
        return None
