"""Exceptions: one class per family of reason codes, each carrying the stable code.

The engine decides every refusal and names it with a stable code; this module only chooses
which Python class to raise for it. An unknown code (from a newer library) raises the base
class, so ``except TicketShareError`` always works.
"""

from typing import Dict, Type


class TicketShareError(Exception):
    """A refusal by the engine.

    Attributes:
        code: the stable reason code, e.g. ``"link_expired"`` (see docs/api.md).
        category: what may be shown to the collaborator, e.g. ``"invalid_link"``.
        message: the detail for logs (never contains secrets).
    """

    def __init__(self, code: str, category: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.category = category
        self.message = message


class LinkError(TicketShareError):
    """A link or session token was refused (forged, expired, cancelled, wrong purpose)."""


class CodeError(TicketShareError):
    """A verification code or code send was refused."""


class PolicyError(TicketShareError):
    """The actor lacks a permission, or the plan a feature."""


class RecordError(TicketShareError):
    """Records passed together do not belong together, or are in the wrong state."""


class ValidationError(TicketShareError):
    """A value (email, text, id, URL, colour, logo, attachment, time) is invalid."""


class RequestError(TicketShareError):
    """The request itself is malformed: JSON, fields, types, version, size."""


class ConfigError(TicketShareError):
    """The engine configuration is invalid (keys, ranges)."""


class InternalError(TicketShareError):
    """Something failed inside the library; nothing was changed."""


_FAMILIES: Dict[str, Type[TicketShareError]] = {}
for _family, _codes in {
    LinkError: "token_malformed token_oversized token_unknown_key token_bad_signature "
    "token_wrong_purpose link_expired link_cancelled session_expired verification_required",
    CodeError: "code_malformed code_expired code_locked code_already_used code_send_limited "
    "verification_locked",
    PolicyError: "permission_denied plan_feature_missing",
    RecordError: "record_mismatch already_cancelled",
    ValidationError: "invalid_email invalid_text invalid_id invalid_url invalid_colour "
    "logo_too_large logo_unreadable attachment_limit invalid_time",
    RequestError: "invalid_request unknown_operation unsupported_version request_too_large",
    ConfigError: "invalid_config key_too_short invalid_keyring",
    InternalError: "internal_error randomness_unavailable",
}.items():
    for _code in _codes.split():
        _FAMILIES[_code] = _family


def error_for(code: str, category: str, message: str) -> TicketShareError:
    """The exception for a reason code."""
    return _FAMILIES.get(code, TicketShareError)(code, category, message)
