// Compiled with `tsc --noEmit --strict`: the declarations describe the real API, and fields the
// wire treats as optional are optional here too.
import { Engine, TicketShareError, type ExternalShare, type LinkOpened, type ShareCreated } from "ticketshare";

const engine: Engine = new Engine({
  keyring: { active: 1, keys: [{ id: 1, secret: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8" }] },
  view_url: "https://help.example.com/shared/",
});
const actor = { id: "a", name: "Ana", role: "agent" };
const account = { company_name: "Acme", plan: "enterprise" };
const created: ShareCreated = engine.createShare({
  actor,
  account,
  request: { ticket_id: "T-1", recipient: "s@example.com", subject: "s", message: "m" },
  now: new Date(),
});
const share: ExternalShare = created.share;
const opened: LinkOpened = engine.openLink({ token: created.link_token, share, account, now: "2026-11-23T09:00:00Z" });
if (opened.outcome === "code_sent") {
  const sentAt: string = opened.challenge.sent_at;
  const checked = engine.checkCode({ token: created.link_token, share, challenge: opened.challenge, code: "123456", now: new Date() });
  if (checked.outcome === "rejected") console.log(sentAt, checked.attempts_left);
}
const decision = engine.checkPolicy({ actor, permission: "external_share" });
if (!decision.allowed) console.log(decision.refusal?.code);
const info = engine.call("engine.info");
console.log(info.api_version, engine.info().operations.length);
try {
  engine.verifyLink(created.link_token, Date.now());
} catch (error) {
  if (error instanceof TicketShareError) console.log(error.code, error.category);
}
engine.free();
