// The seed-000 story through the npm package.
//   npm install ticketshare   (from bindings/wasm/pkg: ./scripts/build-wasm.sh)
//   node quickstart.mjs
import { Engine, TicketShareError } from "ticketshare";

const engine = new Engine({
  // In production the key comes from a secret store: 32+ random bytes, unpadded base64url.
  keyring: { active: 1, keys: [{ id: 1, secret: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8" }] },
  view_url: "https://help.acme.example/shared/",
});
const agent = { id: "agent-7", name: "Ana Agent", role: "agent" };
const account = { company_name: "Acme Shoes", plan: "enterprise" };
const at = (seconds) => new Date(Date.UTC(2026, 10, 23, 9, 0, 0) + seconds * 1000);

const created = engine.createShare({
  actor: agent, account, now: at(0),
  request: { ticket_id: "T-1001", recipient: "orders@supplier.example", subject: "Trainers labelled 42 are far smaller", message: "Could you check batch B-17?" },
});
let share = created.share;
const token = created.link_token;
console.log("1. shared:", created.link_url);
console.log("2. link verified for share", engine.verifyLink(token, at(10)).shareId);

const opened = engine.openLink({ token, share, account, now: at(60) });
const code = [...opened.email.text_body].filter((c) => c >= "0" && c <= "9").slice(0, 6).join("");
console.log("3. link opened:", opened.outcome);

const wrong = [...code].map((c) => (c === "0" ? "1" : "0")).join("");
const rejected = engine.checkCode({ token, share, challenge: opened.challenge, code: wrong, now: at(70) });
console.log(`4. wrong code ${rejected.outcome}, ${rejected.attempts_left} tries left`);
const accepted = engine.checkCode({ token, share, challenge: rejected.challenge, code, now: at(80) });
share = accepted.share;
console.log("   right code", accepted.outcome);

const replied = engine.reply({ session_token: accepted.session_token, share, reply: { body: "Batch B-17 was mislabelled." }, account, now: at(200) });
console.log("5. reply stored as", replied.note.kind.type);

const cancelled = engine.cancelShare({ actor: agent, share, now: at(300) });
for (const [step, attempt] of [
  ["6. after cancelling", () => engine.openLink({ token, share: cancelled.share, account, now: at(301) })],
  ["7. 72 h later", () => engine.verifyLink(token, at(72 * 3600))],
]) {
  try {
    attempt();
  } catch (error) {
    if (!(error instanceof TicketShareError)) throw error;
    console.log(`${step}: ${error.code} (the collaborator sees: ${error.category})`);
  }
}
engine.free();
