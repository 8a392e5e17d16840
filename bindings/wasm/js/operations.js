// Generated from the operation table (tests/surface). Do not edit:
// run `UPDATE_SURFACE=1 cargo test --test surface`.

/** Every operation bindings wrap over the JSON call: [op, method]. Operations with a
 * typed entry point of their own (a hot path) are written by hand in engine.js. */
export const OPERATIONS = [
  ["engine.info", "info"],
  ["policy.check", "checkPolicy"],
  ["share.create", "createShare"],
  ["link.check", "checkLink"],
  ["link.open", "openLink"],
  ["code.resend", "resendCode"],
  ["code.check", "checkCode"],
  ["session.check", "checkSession"],
  ["share.view", "view"],
  ["share.reply", "reply"],
  ["share.cancel", "cancelShare"],
  ["share.status", "shareStatus"],
  ["branding.update", "updateBranding"],
  ["agent_sharing.set", "setAgentSharing"],
  ["agent_share.add", "shareWithAgents"],
  ["agent_share.remove", "unshareWithAgent"],
  ["agent.access", "agentAccess"],
  ["reply.schedule", "scheduleReply"],
  ["reply.check", "checkScheduledReply"],
  ["cc.notify", "planNotifications"],
  ["cc.inbound", "decideInboundEmail"],
  ["cc.add", "addCcs"],
  ["follower.add", "addFollowers"],
  ["agreement.invite", "invitePartner"],
  ["agreement.receive", "receiveInvite"],
  ["agreement.accept", "acceptAgreement"],
  ["agreement.decline", "declineAgreement"],
  ["agreement.defer", "deferAgreement"],
  ["agreement.reinvite", "reinvitePartner"],
  ["agreement.deactivate", "deactivateAgreement"],
  ["agreement.account_renamed", "accountRenamed"],
  ["agreement.partner_update", "applyPartnerUpdate"],
  ["shared_ticket.share", "shareTicket"],
  ["shared_ticket.receive", "receiveTicket"],
  ["shared_ticket.unshare", "unshareTicket"],
  ["shared_ticket.check_merge", "checkMerge"],
  ["shared_ticket.map_status", "mapStatus"],
  ["shared_ticket.plan_fields", "planCustomFields"],
  ["shared_ticket.transfer_fields", "transferFieldValues"],
  ["shared_ticket.prepare_update", "prepareUpdate"],
  ["shared_ticket.receive_update", "receiveUpdate"],
  ["nhd.agreement_request", "nhdAgreementRequest"],
  ["nhd.ticket_request", "nhdTicketRequest"],
  ["nhd.route", "nhdRoute"],
  ["nhd.receive", "nhdReceive"],
];

/** Operations whose binding method is a typed entry point: [op, method]. */
export const TYPED_OPERATIONS = [
  ["link.verify", "verifyLink"],
];

/** The engine's size bounds, in bytes: a longer input is refused by the engine's own
 * answer (`refusal`) before it is copied into WebAssembly memory. */
export const LIMITS = { request: 4194304, config: 65536, token: 512 };
