"""Django admin: the audit trail (read-only), the shares (read-only) and the email branding."""

from __future__ import annotations

from typing import Any, Optional

import django
import ticketshare
from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse

from . import engine, services
from .models import AuditEvent, Branding, ExternalShare


class ReadOnly(admin.ModelAdmin):
    """Records only the engine writes."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnly):
    """Every audit event the engine returned."""

    list_display = ("at", "kind", "actor", "share_id")
    list_filter = ("kind",)
    search_fields = ("actor", "share_id")
    date_hierarchy = "at"
    readonly_fields = ("at", "kind", "actor", "share_id", "record")


@admin.register(ExternalShare)
class ExternalShareAdmin(ReadOnly):
    """The shares, as stored."""

    list_display = ("recipient", "ticket", "created_at", "revision")
    search_fields = ("recipient",)
    readonly_fields = ("id", "ticket", "recipient", "shared_by", "created_at", "revision", "record")


class BrandingForm(forms.ModelForm):
    """The branding form; the engine validates it on save (EXT-13)."""

    logo_url = forms.URLField(required=False, help_text="Where a click on the logo leads (https)",
                              **({"assume_scheme": "https"} if django.VERSION >= (5, 0) else {}))

    class Meta:
        model = Branding
        fields = ("company_name", "brand_colour", "logo", "logo_url")

    def clean(self) -> Any:
        cleaned = super().clean()
        branding = self.instance
        for field in ("company_name", "brand_colour", "logo_url"):
            setattr(branding, field, cleaned.get(field) or "")
        logo = cleaned.get("logo")
        upload = None
        if logo and hasattr(logo, "read"):
            data = logo.read()
            logo.seek(0)
            upload = (data, engine.public_url() + reverse("ticketshare:logo"))
        try:
            services.update_branding(self.request_user, branding, upload)
        except ticketshare.TicketShareError as refusal:
            raise forms.ValidationError(f"{refusal.message} ({refusal.code})") from refusal
        return cleaned


@admin.register(Branding)
class BrandingAdmin(admin.ModelAdmin):
    """The share emails' branding; one row."""

    form = BrandingForm
    list_display = ("company_name", "brand_colour", "updated_at")
    readonly_fields = ("record", "updated_at")

    def get_form(self, request: HttpRequest, obj: Optional[Branding] = None, change: bool = False,
                 **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        form.request_user = request.user
        return form

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not Branding.objects.exists()
