// Replays every golden vector (tests/vectors/) through the installed npm package.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Engine, TicketShareError } from "ticketshare";

const dir = process.env.TICKETSHARE_VECTORS;
// The files and the folders one level down (nhd/).
const files = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(".json")).sort();

test("the vectors are present", () => assert.ok(files.length >= 15 && files.some((f) => f.startsWith("nhd"))));

for (const file of files) {
  test(`vector ${file}`, () => {
    const vector = JSON.parse(readFileSync(join(dir, file), "utf8"));
    if (vector.config_error) {
      assert.throws(() => Engine.seededForTests(vector.config, vector.seed), (e) => {
        assert.ok(e instanceof TicketShareError);
        assert.equal(e.code, vector.config_error);
        return true;
      });
      return;
    }
    const engine = Engine.seededForTests(vector.config, vector.seed);
    for (const step of vector.steps) {
      const text = "raw" in step.request ? step.request.raw : JSON.stringify(step.request.json);
      assert.deepEqual(JSON.parse(engine.callJson(text)), step.response, step.note);
    }
    engine.free();
  });
}
