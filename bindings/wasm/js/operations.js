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
];

/** Operations whose binding method is a typed entry point: [op, method]. */
export const TYPED_OPERATIONS = [
  ["link.verify", "verifyLink"],
];

/** The engine's size bounds, in bytes: a longer input is refused by the engine's own
 * answer (`refusal`) before it is copied into WebAssembly memory. */
export const LIMITS = { request: 4194304, config: 65536, token: 512 };
