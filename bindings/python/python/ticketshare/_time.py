"""The current time as the engine takes it. The engine parses and checks every time itself, so
every language gives the same answer for the same input: a binding never parses RFC 3339."""

from datetime import datetime, timezone
from typing import Union

Instant = Union[datetime, str]
"""The current time: a timezone-aware ``datetime``, or RFC 3339 text passed to the engine as is."""

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def instant(now: Instant) -> str:
    """``now`` as the text the engine reads. A naive ``datetime`` becomes text without an offset,
    which the engine refuses as ``invalid_time``, as it refuses such text from any language."""
    if isinstance(now, str):
        return now
    if isinstance(now, datetime):
        return now.isoformat()
    from ._errors import RequestError

    raise RequestError(
        "invalid_request", "bad_request", f"now must be a datetime or RFC 3339 text, not {type(now).__name__}"
    )


def aware_nanos(now: datetime) -> int:
    """Unix nanoseconds of a timezone-aware ``datetime`` (exact integer arithmetic on the
    difference from the epoch; no parsing, no float)."""
    d = now - _EPOCH
    return ((d.days * 86400 + d.seconds) * 1_000_000 + d.microseconds) * 1000
