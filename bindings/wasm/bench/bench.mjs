// Node link verify through the npm package against jose's HS256 jwtVerify on a token with the
// same claims, in one run. Run: ./scripts/bench.sh (or node bench.mjs inside a directory where
// both `ticketshare` and `jose` are installed).
import { Engine } from "ticketshare";
import { SignJWT, jwtVerify } from "jose";

const secret = Buffer.from("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", "base64url");
const engine = new Engine({
  keyring: { active: 1, keys: [{ id: 1, secret: secret.toString("base64url") }] },
  view_url: "https://help.example.com/shared/",
});
const created = engine.createShare({
  actor: { id: "a", name: "Ana", role: "agent" }, account: { company_name: "Acme", plan: "enterprise" },
  request: { ticket_id: "T-1", recipient: "s@example.com", subject: "s", message: "m" }, now: new Date(),
});
const token = created.link_token;
const shareId = created.share.id;
const exp = Math.floor(Date.now() / 1000) + 72 * 3600;
const jwt = await new SignJWT({ purpose: "link" }).setProtectedHeader({ alg: "HS256", kid: "1" })
  .setSubject(shareId).setExpirationTime(exp).sign(secret);

async function measure(run, iterations) {
  for (let i = 0; i < iterations / 10; i++) await run(); // warm-up
  let best = Infinity;
  for (let round = 0; round < 7; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) await run();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / iterations);
  }
  return best;
}

// Pre-imported once, as our keyring pre-keys its HMAC: jose then pays no key import per call.
const key = await crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
const now = new Date();
if (engine.verifyLink(token, now).shareId !== shareId) throw new Error("verify failed");
if ((await jwtVerify(jwt, key)).payload.sub !== shareId) throw new Error("jose failed");
const ours = await measure(() => engine.verifyLink(token, now), 100_000);
const theirs = await measure(() => jwtVerify(jwt, key), 20_000);
console.log("| operation | median | ratio |");
console.log("| --- | --- | --- |");
console.log(`| jose 6 jwtVerify HS256, pre-imported CryptoKey (reference) | ${theirs.toFixed(0)} ns | 1.00x |`);
console.log(`| ticketshare Engine.verifyLink (WebAssembly) | ${ours.toFixed(0)} ns | ${(theirs / ours).toFixed(1)}x faster (target: faster) |`);
