// The idiomatic JavaScript API over the WebAssembly engine. A thin layer: every rule is decided
// in the Rust core. This file turns JSON responses into return values and thrown
// TicketShareErrors, refuses strings that cannot cross into WebAssembly unchanged, and checks a
// string's size before copying it into WebAssembly memory (which never shrinks). The operation
// methods are installed from the generated table (operations.js); only the typed hot path,
// verifyLink, is written here.
import { RawEngine, refusal } from "./glue/ticketshare.js";
import { LIMITS, OPERATIONS } from "./operations.js";

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

/** The error of an error envelope `{"ok":false,"error":{...}}`. */
function fromEnvelope(text) {
  const { code, category, message } = JSON.parse(text).error;
  return new TicketShareError(code, category, message);
}

function fromThrown(thrown) {
  if (thrown instanceof TicketShareError) return thrown;
  if (typeof thrown === "string") {
    try {
      return fromEnvelope(thrown);
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

/** Whether `text` is over `bound` bytes as UTF-8, found without copying it. */
function overBound(text, bound) {
  if (text.length > bound) return true;
  if (text.length * 3 <= bound) return false;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= bound; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00) {
      bytes += 4; // a surrogate pair: one code point, four bytes
      i++;
    } else bytes += 3;
  }
  return bytes > bound;
}

function configText(config) {
  if (typeof config === "string") return wellFormed(config, "config");
  if (config === null || typeof config !== "object") throw invalid("config must be an object or a JSON string");
  return wellFormed(JSON.stringify(config), "config");
}

function newRaw(config, make) {
  const text = configText(config);
  if (overBound(text, LIMITS.config)) throw fromEnvelope(refusal("config"));
  try {
    return make(text);
  } catch (thrown) {
    throw fromThrown(thrown);
  }
}

/** `now` as the engine reads it: a Date becomes RFC 3339 text (an invalid Date becomes text the
 * engine refuses as invalid_time); text goes as it is, for the engine to parse. */
function withInstant(args) {
  if (args === null || typeof args !== "object" || !(args.now instanceof Date)) return args;
  const now = args.now;
  return { ...args, now: Number.isNaN(now.getTime()) ? String(now) : now.toISOString() };
}

/** The ticket-sharing rules engine. Build once from the configuration, call many times. */
export class Engine {
  #raw;

  /** Builds an engine with randomness from crypto.getRandomValues. */
  constructor(config, _raw) {
    this.#raw = _raw !== undefined ? _raw : newRaw(config, (text) => new RawEngine(text));
  }

  /** For tests and golden vectors only, and only in the test build of the package (the
   * `testing` feature): codes and ids come from a predictable stream. */
  static seededForTests(config, seed) {
    if (typeof RawEngine.seededForTests !== "function") {
      throw new TicketShareError("internal_error", "internal", "this build has no test constructors (build it with the testing feature)");
    }
    if (!Number.isSafeInteger(seed) || seed < 0) throw invalid("seed must be a non-negative safe integer");
    return new Engine(undefined, newRaw(config, (text) => RawEngine.seededForTests(text, BigInt(seed))));
  }

  #handle() {
    if (this.#raw === undefined) throw new TicketShareError("engine_closed", "bad_request", "the engine is freed");
    return this.#raw;
  }

  /** Sends a raw JSON request and returns the raw JSON response (used by the vectors). */
  callJson(request) {
    const text = wellFormed(request, "request");
    const raw = this.#handle();
    if (overBound(text, LIMITS.request)) return refusal("request");
    try {
      return raw.call(text);
    } catch (thrown) {
      throw fromThrown(thrown);
    }
  }

  /** Runs one operation (see docs/api.md) and returns its result, or throws TicketShareError. */
  call(op, args) {
    const request = args === undefined ? { v: 1, op } : { v: 1, op, args: withInstant(args) };
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

  /** The hot path: checks a link token alone, before any database look-up (link.verify). `now`
   * is a Date, a time value (milliseconds) or RFC 3339 text, which the engine parses. */
  verifyLink(token, now) {
    const text = wellFormed(token, "token");
    const raw = this.#handle();
    if (overBound(text, LIMITS.token)) throw fromEnvelope(refusal("token"));
    try {
      if (typeof now === "string") return { shareId: raw.verifyLinkAt(text, now) };
      if (now instanceof Date) return { shareId: raw.verifyLink(text, now.getTime()) };
      if (typeof now === "number") return { shareId: raw.verifyLink(text, now) };
    } catch (thrown) {
      throw fromThrown(thrown);
    }
    throw invalid("now must be a Date, a time value or RFC 3339 text");
  }

  /** Frees the WebAssembly memory of this engine; later calls throw. Freeing twice is harmless. */
  free() {
    const raw = this.#raw;
    this.#raw = undefined;
    if (raw !== undefined) raw.free();
  }
}

// One method per operation of the generated table: `engine.createShare(args)` runs
// "share.create". Their types are in index.d.ts, generated from the same table.
for (const [op, method] of OPERATIONS) {
  Object.defineProperty(Engine.prototype, method, {
    value: function (args) {
      return this.call(op, args);
    },
    writable: true,
    configurable: true,
  });
}
