// Generated from the operation table (tests/surface). Do not edit:
// run `UPDATE_SURFACE=1 cargo test --test surface`.

/**
 * The secret the two accounts of an agreement authenticate each other's requests with.
 * Shown as `AccessKey(..)` in debug output, compared in constant time, written as 40
 * hexadecimal characters in the records the host stores.
 */
export type AccessKey = string;

/** How an agent reaches a ticket. */
export type AccessVia = "inbox" | "share" | "none";

/** The account the agent works for: its plan and email branding. */
export type Account = {
  /** The company name used when no branding overrides it. */
  company_name: CompanyName;
  /** The plan, a key of the policy's plan table. */
  plan: string;
  /** The email branding an admin set (EXT-13); used only while the plan includes it. */
  branding?: Branding | null;
};

/**
 * The host's id of an account (a helpdesk instance), the owner of its agreement records.
 *
 * Chosen by the host: 1 to 128 bytes, no control characters, no surrounding spaces.
 */
export type AccountId = string;

/** An account's name as partners see it: 1 to 200 characters, one line. */
export type AccountName = string;

/** Something an agent does on a ticket. */
export type Action = "view" | "edit" | "reply" | "internal_note" | "fields" | "inbox_and_tags" | "schedule_reply" | "forward" | "manage_sharing";

/** One action's verdict. */
export type ActionVerdict = {
  /** The action. */
  action: Action;
  /** Why not, when the action is refused; absent when it is allowed. */
  refusal?: ErrorBody | null;
};

/** An agent acting on the helpdesk: who they are and which role they hold. */
export type Actor = {
  /** The host's id of the agent. */
  id: AgentId;
  /** The agent's role, a key of the policy's role table (`admin`, `team_leader`, `agent`, or a host role). */
  role: string;
  /** Permissions an admin granted this user beyond the role (EXT-02). */
  granted?: Permissions;
  /**
   * The inboxes the agent can open through the host's inbox permissions (AGT-02, AGT-03):
   * a ticket of another inbox is open to the agent only through an agent share.
   */
  inboxes?: Array<InboxId>;
  /**
   * The agent's display name, used in "[Agent name] from [Company name]" (EXT-05): required
   * where an email shows it, refused there when empty.
   */
  name?: string;
};

/** What an agent may do on a ticket: how they reach it, and every action's verdict. */
export type AgentAccess = {
  /** How the agent reaches the ticket. */
  via: AccessVia;
  /** Every action, in the order of `Action`, allowed or refused with its reason. */
  actions: Array<ActionVerdict>;
  /** The share that opens it, when `via` is `share`. */
  share_id?: AgentShareId | null;
};

/** Arguments of `agent.access`. */
export type AgentAccessArgs = {
  /** The agent, with the inboxes they can open. */
  agent: Actor;
  /** The ticket and its inbox. */
  ticket: InboxTicket;
  /** The site setting. */
  settings?: AgentSharingSettings;
  /** The ticket's current shares. */
  shares?: Array<AgentShare>;
};

/**
 * The host's id of an agent (a signed-in user of the helpdesk).
 *
 * Chosen by the host: 1 to 128 bytes, no control characters, no surrounding spaces.
 */
export type AgentId = string;

/**
 * One ticket shared with one agent: the record the host stores while the share lasts, and
 * deletes when it is removed. At most one per agent and ticket.
 */
export type AgentShare = {
  /**
   * The share: a new id each time a ticket is shared with an agent, so a share removed and
   * added again is a different share.
   */
  id: AgentShareId;
  /** The shared ticket. */
  ticket_id: TicketId;
  /** The agent the ticket is shared with. */
  agent_id: AgentId;
  /** The agent or admin who shared it. */
  shared_by: AgentId;
  /** When. */
  shared_at: Timestamp;
};

/** Arguments of `agent_share.add`. */
export type AgentShareAddArgs = {
  /** The agent or admin sharing, with the inboxes they can open. */
  actor: Actor;
  /** The ticket and its inbox. */
  ticket: InboxTicket;
  /** The agents to share it with, with the inboxes they can open. */
  agents: Array<Colleague>;
  /** The current time. */
  now: Now;
  /** The site setting. */
  settings?: AgentSharingSettings;
  /** The ticket's current shares. */
  shares?: Array<AgentShare>;
};

/**
 * Identifies one share of a ticket with an agent of the same account (AGT-02).
 *
 * Made by the engine from injected randomness (a UUID v4), serialised as its hyphenated text.
 */
export type AgentShareId = string;

/** Arguments of `agent_share.remove`. */
export type AgentShareRemoveArgs = {
  /** The agent or admin removing the share, with the inboxes they can open. */
  actor: Actor;
  /** The ticket and its inbox. */
  ticket: InboxTicket;
  /** The share to remove, one of `shares`. */
  share_id: AgentShareId;
  /** The agent it is removed from, with the inboxes they can open now. */
  agent: Colleague;
  /** The ticket's current shares (the one removed among them). */
  shares: Array<AgentShare>;
  /** The current time. */
  now: Now;
  /** The agent's pending scheduled replies on the ticket. */
  pending?: Array<ScheduledReply>;
};

/** A removed share: the record to delete, and the scheduled replies the host must cancel. */
export type AgentShareRemoved = {
  /** The share to delete. */
  removed: AgentShare;
  /**
   * The agent's pending replies on the ticket that were scheduled under this share: cancel
   * them (AGT-07). Replies scheduled under inbox access, or by other agents, are not here.
   */
  cancelled_replies: Array<ScheduledReply>;
  /** Audit events to store. */
  events: Array<AuditEvent>;
};

/**
 * The result of sharing a ticket with agents: the new shares to store, and every agent left
 * out with its reason. Nothing is skipped silently, and no share is ever made twice.
 */
export type AgentSharesAdded = {
  /** The new shares to store, in the order the agents were given. */
  added: Array<AgentShare>;
  /** The agents not added, in the order given. */
  skipped: Array<SkippedAgent>;
  /** Audit events to store. */
  events: Array<AuditEvent>;
};

/** Arguments of `agent_sharing.set`. */
export type AgentSharingSetArgs = {
  /** The admin acting. */
  actor: Actor;
  /** Whether agents may share tickets with other agents. */
  enabled: boolean;
  /** The current time. */
  now: Now;
};

/**
 * The site setting of agent sharing (AGT-01): off until an admin turns it on. While it is off,
 * no ticket can be shared and the shares that exist grant nothing (they come back into force
 * when it is turned on again; removing them is always possible).
 */
export type AgentSharingSettings = {
  /** Whether agents may share tickets with other agents. */
  enabled?: boolean;
};

/** One account's copy of an agreement: the record its host stores. */
export type Agreement = {
  /** The agreement, the same in both copies. */
  id: AgreementId;
  /** The account this copy belongs to. */
  account_id: AccountId;
  /** The key both sides authenticate with. */
  access_key: AccessKey;
  /** Which end this account is. */
  side: Side;
  /** The other end. */
  partner: Party;
  /** The terms (ACC-04). */
  terms: Terms;
  /** Where it stands. */
  status: AgreementStatus;
  /** When this copy was made. */
  created_at: Timestamp;
  /** When its status last changed. */
  updated_at: Timestamp;
  /** Who ended it and how, once it is inactive. */
  ended?: Ending | null;
  /**
   * The key this account derives the ids its people and comments take towards the partner
   * under (ACC-16, NHD-10): derived from the engine's signing key when the copy is made,
   * never sent, so the partner cannot confirm a guessed local id. Absent in copies stored
   * before it existed, whose ids stay derived under the access key (see `docs/agreements.md`).
   */
  id_key?: AccessKey | null;
  /** What the other end is. */
  partner_kind?: PartnerKind;
  /** The record's revision: write it only over `revision - 1` (SEC-02). */
  revision?: Revision;
};

/** Arguments of `agreement.accept`. */
export type AgreementAcceptArgs = {
  /** The admin taking the step. */
  actor: Actor;
  /** The admin's account. */
  account: SharingAccount;
  /** The account's copy of the agreement. */
  agreement: Agreement;
  /** The current time. */
  now: Now;
};

/** Arguments of `agreement.account_renamed`. */
export type AgreementAccountRenamedArgs = {
  /** Who renamed the account. */
  actor: Actor;
  /** The account, under its new name. */
  account: SharingAccount;
  /** The account's agreements. */
  agreements: Array<Agreement>;
  /** The current time. */
  now: Now;
};

/** One step's result: the record to store, what to tell the partner, the audit events. */
export type AgreementChange = {
  /** The agreement after the step. */
  agreement: Agreement;
  /** Audit events to store. */
  events: Array<AuditEvent>;
  /** What the host delivers to the partner, if anything. */
  notice?: PartnerNotice | null;
};

/** Arguments of `agreement.deactivate`. */
export type AgreementDeactivateArgs = {
  /** The admin taking the step. */
  actor: Actor;
  /** The admin's account. */
  account: SharingAccount;
  /** The account's copy of the agreement. */
  agreement: Agreement;
  /** The current time. */
  now: Now;
};

/** Arguments of `agreement.decline`. */
export type AgreementDeclineArgs = {
  /** The admin taking the step. */
  actor: Actor;
  /** The admin's account. */
  account: SharingAccount;
  /** The account's copy of the agreement. */
  agreement: Agreement;
  /** The current time. */
  now: Now;
};

/** Arguments of `agreement.defer`. */
export type AgreementDeferArgs = {
  /** The admin taking the step. */
  actor: Actor;
  /** The admin's account. */
  account: SharingAccount;
  /** The account's copy of the agreement. */
  agreement: Agreement;
  /** The current time. */
  now: Now;
};

/** A step in the life of an agreement. */
export type AgreementEvent = "invite" | "receive" | "auto_decline" | "accept" | "decline" | "defer" | "reinvite" | "deactivate" | "rename";

/**
 * Identifies one sharing agreement; both accounts' copies carry the same id.
 *
 * Made by the engine from injected randomness; 40 hexadecimal characters on the wire.
 */
export type AgreementId = string;

/** Arguments of `agreement.invite`. */
export type AgreementInviteArgs = {
  /** The admin inviting. */
  actor: Actor;
  /** The account inviting. */
  account: SharingAccount;
  /** The partner, what it is, and the terms. */
  offer: Offer;
  /** The current time. */
  now: Now;
  /** The account's agreements. */
  agreements?: Array<Agreement>;
};

/** Arguments of `agreement.partner_update`. */
export type AgreementPartnerUpdateArgs = {
  /** The account. */
  account: SharingAccount;
  /** The account's copy of the agreement. */
  agreement: Agreement;
  /** What the partner says. */
  update: PartnerUpdate;
  /** The current time. */
  now: Now;
};

/** Arguments of `agreement.receive`. */
export type AgreementReceiveArgs = {
  /** The invited account. */
  account: SharingAccount;
  /** The invitation. */
  invitation: Invitation;
  /** The current time. */
  now: Now;
  /** The account's agreements. */
  agreements?: Array<Agreement>;
  /** What the sender is: another instance (the default) or a third-party system. */
  sender_kind?: PartnerKind;
};

/** Arguments of `agreement.reinvite`. */
export type AgreementReinviteArgs = {
  /** The admin inviting again. */
  actor: Actor;
  /** The account inviting. */
  account: SharingAccount;
  /** The declined agreement. */
  agreement: Agreement;
  /** The current time. */
  now: Now;
  /** New terms, if they change. */
  terms?: Terms | null;
};

/** Where an agreement stands (the protocol's statuses). */
export type AgreementStatus = "pending" | "accepted" | "declined" | "inactive";

/** The agreements a rename ended. */
export type AgreementsBroken = {
  /** Every pending or accepted agreement, now inactive, with its notice. */
  changes: Array<AgreementChange>;
};

