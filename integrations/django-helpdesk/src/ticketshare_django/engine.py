"""One engine per process, built from the settings, and the clock.

Settings:

- ``TICKETSHARE_SIGNING_KEY`` (required): 32 or more random bytes as unpadded base64url
  (``python -c "import secrets,base64;print(base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b'=').decode())"``).
- ``TICKETSHARE_PUBLIC_URL`` (required): where the helpdesk is reached from outside,
  ``https://help.example.com``; the collaborator's links point under it.
- ``TICKETSHARE_SIGNING_KEY_ID`` (default 1) and ``TICKETSHARE_VERIFY_KEYS`` (``{id: key}``,
  default none): key rotation; old keys only verify.
- ``TICKETSHARE_COMPANY_NAME`` (default ``"Helpdesk"``) and ``TICKETSHARE_PLAN`` (default
  ``"self_hosted"``): the account as the engine sees it, until an admin sets the branding.
- ``TICKETSHARE_ENGINE`` (default ``{}``): more engine configuration (``policy``, ``links``,
  ``codes``), as ``docs/api.md`` of ticketshare documents it.
"""

from __future__ import annotations

import datetime
import threading
from typing import Any, Dict, Optional

import ticketshare
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.urls import reverse
from django.utils import timezone

#: Who may do what, for a helpdesk installed on its own servers: a superuser is the engine's
#: ``admin`` (shares and branding); a staff member shares only when granted the Django
#: permission ``ticketshare_django.share_externally``. One plan with every feature.
DEFAULT_POLICY: Dict[str, Any] = {
    "roles": {"admin": ["external_share", "email_customisation"], "agent": []},
    "plans": {"self_hosted": ["ticket_share", "email_customisation"]},
}

_lock = threading.Lock()
_engine: Optional[ticketshare.Engine] = None


def now() -> datetime.datetime:
    """The current time every operation is decided at (tests move it)."""
    return timezone.now()


def setting(name: str, default: Any = None) -> Any:
    """A ``TICKETSHARE_*`` setting."""
    return getattr(settings, f"TICKETSHARE_{name}", default)


def public_url() -> str:
    """``TICKETSHARE_PUBLIC_URL`` without its trailing slash."""
    url = setting("PUBLIC_URL")
    if not url:
        raise ImproperlyConfigured("set TICKETSHARE_PUBLIC_URL, e.g. https://help.example.com")
    return str(url).rstrip("/")


def config() -> Dict[str, Any]:
    """The engine configuration the settings describe."""
    key = setting("SIGNING_KEY")
    if not key:
        raise ImproperlyConfigured("set TICKETSHARE_SIGNING_KEY (32+ random bytes, base64url)")
    active = int(setting("SIGNING_KEY_ID", 1))
    keys = [{"id": int(i), "secret": s} for i, s in (setting("VERIFY_KEYS") or {}).items()]
    keys.append({"id": active, "secret": key})
    extra = dict(setting("ENGINE") or {})
    extra.setdefault("policy", DEFAULT_POLICY)
    return {
        "keyring": {"active": active, "keys": keys},
        "view_url": public_url() + reverse("ticketshare:collaborator_root"),
        **extra,
    }


def get() -> ticketshare.Engine:
    """The process's engine (built on first use; engines are safe to share across threads)."""
    global _engine
    engine = _engine
    if engine is None:
        with _lock:
            if _engine is None:
                try:
                    _engine = ticketshare.Engine(config())
                except ticketshare.TicketShareError as refused:
                    raise ImproperlyConfigured(f"ticketshare: {refused.message}") from refused
            engine = _engine
    return engine


def reset(**_: Any) -> None:
    """Drops the engine, so the next call builds one from the current settings."""
    global _engine
    with _lock:
        if _engine is not None:
            _engine.close()
        _engine = None


def connect_signals() -> None:
    """Rebuilds the engine when a test changes a ``TICKETSHARE_*`` setting."""

    def changed(setting: str, **kwargs: Any) -> None:
        if setting.startswith("TICKETSHARE_"):
            reset()

    setting_changed.connect(changed, weak=False, dispatch_uid="ticketshare_settings")
