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
  /** The collaborator opened the link: a session (verified before, in this browser), a new code emailed (code_sent), or the code already sent (code_pending). (link.open) */
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
  /** Where a share stands (pending, verified, expired, cancelled), its current code, and when a new code may be asked for; changes nothing. (share.status) */
  shareStatus(args: At<T.ShareStatusArgs>): T.ShareStatus;
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
  /** An admin invites a partner account on terms it sets: a pending agreement and the invitation to deliver. (agreement.invite) */
  invitePartner(args: At<T.AgreementInviteArgs>): T.AgreementChange;
  /** The invited account reads an invitation: a copy pending for its admins, or, opted out, an ordinary decline it is never told of. (agreement.receive) */
  receiveInvite(args: At<T.AgreementReceiveArgs>): T.InviteReceived;
  /** The invited account's admin accepts: the sender may share tickets. (agreement.accept) */
  acceptAgreement(args: At<T.AgreementAcceptArgs>): T.AgreementChange;
  /** The invited account's admin declines; the sender may invite again later. (agreement.decline) */
  declineAgreement(args: At<T.AgreementDeclineArgs>): T.AgreementChange;
  /** The invited account's admin decides later: checked like an answer, nothing changes. (agreement.defer) */
  deferAgreement(args: At<T.AgreementDeferArgs>): T.AgreementChange;
  /** The sender's admin invites again after a decline, with new terms if given. (agreement.reinvite) */
  reinvitePartner(args: At<T.AgreementReinviteArgs>): T.AgreementChange;
  /** An admin of either side deactivates, for good: no new shares, no more syncing, the partner informed. (agreement.deactivate) */
  deactivateAgreement(args: At<T.AgreementDeactivateArgs>): T.AgreementChange;
  /** The account was renamed: every pending or accepted agreement ends, each partner informed. (agreement.account_renamed) */
  accountRenamed(args: At<T.AgreementAccountRenamedArgs>): T.AgreementsBroken;
  /** Applies what the partner did: its answer to an invite, or its deactivation; never a step that is not its own, never a revival. (agreement.partner_update) */
  applyPartnerUpdate(args: At<T.AgreementPartnerUpdateArgs>): T.AgreementChange;
  /** An agent shares a ticket with a partner account under an accepted agreement: the share record and the ticket's marks. (shared_ticket.share) */
  shareTicket(args: At<T.SharedTicketShareArgs>): T.TicketShared;
  /** A ticket arrives from the partner: a new ticket of this account with its own id, marked received from the partner. (shared_ticket.receive) */
  receiveTicket(args: At<T.SharedTicketReceiveArgs>): T.TicketShared;
  /** An agent stops sharing a ticket; refused for a received ticket in an account with only receiving agreements. (shared_ticket.unshare) */
  unshareTicket(args: At<T.SharedTicketUnshareArgs>): T.TicketUnshared;
  /** May these tickets be merged? Never a shared one. (shared_ticket.check_merge) */
  checkMerge(args: T.SharedTicketCheckMergeArgs): T.MergeAllowed;
  /** The status the other copy takes: by category, On-hold as Open, then the custom-status table; only when the agreement syncs status. (shared_ticket.map_status) */
  mapStatus(args: T.SharedTicketMapStatusArgs): T.MappedStatus;
  /** Pairs this account's custom fields with the partner's by title: each synced with its transfer, or skipped with the reason. (shared_ticket.plan_fields) */
  planCustomFields(args: T.SharedTicketPlanFieldsArgs): T.FieldPlan;
  /** The values for the partner's fields: each through the plan, one that does not sync or fit skipped with the reason, the rest unaffected. (shared_ticket.transfer_fields) */
  transferFieldValues(args: T.SharedTicketTransferFieldsArgs): T.FieldTransfer;
  /** What of an update crosses to the partner: comments with their authors as name and role only, attachments, tags; and what stays behind, and why. (shared_ticket.prepare_update) */
  prepareUpdate(args: T.SharedTicketPrepareUpdateArgs): T.PartnerPayload;
  /** What an update from the partner does: comments, placeholder users, tags, and who is notified. (shared_ticket.receive_update) */
  receiveUpdate(args: T.SharedTicketReceiveUpdateArgs): T.ReceivedUpdate;
  /** The request telling the partner where an agreement stands after a step: the invitation (POST) or its status (PUT). (nhd.agreement_request) */
  nhdAgreementRequest(args: T.NhdAgreementRequestArgs): T.NhdRequest;
  /** The request telling the partner of a shared ticket's change: share (POST), update (PUT) or unshare (DELETE), with what crosses; or the body to answer a partner's GET with (read). (nhd.ticket_request) */
  nhdTicketRequest(args: T.NhdTicketRequestArgs): T.TicketRequest;
  /** Reads a partner's request as far as no record is needed: the records to load, or the answer at once. (nhd.route) */
  nhdRoute(args: T.NhdRouteArgs): T.NhdRoute;
  /** Decides a partner's request: the answer, the records to store and the audit events, the first failing check answering. (nhd.receive) */
  nhdReceive(args: At<T.NhdReceiveArgs>): T.NhdDecision;
  // generated:operations:end
  /** Frees the WebAssembly memory of this engine; later calls throw. Freeing twice is harmless. */
  free(): void;
}