/** A file attached to an item, by reference: the engine never holds file contents. */
export type Attachment = {
  /** The file name shown. */
  name: string;
  /** The MIME type, e.g. `image/png`. */
  content_type: string;
  /** The size in bytes. */
  size_bytes: number;
  /** The host's reference to the stored file. */
  reference: string;
};

/** What an attachment is. */
export type AttachmentKind = "file" | "call_recording" | "voicemail_recording";

/** Who caused an audit event. */
export type AuditActor =
  /** A signed-in agent of the host. */
  | {
    type: "agent";
    /** The agent's id. */
    id: AgentId;
  }
  /** The external collaborator, known by the address the share went to. */
  | {
    type: "collaborator";
    /** The collaborator's address. */
    email: EmailAddress;
  }
  /** Whoever sent an email that changed the ticket (CCF-05, CCF-09). */
  | {
    type: "email_sender";
    /** The sender's address. */
    email: EmailAddress;
  }
  /** The partner account of a sharing agreement, through the sharing protocol (ACC-06). */
  | {
    type: "partner";
    /** The partner's name. */
    name: AccountName;
  };

/** One thing that happened, to be stored by the host beside the records it changed. */
export type AuditEvent = {
  /** When it happened (the `now` of the operation). */
  at: Timestamp;
  /** Who did it. */
  actor: AuditActor;
  /** What happened. */
  event: AuditKind;
};

/** What happened. */
export type AuditKind =
  /** A ticket thread was shared with a collaborator (EXT-01). */
  | {
    type: "share_created";
    /** The new share. */
    share_id: ShareId;
    /** The shared ticket. */
    ticket_id: TicketId;
    /** The collaborator's address. */
    recipient: EmailAddress;
  }
  /** The agent chose to include customer name and order details (EXT-14). */
  | {
    type: "customer_details_included";
    /** The share. */
    share_id: ShareId;
    /** The ticket whose customer details are exposed. */
    ticket_id: TicketId;
  }
  /** The share needs no code: the address verified for this ticket before (EXT-09). */
  | {
    type: "verification_inherited";
    /** The new share. */
    share_id: ShareId;
    /** The earlier share whose verification carries over. */
    from: ShareId;
  }
  /** A verification code was emailed (EXT-06). */
  | {
    type: "code_sent";
    /** The share. */
    share_id: ShareId;
    /** The new challenge. */
    challenge_id: ChallengeId;
  }
  /** A wrong code was entered (SEC-02). */
  | {
    type: "code_rejected";
    /** The share. */
    share_id: ShareId;
    /** The challenge. */
    challenge_id: ChallengeId;
    /** Wrong codes still allowed before the challenge locks. */
    attempts_left: number;
  }
  /** The challenge locked after too many wrong codes (SEC-02). */
  | {
    type: "challenge_locked";
    /** The share. */
    share_id: ShareId;
    /** The challenge. */
    challenge_id: ChallengeId;
  }
  /** The right code was entered; the collaborator is verified (EXT-06). */
  | {
    type: "code_accepted";
    /** The share. */
    share_id: ShareId;
    /** The challenge. */
    challenge_id: ChallengeId;
  }
  /** The collaborator replied; the reply is an external note (EXT-11). */
  | {
    type: "collaborator_replied";
    /** The share. */
    share_id: ShareId;
    /** The ticket. */
    ticket_id: TicketId;
    /** The new external note. */
    item_id: ItemId;
    /** Whether the collaborator asked for a copy by email. */
    copy_requested: boolean;
  }
  /** An agent cancelled the share; the link is invalid from now on (EXT-10). */
  | {
    type: "share_cancelled";
    /** The share. */
    share_id: ShareId;
    /** The ticket. */
    ticket_id: TicketId;
  }
  /** An admin changed the collaborator email's branding (EXT-13). */
  | {
    type: "branding_updated";
  }
  /** An admin turned agent sharing on or off (AGT-01). */
  | {
    type: "agent_sharing_changed";
    /** Whether sharing is now on. */
    enabled: boolean;
  }
  /** A ticket was shared with an agent (AGT-02). */
  | {
    type: "agent_share_added";
    /** The new share. */
    share_id: AgentShareId;
    /** The ticket. */
    ticket_id: TicketId;
    /** The agent it is shared with. */
    agent_id: AgentId;
  }
  /** An agent's share of a ticket was removed; they can no longer open it (AGT-05, AGT-08). */
  | {
    type: "agent_share_removed";
    /** The removed share. */
    share_id: AgentShareId;
    /** The ticket. */
    ticket_id: TicketId;
    /** The agent who lost access. */
    agent_id: AgentId;
  }
  /** An agent scheduled a reply (AGT-07). */
  | {
    type: "reply_scheduled";
    /** The scheduled reply. */
    reply_id: ScheduledReplyId;
    /** The ticket. */
    ticket_id: TicketId;
    /** The share it was scheduled under, if any. */
    via_share?: AgentShareId | null;
  }
  /** A CC was added to a ticket, from the ticket or by email (CCF-05). */
  | {
    type: "cc_added";
    /** The ticket. */
    ticket_id: TicketId;
    /** The new CC. */
    email: EmailAddress;
  }
  /** A CC was removed: by email (CCF-09), or made a follower from the ticket (CCF-05). */
  | {
    type: "cc_removed";
    /** The ticket. */
    ticket_id: TicketId;
    /** The removed CC. */
    email: EmailAddress;
  }
  /** A follower was added from the ticket (CCF-02). */
  | {
    type: "follower_added";
    /** The ticket. */
    ticket_id: TicketId;
    /** The new follower. */
    email: EmailAddress;
  }
  /**
   * A scheduled reply was cancelled because its author lost the access it was scheduled
   * under (AGT-07).
   */
  | {
    type: "scheduled_reply_cancelled";
    /** The cancelled reply. */
    reply_id: ScheduledReplyId;
    /** The ticket. */
    ticket_id: TicketId;
    /** The reply's author. */
    author: AgentId;
  }
  /** A sharing agreement changed (ACC-01..08): the step and the status it led to. */
  | {
    type: "agreement_changed";
    /** The agreement. */
    agreement_id: AgreementId;
    /** The step. */
    step: AgreementEvent;
    /** The status after it. */
    status: AgreementStatus;
  }
  /** A ticket was shared with a partner account, or arrived from one (ACC-09, ACC-11). */
  | {
    type: "ticket_shared";
    /** The account's own ticket. */
    ticket_id: TicketId;
    /** The shared ticket, the same id on both sides. */
    shared_ticket_id: SharedTicketId;
    /** The agreement it travels under. */
    agreement_id: AgreementId;
    /** Whether it was sent or received. */
    direction: Direction;
  }
  /** A ticket stopped being shared (ACC-12). */
  | {
    type: "ticket_unshared";
    /** The account's own ticket. */
    ticket_id: TicketId;
    /** The shared ticket. */
    shared_ticket_id: SharedTicketId;
  }
  /**
   * The partner of an agreement moved its sharing URL (NHD-07: its own field); requests go
   * to the new one.
   */
  | {
    type: "partner_url_changed";
    /** The agreement. */
    agreement_id: AgreementId;
    /** The partner's new sharing URL. */
    url: HttpsUrl;
  }
  /**
   * A partner's request under a known agreement was refused (NHD-04..08): a wrong key, a
   * step that is not the partner's, a ticket under an agreement not in force.
   */
  | {
    type: "partner_request_refused";
    /** The agreement the request named. */
    agreement_id: AgreementId;
    /** Its method. */
    method: NhdMethod;
    /** What it was about. */
    resource: NhdResource;
    /** The HTTP status it was answered with. */
    status: number;
    /** The reason code. */
    reason: string;
  };

/** The author of an item. */
export type Author = {
  /** What the author is. */
  role: AuthorRole;
  /** The name shown. */
  name: string;
};

/** Who wrote an item. */
export type AuthorRole = "customer" | "agent" | "collaborator" | "system";

/** The collaborator email's branding, validated (EXT-13). */
export type Branding = {
  /** The From name and the "from [Company name]" text. */
  company_name: CompanyName;
  /** The colour of the *View conversation* button. */
  brand_colour?: HexColour | null;
  /** The logo, or none. */
  logo?: Logo | null;
  /** Where a click on the logo leads. */
  logo_url?: HttpsUrl | null;
};

/** The branding form of `branding.update`. */
export type BrandingFormArgs = {
  /** The company name. */
  company_name: string;
  /** The button colour, `#RGB` or `#RRGGBB`. */
  brand_colour?: string | null;
  /** The logo, or none. */
  logo?: LogoArgs | null;
  /** Where a click on the logo leads. */
  logo_url?: string | null;
};

/** Arguments of `branding.update`. */
export type BrandingUpdateArgs = {
  /** The agent acting. */
  actor: Actor;
  /** The agent's account: plan and branding. */
  account: Account;
  /** The admin's branding form. */
  form: BrandingFormArgs;
  /** The current time. */
  now: Now;
};

/** Result of `branding.update`. */
export type BrandingUpdated = {
  /** The validated branding, to store. */
  branding: Branding;
  /** Audit events to store. */
  events: Array<AuditEvent>;
};

/** Who cancelled a share, and when (EXT-10). */
export type Cancellation = {
  /** When. */
  at: Timestamp;
  /** The agent. */
  by: AgentId;
};

/** Arguments of `cc.add`. */
export type CcAddArgs = {
  /** The agent adding them. */
  actor: Actor;
  /** The ticket's people. */
  people: TicketPeople;
  /** The addresses to add, one per string (`Name <address>` allowed). */
  addresses: Array<string>;
  /** The current time. */
  now: Now;
  /** The ticket's comments, for the responses a new CC receives. */
  comments?: Array<CommentRef>;
  /** The staff the host knows among the addresses. */
  known?: Array<Person>;
  /** The account's CC and follower settings. */
  settings?: CcSettings;
};

/** Arguments of `cc.inbound`. */
export type CcInboundArgs = {
  /** The email that replies to a ticket notification. */
  email: InboundEmail;
  /** The ticket's people. */
  people: TicketPeople;
  /** The current time. */
  now: Now;
  /** The ticket's comments, for the responses a new CC receives. */
  comments?: Array<CommentRef>;
  /** The staff (agents, light agents) the host knows among the email's addresses. */
  known?: Array<Person>;
  /** The account's CC and follower settings. */
  settings?: CcSettings;
};

/** Arguments of `cc.notify`. */
export type CcNotifyArgs = {
  /** The ticket's people. */
  people: TicketPeople;
  /** The update: public comment or internal note, and its author. */
  update: TicketUpdate;
  /** The email action of the trigger that fires. */
  action: TriggerAction;
  /** The account's CC and follower settings. */
  settings?: CcSettings;
};

/**
 * The account's CC and follower settings (host data; seed 004, "Configuring CCs and
 * followers permissions").
 */
export type CcSettings = {
  /**
   * Addresses and domains that never become CCs or followers (CCF-07): `ana@example.com`,
   * `example.com` (and its subdomains) or `@example.com`.
   */
  blocklist?: Array<string>;
  /** Whether CCs are on (default): off, nobody becomes a CC and CCs are not emailed. */
  ccs_enabled?: boolean;
  /** Whether followers are on (default): off, followers are not emailed nor added. */
  followers_enabled?: boolean;
  /** The most CCs a ticket has (CCF-12): 48 by default, 1 to 1000. */
  max_ccs?: number;
  /** The helpdesk's own addresses (support@...): never a CC, never a third party. */
  support_addresses?: Array<EmailAddress>;
};

/** CCs added from the ticket. */
export type CcsAdded = {
  /** The new CCs to store. */
  added: Array<NewCc>;
  /**
   * The ticket's public responses, in order, to send each new CC (CCF-10); empty when no
   * CC is added.
   */
  send_items: Array<ItemId>;
  /** The addresses that are on the ticket already (requester, CC or follower): unchanged. */
  unchanged: Array<EmailAddress>;
  /** Audit events to store. */
  events: Array<AuditEvent>;
};

