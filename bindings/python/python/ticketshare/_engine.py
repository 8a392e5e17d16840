"""The Engine: a thin layer over the C ABI. Every rule is decided in the Rust core.

The operations themselves are generated from the engine's operation table (``_operations.py``);
this module holds what is written by hand: building and closing the engine, the JSON call, and
the typed hot path ``verify_link``.
"""

import json
from datetime import datetime
from typing import Any, Mapping, NamedTuple, NoReturn, Optional, Union

from . import _native
from ._errors import InternalError, RequestError, TicketShareError, error_for
from ._operations import Operations
from ._time import Instant, aware_nanos

Config = Union[str, Mapping[str, Any]]
"""An engine configuration (docs/api.md): JSON text or a mapping (``types.EngineConfig``)."""

# The C ABI's constants (include/ticketshare.h), read once: module attribute look-ups cost the
# hot path more than they should.
_OK: int = _native.TS_OK
_REFUSED: int = _native.TS_REFUSED
_MAX_TOKEN: int = _native.TS_MAX_TOKEN_BYTES
_link_verify = _native.link_verify


def _library_version() -> str:
    """The version of the library this package loaded (the workspace's one version)."""
    return _native.version()


def _failure(status: int, reason: int, envelope: Optional[str] = None) -> TicketShareError:
    """The exception for any failed call: the C ABI gives a reason number with every status but
    TS_OK, and a function that returns JSON the error envelope too, whose message is more
    precise (the field path) than the reason's meaning."""
    code, category, message = _native.reason(reason)
    if envelope is not None:
        message = json.loads(envelope)["error"]["message"]
    elif status != _REFUSED:
        message = f"{message} (C status {status})"
    return error_for(code, category, message)


def _json(value: Any) -> str:
    try:
        # ensure_ascii escapes lone surrogates as \\udXXX; the engine refuses them as invalid.
        return json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError) as error:
        reason = "nest too deeply" if isinstance(error, RecursionError) else f"are not JSON: {error}"
        raise RequestError("invalid_request", "bad_request", f"arguments {reason}") from None


def _bytes(text: Union[str, bytes], bound: int) -> "tuple[Optional[bytes], int]":
    """What the C ABI reads: the UTF-8 bytes, or, for text certainly over ``bound`` bytes, no
    copy at all (None: NULL with the length, which the engine refuses by size before reading)."""
    if isinstance(text, str):
        if len(text) > bound:
            return None, len(text)
        data = text.encode("utf-8", "surrogatepass")
        return data, len(data)
    if isinstance(text, (bytes, bytearray, memoryview)):
        data = bytes(text)
        return data, len(data)
    raise RequestError("invalid_request", "bad_request", f"expected text, not {type(text).__name__}")


class LinkClaims(NamedTuple):
    """What a verified link says (the typed hot path)."""

    share_id: str
    """The share to load, as a hyphenated UUID string."""
    expires_at_unix_nanos: int
    """When the link expires."""
    key_id: int
    """The key that signed it."""


_native.register_claims(LinkClaims)


