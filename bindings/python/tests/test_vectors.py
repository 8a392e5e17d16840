"""Replays every golden vector (tests/vectors/) through the Python package."""

import json

import pytest

import ticketshare
from conftest import VECTORS

FILES = sorted([*VECTORS.glob("*.json"), *VECTORS.glob("*/*.json")])


def test_vectors_are_present():
    assert len(FILES) >= 15 and any(p.parent.name == "nhd" for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_vector(path):
    vector = json.loads(path.read_text())
    if "config_error" in vector:
        with pytest.raises(ticketshare.ConfigError) as refused:
            ticketshare.Engine.seeded_for_tests(vector["config"], vector["seed"])
        assert refused.value.code == vector["config_error"]
        return
    with ticketshare.Engine.seeded_for_tests(vector["config"], vector["seed"]) as engine:
        for step in vector["steps"]:
            request = step["request"]
            text = request["raw"] if "raw" in request else json.dumps(request["json"])
            assert json.loads(engine.call_json(text)) == step["response"], step["note"]
