"""The helpdesk's users, account and tickets as the engine reads them."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from django.contrib.auth import get_user_model
from helpdesk.models import FollowUp, Ticket

from . import engine
from .models import Branding, SharedNote


def actor(user: Any) -> Dict[str, Any]:
    """An agent as the engine's ``Actor``: a superuser is ``admin``, staff ``agent``; the Django
    permission ``share_externally`` is granted as ``external_share``. The engine decides."""
    granted: List[str] = []
    if user.has_perm("ticketshare_django.share_externally"):
        granted.append("external_share")
    return {
        "id": f"user-{user.pk}",
        "name": (user.get_full_name() or user.get_username())[:200],
        "role": "admin" if user.is_superuser else "agent",
        "granted": granted,
    }


def branding() -> Optional[Branding]:
    """The stored branding, if an admin set one."""
    return Branding.objects.order_by("pk").first()


def account() -> Dict[str, Any]:
    """This helpdesk as the engine's ``Account``: company name, plan and branding."""
    stored = branding()
    result: Dict[str, Any] = {
        "company_name": stored.company_name if stored else engine.setting("COMPANY_NAME", "Helpdesk"),
        "plan": engine.setting("PLAN", "self_hosted"),
    }
    if stored is not None and stored.record:
        result["branding"] = stored.record
    return result


def ticket_id(ticket: Ticket) -> str:
    """The engine's id of a ticket."""
    return str(ticket.pk)


def attachment_reference(pk: int) -> str:
    """The reference a follow-up attachment goes by in the thread."""
    return f"followup-attachment-{pk}"


def _author(followup: FollowUp, customer: str) -> Dict[str, str]:
    user = followup.user
    if followup.direction == FollowUp.DIRECTION_INBOUND:
        return {"role": "customer", "name": customer}
    if user is None:
        return {"role": "system", "name": "Helpdesk"}
    return {"role": "agent", "name": (user.get_full_name() or user.get_username())[:200]}


_KIND = {
    FollowUp.DIRECTION_INBOUND: "incoming",
    FollowUp.DIRECTION_OUTBOUND: "outgoing",
    FollowUp.DIRECTION_INTERNAL: "internal_note",
}


def thread(ticket: Ticket) -> Dict[str, Any]:
    """The ticket's thread as the engine's ``TicketThread``: the description, then every
    follow-up; an external note is the item the engine made. The engine decides what the
    collaborator sees of it (EXT-07, EXT-12)."""
    notes = {n.followup_id: n.item for n in SharedNote.objects.filter(followup__ticket=ticket)}
    items: List[Dict[str, Any]] = []
    name = customer_name(ticket)
    if ticket.description:
        customer = {"role": "customer", "name": name}
        items.append({"id": f"ticket-{ticket.pk}", "kind": {"type": "incoming"}, "author": customer,
                      "body": ticket.description, "at": ticket.created.isoformat()})
    followups = FollowUp.objects.filter(ticket=ticket).select_related("user").prefetch_related(
        "followupattachment_set").order_by("date", "pk")
    for f in followups:
        if f.pk in notes:
            items.append(notes[f.pk])
            continue
        items.append({
            "id": f"followup-{f.pk}",
            "kind": {"type": _KIND[f.direction]},
            "author": _author(f, name),
            "body": f.comment or "",
            "at": f.date.isoformat(),
            "attachments": [
                {"name": a.filename[:255], "content_type": a.mime_type or "application/octet-stream",
                 "size_bytes": a.size or 0, "reference": attachment_reference(a.pk)}
                for a in f.followupattachment_set.all()
            ],
        })
    result: Dict[str, Any] = {"ticket_id": ticket_id(ticket), "items": items}
    if ticket.submitter_email:
        # django-helpdesk keeps no orders; the address is never shown (EXT-12).
        result["customer"] = {"name": name, "email": ticket.submitter_email}
    return result


def customer_name(ticket: Ticket) -> str:
    """The customer's name: the full name of the user with the submitter's address, else
    "Customer" (never the address: a name may be shown, contact details never are)."""
    user = None
    if ticket.submitter_email:
        user = get_user_model().objects.filter(email__iexact=ticket.submitter_email).first()
    return ((user.get_full_name() if user else "") or "Customer")[:200]

