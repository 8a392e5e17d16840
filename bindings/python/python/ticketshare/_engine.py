"""The Engine: a thin layer over the C ABI. Every rule is decided in the Rust core."""

import json
import threading
from datetime import datetime, timezone
from typing import Any, Dict, Iterable, Mapping, NamedTuple, Optional, Union

from ._errors import InternalError, LinkError, RequestError, TicketShareError, error_for
from ._native import ffi, lib

JsonObject = Dict[str, Any]
Config = Union[str, Mapping[str, Any]]
Instant = Union[datetime, str]

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

# ts_result values (include/ticketshare.h).
_OK, _REFUSED, _NULL, _UTF8, _PANIC, _HANDLE, _TOO_LARGE, _NOT_FOUND = range(8)
_STATUS_NAMES = {
    _NULL: "a required argument was missing",
    _UTF8: "a string was not valid UTF-8",
    _PANIC: "a bug inside the library was caught; nothing was changed",
    _HANDLE: "the engine was already closed",
    _TOO_LARGE: "an input was longer than its bound",
}


def _status_error(status: int) -> TicketShareError:
    if status == _UTF8:
        return RequestError("invalid_request", "bad_request", _STATUS_NAMES[status])
    if status == _PANIC:
        return InternalError("internal_error", "internal", _STATUS_NAMES[status])
    return RequestError("invalid_request", "bad_request", _STATUS_NAMES.get(status, f"status {status}"))


def _rfc3339(now: Instant) -> str:
    if isinstance(now, str):
        return now
    if isinstance(now, datetime):
        if now.tzinfo is None:
            raise TypeError("now must be timezone-aware (use datetime.now(timezone.utc))")
        return now.isoformat()
    raise TypeError(f"now must be a datetime or an RFC 3339 string, not {type(now).__name__}")


