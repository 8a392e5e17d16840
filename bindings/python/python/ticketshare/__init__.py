"""ticketshare: the rules engine behind helpdesk ticket sharing.

Secure share links for external collaborators, emailed verification codes, permission and
plan checks, and the audit trail, decided by the Rust core; this package is a thin layer over
its C ABI. Start with :class:`Engine`; docs/api.md describes every operation and reason code,
and :mod:`ticketshare.types` has a TypedDict for every record, argument and result.
"""

from . import types
from ._engine import Config, Engine, LinkClaims, _library_version
from ._errors import (
    CodeError,
    ConfigError,
    InternalError,
    LinkError,
    PolicyError,
    RecordError,
    RequestError,
    TicketShareError,
    ValidationError,
)
from ._time import Instant

__version__: str = _library_version()

__all__ = [
    "CodeError",
    "Config",
    "ConfigError",
    "Engine",
    "Instant",
    "InternalError",
    "LinkClaims",
    "LinkError",
    "PolicyError",
    "RecordError",
    "RequestError",
    "TicketShareError",
    "ValidationError",
    "__version__",
    "types",
]
