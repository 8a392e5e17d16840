"""The collaborator's pages: open the link, enter the code, read the thread, reply.

Every page is uncached, sends ``Referrer-Policy: same-origin`` (the link token is in the path:
no other site ever gets a referrer) and shows a refusal only by the engine's public category,
which says nothing the holder of the link could not learn by trying (SEC-06).

Why not ``no-referrer``: under it a browser sends ``Origin: null`` with the page's own form
posts (Fetch standard, "serializing a request origin"), which Django's CSRF protection
rightly refuses; ``same-origin`` sends the real origin to this site and nothing to any other. The session is the engine's signed session
token in an ``HttpOnly``, ``SameSite=Lax`` cookie, ``Secure`` unless ``DEBUG``.
"""

from __future__ import annotations

from functools import wraps
from typing import Any, Callable, Dict, Optional, Tuple

import ticketshare
from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from . import engine, services
from .models import ExternalShare
from .people import branding
from .records import instant

DEVICE_COOKIE = "ts_device"

#: What each public category tells the collaborator: nothing more (SEC-06).
REFUSALS: Dict[str, Dict[str, str]] = {
    "invalid_link": {"title": "This link is not valid",
                     "text": "The link may have been cancelled or mistyped. Ask the person who shared it with you for a new one."},
    "expired": {"title": "This link has expired",
                "text": "Shared conversations stay open for a limited time. Ask the person who shared it with you to share it again."},
    "try_later": {"title": "Please try again later",
                  "text": "There were too many attempts. Ask the person who shared it with you to share it again."},
    "internal": {"title": "Something went wrong", "text": "Nothing was changed. Please try again."},
}

CODE_MESSAGES = {
    "code_incorrect": "That code is not right.",
    "code_expired": "That code has expired or was already used. Ask for a new one.",
    "try_later": "Too many wrong codes for this one. Ask for a new code.",
}


