"""The current time as the engine takes it. The engine parses and checks every time itself, so
every language gives the same answer for the same input: a binding never parses RFC 3339."""

from datetime import datetime, timedelta, timezone
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


_MICROSECOND = timedelta(microseconds=1)


def aware_nanos(now: datetime) -> int:
    """Unix nanoseconds of a timezone-aware ``datetime`` (arithmetic, no parsing)."""
    return ((now - _EPOCH) // _MICROSECOND) * 1000
