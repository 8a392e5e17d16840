"""The shared corpus of hostile inputs (tests/bad-inputs/corpus.json): each refused with the
code it must get, as in Rust, C and Node, the message bounded and free of control characters
(SEC-03, SEC-06)."""

import json
import unicodedata

import ticketshare
from conftest import ROOT

CORPUS = json.loads((ROOT / "tests" / "bad-inputs" / "corpus.json").read_text(encoding="utf-8"))


def test_every_input_is_refused_with_its_code_and_a_clean_message():
    inputs = CORPUS["inputs"]
    assert len(inputs) >= 200
    with ticketshare.Engine.seeded_for_tests(CORPUS["config"], CORPUS["seed"]) as engine:
        for entry in inputs:
            request = entry["text"].encode("utf-8") if "text" in entry else bytes.fromhex(entry["hex"])
            response = json.loads(engine.call_json(request))
            assert response["ok"] is False, entry["name"]
            assert response["error"]["code"] == entry["code"], entry["name"]
            message = response["error"]["message"]
            assert len(message) <= 512, entry["name"]
            assert not any(unicodedata.category(c) == "Cc" or c in "\u202e\u2028\u2029\u200b" for c in message), (
                entry["name"]
            )
