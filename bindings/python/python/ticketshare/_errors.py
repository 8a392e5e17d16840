"""Exceptions: one class per family of reason codes, each carrying the stable code.

The engine decides every refusal and names it with a stable code and a family
(``_reasons.py``, generated from the engine's reason table); this module only maps each family
to a Python class. An unknown code (from a newer library) raises the base class, so
``except TicketShareError`` always works.
"""

from typing import Dict, Type

from ._reasons import FAMILIES


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


_CLASSES: Dict[str, Type[TicketShareError]] = {
    "link": LinkError,
    "code": CodeError,
    "policy": PolicyError,
    "record": RecordError,
    "validation": ValidationError,
    "request": RequestError,
    "config": ConfigError,
    "internal": InternalError,
}


def error_for(code: str, category: str, message: str) -> TicketShareError:
    """The exception for a reason code."""
    return _CLASSES.get(FAMILIES.get(code, ""), TicketShareError)(code, category, message)
