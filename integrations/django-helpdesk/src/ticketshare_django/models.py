"""The engine's records, stored as the JSON the engine documents, beside the columns the
pages query by. A record is written only over the revision it replaces (``records.py``)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from helpdesk.models import FollowUp, FollowUpAttachment, Ticket


class ExternalShare(models.Model):
    """One share of a ticket with one collaborator (the engine's ``ExternalShare``)."""

    id = models.UUIDField(primary_key=True, editable=False)
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="external_shares")
    recipient = models.EmailField(max_length=320)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    record = models.JSONField()
    revision = models.PositiveIntegerField()

    class Meta:
        ordering = ("-created_at",)
        permissions = [("share_externally", "Can share tickets with external collaborators")]
        verbose_name = "external share"

    def __str__(self) -> str:
        return f"{self.ticket_id} -> {self.recipient}"


class CodeChallenge(models.Model):
    """The share's current verification challenge (one per share; never the code itself)."""

    share = models.OneToOneField(ExternalShare, primary_key=True, on_delete=models.CASCADE)
    record = models.JSONField()
    revision = models.PositiveIntegerField()


class SharedNote(models.Model):
    """A follow-up that is one of the engine's external notes: the note as the engine made it."""

    followup = models.OneToOneField(FollowUp, primary_key=True, on_delete=models.CASCADE)
    share = models.ForeignKey(ExternalShare, on_delete=models.CASCADE, related_name="notes")
    item = models.JSONField()


class SharedFile(models.Model):
    """A collaborator's upload, by the reference its external note carries."""

    reference = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    attachment = models.OneToOneField(FollowUpAttachment, on_delete=models.CASCADE)


class AuditEvent(models.Model):
    """One audit event the engine returned, stored with the records it changed."""

    at = models.DateTimeField(db_index=True)
    kind = models.CharField(max_length=64, db_index=True)
    actor = models.CharField(max_length=400)
    share_id = models.UUIDField(null=True, blank=True, db_index=True)
    record = models.JSONField()

    class Meta:
        ordering = ("-at", "-id")
        verbose_name = "audit event"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.kind}"


class Branding(models.Model):
    """The share emails' branding: the admin's form and the engine's validated record."""

    company_name = models.CharField(max_length=200)
    brand_colour = models.CharField(max_length=7, blank=True, help_text="#RGB or #RRGGBB")
    logo = models.FileField(upload_to="ticketshare/branding/", blank=True)
    logo_url = models.URLField(blank=True, help_text="Where a click on the logo leads (https)")
    record = models.JSONField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "email branding"
        verbose_name_plural = "email branding"

    def __str__(self) -> str:
        return self.company_name