def _nanos(now: Instant) -> int:
    if isinstance(now, str):
        now = datetime.fromisoformat(now.replace("Z", "+00:00"))
    if not isinstance(now, datetime) or now.tzinfo is None:
        raise TypeError("now must be a timezone-aware datetime or an RFC 3339 string")
    return ((now - _EPOCH) // _MICROSECOND) * 1000


_MICROSECOND = datetime(1970, 1, 1, 0, 0, 0, 1, tzinfo=timezone.utc) - _EPOCH


def _encode(value: Any) -> bytes:
    try:
        # ensure_ascii escapes lone surrogates as \\udXXX; the engine refuses them as invalid.
        return json.dumps(value, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    except (TypeError, ValueError) as error:
        raise RequestError("invalid_request", "bad_request", f"arguments are not JSON: {error}") from error


def _take_string(pointer: Any) -> str:
    """Copies a library string and frees it."""
    try:
        return ffi.string(pointer).decode("utf-8")
    finally:
        lib.ts_string_free(pointer)


class LinkClaims(NamedTuple):
    """What a verified link says (the typed hot path)."""

    share_id: str
    """The share to load, as a hyphenated UUID string."""
    expires_at_unix_nanos: int
    """When the link expires."""
    key_id: int
    """The key that signed it."""


def _uuid_text(raw: bytes) -> str:
    # The hyphenated form of 16 UUID bytes; uuid.UUID(bytes=...) gives the same, 5x slower.
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class Engine:
    """The ticket-sharing rules engine.

    Build it once from the configuration (see docs/api.md), then call it from any thread.
    Every method returns the records to store as dicts, and raises a ``TicketShareError``
    subclass carrying the stable reason code when the engine refuses.
    """

    def __init__(self, config: Config, *, _seed: Optional[int] = None) -> None:
        text = config if isinstance(config, str) else json.dumps(config)
        if not isinstance(text, str):
            raise TypeError("config must be a JSON string or a mapping")
        engine_out = ffi.new("struct ts_engine **")
        error_out = ffi.new("char **")
        encoded = text.encode("utf-8", "surrogatepass")
        if _seed is None:
            status = lib.ts_engine_new(encoded, engine_out, error_out)
        else:
            status = lib.ts_engine_new_seeded_for_tests(encoded, _seed, engine_out, error_out)
        if status == _REFUSED:
            body = json.loads(_take_string(error_out[0]))["error"]
            raise error_for(body["code"], body["category"], body["message"])
        if status != _OK:
            raise _status_error(status)
        self._engine = engine_out[0]
        self._lock = threading.Lock()

    @classmethod
    def seeded_for_tests(cls, config: Config, seed: int) -> "Engine":
        """**For tests and golden vectors only.** An engine whose codes and ids come from a
        predictable stream: anyone who knows the seed can guess them."""
        if not isinstance(seed, int) or not 0 <= seed < 2**64:
            raise TypeError("seed must be an integer in [0, 2**64)")
        return cls(config, _seed=seed)

    # -- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        """Frees the engine; later calls raise. Closing twice is harmless."""
        with self._lock:
            engine, self._engine = self._engine, ffi.NULL
        if engine != ffi.NULL:
            lib.ts_engine_free(engine)

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        if getattr(self, "_engine", ffi.NULL) != ffi.NULL:
            self.close()

    def _handle(self) -> Any:
        engine = self._engine
        if engine == ffi.NULL:
            raise RequestError("invalid_request", "bad_request", "the engine is closed")
        return engine

    # -- the JSON surface -----------------------------------------------------------------

    def call_json(self, request: Union[str, bytes]) -> str:
        """Sends a raw JSON request and returns the raw JSON response (used by the vectors)."""
        data = request.encode("utf-8", "surrogatepass") if isinstance(request, str) else bytes(request)
        response_out = ffi.new("char **")
        status = lib.ts_engine_call_n(self._handle(), data, len(data), response_out)
        if status != _OK:
            raise _status_error(status)
        return _take_string(response_out[0])

    def call(self, op: str, args: Optional[Mapping[str, Any]] = None) -> Any:
        """Runs one operation (see docs/api.md) and returns its result, or raises."""
        request = {"v": 1, "op": op}
        if args is not None:
            request["args"] = args
        response = json.loads(self.call_json(_encode(request)))
        if response["ok"]:
            return response["result"]
        error = response["error"]
        raise error_for(error["code"], error["category"], error["message"])

    # -- operations -----------------------------------------------------------------------

    def info(self) -> JsonObject:
        """API version, library version, operations and every reason code."""
        return self.call("engine.info")

    def check_policy(
        self,
        actor: Mapping[str, Any],
        permission: str,
        plan: Optional[str] = None,
        feature: Optional[str] = None,
    ) -> JsonObject:
        """Whether the actor holds the permission (and the plan the feature): ``{"allowed": bool}``."""
        args: JsonObject = {"actor": actor, "permission": permission}
        if plan is not None or feature is not None:
            args.update(plan=plan, feature=feature)
        return self.call("policy.check", args)

    def create_share(
        self,
        *,
        actor: Mapping[str, Any],
        account: Mapping[str, Any],
        request: Mapping[str, Any],
        now: Instant,
        previous_shares: Iterable[Mapping[str, Any]] = (),
    ) -> JsonObject:
        """Shares a ticket thread: share record, external note, email, link and audit events."""
        return self.call(
            "share.create",
            {"actor": actor, "account": account, "request": request,
             "previous_shares": list(previous_shares), "now": _rfc3339(now)},
        )

    def verify_link(self, token: str, now: Instant) -> LinkClaims:
        """The hot path: checks a link token alone, before any database look-up."""
        if not isinstance(token, str):
            raise TypeError("token must be a str")
        data = token.encode("utf-8", "surrogatepass")
        claims = ffi.new("ts_link_claims *")
        reason = ffi.new("uint32_t *")
        status = lib.ts_link_verify(self._handle(), data, len(data), _nanos(now), claims, reason)
        if status == _OK:
            return LinkClaims(
                share_id=_uuid_text(bytes(ffi.buffer(claims.share_id))),
                expires_at_unix_nanos=claims.expires_at_unix_nanos,
                key_id=claims.key_id,
            )
        if status == _REFUSED:
            code = ffi.string(lib.ts_reason_code(reason[0])).decode()
            category = ffi.string(lib.ts_reason_category(reason[0])).decode()
            raise error_for(code, category, "link refused")
        raise _status_error(status)

    def check_link(self, token: str, share: Mapping[str, Any], now: Instant) -> JsonObject:
        """Checks a link token against its share record (cancellation, expiry)."""
        return self.call("link.check", {"token": token, "share": share, "now": _rfc3339(now)})

    def open_link(
        self,
        token: str,
        share: Mapping[str, Any],
        account: Mapping[str, Any],
        now: Instant,
        challenge: Optional[Mapping[str, Any]] = None,
    ) -> JsonObject:
        """The collaborator opened the link: ``outcome`` is verified, code_sent or code_pending."""
        return self.call(
            "link.open",
            {"token": token, "share": share, "challenge": challenge, "account": account, "now": _rfc3339(now)},
        )

    def resend_code(
        self,
        token: str,
        share: Mapping[str, Any],
        account: Mapping[str, Any],
        now: Instant,
        challenge: Optional[Mapping[str, Any]] = None,
    ) -> JsonObject:
        """A new code replacing the current one, within the cooldown and hourly cap."""
        return self.call(
            "code.resend",
            {"token": token, "share": share, "challenge": challenge, "account": account, "now": _rfc3339(now)},
        )

    def check_code(
        self, token: str, share: Mapping[str, Any], challenge: Mapping[str, Any], code: str, now: Instant
    ) -> JsonObject:
        """The collaborator entered a code: ``outcome`` is accepted (with a session) or rejected."""
        return self.call(
            "code.check",
            {"token": token, "share": share, "challenge": challenge, "code": code, "now": _rfc3339(now)},
        )

    def check_session(self, session_token: str, share: Mapping[str, Any], now: Instant) -> JsonObject:
        """Checks a session token against its share record."""
        return self.call("session.check", {"session_token": session_token, "share": share, "now": _rfc3339(now)})

    def view(
        self, session_token: str, share: Mapping[str, Any], thread: Mapping[str, Any], now: Instant
    ) -> JsonObject:
        """The thread as the collaborator sees it."""
        return self.call(
            "share.view", {"session_token": session_token, "share": share, "thread": thread, "now": _rfc3339(now)}
        )

    def reply(
        self,
        session_token: str,
        share: Mapping[str, Any],
        reply: Mapping[str, Any],
        account: Mapping[str, Any],
        now: Instant,
    ) -> JsonObject:
        """The collaborator's reply, as an external note (and a copy email if asked)."""
        return self.call(
            "share.reply",
            {"session_token": session_token, "share": share, "reply": reply, "account": account,
             "now": _rfc3339(now)},
        )

    def cancel_share(self, actor: Mapping[str, Any], share: Mapping[str, Any], now: Instant) -> JsonObject:
        """An agent cancels the share; the link is refused from then on."""
        return self.call("share.cancel", {"actor": actor, "share": share, "now": _rfc3339(now)})

    def update_branding(
        self, actor: Mapping[str, Any], account: Mapping[str, Any], form: Mapping[str, Any], now: Instant
    ) -> JsonObject:
        """An admin sets the email branding (logo image as standard base64)."""
        return self.call("branding.update", {"actor": actor, "account": account, "form": form, "now": _rfc3339(now)})


__all__ = ["Engine", "LinkClaims"]
