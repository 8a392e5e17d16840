// The package's API. Records, arguments and results are generated from the Rust types
// (types.d.ts); the operation methods below are generated from the operation table.
import type * as T from "./types.js";

export * from "./types.js";

/** The current time: a Date, or RFC 3339 text (passed to the engine as is). */
export type Instant = Date | string;
/** An operation's arguments, with `now` as an Instant. */
export type At<A> = Omit<A, "now"> & { now: Instant };

/** A refusal by the engine, carrying the stable reason code (see docs/api.md). */
export declare class TicketShareError extends Error {
  /** The stable reason code, e.g. "link_expired". */
  readonly code: string;
  /** What may be shown to the collaborator, e.g. "invalid_link". */
  readonly category: T.PublicCategory;
  /** The detail for logs. */
  readonly detail: string;
}

/** What a verified link says (the typed hot path). */
export interface LinkClaims {
  /** The share to load. */
  shareId: T.ShareId;
}

/** The ticket-sharing rules engine. Build once from the configuration, call many times. */
export declare class Engine {
  constructor(config: T.EngineConfig | string);
  /**
   * For tests and golden vectors only: codes and ids come from a predictable stream. Present
   * only in the test build of the package (built with the `testing` feature); the published
   * package throws.
   */
  static seededForTests(config: T.EngineConfig | string, seed: number): Engine;
  /** Sends a raw JSON request and returns the raw JSON response. */
  callJson(request: string): string;
  /** Runs one operation and returns its result, or throws TicketShareError. */
  call<K extends keyof T.Operations>(op: K, args?: T.Operations[K]["args"]): T.Operations[K]["result"];
  /** The hot path: checks a link token alone, before any database look-up (link.verify). */
  verifyLink(token: string, now: Instant | number): LinkClaims;
  // generated:operations:start
  /** API version, library version, operations, every reason code with its category and family. (engine.info) */
  info(): T.EngineInfo;
  /** May this actor do this (on this plan)? A refusal is an answer here, not an error. (policy.check) */
  checkPolicy(args: T.PolicyCheckArgs): T.PolicyDecision;
  /** An agent shares a ticket thread: the share record, the external note, the email, the link and the audit events. (share.create) */
  createShare(args: At<T.ShareCreateArgs>): T.ShareCreated;
  /** Checks a link token against its share record (cancellation, expiry), changing nothing. (link.check) */
  checkLink(args: At<T.LinkCheckArgs>): T.TokenClaims;
  /** The collaborator opened the link: a session (verified), a new code emailed (code_sent), or the code already sent (code_pending). (link.open) */
  openLink(args: At<T.LinkOpenArgs>): T.LinkOpened;
  /** The collaborator asked for a new code: it replaces the current one, within the cooldown and the hourly cap. (code.resend) */
  resendCode(args: At<T.CodeResendArgs>): T.CodeSent;
  /** The collaborator entered a code: accepted (the share verified, a session) or rejected (a try counted). (code.check) */
  checkCode(args: At<T.CodeCheckArgs>): T.CodeChecked;
  /** Checks a session token against its share record: signed, not past the link, the share verified and not cancelled. (session.check) */
  checkSession(args: At<T.SessionCheckArgs>): T.TokenClaims;
  /** The thread as the collaborator sees it: messages and this share's notes, customer details only if included. (share.view) */
  view(args: At<T.ShareViewArgs>): T.SharedView;
  /** The collaborator's reply, as an external note the customer never sees (and a copy email if asked for). (share.reply) */
  reply(args: At<T.ShareReplyArgs>): T.ReplyAccepted;
  /** An agent cancels the share: the link is refused from then on, and the thread says so. (share.cancel) */
  cancelShare(args: At<T.ShareCancelArgs>): T.ShareCancelled;
  /** An admin sets the share email's branding: logo (as standard base64), logo link, company name, button colour. (branding.update) */
  updateBranding(args: At<T.BrandingUpdateArgs>): T.BrandingUpdated;
  /** An admin turns agent sharing on or off in the site settings; it is off until then. (agent_sharing.set) */
  setAgentSharing(args: At<T.AgentSharingSetArgs>): T.SharingSettingsChanged;
  /** An agent or admin shares a ticket with agents who cannot open its inbox: the new shares, and every agent skipped with its reason. (agent_share.add) */
  shareWithAgents(args: At<T.AgentShareAddArgs>): T.AgentSharesAdded;
  /** An agent or admin removes an agent's share: the record to delete and the agent's replies scheduled under it, to cancel. (agent_share.remove) */
  unshareWithAgent(args: At<T.AgentShareRemoveArgs>): T.AgentShareRemoved;
  /** What an agent may do on a ticket, action by action: everything through its inbox or a share of it, nothing otherwise, never forward a shared ticket. (agent.access) */
  agentAccess(args: T.AgentAccessArgs): T.AgentAccess;
  /** An agent schedules a reply: the record to store, which says the access it was scheduled under. (reply.schedule) */
  scheduleReply(args: At<T.ReplyScheduleArgs>): T.ReplyScheduled;
  /** The scheduler asks just before sending a scheduled reply: cleared, or refused because its author lost the access it was scheduled under. (reply.check) */
  checkScheduledReply(args: T.ReplyCheckArgs): T.ReplyCleared;
  /** Who is emailed about an update: requester and CCs for a public comment (addresses shown), followers for every update (hidden), each with its rule; the rest with the reason. (cc.notify) */
  planNotifications(args: T.CcNotifyArgs): T.NotificationPlan;
  /** What an email reply does: a public or a private comment, the new CCs with the responses to send them, the CCs removed, the addresses ignored and why. (cc.inbound) */
  decideInboundEmail(args: At<T.CcInboundArgs>): T.InboundDecision;
  /** An agent adds CCs from the ticket: the new CCs with the responses to send them; refused when blocklisted or beyond the ticket's CCs. (cc.add) */
  addCcs(args: At<T.CcAddArgs>): T.CcsAdded;
  /** An agent adds followers from the ticket, the only way followers are added: agents, never blocklisted. (follower.add) */
  addFollowers(args: At<T.FollowerAddArgs>): T.FollowersAdded;
  // generated:operations:end
  /** Frees the WebAssembly memory of this engine; later calls throw. Freeing twice is harmless. */
  free(): void;
}
