"""The agent's actions on a django-helpdesk ticket: share, cancel."""

from __future__ import annotations

import ticketshare
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_POST
from helpdesk.decorators import helpdesk_staff_member_required
from helpdesk.models import Ticket

from . import services
from .forms import ShareForm
from .models import ExternalShare


def _back(ticket: Ticket) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("helpdesk:view", args=[ticket.pk]) + "#external-shares")


@helpdesk_staff_member_required
@require_POST
def share(request: HttpRequest, ticket_id: int) -> HttpResponse:
    """Shares the ticket: the engine decides who may, and checks what was filled in."""
    ticket = get_object_or_404(Ticket, pk=ticket_id)
    form = ShareForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Sharing needs an address, a subject and a message.")
        return _back(ticket)
    try:
        created = services.share_ticket(request.user, ticket, form.cleaned_data)
    except ticketshare.TicketShareError as refusal:
        messages.error(request, f"Not shared: {refusal.message} ({refusal.code}).")
        return _back(ticket)
    messages.success(request, f"Shared with {created['share']['recipient']}; the link was emailed.")
    return _back(ticket)


@helpdesk_staff_member_required
@require_POST
def cancel(request: HttpRequest, share_id: str) -> HttpResponse:
    """Cancels a share at once (EXT-10)."""
    row = get_object_or_404(ExternalShare.objects.select_related("ticket"), pk=share_id)
    try:
        services.cancel_share(request.user, row.pk)
    except ticketshare.TicketShareError as refusal:
        messages.error(request, f"Not cancelled: {refusal.message} ({refusal.code}).")
        return _back(row.ticket)
    messages.success(request, f"The share with {row.recipient} is cancelled; its link no longer opens.")
    return _back(row.ticket)
