// Run against the published package (not the test build): it holds no way to make predictable
// codes, and works with randomness from crypto.getRandomValues.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Engine, TicketShareError } from "ticketshare";
import { config } from "./fixtures.mjs";

const glue = readFileSync(new URL("../node_modules/ticketshare/glue/ticketshare.js", import.meta.url), "utf8");
assert.ok(!glue.includes("seededForTests"), "the published glue exports a seeded constructor");
assert.throws(() => Engine.seededForTests(config, 1), (e) => e instanceof TicketShareError && e.code === "internal_error");
const engine = new Engine(config);
assert.equal(engine.info().library_version, JSON.parse(readFileSync(new URL("../node_modules/ticketshare/package.json", import.meta.url), "utf8")).version);
engine.free();
console.log("release package: no test constructor; OS randomness works");
