// Bad input never crashes: every refusal is a TicketShareError with a stable code (SEC-03).
import { test } from "node:test";
import assert from "node:assert/strict";
import { Engine, TicketShareError } from "ticketshare";
import { config } from "./story.test.mjs";

const refusedWith = (code) => (e) => {
  assert.ok(e instanceof TicketShareError, `not a TicketShareError: ${e}`);
  assert.equal(e.code, code);
  return true;
};

test("undefined, null and wrong types", () => {
  const engine = Engine.seededForTests(config, 1);
  assert.throws(() => new Engine(undefined), refusedWith("invalid_request"));
  assert.throws(() => new Engine(null), refusedWith("invalid_request"));
  assert.throws(() => new Engine("not json"), refusedWith("invalid_config"));
  assert.throws(() => new Engine({ ...config, view_url: "http://insecure.example/" }), refusedWith("invalid_url"));
  assert.throws(() => engine.createShare({ actor: undefined, account: null, request: 5, now: new Date() }), refusedWith("invalid_request"));
  assert.throws(() => engine.verifyLink(undefined, new Date()), refusedWith("invalid_request"));
  assert.throws(() => engine.verifyLink(12345, new Date()), refusedWith("invalid_request"));
  assert.throws(() => engine.verifyLink("x", NaN), refusedWith("invalid_time"));
  assert.throws(() => engine.verifyLink("x", "yesterday"), refusedWith("invalid_time"));
  assert.throws(() => engine.call("link.verify", { token: 1n }), refusedWith("invalid_request"));
  assert.throws(() => engine.call("share.teleport"), refusedWith("unknown_operation"));
  assert.throws(() => Engine.seededForTests(config, -1), refusedWith("invalid_request"));
});

test("huge strings", () => {
  const engine = Engine.seededForTests(config, 1);
  assert.throws(() => engine.verifyLink("A".repeat(1_000_000), new Date()), refusedWith("token_oversized"));
  assert.throws(() => engine.call("link.verify", { token: "A".repeat(5 * 1024 * 1024), now: "2026-11-23T09:00:00Z" }),
    refusedWith("request_too_large"));
});

test("lone surrogates are refused, never silently replaced", () => {
  const engine = Engine.seededForTests(config, 1);
  assert.throws(() => engine.verifyLink("\ud800".repeat(83), new Date()), refusedWith("invalid_request"));
  assert.throws(() => engine.callJson('{"v":1,"op":"\udc80"}'), refusedWith("invalid_request"));
  // JSON.stringify escapes them; the engine refuses the escape.
  assert.throws(() => engine.call("link.verify", { token: "\ud800", now: "2026-11-23T09:00:00Z" }), refusedWith("invalid_request"));
});

test("a freed engine refuses; freeing twice is harmless", () => {
  const engine = Engine.seededForTests(config, 1);
  engine.free();
  engine.free();
  assert.throws(() => engine.info(), refusedWith("invalid_request"));
});

test("randomness comes from crypto.getRandomValues", () => {
  const a = new Engine(config);
  const b = new Engine(config);
  const request = { ticket_id: "T-1", recipient: "s@example.com", subject: "s", message: "m" };
  const actor = { id: "a", name: "Ana", role: "agent" };
  const account = { company_name: "Acme", plan: "enterprise" };
  const now = new Date();
  const one = a.createShare({ actor, account, request, now });
  const two = b.createShare({ actor, account, request, now });
  assert.notEqual(one.share.id, two.share.id);
});