/**
 * Identifies one email verification challenge.
 *
 * Made by the engine from injected randomness (a UUID v4), serialised as its hyphenated text.
 */
export type ChallengeId = string;

/** Where a challenge stands. */
export type ChallengeState = "pending" | "locked" | "accepted";

/** One verification challenge: the record the host stores (never the code itself). */
export type CodeChallenge = {
  /** The challenge. */
  id: ChallengeId;
  /** The share it verifies. */
  share_id: ShareId;
  /** The key that hashed the code. */
  key_id: KeyId;
  /** HMAC of the code. */
  code_hash: CodeHash;
  /** When the code was sent. */
  sent_at: Timestamp;
  /** The first instant at which the code is no longer accepted. */
  expires_at: Timestamp;
  /** Wrong codes entered for this challenge. */
  wrong_attempts: number;
  /** Where the challenge stands. */
  state: ChallengeState;
  /** Sends for this share within the last hour, oldest first, this one last. */
  recent_sends: Array<Timestamp>;
  /**
   * The record's revision: the host keeps one challenge per share, and writes a new or
   * changed one only over `revision - 1` (SEC-02).
   */
  revision?: Revision;
};

/** Arguments of `code.check`. */
export type CodeCheckArgs = {
  /** The link token. */
  token: string;
  /** The share record, as stored. */
  share: ExternalShare;
  /** The share's current code challenge, as stored. */
  challenge: CodeChallenge;
  /** The code the collaborator entered. */
  code: string;
  /** The current time. */
  now: Now;
};

/** The result of entering a code. Both outcomes change records: store them. */
export type CodeChecked =
  /** The right code: the collaborator is verified and gets a session. */
  | {
    outcome: "accepted";
    /** The share, now verified. */
    share: ExternalShare;
    /** The challenge, now used. */
    challenge: CodeChallenge;
    /** The session token (SEC-08). */
    session_token: string;
    /** When the session ends (never after the link). */
    session_expires_at: Timestamp;
    /**
     * The verified-device token (EXT-09): keep it in a cookie of this browser
     * (`HttpOnly`, `Secure`, `SameSite=Lax`, until `device_expires_at`) and pass it to
     * `link.open`; a re-share to the same address then opens without a code in this
     * browser, and only in it.
     */
    device_token: string;
    /** When the device token expires. */
    device_expires_at: Timestamp;
    /** Audit events to store. */
    events: Array<AuditEvent>;
  }
  /** A wrong code: one try counted. */
  | {
    outcome: "rejected";
    /** The share with one more wrong code in a row (SEC-02): store it with the challenge. */
    share: ExternalShare;
    /** The challenge with the try counted. */
    challenge: CodeChallenge;
    /** Wrong codes still allowed; 0 means the challenge is locked. */
    attempts_left: number;
    /** Audit events to store. */
    events: Array<AuditEvent>;
  };

/** Verification code settings (SEC-02). Defaults are the catalogue's decisions. */
export type CodeConfig = {
  /** Digits per code: 6 to 9 (6 digits is about 20 bits). */
  digits?: number;
  /**
   * Wrong codes in a row, across challenges of one share, after which no code is sent or
   * accepted until an agent shares again: 50 by default, always under 100 (NIST's cap).
   */
  max_failures_in_a_row?: number;
  /** Sends allowed per share within any hour: 5 by default (1 to 20). */
  max_sends_per_hour?: number;
  /** The wrong code that locks the challenge: 5 by default (1 to 10). */
  max_wrong_attempts?: number;
  /** The least time between two sends: 60 s by default. */
  resend_cooldown_seconds?: Seconds;
  /** How long a code lives: at most 600 s (NIST SP 800-63B), 600 s by default. */
  ttl_seconds?: Seconds;
};

/** A keyed hash of a code (HMAC-SHA256), serialised as unpadded base64url. */
export type CodeHash = string;

/** Arguments of `code.resend`: those of `link.open`. */
export type CodeResendArgs = LinkOpenArgs;

/** A new code on request: store the challenge, send the email. */
export type CodeSent = {
  /** The new challenge, replacing the earlier one. */
  challenge: CodeChallenge;
  /** The code email. */
  email: EmailMessage;
  /** Audit events to store. */
  events: Array<AuditEvent>;
};

/** Where the share's current code stands, as the collaborator's code page shows it. */
export type CodeState = "pending" | "expired" | "locked" | "used";

/** The current code, for the collaborator's page. */
export type CodeStatus = {
  /** Where it stands. */
  state: CodeState;
  /** When it stops being accepted. */
  expires_at: Timestamp;
  /** Wrong codes it still takes (0 when it is not pending). */
  attempts_left: number;
};

/** What the collaborator sends back (EXT-11). */
export type CollaboratorReply = {
  /** The text: formatted text and hyperlinks in the host's editor format. */
  body: string;
  /** Files, by reference. */
  attachments?: Array<Attachment>;
  /** Whether the collaborator wants a copy by email. */
  send_copy?: boolean;
};

/**
 * An agent a ticket is shared with, as the host knows them: their id and the inboxes they can
 * open through inbox permissions.
 */
export type Colleague = {
  /** The agent. */
  id: AgentId;
  /** The inboxes the agent can open. */
  inboxes?: Array<InboxId>;
};

/** A comment of the ticket, as CCF-10 needs it: its id and whether the requester saw it. */
export type CommentRef = {
  /** The host's id of the comment. */
  id: ItemId;
  /** Whether it is a public response (sent to the requester), not an internal note. */
  public: boolean;
};

/** The comment permission of an agreement (ACC-04). */
export type CommentTerms = "public_and_private" | "private_only";

/** Whether the reply becomes a public comment or an internal note. */
export type CommentVisibility = "public" | "private";

/** A company name: 1 to 100 characters, one line, no control characters. */
export type CompanyName = string;

/** One custom status of an account. */
export type CustomStatus = {
  /** The host's id. */
  id: StatusId;
  /** Its category. */
  category: StatusCategory;
  /** Whether it is its category's default. */
  default?: boolean;
};

/**
 * What the host knows of the customer. A collaborator sees name and orders only when the share
 * included them (EXT-07), and the contact details never (EXT-12).
 */
export type CustomerDetails = {
  /** The customer's name. */
  name: string;
  /** The customer's email address: never shown to a collaborator. */
  email?: string | null;
  /** The customer's orders. */
  orders?: Array<OrderDetails>;
  /** The customer's phone number: never shown to a collaborator. */
  phone?: string | null;
};

/** Whether this account sent a shared ticket or received it. */
export type Direction = "sent" | "received";

/**
 * An email address, trimmed, compared case-insensitively (EXT-09).
 *
 * **Decision:** only ASCII addresses of the common form `local@domain.tld` are accepted;
 * internationalised addresses must reach the engine in their ASCII (punycode) form.
 */
export type EmailAddress = string;

/** An email for the host to send. */
export type EmailMessage = {
  /** The recipient. */
  to: EmailAddress;
  /**
   * The From display name: the company name (EXT-13), as text. Give it to a mail library
   * as the address's name (Python's `email.headerregistry.Address`, Django's
   * `formataddr`), or write `from_display` into the header: never this text raw.
   */
  from_name: string;
  /**
   * The same name as an RFC 5322 display-name, ready for `From: <this> <noreply@...>`:
   * a quoted-string when it is ASCII, RFC 2047 encoded-words (UTF-8, base64) when not.
   */
  from_display: string;
  /** The subject line. */
  subject: string;
  /** The plain-text body. */
  text_body: string;
  /** The HTML body, every value escaped. */
  html_body: string;
};

/** Why an agreement ended. */
export type EndCause = "deactivated" | "account_renamed";

/** Who ended an agreement, and how. */
export type Ending = {
  /** The side that ended it. */
  by: Side;
  /** Deactivation or rename. */
  cause: EndCause;
};

/** Everything an [`crate::Engine`] is built from. */
export type EngineConfig = {
  /** Signing keys (SEC-01, SEC-07). */
  keyring: KeyringConfig;
  /**
   * Where the collaborator's page lives; the token is a path segment under it:
   * `https://help.example.com/shared/` and `https://help.example.com/shared` both give
   * `https://help.example.com/shared/<token>`, `https://help.example.com` gives
   * `https://help.example.com/<token>`. No query or fragment. `http` only on a loopback
   * host (`http://127.0.0.1:8000/shared/`, a developer's machine).
   */
  view_url: ViewUrl;
  /** Verification code settings (SEC-02). */
  codes?: CodeConfig;
  /** Link and session lifetimes. */
  links?: LinkConfig;
  /** Partner accounts of sharing agreements (NHD-10). */
  partners?: PartnerConfig;
  /** Roles and plans (EXT-02, EXT-03). */
  policy?: Policy;
};

/** What `engine.info` returns. */
export type EngineInfo = {
  /** The newest request version understood. */
  api_version: number;
  /** The library version. */
  library_version: string;
  /** Every operation. */
  operations: Array<string>;
  /** Every reason code with its number, public category and family. */
  reasons: Array<ReasonInfo>;
};

/** Arguments of `engine.info`: none. */
export type EngineInfoArgs = Record<string, never>;

/**
 * A refusal as JSON: the error object of a response, and of every refusal a result reports
 * (an agent not added, an address not made a CC). An [`Error`] serialises as this.
 */
export type ErrorBody = {
  /** The stable reason code. */
  code: string;
  /** The public category, safe to show the collaborator. */
  category: PublicCategory;
  /** The detail for logs. */
  message: string;
};

/** Why an external note was added. */
export type ExternalNotePurpose = "shared" | "collaborator_reply" | "link_invalidated";

/** One share of a ticket thread with one collaborator: the record the host stores. */
export type ExternalShare = {
  /** The share. */
  id: ShareId;
  /** The shared ticket. */
  ticket_id: TicketId;
  /** The agent who shared. */
  shared_by: AgentId;
  /** The collaborator. */
  recipient: EmailAddress;
  /**
   * The email's subject: checked again when the record comes back, as when it was made (a
   * line break from a tampered database would otherwise reach an email header).
   */
  subject: string;
  /** The agent's message, checked again when the record comes back. */
  message: string;
  /** Whether customer name and order details are shown. */
  include_customer_details: boolean;
  /** When it was shared. */
  shared_at: Timestamp;
  /** The first instant at which the link is refused as expired (EXT-08). */
  expires_at: Timestamp;
  /** Whether a code is still needed. */
  verification: Verification;
  /** Set once an agent cancelled it. */
  cancellation?: Cancellation | null;
  /**
   * Wrong codes in a row for this collaborator and ticket (SEC-02): carried over to a
   * re-share to the same address, reset only by a right code.
   */
  failures_in_a_row?: number;
  /** The record's revision: write it only over `revision - 1` (SEC-02). */
  revision?: Revision;
};

/** A ticket field of an account (host data). */
export type FieldDef = {
  /** The host's id. */
  id: FieldId;
  /** The title fields pair by. */
  title: string;
  /** The data type. */
  type: FieldType;
  /** Whether it is on the account's default ticket form. */
  on_default_form?: boolean;
  /** The options of a drop-down or multi-select field. */
  options?: Array<FieldOption>;
  /** Whether it is a system field (subject, priority, ...), which never syncs. */
  system?: boolean;
};

/**
 * The host's id of a ticket field (ACC-20).
 *
 * Chosen by the host: 1 to 128 bytes, no control characters, no surrounding spaces.
 */
export type FieldId = string;

/** One option of a drop-down or multi-select field. */
export type FieldOption = {
  /** The tag stored for it: what must match between the accounts. */
  tag: string;
  /** The label agents see. */
  name?: string | null;
};

