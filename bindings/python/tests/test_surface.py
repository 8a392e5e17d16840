"""Every operation has a wrapper, and every wrapper is called: the golden vectors are replayed
through the Engine's methods (the generated JSON wrappers and the typed verify_link) wherever a
step's arguments fit a method, and must give the vectors' answers."""

import json
from typing import Any, Dict, Set

import pytest

import ticketshare
from conftest import VECTORS
from ticketshare._operations import TYPED, WRAPPED

FILES = sorted([*VECTORS.glob("*.json"), *VECTORS.glob("*/*.json")])
METHOD_OF = dict(WRAPPED)


def test_every_operation_has_a_method():
    with ticketshare.Engine.seeded_for_tests(json.loads(FILES[0].read_text())["config"], 1) as engine:
        operations = engine.info()["operations"]
    assert sorted(operations) == sorted(op for op, _ in WRAPPED + TYPED)
    for _, method in WRAPPED + TYPED:
        assert callable(getattr(ticketshare.Engine, method)), method


def _through_method(engine: ticketshare.Engine, op: str, args: Dict[str, Any]) -> Dict[str, Any]:
    try:
        result = getattr(engine, METHOD_OF[op])(**args)
    except ticketshare.TicketShareError as error:
        return {"ok": False, "error": {"code": error.code, "category": error.category, "message": error.message}}
    return {"ok": True, "result": result}


def _replay(path) -> Set[str]:
    vector = json.loads(path.read_text())
    called: Set[str] = set()
    if "config_error" in vector:
        return called
    with ticketshare.Engine.seeded_for_tests(vector["config"], vector["seed"]) as engine:
        for step in vector["steps"]:
            request, expected = step["request"].get("json"), step["response"]
            args = request.get("args", {}) if isinstance(request, dict) else None
            op = request.get("op") if isinstance(request, dict) else None
            fits = isinstance(args, dict) and set(request) <= {"v", "op", "args"} and request.get("v") == 1
            if fits and op in METHOD_OF:
                try:
                    got = _through_method(engine, op, args)
                    called.add(METHOD_OF[op])
                except TypeError:  # the arguments do not fit the method: send the raw request
                    got = json.loads(engine.call_json(json.dumps(request)))
                assert got == expected, step["note"]
            elif fits and op == "link.verify" and set(args) == {"token", "now"} and isinstance(args["now"], str):
                try:
                    claims = engine.verify_link(args["token"], args["now"])
                    assert expected["ok"], step["note"]
                    assert claims.share_id == expected["result"]["share_id"], step["note"]
                    assert claims.key_id == expected["result"]["key_id"], step["note"]
                except ticketshare.TicketShareError as error:
                    assert not expected["ok"], f"{step['note']}: {error}"
                    assert error.code == expected["error"]["code"], step["note"]
                    assert error.category == expected["error"]["category"], step["note"]
                called.add("verify_link")
            else:
                text = step["request"]["raw"] if "raw" in step["request"] else json.dumps(request)
                assert json.loads(engine.call_json(text)) == expected, step["note"]
    return called


def test_every_method_is_called_and_answers_as_the_vectors():
    called: Set[str] = set()
    for path in FILES:
        called |= _replay(path)
    assert called == {method for _, method in WRAPPED + TYPED}


@pytest.mark.parametrize("now", ["2026-11-23T10:00:00Z", "2026-11-23t10:00:00z", "2026-02-30T10:00:00Z", "2026-11-23"])
def test_the_typed_verify_never_parses_time_itself(engine, now):
    """Python's own parser would refuse the lowercase form and raise ValueError for 30 February;
    the engine's answer is what counts (the times vector has every case)."""
    created = engine.create_share(
        {"id": "a", "name": "Ana", "role": "agent"},
        {"company_name": "Acme", "plan": "enterprise"},
        {"ticket_id": "T-1", "recipient": "s@example.com", "subject": "s", "message": "m"},
        "2026-11-23T09:00:00Z",
    )
    try:
        engine.verify_link(created["link_token"], now)
    except ticketshare.ValidationError as error:
        assert error.code == "invalid_time"
        assert now in ("2026-02-30T10:00:00Z", "2026-11-23")