def collaborator_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """No caching, no referrer to other sites, no indexing."""

    @wraps(view)
    def page(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "same-origin"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return never_cache(page)


def _root() -> str:
    return reverse("ticketshare:collaborator_root")


def session_cookie(share: ExternalShare) -> str:
    """The session cookie's name: one per share, so two shares open side by side."""
    return f"ts_session_{share.pk.hex}"


def _set_cookie(response: HttpResponse, name: str, value: str, until: str) -> None:
    """A cookie that lives until the engine's ``until``, as a Max-Age: a browser whose clock
    differs from the server's keeps it as long (the engine checks the token's own expiry)."""
    max_age = max(0, int((instant(until) - engine.now()).total_seconds()))
    response.set_cookie(name, value, max_age=max_age, path=_root(), secure=not settings.DEBUG,
                        httponly=True, samesite="Lax")


def refused(request: HttpRequest, category: str, status: int = 403) -> HttpResponse:
    """The page for a refusal, by its public category alone."""
    shown = REFUSALS.get(category, REFUSALS["invalid_link"])
    return render(request, "ticketshare_django/refused.html", {**shown, "category": category},
                  status=410 if category == "expired" else status)


def link_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page under a link (`collaborator_page`): the link verified and its share loaded before
    the view runs, which gets them as `(request, token, share, ...)`; a refusal the view does
    not handle itself becomes the page for its public category."""

    @collaborator_page
    @wraps(view)
    def page(request: HttpRequest, token: str, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, token, services.share_of(token), *args, **kwargs)
        except services.NoSuchShare:
            return refused(request, "invalid_link")
        except ticketshare.TicketShareError as refusal:
            return refused(request, refusal.category)

    return page


def _open_url(token: str) -> str:
    return reverse("ticketshare:open", args=[token])


def code_page(request: HttpRequest, token: str, share: ExternalShare, *, error: Optional[str] = None,
              notice: Optional[str] = None, status: int = 200) -> HttpResponse:
    """The code form, with the tries left and when a new code may be asked for (the engine's
    ``share.status``)."""
    current = services.status(share)
    if current["state"] in ("expired", "cancelled"):
        return refused(request, "expired" if current["state"] == "expired" else "invalid_link")
    resend_at = instant(current["resend_at"]) if current["resend_at"] else None
    now = engine.now()
    return render(request, "ticketshare_django/code.html", {
        "token": token, "share": share, "status": current, "error": error, "notice": notice,
        "code": current["code"],
        "code_expires_at": instant(current["code"]["expires_at"]) if current["code"] else None,
        "resend_at": resend_at,
        "resend_now": resend_at is not None and resend_at <= now,
        "resend_wait_seconds": int((resend_at - now).total_seconds()) if resend_at and resend_at > now else 0,
    }, status=status)


def thread_page(request: HttpRequest, token: str, share: ExternalShare, view: Dict[str, Any], *,
                error: Optional[str] = None, status: int = 200) -> HttpResponse:
    """The thread as the engine chose it."""
    items = [{**item, "at": instant(item["at"])} for item in view["items"]]
    return render(request, "ticketshare_django/thread.html", {
        "token": token, "view": view, "items": items, "error": error,
        "expires_at": instant(view["expires_at"]),
    }, status=status)


@collaborator_page
@require_GET
def collaborator_root(request: HttpRequest) -> HttpResponse:
    """The prefix the links live under: nothing to see without a token."""
    return refused(request, "invalid_link", status=404)


@link_page
@require_GET
def open_link(request: HttpRequest, token: str, share: ExternalShare) -> HttpResponse:
    """The emailed link: the thread with a live session, else a session from the verified
    device cookie, else the code page (a code emailed if none is pending)."""
    session = request.COOKIES.get(session_cookie(share))
    if session:
        try:
            return thread_page(request, token, share, services.view(share, session))
        except ticketshare.LinkError:
            pass  # The session ended or is not this share's: open the link again.
    try:
        opened = services.open_link(token, share.pk, request.COOKIES.get(DEVICE_COOKIE))
    except ticketshare.CodeError as refusal:
        return code_page(request, token, share, error=CODE_MESSAGES.get(refusal.category), status=429)
    if opened["outcome"] == "verified":
        response = HttpResponseRedirect(_open_url(token))
        _set_cookie(response, session_cookie(share), opened["session_token"], opened["session_expires_at"])
        return response
    notice = "We emailed you a code." if opened["outcome"] == "code_sent" else None
    return code_page(request, token, share, notice=notice)


@link_page
@require_POST
def enter_code(request: HttpRequest, token: str, share: ExternalShare) -> HttpResponse:
    """A code entered: the thread on the right one (with the session and device cookies)."""
    try:
        checked = services.check_code(token, share.pk, request.POST.get("code", ""))
    except services.NoChallenge:
        return HttpResponseRedirect(_open_url(token))
    except ticketshare.CodeError as refusal:
        return code_page(request, token, share, error=CODE_MESSAGES.get(refusal.category), status=400)
    if checked["outcome"] == "rejected":
        left = checked["attempts_left"]
        error = CODE_MESSAGES["code_incorrect"] + (
            f" {left} {'try' if left == 1 else 'tries'} left." if left else " Ask for a new code.")
        return code_page(request, token, share, error=error, status=400)
    response = HttpResponseRedirect(_open_url(token))
    _set_cookie(response, session_cookie(share), checked["session_token"], checked["session_expires_at"])
    _set_cookie(response, DEVICE_COOKIE, checked["device_token"], checked["device_expires_at"])
    return response


@link_page
@require_POST
def resend_code(request: HttpRequest, token: str, share: ExternalShare) -> HttpResponse:
    """A new code on request; when too soon, the page says when."""
    try:
        services.resend_code(token, share.pk)
    except ticketshare.CodeError as refusal:
        if refusal.code == "verification_locked":
            return refused(request, refusal.category)
        return code_page(request, token, share, error="A new code cannot be sent yet.", status=429)
    return code_page(request, token, share, notice="We emailed you a new code.")


def _session_view(request: HttpRequest, share: ExternalShare) -> Optional[Tuple[str, Dict[str, Any]]]:
    """The session cookie and the engine's view of the thread, or None without a live session."""
    session = request.COOKIES.get(session_cookie(share), "")
    try:
        return session, services.view(share, session)
    except ticketshare.TicketShareError:
        return None


@link_page
@require_POST
def reply(request: HttpRequest, token: str, share: ExternalShare) -> HttpResponse:
    """The collaborator's reply with attachments."""
    seen = _session_view(request, share)
    if seen is None:
        return HttpResponseRedirect(_open_url(token))
    session, view = seen
    try:
        services.reply(share, session, request.POST.get("body", ""), request.FILES.getlist("attachments"))
    except ticketshare.LinkError:
        return HttpResponseRedirect(_open_url(token))
    except ticketshare.TicketShareError as refusal:
        return thread_page(request, token, share, view, error=_reply_error(refusal), status=400)
    return HttpResponseRedirect(_open_url(token) + "#latest")


def _reply_error(refusal: ticketshare.TicketShareError) -> str:
    if refusal.category == "bad_request":
        return ("The reply was not sent: it must have text, and at most 10 files of 25 MB each.")
    return REFUSALS.get(refusal.category, REFUSALS["internal"])["text"]


@link_page
@require_GET
def download(request: HttpRequest, token: str, share: ExternalShare, reference: str) -> HttpResponse:
    """A file of the thread, only if the engine's view of it shows the file."""
    seen = _session_view(request, share)
    if seen is None:
        return HttpResponseRedirect(_open_url(token))
    attachment = services.file_for(seen[1], reference)
    if attachment is None:
        raise Http404("no such file")
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def logo(request: HttpRequest) -> HttpResponse:
    """The branding logo the share emails show (public, like any email image)."""
    stored = branding()
    if stored is None or not stored.logo:
        raise Http404("no logo")
    response = FileResponse(stored.logo.open("rb"))
    response["Cache-Control"] = "public, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response