/** The verdict for one field of the account the values come from. */
export type FieldPairing = {
  /** The field. */
  field_id: FieldId;
  /** The other account's field it pairs with, when there is one. */
  counterpart?: FieldId | null;
  /** Why it does not sync, when it does not. */
  skipped?: FieldSkip | null;
  /** How values transfer, when it syncs. */
  transfer?: Transfer | null;
};

/** A verdict for every field of the account the values come from, in its order. */
export type FieldPlan = {
  /** One verdict per field. */
  fields: Array<FieldPairing>;
};

/** Why a field, or one value, does not sync. */
export type FieldSkip = "system_field" | "same_title_twice" | "no_counterpart" | "types_incompatible" | "option_tags_differ" | "not_on_default_form" | "value_does_not_fit";

/**
 * The values for the other side, keyed by its fields, and the ones that do not cross. The
 * other side stores them without an audit event (ACC-20).
 */
export type FieldTransfer = {
  /** The values, keyed by the other side's fields. */
  values: Array<FieldValueOf>;
  /** The values that do not cross. */
  skipped: Array<SkippedValue>;
};

/** The data type of a ticket field. */
export type FieldType = "text" | "textarea" | "checkbox" | "date" | "integer" | "decimal" | "regexp" | "credit_card" | "dropdown" | "multiselect" | "lookup";

/**
 * A field's value: nothing (cleared), yes or no, a number, text (a date, a tag) or a list
 * of tags.
 */
export type FieldValue = null | boolean | number | string | Array<string>;

/** A value and the field it belongs to. */
export type FieldValueOf = {
  /** The field. */
  field_id: FieldId;
  /** Its value. */
  value: FieldValue;
};

/** Arguments of `follower.add`. */
export type FollowerAddArgs = {
  /** The agent adding them. */
  actor: Actor;
  /** The ticket's people. */
  people: TicketPeople;
  /** The agents to add as followers. */
  followers: Array<Person>;
  /** The current time. */
  now: Now;
  /** The account's CC and follower settings. */
  settings?: CcSettings;
};

/** Followers added from the ticket. */
export type FollowersAdded = {
  /** The new followers to store. */
  added: Array<Person>;
  /** CCs who became followers: remove them as CCs (CCF-05: a person holds one role). */
  removed_ccs: Array<EmailAddress>;
  /** The people who follow the ticket already: unchanged. */
  unchanged: Array<EmailAddress>;
  /** Audit events to store. */
  events: Array<AuditEvent>;
};

/** A brand colour as a hex code: `#RGB` or `#RRGGBB`. */
export type HexColour = string;

/** An absolute `https` URL (no `javascript:`, `data:`, relative or credentialed URLs). */
export type HttpsUrl = string;

/** An address of the email that changes nothing, and why. */
export type IgnoredAddress = {
  /** The address. */
  email: EmailAddress;
  /**
   * Why it did not become a CC: `ccs_disabled`, `cannot_add_ccs`, `address_blocklisted`,
   * `cc_limit_reached`, or `already_follower` (a follower stays a follower, CCF-05).
   */
  refusal: ErrorBody;
};

/** What an email reply does to the ticket. */
export type InboundDecision = {
  /** Who sent it. */
  sender: SenderRole;
  /** Public comment or internal note. */
  comment: CommentVisibility;
  /**
   * The rule that decided it: `CCF-03` (a follower), `CCF-05` (a light agent), `CCF-06`
   * (Reply or Reply all) or `CCF-08` (a third party).
   */
  rule: string;
  /** Whether the ticket shows the third-party warning (CCF-08). */
  third_party_warning: boolean;
  /** The new CCs (CCF-05). */
  new_ccs: Array<NewCc>;
  /**
   * The ticket's public responses, in order, to send each new CC (CCF-10), listed once;
   * empty when no CC is added.
   */
  send_items: Array<ItemId>;
  /** The CCs the email removes (CCF-09). */
  removed_ccs: Array<EmailAddress>;
  /** The addresses that became no CC, with the reason. */
  ignored: Array<IgnoredAddress>;
  /**
   * The addresses the engine cannot read, each reported alone; the others are decided as
   * usual (CCF-12).
   */
  unreadable: Array<UnreadableAddress>;
  /** Audit events to store. */
  events: Array<AuditEvent>;
};

/**
 * An email that replies to a ticket notification, its addresses as the host read them from
 * the headers: one string per address, `Name <address>` forms allowed.
 */
export type InboundEmail = {
  /** The sender. */
  from: string;
  /** The CC recipients. */
  cc?: Array<string>;
  /** The To recipients. */
  to?: Array<string>;
};

/**
 * The host's id of an inbox (a group of tickets agents get access to as a whole).
 *
 * Chosen by the host: 1 to 128 bytes, no control characters, no surrounding spaces.
 */
export type InboxId = string;

/** A ticket as agent sharing sees it: its id and the inbox it belongs to. */
export type InboxTicket = {
  /** The ticket. */
  id: TicketId;
  /** The inbox it belongs to. */
  inbox_id: InboxId;
};

/** An update of a shared ticket from the partner. */
export type IncomingUpdate = {
  /** New comments. */
  comments?: Array<SharedComment>;
  /** The ticket's requester, when the ticket first arrives. */
  requester?: SharedActor | null;
  /** The ticket's tags, when they changed. */
  tags?: Array<string> | null;
};

/** An invitation, as the sender sends it and the receiver reads it. */
export type Invitation = {
  /** The agreement. */
  agreement_id: AgreementId;
  /** The key both sides will authenticate with. */
  access_key: AccessKey;
  /** The inviting account. */
  sender: Party;
  /** The invited account's sharing URL. */
  receiver_url: HttpsUrl;
  /** The terms offered. */
  terms: Terms;
};

/** What the receiving engine makes of an invitation. */
export type InviteReceived = {
  /** Whether to tell the account's admins; never for an opted-out account. */
  notify_admins: boolean;
  /** Audit events to store. */
  events: Array<AuditEvent>;
  /** The copy to store, pending for the admins; none when the account opted out (ACC-05). */
  agreement?: Agreement | null;
  /** The answer for the sender, if any: an ordinary decline for an opted-out account. */
  notice?: PartnerNotice | null;
};

/**
 * The host's id of one item (message or note) of a ticket thread.
 *
 * Chosen by the host: 1 to 128 bytes, no control characters, no surrounding spaces.
 */
export type ItemId = string;

/**
 * What kind of item of a ticket thread.
 *
 * Read through [`ItemKindRecord`]: the same JSON, without serde's buffering of internally
 * tagged enums (a sizeable part of the WebAssembly build).
 */
export type ItemKind =
  /** A message from the customer. */
  | {
    type: "incoming";
  }
  /** A message to the customer. */
  | {
    type: "outgoing";
  }
  /** A note between agents; never shown to a collaborator (EXT-07). */
  | {
    type: "internal_note";
  }
  /** A note tied to one external share: the share itself, a collaborator reply, a cancellation. */
  | {
    type: "external_note";
    /** The share the note belongs to. */
    share_id: ShareId;
    /** Why the note exists. */
    purpose: ExternalNotePurpose;
  };

/**
 * One key of the keyring as configured: an id and the secret as unpadded base64url.
 *
 * The secret is wiped from memory when the value is dropped and never printed.
 */
export type KeyConfig = {
  /** The key's id, carried in every token it signs. */
  id: KeyId;
  /** At least 32 random bytes, as unpadded base64url. */
  secret: string;
};

/** The id of a signing key in the keyring; carried in every token (SEC-01). */
export type KeyId = number;

/** The keyring as configured. */
export type KeyringConfig = {
  /** The id of the key that signs new tokens. */
  active: KeyId;
  /** Every key: the active one and older verify-only ones. */
  keys: Array<KeyConfig>;
};

/** Arguments of `link.check`. */
export type LinkCheckArgs = {
  /** The link token. */
  token: string;
  /** The share record, as stored. */
  share: ExternalShare;
  /** The current time. */
  now: Now;
};

/** Link and session lifetimes. */
export type LinkConfig = {
  /** How long a verified-device token lives (EXT-09): 30 days. */
  device_ttl_seconds?: Seconds;
  /** How long a link lives after it was shared (EXT-08): 72 h by default. */
  link_ttl_seconds?: Seconds;
  /** How long a session lives after a verified code (SEC-08), never past the link: 1 h. */
  session_ttl_seconds?: Seconds;
};

/** Arguments of `link.open`. */
export type LinkOpenArgs = {
  /** The link token. */
  token: string;
  /** The share record, as stored. */
  share: ExternalShare;
  /** The agent's account: plan and branding. */
  account: Account;
  /** The current time. */
  now: Now;
  /** The share's current code challenge, as stored, if any. */
  challenge?: CodeChallenge | null;
  /** The verified-device token this browser sent (its cookie), if any (EXT-09). */
  device_token?: string | null;
};

/** What opening a link leads to. Opening never changes a record but for sending a code (SEC-05). */
export type LinkOpened =
  /** No code needed: here is a session (EXT-09). */
  | {
    outcome: "verified";
    /** The session token. */
    session_token: string;
    /** When the session ends. */
    session_expires_at: Timestamp;
  }
  /** A code was emailed: store the challenge, send the email. */
  | {
    outcome: "code_sent";
    /** The new challenge, replacing any earlier one. */
    challenge: CodeChallenge;
    /** The code email. */
    email: EmailMessage;
    /** Audit events to store. */
    events: Array<AuditEvent>;
  }
  /** A code sent earlier is still valid: show the code form, send nothing. */
  | {
    outcome: "code_pending";
    /** The pending challenge. */
    challenge_id: ChallengeId;
    /** When its code expires. */
    expires_at: Timestamp;
  };

/** Arguments of `link.verify`. */
export type LinkVerifyArgs = {
  /** The link token. */
  token: string;
  /** The current time. */
  now: Now;
};

/** An attachment of a comment of the account. */
export type LocalAttachment = {
  /** The host's id. */
  id: ItemId;
  /** Its file name. */
  filename: string;
  /** Its media type. */
  content_type: string;
  /** Where the partner may fetch it. */
  url: HttpsUrl;
  /** File or recording. */
  kind?: AttachmentKind;
  /** A voicemail's transcription: crosses as text (ACC-17). */
  transcription?: string | null;
};

/** A comment of the account's copy. */
export type LocalComment = {
  /** The host's id. */
  id: ItemId;
  /** Its author. */
  author: LocalUser;
  /** Its text. */
  body: string;
  /** Public (the requester sees it) or private. */
  public: boolean;
  /** When it was written. */
  created_at: Timestamp;
  /** Its attachments. */
  attachments?: Array<LocalAttachment>;
};

/** A tag of the account's copy. */
export type LocalTag = {
  /** The tag. */
  name: string;
  /** Whether a business rule (trigger, automation) added it: never synced (ACC-19). */
  by_rule?: boolean;
};

/** A ticket as account sharing sees it: its id, its status category and its share records. */
export type LocalTicket = {
  /** The ticket. */
  id: TicketId;
  /** Its status category. */
  status: StatusCategory;
  /** Its share records, past and present. */
  shares?: Array<TicketShare>;
};

/** A change of the account's copy to send to the partner. */
export type LocalUpdate = {
  /** New comments. */
  comments?: Array<LocalComment>;
  /** The ticket's tags, when they changed. */
  tags?: Array<LocalTag> | null;
};

/** A person of the account, as its host knows them. */
export type LocalUser = {
  /** The host's id. */
  id: UserId;
  /** Their name: the only thing of theirs that crosses. */
  name: string;
  /** Their address: never crosses (ACC-16). */
  email?: EmailAddress | null;
  /** Their organisation: never crosses (ACC-16). */
  organization?: string | null;
  /** Their phone number: never crosses (ACC-16). */
  phone?: string | null;
  /** End user, agent or light agent. */
  role?: PersonRole;
};

