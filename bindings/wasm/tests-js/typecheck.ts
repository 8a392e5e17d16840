// Compiled with `tsc --noEmit --strict`: the declarations describe the real API.
import { Engine, TicketShareError, type ExternalShare, type LinkOpened, type ShareCreated } from "ticketshare";

const engine: Engine = new Engine({
  keyring: { active: 1, keys: [{ id: 1, secret: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8" }] },
  view_url: "https://help.example.com/shared/",
  policy: { roles: {}, plans: {} },
  links: { link_ttl_seconds: 259200, session_ttl_seconds: 3600 },
  codes: { digits: 6, ttl_seconds: 600, max_wrong_attempts: 5, resend_cooldown_seconds: 60, max_sends_per_hour: 5, max_failures_in_a_row: 50 },
});
const created: ShareCreated = engine.createShare({
  actor: { id: "a", name: "Ana", role: "agent", granted: [] },
  account: { company_name: "Acme", plan: "enterprise", branding: null },
  request: { ticket_id: "T-1", recipient: "s@example.com", subject: "s", message: "m", include_customer_details: false },
  previous_shares: [],
  now: new Date(),
});
const share: ExternalShare = created.share;
const opened: LinkOpened = engine.openLink({ token: created.link_token, share, challenge: null, account: { company_name: "Acme", plan: "enterprise", branding: null }, now: "2026-11-23T09:00:00Z" });
if (opened.outcome === "code_sent") {
  const sentAt: string = opened.challenge.sent_at;
  console.log(sentAt);
}
try {
  engine.verifyLink(created.link_token, Date.now());
} catch (error) {
  if (error instanceof TicketShareError) console.log(error.code, error.category);
}
