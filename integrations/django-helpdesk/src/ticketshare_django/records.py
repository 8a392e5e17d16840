"""Storing what the engine returns: each record only over the revision it replaces (SEC-02),
in the caller's transaction, and every audit event beside it."""

from __future__ import annotations

import datetime
from typing import Any, Iterable, Mapping, Optional, Type

from django.db import IntegrityError, models, transaction

from .models import AuditEvent, CodeChallenge, ExternalShare


class Conflict(Exception):
    """Another request changed the same records first: read them again and decide again."""


def instant(text: str) -> datetime.datetime:
    """An RFC 3339 time from the engine (always UTC, ``Z``) as an aware ``datetime``."""
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def write(model: Type[models.Model], pk: Any, stored: Optional[int], record: Mapping[str, Any],
          **create: Any) -> None:
    """Writes ``record`` for row ``pk`` whose stored revision is ``stored`` (None: no row).

    An unchanged record (same revision) is not written; a changed one only where the row is
    still at ``revision - 1``; a new one (revision 1) is inserted, and a second insert loses.
    """
    revision = int(record.get("revision", 1))
    if stored is not None and revision == stored:
        return
    if stored is None and revision == 1:
        try:
            with transaction.atomic():
                model.objects.create(pk=pk, record=record, revision=revision, **create)
        except IntegrityError as lost:
            raise Conflict(f"{model.__name__} {pk} was created by another request") from lost
        return
    if model.objects.filter(pk=pk, revision=revision - 1).update(record=record, revision=revision) != 1:
        raise Conflict(f"{model.__name__} {pk} changed since it was read")


def save_share(row: Optional[ExternalShare], record: Mapping[str, Any], **create: Any) -> None:
    """Stores a share record over ``row`` (as read), or as a new share."""
    write(ExternalShare, record["id"], row.revision if row else None, record,
          **({} if row else {"recipient": record["recipient"], "created_at": instant(record["shared_at"]),
                              **create}))


def save_challenge(share_id: Any, row: Optional[CodeChallenge], record: Mapping[str, Any]) -> None:
    """Stores the share's challenge over ``row`` (as read), or as its first."""
    write(CodeChallenge, share_id, row.revision if row else None, record)


def actor_text(actor: Mapping[str, Any]) -> str:
    """Who caused an event, for the admin's list: ``agent user-3``, ``collaborator a@b.c``."""
    detail = actor.get("id") or actor.get("email") or actor.get("account") or ""
    return f"{actor.get('type', '?')} {detail}".strip()


def save_events(events: Iterable[Mapping[str, Any]]) -> None:
    """Stores the audit events of one result."""
    AuditEvent.objects.bulk_create(
        AuditEvent(
            at=instant(e["at"]),
            kind=e["event"]["type"],
            actor=actor_text(e["actor"])[:400],
            share_id=e["event"].get("share_id"),
            record=dict(e),
        )
        for e in events
    )
