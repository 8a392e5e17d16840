// The seed-000 story through the idiomatic JavaScript API.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Engine, TicketShareError } from "ticketshare";

import { config } from "./fixtures.mjs";
const actor = { id: "agent-7", name: "Ana Agent", role: "agent" };
const account = { company_name: "Acme Shoes", plan: "enterprise" };
const at = (seconds) => new Date(Date.UTC(2026, 10, 23, 9, 0, 0) + seconds * 1000);
const codeIn = (email) => [...email.text_body].filter((c) => c >= "0" && c <= "9").slice(0, 6).join("");

test("the external share story", () => {
  const engine = new Engine(config);
  const created = engine.createShare({
    actor, account, now: at(0),
    request: { ticket_id: "T-1001", recipient: "orders@supplier.example", subject: "Trainers", message: "Check B-17?" },
  });
  let { share } = created;
  const token = created.link_token;
  assert.equal(created.note.kind.type, "external_note");
  assert.match(created.email.text_body, /Ana Agent from Acme Shoes/);
  assert.equal(engine.verifyLink(token, at(10)).shareId, share.id);

  const opened = engine.openLink({ token, share, account, now: at(60) });
  assert.equal(opened.outcome, "code_sent");
  const code = codeIn(opened.email);
  const wrong = [...code].map((c) => (c === "0" ? "1" : "0")).join("");
  const rejected = engine.checkCode({ token, share, challenge: opened.challenge, code: wrong, now: at(70) });
  assert.equal(rejected.outcome, "rejected");
  assert.equal(rejected.attempts_left, 4);
  const accepted = engine.checkCode({ token, share, challenge: rejected.challenge, code, now: at(80) });
  assert.equal(accepted.outcome, "accepted");
  share = accepted.share;
  const session = accepted.session_token;

  const view = engine.view({
    session_token: session, share, now: at(90),
    thread: {
      ticket_id: "T-1001",
      items: [
        { id: "m1", kind: { type: "incoming" }, author: { role: "customer", name: "Carla" }, body: "Tiny!", at: "2026-11-22T09:00:00Z" },
        { id: "n1", kind: { type: "internal_note" }, author: { role: "agent", name: "Ana" }, body: "VIP", at: "2026-11-22T10:00:00Z" },
      ],
    },
  });
  assert.deepEqual(view.items.map((i) => i.id), ["m1"]);
  assert.equal(view.items[0].author.name, "Customer");

  const replied = engine.reply({ session_token: session, share, reply: { body: "Replacing it." }, account, now: at(100) });
  assert.equal(replied.note.kind.purpose, "collaborator_reply");

  const cancelled = engine.cancelShare({ actor, share, now: at(200) });
  assert.throws(() => engine.openLink({ token, share: cancelled.share, account, now: at(201) }), (e) =>
    e instanceof TicketShareError && e.code === "link_cancelled" && e.category === "invalid_link");
  assert.throws(() => engine.verifyLink(token, at(72 * 3600)), (e) => e.code === "link_expired" && e.category === "expired");
  engine.free();
});
