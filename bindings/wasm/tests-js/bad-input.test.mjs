// Bad input never crashes: every refusal is a TicketShareError with a stable code (SEC-03).
import { test } from "node:test";
import assert from "node:assert/strict";
import { Engine, TicketShareError } from "ticketshare";
import { config } from "./fixtures.mjs";

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
  assert.throws(() => engine.verifyLink("x", 1795424400), refusedWith("invalid_time")); // seconds, not ms
  assert.throws(() => engine.verifyLink("x", {}), refusedWith("invalid_request"));
  assert.throws(() => engine.call("link.verify", { token: 1n }), refusedWith("invalid_request"));
  assert.throws(() => engine.call("share.teleport"), refusedWith("unknown_operation"));
  assert.throws(() => Engine.seededForTests(config, -1), refusedWith("invalid_request"));
});

test("huge strings are refused by size before they are copied into WebAssembly memory", () => {
  const engine = Engine.seededForTests(config, 1);
  engine.info();
  const before = process.memoryUsage().arrayBuffers;
  const huge = "A".repeat(400 * 1024 * 1024);
  assert.throws(() => engine.verifyLink(huge, new Date()), refusedWith("token_oversized"));
  assert.equal(JSON.parse(engine.callJson(huge)).error.code, "request_too_large");
  assert.throws(() => engine.call("link.verify", { token: "A".repeat(5 * 1024 * 1024), now: "2026-11-23T09:00:00Z" }),
    refusedWith("request_too_large"));
  // Three bytes a character: over the bound as UTF-8 though not in UTF-16 units.
  assert.equal(JSON.parse(engine.callJson("\u20ac".repeat(1_500_000))).error.code, "request_too_large");
  assert.throws(() => new Engine({ ...config, pad: "x".repeat(128 * 1024) }), refusedWith("invalid_config"));
  // WebAssembly memory never shrinks: none of the above may have grown it by the inputs' size.
  assert.ok(process.memoryUsage().arrayBuffers - before < 16 * 1024 * 1024, "the WebAssembly memory grew");
});

test("deep nesting is the library's error", () => {
  const engine = Engine.seededForTests(config, 1);
  let deep = [];
  for (let i = 0; i < 100_000; i++) deep = [deep];
  assert.throws(() => engine.call("link.verify", { token: deep, now: "2026-11-23T09:00:00Z" }), refusedWith("invalid_request"));
  const nested = "[".repeat(100_000) + "]".repeat(100_000);
  assert.equal(JSON.parse(engine.callJson(`{"v":1,"op":"link.verify","args":{"token":${nested}}}`)).error.code, "invalid_request");
});

test("a bad configuration throws the error envelope's error, as every binding returns it", () => {
  assert.throws(() => new Engine({ keyring: { active: 1, keys: [] }, view_url: "https://x.example/" }), (e) =>
    e instanceof TicketShareError && e.code === "invalid_keyring" && e.category === "bad_request");
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
  assert.throws(() => engine.info(), refusedWith("engine_closed"));
  assert.throws(() => engine.verifyLink("x", new Date()), refusedWith("engine_closed"));
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