/** A validated logo: where the host serves it, and its size read from the image bytes. */
export type Logo = {
  /** Where the host serves the image. */
  image_url: HttpsUrl;
  /** Width in pixels (1 to 250, checked again when the record comes back). */
  width: number;
  /** Height in pixels (1 to 100, checked again when the record comes back). */
  height: number;
};

/** A logo in `branding.update`: the image as standard base64 and where it is served. */
export type LogoArgs = {
  /** The image file, as standard (padded) base64. */
  image_base64: string;
  /** Where the host serves the image. */
  image_url: string;
};

/** A mapped status and the row of the table that gave it. */
export type MappedStatus = {
  /** The target account's status. */
  status: TicketStatus;
  /** The row of the table. */
  case: MappingCase;
};

/** Which row of the mapping table applied. */
export type MappingCase = "neither" | "source_only" | "target_only" | "both";

/** A merge that may go ahead (a refusal is an error: `shared_ticket_unmergeable`). */
export type MergeAllowed = {
  /** Always true. */
  allowed: boolean;
};

/**
 * A new CC. The public responses since the ticket was created, which each new CC receives
 * (CCF-10), are listed once beside the new CCs (`send_items`), not copied into each.
 */
export type NewCc = {
  /** The person to add as a CC. */
  person: Person;
};

/** A comment to add to the account's copy. */
export type NewComment = {
  /** Its id from the partner. */
  id: SharedCommentId;
  /** Its author: the placeholder of this partner person. */
  author: SharedUserId;
  /** Its text. */
  body: string;
  /** Public or private. */
  public: boolean;
  /**
   * Whether it arrived public and is kept private: the receiver comments privately under
   * *private comments only* (ACC-14).
   */
  made_private: boolean;
  /** When it was written. */
  authored_at: Timestamp;
  /** Its attachments. */
  attachments: Array<SharedAttachment>;
};

/** A placeholder end user to create for a person of the partner (ACC-16). */
export type NewPlaceholder = {
  /** The person's id from the partner: the placeholder's key, with the agreement. */
  partner_user: SharedUserId;
  /** Their name. */
  name: string;
  /** Always an end user, whatever they are on the partner's side. */
  role: PersonRole;
};

/** A person, as the protocol names them (`current_actor`, `requester`, an author). */
export type NhdActor = {
  /**
   * Their name; empty when the partner sent none (`null` or absent, as the gem may): the
   * host shows a placeholder (NHD-09).
   */
  name?: string | null;
  /** `agent` or `user`, as the sending side says. */
  role?: string | null;
  /** Their id towards the partner. */
  uuid?: SharedUserId | null;
};

/** Arguments of `nhd.agreement_request`. */
export type NhdAgreementRequestArgs = {
  /** The account. */
  account: SharingAccount;
  /** The account's copy of the agreement, after the step. */
  agreement: Agreement;
  /** Who took the step: crosses as an id, a name and a role. */
  actor?: LocalUser | null;
};

/** The answer the host sends back to the partner. */
export type NhdAnswer = {
  /** The HTTP status. */
  status: number;
  /** The headers to set, by name. */
  headers: { [key: string]: string };
  /** The body, when there is one: a refusal's is `{"error": {code, category, message}}`. */
  body?: string | null;
};

/** An attachment of a comment. */
export type NhdAttachment = {
  /** Where to fetch it. */
  url: string;
  /** Its media type. */
  content_type?: string | null;
  /** The name to show. */
  display_filename?: string | null;
  /** Its file name; when a partner sends none, the last segment of the URL's path (NHD-09). */
  filename?: string | null;
};

/** A comment of a ticket. */
export type NhdComment = {
  /** Its attachments (`null` reads as none). */
  attachments?: Array<NhdAttachment> | null;
  /** Its author. */
  author?: NhdActor | null;
  /** When it was written. */
  authored_at?: NhdTime | null;
  /** Its text (`null` reads as empty). */
  body?: string | null;
  /** Custom-field values set with it, by field title. */
  custom_fields?: { [key: string]: NhdFieldValue } | null;
  /** Its HTML, when the sender has one. */
  html_body?: string | null;
  /** Public (true when absent or null) or private. */
  public?: boolean;
  /** The comment. */
  uuid?: SharedCommentId | null;
};

/** The decision on a partner's request. */
export type NhdDecision = {
  /** The answer to send. */
  answer: NhdAnswer;
  /** The rule that decided: `NHD-04` for a wrong key, `ACC-11` for a ticket received, ... */
  rule: string;
  /** Audit events to store. */
  events: Array<AuditEvent>;
  /** What to store, when the request was accepted. */
  outcome?: NhdOutcome | null;
};

/**
 * A custom field's value as a partner sent it (NHD-09, ACC-20): one the engine carries, or
 * one it cannot (a list of numbers, an object), which is withheld alone while the rest of the
 * ticket syncs. The engine never writes an unreadable value.
 */
export type NhdFieldValue = FieldValue | unknown;

/** The records to load before [`crate::engine::Engine::nhd_receive`] decides. */
export type NhdLoad = {
  /** Agreement or ticket. */
  resource: NhdResource;
  /** The method. */
  method: NhdMethod;
  /** The agreement to load, if the account has it: the URI's, or the token's for a ticket. */
  agreement_id: AgreementId;
  /** Whether the request may create a ticket (`POST /tickets`): pass `new_ticket_id`. */
  creates_ticket: boolean;
  /** The shared ticket whose share record to load, for a ticket. */
  shared_ticket_id?: SharedTicketId | null;
};

/** An HTTP method of the protocol. */
export type NhdMethod = "GET" | "POST" | "PUT" | "DELETE";

/** What the host stores after answering. */
export type NhdOutcome =
  /** An invitation arrived (ACC-01, ACC-05, ACC-08). */
  | {
    kind: "invite_received";
    /** Whether to tell the account's admins. */
    notify_admins: boolean;
    /** The copy to store; none when the account opted out. */
    agreement?: Agreement | null;
    /** A request to send once answered: an opted-out account's decline. */
    reply?: NhdRequest | null;
  }
  /** The partner changed the agreement (ACC-06, NHD-07). */
  | {
    kind: "agreement_changed";
    /** The copy to store. */
    agreement: Agreement;
  }
  /** A ticket arrived (ACC-11): create it as `share.ticket_id`. */
  | {
    kind: "ticket_received";
    /** The share record to store. */
    share: TicketShare;
    /** The new ticket's marks (ACC-21). */
    marks: TicketMarks;
    /** What it carries. */
    arrival: TicketArrival;
  }
  /** The partner updated a shared ticket. */
  | {
    kind: "ticket_updated";
    /** The share record. */
    share: TicketShare;
    /** What it carries. */
    arrival: TicketArrival;
  }
  /**
   * The partner reads the ticket: answer with its body, as `nhd.ticket_request` writes it
   * for a share.
   */
  | {
    kind: "ticket_read";
    /** The share record. */
    share: TicketShare;
  }
  /** The partner stopped sharing the ticket (NHD-08). */
  | {
    kind: "ticket_unshared";
    /** The share record, now ended. */
    share: TicketShare;
  };

/** What the host hands in with a partner's request: the records [`super::NhdLoad`] named. */
export type NhdReceive = {
  /** The account the request came to. */
  account: SharingAccount;
  /** The request, as received. */
  request: PartnerRequest;
  /** The current time. */
  now: Now;
  /** The agreement the route named, when the account has it. */
  agreement?: Agreement | null;
  /** The id the host gives a ticket that arrives (`POST /tickets`). */
  new_ticket_id?: TicketId | null;
  /** The placeholders made so far for the partner's people (ACC-16). */
  placeholders?: Array<Placeholder>;
  /**
   * The ids of the partner's comments this ticket holds already, so that a replayed update is
   * reported as a duplicate and never delivered twice (NHD-10). Empty for a new ticket.
   */
  received_comments?: Array<SharedCommentId>;
  /** What an inviting partner is: another instance (the default) or a third-party system. */
  sender_kind?: PartnerKind;
  /** The share record of the ticket the route named, when the account has one. */
  share?: TicketShare | null;
};

/** Arguments of `nhd.receive`: the request and the records its route named. */
export type NhdReceiveArgs = NhdReceive;

/** A request for the host to send to the partner, exactly as written. */
export type NhdRequest = {
  /** The method. */
  method: NhdMethod;
  /**
   * The absolute URL: the partner's sharing URL, then `/agreements/<uuid>` or
   * `/tickets/<uuid>`.
   */
  url: string;
  /** The headers, by name. */
  headers: { [key: string]: string };
  /** The JSON body, when the method has one. */
  body?: string | null;
};

/** What a partner's request is about. */
export type NhdResource = "agreement" | "ticket";

/** What [`crate::engine::Engine::nhd_route`] says: load records, or answer at once. */
export type NhdRoute =
  /** Load these records, then call `nhd.receive`. */
  | NhdLoad
  /** Answer the partner with this; nothing to store. */
  | {
    kind: "answer";
    /** The answer. */
    answer: NhdAnswer;
    /** The rule that refused. */
    rule: string;
  };

/** Arguments of `nhd.route`. */
export type NhdRouteArgs = {
  /** The request, as received. */
  request: PartnerRequest;
};

/**
 * A ticket on the wire: every field but the uuid may be absent (an update carries what
 * changed).
 */
export type NhdTicket = {
  /** The shared ticket. */
  uuid: SharedTicketId;
  /** Its new comments (`null` reads as none). */
  comments?: Array<NhdComment> | null;
  /** Who made the change. */
  current_actor?: NhdActor | null;
  /** Custom-field values, by field title. */
  custom_fields?: { [key: string]: NhdFieldValue } | null;
  /** Its custom status, when the sender has them. */
  custom_status?: string | null;
  /** The sender's own id of the ticket. */
  original_id?: string | null;
  /** When it was requested. */
  requested_at?: NhdTime | null;
  /** Its requester. */
  requester?: NhdActor | null;
  /** Its status, in the protocol's vocabulary (host data, ACC-13). */
  status?: string | null;
  /** Its subject. */
  subject?: string | null;
  /** Its tags, when they sync and changed. */
  tags?: Array<string> | null;
};

/** Arguments of `nhd.ticket_request`. */
export type NhdTicketRequestArgs = {
  /** The agreement the ticket travels under. */
  agreement: Agreement;
  /** The ticket's share record (ended, to unshare). */
  share: TicketShare;
  /** Share, update or unshare. */
  kind: TicketChangeKind;
  /** The account's secure-downloads setting (ACC-17). */
  secure_downloads?: boolean;
  /** What changed of the ticket beyond comments and tags. */
  ticket?: OutgoingTicket;
  /** Its new comments and tags. */
  update?: LocalUpdate;
};

/** YYYY-MM-DD HH:MM:SS +HHMM (written in UTC), or RFC 3339 on input. */
export type NhdTime = string;

/** Who is emailed about an update, and who is not. */
export type NotificationPlan = {
  /** The people to email: requester, CCs, followers, in that order. */
  recipients: Array<Recipient>;
  /** The people of the ticket not emailed, with the reason. */
  omitted: Array<Omitted>;
};

/** The current time as RFC 3339 text, on or after 2000-01-01 (earlier is refused as invalid_time). */
export type Now = string;

/** What an admin offers a partner: who, what they are, on which terms (ACC-01, ACC-04). */
export type Offer = {
  /** The partner account: its name and sharing URL. */
  partner: Party;
  /** The terms. */
  terms: Terms;
  /** Another instance (the default) or a third-party system. */
  partner_kind?: PartnerKind;
};

