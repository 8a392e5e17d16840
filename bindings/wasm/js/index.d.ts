// The package's API. Records, arguments and results are generated from the Rust types
// (types.d.ts); this file only lists the methods.
import type * as T from "./types.js";

export * from "./types.js";

type Instant = Date | string;
type At<A> = Omit<A, "now"> & { now: Instant };

/** A refusal by the engine, carrying the stable reason code (see docs/api.md). */
export declare class TicketShareError extends Error {
  /** The stable reason code, e.g. "link_expired". */
  readonly code: string;
  /** What may be shown to the collaborator, e.g. "invalid_link". */
  readonly category: T.PublicCategory | "internal";
  /** The detail for logs. */
  readonly detail: string;
}

/** The ticket-sharing rules engine. Build once from the configuration, call many times. */
export declare class Engine {
  constructor(config: T.EngineConfig | string);
  /** For tests and golden vectors only: codes and ids come from a predictable stream. */
  static seededForTests(config: T.EngineConfig | string, seed: number): Engine;
  callJson(request: string): string;
  call(op: string, args?: unknown): unknown;
  info(): T.EngineInfo;
  checkPolicy(args: T.PolicyCheck): T.PolicyDecision;
  createShare(args: At<T.ShareCreate>): T.ShareCreated;
  verifyLink(token: string, now: Instant | number): { shareId: T.ShareId };
  checkLink(args: At<T.TokenShareArgs>): T.TokenClaims;
  openLink(args: At<T.LinkOpen>): T.LinkOpened;
  resendCode(args: At<T.LinkOpen>): T.CodeSent;
  checkCode(args: At<T.CodeCheck>): T.CodeChecked;
  checkSession(args: At<T.SessionArgs>): T.TokenClaims;
  view(args: At<T.ShareView>): T.SharedView;
  reply(args: At<T.ShareReply>): T.ReplyAccepted;
  cancelShare(args: At<T.ShareCancel>): T.ShareCancelled;
  updateBranding(args: At<T.BrandingUpdate>): T.BrandingUpdated;
  free(): void;
}