class Engine(Operations):
    """The ticket-sharing rules engine.

    Build it once from the configuration (see docs/api.md), then call it from any thread. Every
    operation method returns the records to store (TypedDicts of ``ticketshare.types``), and
    raises a ``TicketShareError`` subclass carrying the stable reason code when the engine
    refuses. Closing is safe while other threads are still calling: their calls finish, later
    ones raise.
    """

    def __init__(self, config: Config, *, _seed: Optional[int] = None) -> None:
        self._closed = True
        text = config if isinstance(config, str) else _json(config)
        data, size = _bytes(text, _native.TS_MAX_CONFIG_BYTES)
        status, engine, reason, error = _native.engine_new(data, size, _seed)
        if status != _OK:
            raise _failure(status, reason, error)
        self._engine: int = engine
        self._closed = False

    @classmethod
    def seeded_for_tests(cls, config: Config, seed: int) -> "Engine":
        """**For tests and golden vectors only**, and only in the test build of the package (the
        ``testing`` feature): an engine whose codes and ids come from a predictable stream. The
        package a host installs has no such constructor and raises ``InternalError``."""
        if not isinstance(seed, int) or not 0 <= seed < 2**64:
            raise RequestError("invalid_request", "bad_request", "seed must be an integer in [0, 2**64)")
        if not _has_test_constructor():
            raise InternalError(
                "internal_error", "internal", "this build has no test constructors (build it with the testing feature)"
            )
        return cls(config, _seed=seed)

    # -- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        """Frees the engine; later calls raise. Closing twice, or while another thread is inside
        a call (which then finishes normally), is safe."""
        if not self._closed:
            self._closed = True
            _native.engine_free(self._engine)

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        if not getattr(self, "_closed", True):
            self.close()

    # An engine holds one native engine, freed once: a copy would free it under the original
    # when it goes. Share the object instead (it is thread-safe).
    def __copy__(self) -> NoReturn:
        raise TypeError("an Engine cannot be copied: share the object (it is thread-safe)")

    def __deepcopy__(self, memo: object) -> NoReturn:
        raise TypeError("an Engine cannot be copied: share the object (it is thread-safe)")

    def __reduce__(self) -> NoReturn:
        raise TypeError("an Engine cannot be pickled: build one from its configuration")

    # -- the JSON surface -----------------------------------------------------------------

    def call_json(self, request: Union[str, bytes]) -> str:
        """Sends a raw JSON request and returns the raw JSON response, a result or a refusal
        (used by the vectors); raises only when there is no response (a closed engine)."""
        data, size = _bytes(request, _native.TS_MAX_REQUEST_BYTES)
        status, reason, response = _native.engine_call(self._engine, data, size)
        if response is None:
            raise _failure(status, reason)
        return response

    def call(self, op: str, args: Optional[Mapping[str, Any]] = None) -> Any:
        """Runs one operation (see docs/api.md) and returns its result, or raises."""
        request: "dict[str, Any]" = {"v": 1, "op": op}
        if args is not None:
            request["args"] = args
        data, size = _bytes(_json(request), _native.TS_MAX_REQUEST_BYTES)
        status, reason, response = _native.engine_call(self._engine, data, size)
        if status != _OK or response is None:
            raise _failure(status, reason, response)
        return json.loads(response)["result"]

    # -- typed hot paths ------------------------------------------------------------------

    def verify_link(self, token: str, now: Instant) -> LinkClaims:
        """The hot path: checks a link token alone, before any database look-up (link.verify)."""
        if type(token) is not str:  # noqa: E721 (exact type: the hot path's one check)
            if not isinstance(token, str):
                raise RequestError("invalid_request", "bad_request", f"token must be a str, not {type(token).__name__}")
        if type(now) is datetime and now.tzinfo is not None:  # noqa: E721
            nanos = aware_nanos(now)
        else:
            nanos = _now_nanos(now)
        claims = _link_verify(self._engine, token, nanos)
        if type(claims) is LinkClaims:  # noqa: E721
            return claims
        raise _failure(claims >> 32, claims & 0xFFFFFFFF)


def _now_nanos(now: Instant) -> int:
    """Unix nanoseconds for the typed calls: arithmetic for an aware datetime; anything else
    (text, a naive datetime) is parsed and checked by the engine, as every `now` is."""
    if isinstance(now, datetime) and now.tzinfo is not None:
        return aware_nanos(now)
    if isinstance(now, datetime):
        text = now.isoformat()
    elif isinstance(now, str):
        text = now
    else:
        raise RequestError("invalid_request", "bad_request", f"now must be a datetime or RFC 3339 text, not {type(now).__name__}")
    data, size = _bytes(text, 256)
    status, nanos, reason = _native.now_parse(data, size)
    if status == _OK:
        return nanos
    raise _failure(status, reason)


def _has_test_constructor() -> bool:
    """Whether the loaded library is a test build (the seeded constructor exists)."""
    return _native.has_test_constructor()


__all__ = ["Config", "Engine", "LinkClaims"]