/** Why someone on the ticket is not emailed. */
export type Omission = "author" | "private_comment" | "trigger_action" | "ccs_disabled" | "followers_disabled" | "blocklisted" | "assignee_trigger";

/** Someone on the ticket not emailed, and why. */
export type Omitted = {
  /** Their address. */
  email: EmailAddress;
  /** Requester, CC or follower. */
  role: RecipientRole;
  /** Why not. */
  omission: Omission;
};

/** An order of the customer's. */
export type OrderDetails = {
  /** The order reference. */
  reference: string;
  /** A one-line summary (items, status). */
  summary: string;
};

/**
 * What the host knows of its ticket beyond comments and tags; every field optional (an
 * update carries what changed).
 */
export type OutgoingTicket = {
  /** Who made the change. */
  current_actor?: LocalUser | null;
  /** Custom-field values by title: cross only when the agreement syncs them (ACC-20). */
  custom_fields?: { [key: string]: FieldValue } | null;
  /** Its custom status: crosses with the status. */
  custom_status?: string | null;
  /** When it was requested. */
  requested_at?: Timestamp | null;
  /** Its requester: crosses as an id, a name and a role (ACC-16). */
  requester?: LocalUser | null;
  /**
   * Its status in the protocol's vocabulary: crosses only when the agreement syncs status
   * (ACC-13).
   */
  status?: string | null;
  /** Its subject. */
  subject?: string | null;
};

/** Partner accounts of sharing agreements (NHD-10). */
export type PartnerConfig = {
  /**
   * Hosts a partner's sharing URL may name although the rule refuses them (an IP address,
   * `localhost`, a one-label name): for tests and private deployments only. Empty by
   * default; at most 32 names.
   */
  allowed_hosts?: Array<string>;
};

/**
 * What the partner is: another instance of the same product, or a third-party system reached
 * by its sharing URL (ACC-01).
 */
export type PartnerKind = "instance" | "third_party";

/** The media type a partner reads request bodies under (NHD-05). */
export type PartnerMediaType = "application/json" | "text/x-json";

/** What the host must deliver to the partner. */
export type PartnerNotice =
  /** An invitation, first or again (ACC-01, ACC-08). */
  | {
    kind: "invite";
    /** The agreement. */
    agreement_id: AgreementId;
    /** The key both sides will authenticate with. */
    access_key: AccessKey;
    /** The inviting account. */
    sender: Party;
    /** The invited account's sharing URL. */
    receiver_url: HttpsUrl;
    /** The terms offered. */
    terms: Terms;
  }
  /** A change of status (ACC-06: the partner is informed). */
  | {
    kind: "update";
    /** The agreement. */
    agreement_id: AgreementId;
    /** Its new status. */
    status: AgreementStatus;
    /** The side that ended it, when the status is `inactive`. */
    deactivated_by?: Side | null;
  };

/** The update for the partner, and what stayed behind. */
export type PartnerPayload = {
  /** The comments that cross. */
  comments: Array<SharedComment>;
  /** What stayed behind, and why. */
  withheld: Array<Withheld>;
  /** The tags, when they changed and sync. */
  tags?: Array<string> | null;
};

/** A request as the host received it from a partner. */
export type PartnerRequest = {
  /** The method, as received (`POST`, `put`, ...). */
  method: string;
  /**
   * The path, as received: only its last two segments are read (`.../agreements/<uuid>`,
   * `.../tickets/<uuid>`), so the host mounts its sharing URL where it likes; a query is
   * ignored.
   */
  path: string;
  /** The body, as text. */
  body?: string | null;
  /** The headers, by name in any case. */
  headers?: { [key: string]: string };
};

/**
 * A change of status, as one side tells the other. It names no person: a decline by an admin
 * and an opt-out's decline are the same message (ACC-05).
 */
export type PartnerUpdate = {
  /** The agreement. */
  agreement_id: AgreementId;
  /** Its new status. */
  status: AgreementStatus;
  /** The side that ended it, when the status is `inactive`. */
  deactivated_by?: Side | null;
};

/** An account at the other end: its name and its sharing URL. */
export type Party = {
  /** Its name, shown as *received from* / *sent to* (ACC-21). */
  name: AccountName;
  /** Its sharing URL. */
  url: HttpsUrl;
  /**
   * The media type its requests' bodies are written under (NHD-05): `application/json`
   * unless said otherwise; `text/x-json` for a Request Tracker, which the host says when it
   * invites one and the engine records when an invitation arrives under that type.
   */
  media_type?: PartnerMediaType;
};

/** A permission a role (or one user, by an admin's grant) can hold. */
export type Permission = "external_share" | "email_customisation" | "agent_share" | "agent_sharing_settings" | "sharing_agreements" | "account_share";

/** A set of permissions, as a bit set (cheap to copy and test). */
export type Permissions = Array<Permission>;

/** A person on a ticket, or known to the host by their address. */
export type Person = {
  /** Their address. */
  email: EmailAddress;
  /** Their name, if known. */
  name?: string | null;
  /** What they are to the helpdesk: an end user unless said otherwise. */
  role?: PersonRole;
};

/** What a person is to the helpdesk. */
export type PersonRole = "end_user" | "agent" | "light_agent";

/**
 * A placeholder user the host made for a person of the partner: one per person and
 * agreement, never an existing user (ACC-16).
 */
export type Placeholder = {
  /** The agreement the person came under. */
  agreement_id: AgreementId;
  /** The person's id from the partner. */
  partner_user: SharedUserId;
  /** The host's placeholder user. */
  user_id: UserId;
};

/** A feature a plan can include (EXT-03). */
export type PlanFeature = "ticket_share" | "email_customisation";

/** A set of plan features, as a bit set. */
export type PlanFeatures = Array<PlanFeature>;

/** The host's role and plan tables. */
export type Policy = {
  /** Features included in each plan. A plan missing here includes none. */
  plans?: { [key: string]: PlanFeatures };
  /** Permissions held by each role. A role missing here holds none. */
  roles?: { [key: string]: Permissions };
};

/** Arguments of `policy.check`. */
export type PolicyCheckArgs = {
  /** The agent acting. */
  actor: Actor;
  /** The permission asked for. */
  permission: Permission;
  /** The plan feature asked for (with `plan`). */
  feature?: PlanFeature | null;
  /** The account's plan (with `feature`). */
  plan?: string | null;
};

/** Result of `policy.check`. */
export type PolicyDecision = {
  /** Whether the actor may. */
  allowed: boolean;
  /** Why not, when not allowed. */
  refusal?: ErrorBody | null;
};

/** What a refusal may reveal to the person in front of the host's page (SEC-06). */
export type PublicCategory = "invalid_link" | "expired" | "code_incorrect" | "code_expired" | "try_later" | "forbidden" | "bad_request" | "internal";

/** What a token may be used for; a token of one purpose is refused for the other. */
export type Purpose = "link" | "session" | "device";

/**
 * The family of a reason: what went wrong, for a binding's error classes (Python's
 * `LinkError`, `CodeError`, ...). Every reason belongs to exactly one.
 */
export type ReasonFamily = "link" | "code" | "policy" | "record" | "validation" | "request" | "config" | "internal";

/** One reason, as `engine.info` lists it. */
export type ReasonInfo = {
  /** The stable code. */
  code: string;
  /** The stable number. */
  number: number;
  /** The public category. */
  category: PublicCategory;
  /** The family, which a binding's error classes follow. */
  family: ReasonFamily;
};

/** What the account does with the partner's update. */
export type ReceivedUpdate = {
  /** The comments to add. */
  comments: Array<NewComment>;
  /** The placeholders to create first. */
  placeholders: Array<NewPlaceholder>;
  /** Whether tags came and were ignored: the agreement does not sync them. */
  tags_ignored: boolean;
  /**
   * Whether to notify the original ticket's CCs: a public comment reached the original
   * (ACC-14). CCs never travel to the partner's copy.
   */
  notify_original_ccs: boolean;
  /**
   * Whether the host suppresses its automatic notifications for this update: on the copy
   * that arrived by sharing, always (ACC-18). No email ever goes to the partner.
   */
  suppress_notifications: boolean;
  /** The tags to set, when they changed and sync (ACC-19). */
  tags?: Array<string> | null;
};

/** Someone emailed about the update. */
export type Recipient = {
  /** Their address. */
  email: EmailAddress;
  /**
   * The ready `To` or `Cc` form (CCF-04): the name as an RFC 5322 display-name (quoted, or
   * encoded-words), then `<address>`; the address alone without a name. Write this, never
   * `name <address>` built from the raw name.
   */
  mailbox: string;
  /** Requester, CC or follower. */
  role: RecipientRole;
  /** Whether their address shows in the email (To or CC); a follower's never does (CCF-01). */
  visible: boolean;
  /** The rule that put them there: `CCF-01`, `CCF-04` or `CCF-11`. */
  rule: string;
  /**
   * Their name, if known, as one clean line (a control, bidirectional or line-separator
   * character read as a space): data, never to be written raw into a header.
   */
  name?: string | null;
};

/** What a person is to a notification. */
export type RecipientRole = "requester" | "cc" | "follower" | "assignee";

/** An accepted reply: an external note, never a message to the customer (EXT-11). */
export type ReplyAccepted = {
  /** The external note to add to the thread. */
  note: ThreadItem;
  /** Audit events to store. */
  events: Array<AuditEvent>;
  /** The copy for the collaborator, if asked for. */
  copy_email?: EmailMessage | null;
};

/** Arguments of `reply.check`. */
export type ReplyCheckArgs = {
  /** The scheduled reply, as stored. */
  reply: ScheduledReply;
  /** Its author, with the inboxes they can open now. */
  author: Actor;
  /** The ticket and its inbox. */
  ticket: InboxTicket;
  /** The site setting. */
  settings?: AgentSharingSettings;
  /** The ticket's current shares. */
  shares?: Array<AgentShare>;
};

/** Result of `reply.check`: the reply may be sent. */
export type ReplyCleared = {
  /** The reply cleared to send. */
  reply_id: ScheduledReplyId;
};

/** Arguments of `reply.schedule`. */
export type ReplyScheduleArgs = {
  /** The agent scheduling, with the inboxes they can open. */
  author: Actor;
  /** The ticket and its inbox. */
  ticket: InboxTicket;
  /** When the reply is to be sent. */
  send_at: Timestamp;
  /** The current time. */
  now: Now;
  /** The site setting. */
  settings?: AgentSharingSettings;
  /** The ticket's current shares. */
  shares?: Array<AgentShare>;
};

/** A new scheduled reply. */
export type ReplyScheduled = {
  /** The record to store. */
  reply: ScheduledReply;
  /** Audit events to store. */
  events: Array<AuditEvent>;
};

/** A record's revision: 1 when made, one more each time the engine changes it. */
export type Revision = number;

/** A reply an agent scheduled: the record the host stores until it sends or cancels it. */
export type ScheduledReply = {
  /** The scheduled reply. */
  id: ScheduledReplyId;
  /** The ticket it replies on. */
  ticket_id: TicketId;
  /** The agent who wrote and scheduled it. */
  author: AgentId;
  /** When it was scheduled. */
  scheduled_at: Timestamp;
  /** When the host means to send it. */
  send_at: Timestamp;
  /**
   * The share the author reached the ticket through when scheduling it; absent when the
   * author could open the ticket's inbox. A reply scheduled under a share is sent only while
   * that share (not a later one) lasts.
   */
  via_share?: AgentShareId | null;
};

/**
 * Identifies one scheduled reply (AGT-07).
 *
 * Made by the engine from injected randomness (a UUID v4), serialised as its hyphenated text.
 */
export type ScheduledReplyId = string;

/** A duration in whole seconds (configuration values: TTLs, cooldowns). */
export type Seconds = number;

