"""Bad input never crashes: every refusal is an exception with a stable code (SEC-03)."""

import copy
import json
import pickle
from datetime import datetime
from importlib import resources

import pytest

import ticketshare
from conftest import ACCOUNT, ACTOR, CONFIG, at


def test_every_engine_reason_maps_to_a_family(engine):
    for reason in engine.info()["reasons"]:
        error = ticketshare._errors.error_for(reason["code"], reason["category"], "")
        assert type(error) is not ticketshare.TicketShareError, reason["code"]


def test_none_and_wrong_types_are_refused(engine):
    with pytest.raises(ticketshare.RequestError) as refused:
        engine.create_share(actor=None, account=ACCOUNT, request={}, now=at(0))
    assert refused.value.code == "invalid_request"
    with pytest.raises(ticketshare.RequestError):
        engine.call("link.verify", {"token": 12345, "now": "2026-11-23T09:00:00Z"})
    with pytest.raises(ticketshare.RequestError):
        engine.call("link.verify", {"token": object(), "now": "x"})
    with pytest.raises(ticketshare.RequestError):
        engine.verify_link(None, at(0))  # type: ignore[arg-type]
    with pytest.raises(ticketshare.RequestError):
        engine.verify_link("x", 1795424400)  # type: ignore[arg-type]
    with pytest.raises(ticketshare.ValidationError) as naive:
        engine.verify_link("x", datetime(2026, 1, 1))  # naive: no offset, like "2026-01-01T00:00:00"
    assert naive.value.code == "invalid_time"
    with pytest.raises(ticketshare.RequestError) as unknown:
        engine.call("share.teleport")
    assert unknown.value.code == "unknown_operation"


def test_bad_configs_are_refused():
    with pytest.raises(ticketshare.ConfigError) as refused:
        ticketshare.Engine({"keyring": {"active": 1, "keys": [{"id": 1, "secret": "c2hvcnQ"}]},
                            "view_url": "https://x.example/"})
    assert refused.value.code == "key_too_short"
    with pytest.raises(ticketshare.ConfigError):
        ticketshare.Engine("not json")
    with pytest.raises(ticketshare.ConfigError) as unknown:
        ticketshare.Engine({**CONFIG, "unknown": 1})
    assert unknown.value.code == "invalid_config"
    with pytest.raises(ticketshare.ValidationError) as insecure:
        ticketshare.Engine({**CONFIG, "view_url": "http://insecure.example/"})
    assert insecure.value.code == "invalid_url"
    with pytest.raises(ticketshare.RequestError):
        ticketshare.Engine.seeded_for_tests(CONFIG, -1)
    with pytest.raises(ticketshare.ConfigError) as too_large:
        ticketshare.Engine({**CONFIG, "pad": "x" * (128 * 1024)})
    assert too_large.value.code == "invalid_config"  # as in Rust and Node, not invalid_request


def test_huge_strings_are_refused(engine):
    with pytest.raises(ticketshare.LinkError) as oversized:
        engine.verify_link("A" * 1_000_000, at(0))
    assert oversized.value.code == "token_oversized"
    with pytest.raises(ticketshare.RequestError) as too_large:
        engine.call("link.verify", {"token": "A" * (5 * 1024 * 1024), "now": "2026-11-23T09:00:00Z"})
    assert too_large.value.code == "request_too_large"
    request = {"ticket_id": "T-1", "recipient": "a@b.example", "subject": "s", "message": "m" * 20_001}
    with pytest.raises(ticketshare.ValidationError) as long_text:
        engine.create_share(actor=ACTOR, account=ACCOUNT, request=request, now=at(0))
    assert long_text.value.code == "invalid_text"


def test_lone_surrogates_are_refused(engine):
    with pytest.raises(ticketshare.LinkError) as refused:
        engine.verify_link("\ud800" * 83, at(0))
    assert refused.value.code == "token_malformed"
    request = {"ticket_id": "T-1", "recipient": "a@b.example", "subject": "\udfff", "message": "m"}
    with pytest.raises(ticketshare.RequestError) as invalid:
        engine.create_share(actor=ACTOR, account=ACCOUNT, request=request, now=at(0))
    assert invalid.value.code == "invalid_request"
    refused = json.loads(engine.call_json('{"v":1,"op":"\udc80"}'))
    assert refused["error"]["code"] == "invalid_request"  # the engine refuses invalid UTF-8


def test_deep_nesting_raises_the_librarys_error_not_recursion_error(engine):
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(ticketshare.RequestError) as refused:
        engine.call("link.verify", {"token": deep, "now": "2026-11-23T09:00:00Z"})
    assert refused.value.code == "invalid_request"
    nested = "[" * 100_000 + "]" * 100_000
    response = json.loads(engine.call_json('{"v":1,"op":"link.verify","args":{"token":' + nested + "}}"))
    assert response["error"]["code"] == "invalid_request"


def test_closed_engine_refuses_and_closing_twice_is_harmless():
    engine = ticketshare.Engine.seeded_for_tests(CONFIG, 1)
    engine.close()
    engine.close()
    with pytest.raises(ticketshare.RequestError) as closed:
        engine.info()
    assert closed.value.code == "engine_closed"
    with pytest.raises(ticketshare.RequestError) as closed:
        engine.verify_link("x", at(0))
    assert closed.value.code == "engine_closed"


def test_os_random_engine_works_and_package_is_typed():
    with ticketshare.Engine(json.dumps(CONFIG)) as engine:
        assert engine.info()["library_version"] == ticketshare.__version__
    assert resources.files("ticketshare").joinpath("py.typed").is_file()


def test_an_engine_cannot_be_copied_or_pickled():
    """One native engine, freed once: before, a copy that was dropped freed it under the original."""
    engine = ticketshare.Engine(CONFIG)
    for attempt in (copy.copy, copy.deepcopy, pickle.dumps):
        with pytest.raises(TypeError):
            attempt(engine)
    assert engine.info()["api_version"] == 1, "the original still answers"
