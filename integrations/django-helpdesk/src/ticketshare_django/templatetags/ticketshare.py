"""``{% ticketshare_panel ticket %}``: the shares of a ticket and the Share form."""

from typing import Any, Dict

from django import template

from .. import services
from ..forms import ShareForm
from ..records import instant

register = template.Library()


@register.inclusion_tag("ticketshare_django/panel.html", takes_context=True)
def ticketshare_panel(context: Dict[str, Any], ticket: Any) -> Dict[str, Any]:
    """The ticket's shares with where each stands (the engine says), and the Share form for
    agents the engine lets share."""
    request = context["request"]
    shares = [
        {"row": row, "status": status, "expires_at": instant(status["expires_at"])}
        for row, status in services.statuses(ticket)
    ]
    return {
        "ticket": ticket,
        "shares": shares,
        "may_share": services.may_share(request.user),
        "form": ShareForm(initial={"subject": ticket.title[:200]}),
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag
def ticketshare_company() -> Dict[str, str]:
    """The company name and button colour the collaborator's pages show (the branding an admin
    set, as the engine validated it)."""
    from ..people import account

    current = account()
    branding = current.get("branding") or {}
    return {"name": branding.get("company_name") or current["company_name"],
            "colour": branding.get("brand_colour") or "#1f73b7"}