/** Who sent the email, as the ticket sees them. */
export type SenderRole = "requester" | "cc" | "follower" | "agent" | "light_agent" | "third_party";

/** Arguments of `session.check`. */
export type SessionCheckArgs = {
  /** The collaborator's session token. */
  session_token: string;
  /** The share record, as stored. */
  share: ExternalShare;
  /** The current time. */
  now: Now;
};

/** Arguments of `share.cancel`. */
export type ShareCancelArgs = {
  /** The agent acting. */
  actor: Actor;
  /** The share record, as stored. */
  share: ExternalShare;
  /** The current time. */
  now: Now;
};

/** A cancelled share (EXT-10). */
export type ShareCancelled = {
  /** The share, now cancelled. */
  share: ExternalShare;
  /** The note telling the thread the link is now invalid. */
  note: ThreadItem;
  /** Audit events to store. */
  events: Array<AuditEvent>;
};

/** Arguments of `share.create`. */
export type ShareCreateArgs = {
  /** The agent acting. */
  actor: Actor;
  /** The agent's account: plan and branding. */
  account: Account;
  /** What the agent filled in. */
  request: ShareRequest;
  /** The current time. */
  now: Now;
  /** Earlier shares of the same ticket (EXT-09); may be empty. */
  previous_shares?: Array<ExternalShare>;
};

/** A new share: records to store, the email to send, the link. */
export type ShareCreated = {
  /** The share record. */
  share: ExternalShare;
  /** The external note for the ticket thread (EXT-04). */
  note: ThreadItem;
  /** The email to the collaborator (EXT-05). */
  email: EmailMessage;
  /** The link token (also inside `link_url`); the host need not store it. */
  link_token: string;
  /** The *View conversation* URL. */
  link_url: string;
  /** Audit events to store (SEC-04, EXT-14). */
  events: Array<AuditEvent>;
};

/**
 * Identifies one external share (one link to one collaborator).
 *
 * Made by the engine from injected randomness (a UUID v4), serialised as its hyphenated text.
 */
export type ShareId = string;

/** Arguments of `share.reply`. */
export type ShareReplyArgs = {
  /** The collaborator's session token. */
  session_token: string;
  /** The share record, as stored. */
  share: ExternalShare;
  /** What the collaborator wrote. */
  reply: CollaboratorReply;
  /** The agent's account: plan and branding. */
  account: Account;
  /** The current time. */
  now: Now;
};

/** What the agent fills in to share (EXT-01). */
export type ShareRequest = {
  /** The ticket to share. */
  ticket_id: TicketId;
  /** The collaborator's address. */
  recipient: string;
  /** The email's subject. */
  subject: string;
  /** The explanatory message. */
  message: string;
  /** Whether to show customer name and order details; off unless the agent ticks it (EXT-01). */
  include_customer_details?: boolean;
};

/** Where a share stands, as the agent's list shows it. */
export type ShareState = "pending" | "verified" | "expired" | "cancelled";

/** Where a share stands at `now`. */
export type ShareStatus = {
  /** The share. */
  share_id: ShareId;
  /** Where it stands. */
  state: ShareState;
  /** When the link expires (or expired). */
  expires_at: Timestamp;
  /** The current code, when a challenge was given. */
  code?: CodeStatus | null;
  /**
   * The first instant at which a new code may be asked for (the resend cooldown and the
   * hourly cap, SEC-02): `now` when at once; none when no code can be sent any more (the
   * share is not live, or too many wrong codes in a row).
   */
  resend_at?: Timestamp | null;
};

/** Arguments of `share.status`. */
export type ShareStatusArgs = {
  /** The share record, as stored. */
  share: ExternalShare;
  /** The current time. */
  now: Now;
  /** The share's current code challenge, as stored, if any. */
  challenge?: CodeChallenge | null;
};

/** Arguments of `share.view`. */
export type ShareViewArgs = {
  /** The collaborator's session token. */
  session_token: string;
  /** The share record, as stored. */
  share: ExternalShare;
  /** The ticket thread, as stored. */
  thread: TicketThread;
  /** The current time. */
  now: Now;
};

/** A person as the partner sees them: an id, a name, a role; nothing else (ACC-16). */
export type SharedActor = {
  /** Their id towards this partner. */
  id: SharedUserId;
  /** Their name. */
  name: string;
  /** Their role on the side they come from. */
  role?: PersonRole;
};

/** An attachment as the partner gets it. */
export type SharedAttachment = {
  /** Its file name. */
  filename: string;
  /** Its media type. */
  content_type: string;
  /** Where to fetch it. */
  url: HttpsUrl;
};

/** A comment as it crosses. */
export type SharedComment = {
  /** Its id towards the partner. */
  id: SharedCommentId;
  /** Its author. */
  author: SharedActor;
  /** Its text (a voicemail's transcription appended). */
  body: string;
  /** Public or private. */
  public: boolean;
  /** When it was written. */
  authored_at: Timestamp;
  /** Its attachments that cross. */
  attachments?: Array<SharedAttachment>;
};

/**
 * Identifies a comment of a shared ticket to the partner, derived from the account's own
 * comment id under the agreement's key.
 *
 * Made by the engine from injected randomness; 40 hexadecimal characters on the wire.
 */
export type SharedCommentId = string;

/** The customer as a collaborator may see them: name and orders, no way to contact them. */
export type SharedCustomer = {
  /** The customer's name. */
  name: string;
  /** The customer's orders. */
  orders: Array<OrderDetails>;
};

/** Arguments of `shared_ticket.check_merge`. */
export type SharedTicketCheckMergeArgs = {
  /** The ticket to merge, with its share records. */
  ticket: LocalTicket;
  /** The ticket to merge it into, with its share records. */
  into: LocalTicket;
};

/**
 * Identifies one ticket shared between two accounts; both copies carry the same id, while
 * each account keeps its own ticket id (ACC-11).
 *
 * Made by the engine from injected randomness; 40 hexadecimal characters on the wire.
 */
export type SharedTicketId = string;

/** Arguments of `shared_ticket.map_status`. */
export type SharedTicketMapStatusArgs = {
  /** The agreement the ticket is shared under. */
  agreement: Agreement;
  /** The new status, as the source has it. */
  status: TicketStatus;
  /** The statuses of the account that changed the status. */
  source?: StatusSettings;
  /** The statuses of the other account. */
  target?: StatusSettings;
};

/** Arguments of `shared_ticket.plan_fields`. */
export type SharedTicketPlanFieldsArgs = {
  /** The agreement. */
  agreement: Agreement;
  /** This account's fields. */
  ours: Array<FieldDef>;
  /** The partner's fields. */
  theirs: Array<FieldDef>;
};

/** Arguments of `shared_ticket.prepare_update`. */
export type SharedTicketPrepareUpdateArgs = {
  /** The agreement. */
  agreement: Agreement;
  /** What changed on this account's copy. */
  update: LocalUpdate;
  /** Whether the account has secure downloads on. */
  secure_downloads?: boolean;
};

/** Arguments of `shared_ticket.receive`. */
export type SharedTicketReceiveArgs = {
  /** The receiving account. */
  account: SharingAccount;
  /** The agreement it arrives under. */
  agreement: Agreement;
  /** The shared ticket's id, from the partner. */
  shared_ticket_id: SharedTicketId;
  /** The new ticket's own id in this account. */
  ticket_id: TicketId;
  /** The current time. */
  now: Now;
};

/** Arguments of `shared_ticket.receive_update`. */
export type SharedTicketReceiveUpdateArgs = {
  /** The agreement. */
  agreement: Agreement;
  /** The ticket's share record. */
  share: TicketShare;
  /** The partner's update. */
  update: IncomingUpdate;
  /** The placeholders the host made so far. */
  placeholders?: Array<Placeholder>;
};

/** Arguments of `shared_ticket.share`. */
export type SharedTicketShareArgs = {
  /** The agent sharing. */
  actor: Actor;
  /** The account. */
  account: SharingAccount;
  /** The ticket, with its share records. */
  ticket: LocalTicket;
  /** The agreement to share under, one of `agreements`. */
  agreement_id: AgreementId;
  /** All of the account's agreements. */
  agreements: Array<Agreement>;
  /** The current time. */
  now: Now;
};

/** Arguments of `shared_ticket.transfer_fields`. */
export type SharedTicketTransferFieldsArgs = {
  /** The agreement. */
  agreement: Agreement;
  /** This account's fields. */
  ours: Array<FieldDef>;
  /** The partner's fields. */
  theirs: Array<FieldDef>;
  /** The values that changed, keyed by this account's fields. */
  values: Array<FieldValueOf>;
};

/** Arguments of `shared_ticket.unshare`. */
export type SharedTicketUnshareArgs = {
  /** The agent stopping the share. */
  actor: Actor;
  /** The account. */
  account: SharingAccount;
  /** The ticket, with its share records. */
  ticket: LocalTicket;
  /** The share to end, one of the ticket's. */
  shared_ticket_id: SharedTicketId;
  /** All of the account's agreements. */
  agreements: Array<Agreement>;
  /** The current time. */
  now: Now;
};

/**
 * Identifies a person of a shared ticket to the partner, without revealing the account's
 * own user id: derived from it under the agreement's key (ACC-16).
 *
 * Made by the engine from injected randomness; 40 hexadecimal characters on the wire.
 */
export type SharedUserId = string;

/** What the collaborator sees (EXT-07). */
export type SharedView = {
  /** The share. */
  share_id: ShareId;
  /** The ticket. */
  ticket_id: TicketId;
  /** The agent's subject. */
  subject: string;
  /** The agent's message. */
  message: string;
  /** Incoming and outgoing messages and this share's external notes, in thread order. */
  items: Array<ThreadItem>;
  /** When the link expires. */
  expires_at: Timestamp;
  /** Customer name and orders, only when the share included them; never contact details. */
  customer?: SharedCustomer | null;
};

/** The host's own account, as agreements see it. */
export type SharingAccount = {
  /** The host's id of the account: every agreement record carries it. */
  id: AccountId;
  /** Its name. */
  name: AccountName;
  /** Its sharing URL. */
  url: HttpsUrl;
  /**
   * *Decline all sharing agreement invites* (ACC-05): invites are declined at once and the
   * account is never told of them.
   */
  opted_out?: boolean;
};

/** The site setting after an admin changed it. */
export type SharingSettingsChanged = {
  /** The settings to store. */
  settings: AgentSharingSettings;
  /** Audit events to store. */
  events: Array<AuditEvent>;
};

/**
 * Which end of an agreement an account is: the sender shares tickets, the receiver gets them
 * (ACC-02: one way; the other direction is its own agreement).
 */
export type Side = "sender" | "receiver";

/** An agent a ticket was not shared with, and why. */
export type SkippedAgent = {
  /** The agent. */
  agent_id: AgentId;
  /** Why: `already_shared` or `agent_has_inbox_access`. */
  refusal: ErrorBody;
};

/** A value that does not cross, and why. */
export type SkippedValue = {
  /** The field it belongs to, on the side it comes from. */
  field_id: FieldId;
  /** Why. */
  reason: FieldSkip;
};

/** A status category (the statuses of an account without custom statuses). */
export type StatusCategory = "new" | "open" | "pending" | "on_hold" | "solved" | "closed";

/**
 * The host's id of a custom ticket status (ACC-13).
 *
 * Chosen by the host: 1 to 128 bytes, no control characters, no surrounding spaces.
 */
export type StatusId = string;

/** An account's statuses (host data). */
export type StatusSettings = {
  /** Whether custom statuses are activated. */
  custom_statuses?: boolean;
  /**
   * The custom statuses: a category that has any has exactly one default. Categories
   * without any keep their plain status.
   */
  statuses?: Array<CustomStatus>;
};

