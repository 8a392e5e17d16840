// The shared corpus of hostile inputs (tests/bad-inputs/corpus.json): each refused with the code
// it must get, as in Rust, C and Python, the message bounded and free of control characters
// (SEC-03, SEC-06). Inputs that are not UTF-8 cannot be a JavaScript string: they are counted
// and left to the other languages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Engine } from "ticketshare";

const corpus = JSON.parse(readFileSync(join(process.env.TICKETSHARE_VECTORS, "..", "bad-inputs", "corpus.json"), "utf8"));

test("every input is refused with its code and a clean message", () => {
  const engine = Engine.seededForTests(corpus.config, corpus.seed);
  const texts = corpus.inputs.filter((entry) => "text" in entry);
  assert.ok(texts.length >= 200);
  assert.ok(corpus.inputs.length - texts.length <= 5, "inputs only other languages replay");
  for (const entry of texts) {
    const response = JSON.parse(engine.callJson(entry.text));
    assert.equal(response.ok, false, entry.name);
    assert.equal(response.error.code, entry.code, entry.name);
    const message = response.error.message;
    assert.ok([...message].length <= 512, entry.name);
    assert.ok(!/[\u0000-\u001f\u007f-\u009f\u202e\u2028\u2029\u200b]/.test(message), entry.name);
  }
  engine.free();
});
