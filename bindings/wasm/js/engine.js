// The idiomatic JavaScript API over the WebAssembly engine. A thin layer: every rule is
// decided in the Rust core; this file turns JSON responses into return values and thrown
// TicketShareErrors, and refuses strings that cannot cross into WebAssembly unchanged.
import { RawEngine } from "./glue/ticketshare.js";

/** A refusal by the engine, carrying the stable reason code (see docs/api.md). */
export class TicketShareError extends Error {
  constructor(code, category, message) {
    super(`${code}: ${message}`);
    this.name = "TicketShareError";
    /** The stable reason code, e.g. "link_expired". */
    this.code = code;
    /** What may be shown to the collaborator, e.g. "invalid_link". */
    this.category = category;
    /** The detail for logs. */
    this.detail = message;
  }
}

const invalid = (message) => new TicketShareError("invalid_request", "bad_request", message);

function fromThrown(thrown) {
  if (thrown instanceof TicketShareError) return thrown;
  if (typeof thrown === "string") {
    try {
      const body = JSON.parse(thrown);
      return new TicketShareError(body.code, body.category, body.message);
    } catch {
      return new TicketShareError("internal_error", "internal", thrown);
    }
  }
  // A trap inside WebAssembly: a bug, caught here; nothing was changed.
  return new TicketShareError("internal_error", "internal", String(thrown && thrown.message));
}

/** Refuses text WebAssembly would silently alter (lone surrogates become U+FFFD). */
function wellFormed(text, what) {
  if (typeof text !== "string") throw invalid(`${what} must be a string`);
  if (!text.isWellFormed()) throw invalid(`${what} holds a lone surrogate`);
  return text;
}

function instant(now) {
  if (now instanceof Date) return now.toISOString();
  if (typeof now === "string") return now;
  throw invalid("now must be a Date or an RFC 3339 string");
}

function millis(now) {
  if (now instanceof Date) return now.getTime();
  if (typeof now === "string") return Date.parse(now);
  if (typeof now === "number") return now;
  throw invalid("now must be a Date, a time value or an RFC 3339 string");
}

function configText(config) {
  if (typeof config === "string") return wellFormed(config, "config");
  if (config === null || typeof config !== "object") throw invalid("config must be an object or a JSON string");
  return wellFormed(JSON.stringify(config), "config");
}

/** The ticket-sharing rules engine. Build once from the configuration, call many times. */
export class Engine {
  #raw;

  /** Builds an engine with randomness from crypto.getRandomValues. */
  constructor(config, _raw) {
    if (_raw !== undefined) {
      this.#raw = _raw;
      return;
    }
    try {
      this.#raw = new RawEngine(configText(config));
    } catch (thrown) {
      throw fromThrown(thrown);
    }
  }

  /** For tests and golden vectors only: codes and ids come from a predictable stream. */
  static seededForTests(config, seed) {
    if (!Number.isSafeInteger(seed) || seed < 0) throw invalid("seed must be a non-negative safe integer");
    try {
      return new Engine(undefined, RawEngine.seededForTests(configText(config), BigInt(seed)));
    } catch (thrown) {
      throw fromThrown(thrown);
    }
  }

  #handle() {
    if (this.#raw === undefined) throw invalid("the engine is freed");
    return this.#raw;
  }

  /** Sends a raw JSON request and returns the raw JSON response (used by the vectors). */
  callJson(request) {
    const text = wellFormed(request, "request");
    try {
      return this.#handle().call(text);
    } catch (thrown) {
      throw fromThrown(thrown);
    }
  }

  /** Runs one operation (see docs/api.md) and returns its result, or throws TicketShareError. */
  call(op, args) {
    const request = args === undefined ? { v: 1, op } : { v: 1, op, args };
    let text;
    try {
      text = JSON.stringify(request);
    } catch (error) {
      throw invalid(`arguments are not JSON: ${error.message}`);
    }
    const response = JSON.parse(this.callJson(text));
    if (response.ok) return response.result;
    const { code, category, message } = response.error;
    throw new TicketShareError(code, category, message);
  }

  /** API version, library version, operations and every reason code. */
  info() { return this.call("engine.info"); }

  /** Whether the actor may: { allowed, refusal? }. */
  checkPolicy(args) { return this.call("policy.check", args); }

  /** Shares a ticket thread: share record, external note, email, link and audit events. */
  createShare({ now, ...args }) { return this.call("share.create", { ...args, now: instant(now) }); }

  /** The hot path: checks a link token alone, before any database look-up. */
  verifyLink(token, now) {
    const text = wellFormed(token, "token");
    try {
      return { shareId: this.#handle().verifyLink(text, millis(now)) };
    } catch (thrown) {
      throw fromThrown(thrown);
    }
  }

  /** Checks a link token against its share record (cancellation, expiry). */
  checkLink({ now, ...args }) { return this.call("link.check", { ...args, now: instant(now) }); }

  /** The collaborator opened the link: outcome verified, code_sent or code_pending. */
  openLink({ now, ...args }) { return this.call("link.open", { ...args, now: instant(now) }); }

  /** A new code replacing the current one, within the cooldown and hourly cap. */
  resendCode({ now, ...args }) { return this.call("code.resend", { ...args, now: instant(now) }); }

  /** The collaborator entered a code: outcome accepted (with a session) or rejected. */
  checkCode({ now, ...args }) { return this.call("code.check", { ...args, now: instant(now) }); }

  /** Checks a session token against its share record. */
  checkSession({ now, ...args }) { return this.call("session.check", { ...args, now: instant(now) }); }

  /** The thread as the collaborator sees it. */
  view({ now, ...args }) { return this.call("share.view", { ...args, now: instant(now) }); }

  /** The collaborator's reply, as an external note (and a copy email if asked). */
  reply({ now, ...args }) { return this.call("share.reply", { ...args, now: instant(now) }); }

  /** An agent cancels the share; the link is refused from then on. */
  cancelShare({ now, ...args }) { return this.call("share.cancel", { ...args, now: instant(now) }); }

  /** An admin sets the email branding (logo image as standard base64). */
  updateBranding({ now, ...args }) { return this.call("branding.update", { ...args, now: instant(now) }); }

  /** Frees the WebAssembly memory of this engine; later calls throw. Freeing twice is harmless. */
  free() {
    const raw = this.#raw;
    this.#raw = undefined;
    if (raw !== undefined) raw.free();
  }
}