/** The terms the sender sets (ACC-04). */
export type Terms = {
  /** Which comments the receiver may make, and whether the status syncs. */
  comments: CommentTerms;
  /** Whether custom fields sync (ACC-20): only between two instances (ACC-04). */
  sync_custom_fields?: boolean;
  /** Whether tags sync (ACC-19). */
  sync_tags?: boolean;
};

/** One message or note of a ticket thread. */
export type ThreadItem = {
  /** The host's id of the item (the engine makes one for notes it creates). */
  id: ItemId;
  /** What kind of item. */
  kind: ItemKind;
  /** Who wrote it. */
  author: Author;
  /** The text (the host's own format; the engine escapes it wherever it renders it). */
  body: string;
  /** When it was added. */
  at: Timestamp;
  /** Files attached to it. */
  attachments?: Array<Attachment>;
};

/** What arrived in a ticket, beyond comments and tags: the host applies what syncs. */
export type TicketArrival = {
  /** The ticket as the partner wrote it (subject, requester, original id, ...). */
  ticket: NhdTicket;
  /** Comments, placeholders, tags and notifications (ACC-14, 16, 18, 19). */
  update: ReceivedUpdate;
  /** What came and is not applied, and why. */
  ignored: Array<Withheld>;
  /**
   * The custom-field values to transfer (`shared_ticket.transfer_fields`), when they came and
   * sync (ACC-20).
   */
  custom_fields?: { [key: string]: FieldValue } | null;
  /** The status to map and set (`shared_ticket.map_status`), when it came and syncs (ACC-13). */
  status?: string | null;
};

/** What a ticket request tells the partner. */
export type TicketChangeKind = "share" | "update" | "unshare" | "read";

/**
 * The host's id of a ticket.
 *
 * Chosen by the host: 1 to 128 bytes, no control characters, no surrounding spaces.
 */
export type TicketId = string;

/** The marks views and triggers select shared tickets by (ACC-21). */
export type TicketMarks = {
  /** *Update via: ticket sharing*: the ticket arrived by sharing. */
  via_ticket_sharing: boolean;
  /** *Ticket sharing: received from*. */
  received_from?: AccountName | null;
  /** *Ticket sharing: sent to*. */
  sent_to?: AccountName | null;
};

/** The people of a ticket, as the host stores them. */
export type TicketPeople = {
  /** The ticket. */
  ticket_id: TicketId;
  /** The requester, an end user. */
  requester: Person;
  /**
   * The assignee, an agent, if any. They may also be a CC or a follower. Otherwise the CC
   * rules email them nothing (the host's assignee triggers do), an email from them is an
   * agent's, and an email never makes them a CC.
   */
  assignee?: Person | null;
  /** The CCs: notified of public comments, their addresses shown (CCF-04). */
  ccs?: Array<Person>;
  /** The followers, agents: notified of every update, their addresses hidden (CCF-01). */
  followers?: Array<Person>;
};

/** A ticket request, and what stayed behind. */
export type TicketRequest = {
  /** The request to send. */
  request: NhdRequest;
  /** What does not cross, and why. */
  withheld: Array<Withheld>;
};

/**
 * One ticket shared with, or received from, a partner: the record the host stores beside
 * its ticket.
 */
export type TicketShare = {
  /** The shared ticket, the same id in both accounts. */
  id: SharedTicketId;
  /** This account's own ticket. */
  ticket_id: TicketId;
  /** The agreement it travels under. */
  agreement_id: AgreementId;
  /** Sent or received. */
  direction: Direction;
  /** The partner's name (*sent to* / *received from*). */
  partner: AccountName;
  /** When it was shared. */
  shared_at: Timestamp;
  /** The record's revision: write it only over `revision - 1` (SEC-02). */
  revision?: Revision;
  /** When it stopped being shared, if it did. */
  unshared_at?: Timestamp | null;
};

/** A share made or received: the record to store, the ticket's marks, the audit events. */
export type TicketShared = {
  /** The new share record. */
  share: TicketShare;
  /** The ticket's marks with it. */
  marks: TicketMarks;
  /** Audit events to store. */
  events: Array<AuditEvent>;
};

/** A ticket's status: its category, and its custom status when the account has them. */
export type TicketStatus = {
  /** The category. */
  category: StatusCategory;
  /** The custom status, for an account with custom statuses activated. */
  custom_id?: StatusId | null;
};

/** A ticket's thread as the host stores it. */
export type TicketThread = {
  /** The ticket. */
  ticket_id: TicketId;
  /** Every item, in order. */
  items: Array<ThreadItem>;
  /** The customer's details, if the host has them. */
  customer?: CustomerDetails | null;
};

/** A share ended: the record to store and the audit events. */
export type TicketUnshared = {
  /** The share record, now ended. */
  share: TicketShare;
  /** Audit events to store. */
  events: Array<AuditEvent>;
};

/** An update of a ticket: its kind and who made it. */
export type TicketUpdate = {
  /** Public comment or internal note. */
  kind: UpdateKind;
  /** The address of whoever made it; they are not emailed about their own update. */
  author: EmailAddress;
};

/** An instant as RFC 3339 text, years 1678 to 2262; any offset on input, UTC on output. */
export type Timestamp = string;

/** What a verified token says. */
export type TokenClaims = {
  /** The token's purpose. */
  purpose: Purpose;
  /** The key that signed it. */
  key_id: KeyId;
  /** The share it grants access to; for a device token, its [`device_subject`]. */
  share_id: ShareId;
  /** The first instant at which it is no longer valid. */
  expires_at: Timestamp;
};

/** How a value crosses between two compatible fields. */
export type Transfer = "copy" | "text" | "number" | "tag" | "tags";

/** The email action of the trigger that fires (CCF-11). */
export type TriggerAction = "email_requester" | "email_requester_and_ccs";

/**
 * An address of the email the engine cannot read (an RFC 5322 comment, a quoted local part,
 * an internationalised address): reported by its place, never refusing the others (CCF-12).
 */
export type UnreadableAddress = {
  /** Where it is: `email.to[0]`, `email.cc[3]`. */
  path: string;
  /** Why it cannot be read (`invalid_email`), without the text sent. */
  refusal: ErrorBody;
};

/** What kind of update a notification is about. */
export type UpdateKind = "public_comment" | "internal_note";

/**
 * The host's id of a user (an end user or an agent).
 *
 * Chosen by the host: 1 to 128 bytes, no control characters, no surrounding spaces.
 */
export type UserId = string;

/**
 * Whether the collaborator still has to enter a code.
 *
 * Read through [`VerificationRecord`]: the same JSON, without serde's buffering of internally
 * tagged enums (a sizeable part of the WebAssembly build).
 */
export type Verification =
  /** A code must be entered before the thread is shown (EXT-06). */
  | {
    state: "required";
  }
  /** The address verified for this ticket in an earlier share (EXT-09). */
  | {
    state: "inherited";
    /** The earlier share. */
    from: ShareId;
  }
  /** The right code was entered. */
  | {
    state: "verified";
    /** When. */
    at: Timestamp;
  };

/**
 * Where the collaborator's page lives (the configuration's `view_url`): an [`HttpsUrl`], or an
 * `http` URL on a loopback host (`localhost`, `127.0.0.1`, `[::1]`) for a developer's machine
 * or a test server, which browsers treat as a secure context and which nothing reaches from
 * outside.
 */
export type ViewUrl = string;

/** One thing that stays behind, by its path in the update. */
export type Withheld = {
  /** Where it is in the update: `comments[0].attachments[1]`, `tags[2]`, `tags`, `status`. */
  path: string;
  /** Why it stays. */
  reason: Withholding;
};

/** Why something of the account's copy does not cross. */
export type Withholding = "secure_downloads" | "recording" | "tags_not_synced" | "tag_by_rule" | "status_not_synced" | "fields_not_synced" | "field_value_unreadable" | "duplicate";

/** Every operation of the JSON surface: its arguments and result. */
export interface Operations {
  "engine.info": { args: EngineInfoArgs; result: EngineInfo };
  "policy.check": { args: PolicyCheckArgs; result: PolicyDecision };
  "share.create": { args: ShareCreateArgs; result: ShareCreated };
  "link.verify": { args: LinkVerifyArgs; result: TokenClaims };
  "link.check": { args: LinkCheckArgs; result: TokenClaims };
  "link.open": { args: LinkOpenArgs; result: LinkOpened };
  "code.resend": { args: CodeResendArgs; result: CodeSent };
  "code.check": { args: CodeCheckArgs; result: CodeChecked };
  "session.check": { args: SessionCheckArgs; result: TokenClaims };
  "share.view": { args: ShareViewArgs; result: SharedView };
  "share.reply": { args: ShareReplyArgs; result: ReplyAccepted };
  "share.cancel": { args: ShareCancelArgs; result: ShareCancelled };
  "share.status": { args: ShareStatusArgs; result: ShareStatus };
  "branding.update": { args: BrandingUpdateArgs; result: BrandingUpdated };
  "agent_sharing.set": { args: AgentSharingSetArgs; result: SharingSettingsChanged };
  "agent_share.add": { args: AgentShareAddArgs; result: AgentSharesAdded };
  "agent_share.remove": { args: AgentShareRemoveArgs; result: AgentShareRemoved };
  "agent.access": { args: AgentAccessArgs; result: AgentAccess };
  "reply.schedule": { args: ReplyScheduleArgs; result: ReplyScheduled };
  "reply.check": { args: ReplyCheckArgs; result: ReplyCleared };
  "cc.notify": { args: CcNotifyArgs; result: NotificationPlan };
  "cc.inbound": { args: CcInboundArgs; result: InboundDecision };
  "cc.add": { args: CcAddArgs; result: CcsAdded };
  "follower.add": { args: FollowerAddArgs; result: FollowersAdded };
  "agreement.invite": { args: AgreementInviteArgs; result: AgreementChange };
  "agreement.receive": { args: AgreementReceiveArgs; result: InviteReceived };
  "agreement.accept": { args: AgreementAcceptArgs; result: AgreementChange };
  "agreement.decline": { args: AgreementDeclineArgs; result: AgreementChange };
  "agreement.defer": { args: AgreementDeferArgs; result: AgreementChange };
  "agreement.reinvite": { args: AgreementReinviteArgs; result: AgreementChange };
  "agreement.deactivate": { args: AgreementDeactivateArgs; result: AgreementChange };
  "agreement.account_renamed": { args: AgreementAccountRenamedArgs; result: AgreementsBroken };
  "agreement.partner_update": { args: AgreementPartnerUpdateArgs; result: AgreementChange };
  "shared_ticket.share": { args: SharedTicketShareArgs; result: TicketShared };
  "shared_ticket.receive": { args: SharedTicketReceiveArgs; result: TicketShared };
  "shared_ticket.unshare": { args: SharedTicketUnshareArgs; result: TicketUnshared };
  "shared_ticket.check_merge": { args: SharedTicketCheckMergeArgs; result: MergeAllowed };
  "shared_ticket.map_status": { args: SharedTicketMapStatusArgs; result: MappedStatus };
  "shared_ticket.plan_fields": { args: SharedTicketPlanFieldsArgs; result: FieldPlan };
  "shared_ticket.transfer_fields": { args: SharedTicketTransferFieldsArgs; result: FieldTransfer };
  "shared_ticket.prepare_update": { args: SharedTicketPrepareUpdateArgs; result: PartnerPayload };
  "shared_ticket.receive_update": { args: SharedTicketReceiveUpdateArgs; result: ReceivedUpdate };
  "nhd.agreement_request": { args: NhdAgreementRequestArgs; result: NhdRequest };
  "nhd.ticket_request": { args: NhdTicketRequestArgs; result: TicketRequest };
  "nhd.route": { args: NhdRouteArgs; result: NhdRoute };
  "nhd.receive": { args: NhdReceiveArgs; result: NhdDecision };
}
