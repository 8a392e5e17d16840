// Every operation has a method, and every method is called: the golden vectors are replayed
// through the Engine's methods (the generated JSON wrappers and the typed verifyLink) wherever a
// step's arguments are an object, and must give the vectors' answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Engine, TicketShareError } from "ticketshare";
import { OPERATIONS, TYPED_OPERATIONS } from "ticketshare/operations.js";

const dir = process.env.TICKETSHARE_VECTORS;
const vectors = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(".json")).sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
const methodOf = new Map(OPERATIONS);

test("every operation has a method", () => {
  const engine = Engine.seededForTests(vectors[0].config, 1);
  const operations = engine.info().operations;
  assert.deepEqual([...operations].sort(), [...OPERATIONS, ...TYPED_OPERATIONS].map(([op]) => op).sort());
  for (const [, method] of [...OPERATIONS, ...TYPED_OPERATIONS]) {
    assert.equal(typeof engine[method], "function", method);
  }
  engine.free();
});

function throughMethod(engine, method, args) {
  try {
    return { ok: true, result: engine[method](args) };
  } catch (error) {
    if (!(error instanceof TicketShareError)) throw error;
    return { ok: false, error: { code: error.code, category: error.category, message: error.detail } };
  }
}

test("every method is called and answers as the vectors", () => {
  const called = new Set();
  for (const vector of vectors) {
    if (vector.config_error) continue;
    const engine = Engine.seededForTests(vector.config, vector.seed);
    for (const step of vector.steps) {
      const request = step.request.json;
      const fits = request !== null && typeof request === "object" && !Array.isArray(request) &&
        Object.keys(request).every((k) => ["v", "op", "args"].includes(k)) && request.v === 1 &&
        (request.args === undefined || (request.args !== null && typeof request.args === "object" && !Array.isArray(request.args)));
      if (fits && methodOf.has(request.op)) {
        const method = methodOf.get(request.op);
        assert.deepEqual(throughMethod(engine, method, request.args), step.response, step.note);
        called.add(method);
      } else if (fits && request.op === "link.verify" && Object.keys(request.args).sort().join() === "now,token" &&
        typeof request.args.now === "string") {
        // The typed verify takes text as the JSON call does (numbers are a JS time value there).
        const { token, now } = request.args;
        let outcome;
        try {
          outcome = { ok: true, shareId: engine.verifyLink(token, now).shareId };
        } catch (error) {
          assert.ok(error instanceof TicketShareError, `${step.note}: ${error}`);
          outcome = { ok: false, code: error.code, category: error.category };
        }
        if (step.response.ok) {
          assert.deepEqual(outcome, { ok: true, shareId: step.response.result.share_id }, step.note);
        } else {
          assert.deepEqual(outcome, { ok: false, code: step.response.error.code, category: step.response.error.category }, step.note);
        }
        called.add("verifyLink");
      } else {
        const text = "raw" in step.request ? step.request.raw : JSON.stringify(request);
        assert.deepEqual(JSON.parse(engine.callJson(text)), step.response, step.note);
      }
    }
    engine.free();
  }
  assert.deepEqual([...called].sort(), [...OPERATIONS, ...TYPED_OPERATIONS].map(([, m]) => m).sort());
});

test("the typed verify never parses time itself, whatever the time zone", () => {
  // Date.parse would read a time without an offset as local time (Pacific/Kiritimati is UTC+14)
  // and accept a date alone; the engine refuses both.
  const engine = Engine.seededForTests(vectors[0].config, 1);
  const created = engine.createShare({
    actor: { id: "a", name: "Ana", role: "agent" },
    account: { company_name: "Acme", plan: "enterprise" },
    request: { ticket_id: "T-1", recipient: "s@example.com", subject: "s", message: "m" },
    now: "2026-11-23T09:00:00Z",
  });
  for (const now of ["2026-11-26T20:00:00", "2026-11-23", "2026-02-30T10:00:00Z"]) {
    assert.throws(() => engine.verifyLink(created.link_token, now), (e) => e.code === "invalid_time", now);
  }
  assert.equal(engine.verifyLink(created.link_token, "2026-11-23t10:00:00z").shareId, created.share.id);
  engine.free();
});
