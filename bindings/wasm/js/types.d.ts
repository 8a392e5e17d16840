// Generated from the Rust types by ts-rs (bindings/wasm/tests/typescript.rs). Do not edit:
// run `UPDATE_TYPES=1 cargo test -p ticketshare-wasm --test typescript`.

export type Timestamp = string;

export type Seconds = number;

export type KeyId = number;

export type ShareId = string;

export type ChallengeId = string;

export type TicketId = string;

export type AgentId = string;

export type ItemId = string;

export type EmailAddress = string;

export type HttpsUrl = string;

export type HexColour = string;

export type CompanyName = string;

export type CodeHash = string;

export type Permission = "external_share" | "email_customisation";

export type PlanFeature = "ticket_share" | "email_customisation";

export type Permissions = Array<"external_share" | "email_customisation">;

export type PlanFeatures = Array<"ticket_share" | "email_customisation">;

export type Purpose = "link" | "session";

export type PublicCategory = "invalid_link" | "expired" | "code_incorrect" | "code_expired" | "try_later" | "forbidden" | "bad_request" | "internal";

export type EngineConfig = { 
/**
 * Signing keys (SEC-01, SEC-07).
 */
keyring: KeyringConfig, 
/**
 * Where the collaborator's page lives; the link is this URL followed by the token, e.g.
 * `https://help.example.com/shared/` gives `https://help.example.com/shared/<token>`.
 */
view_url: HttpsUrl, 
/**
 * Roles and plans (EXT-02, EXT-03).
 */
policy: Policy, 
/**
 * Link and session lifetimes.
 */
links: LinkConfig, 
/**
 * Verification code settings (SEC-02).
 */
codes: CodeConfig, };

export type KeyringConfig = { 
/**
 * The id of the key that signs new tokens.
 */
active: KeyId, 
/**
 * Every key: the active one and older verify-only ones.
 */
keys: Array<KeyConfig>, };

export type KeyConfig = { 
/**
 * The key's id, carried in every token it signs.
 */
id: KeyId, 
/**
 * At least 32 random bytes, as unpadded base64url.
 */
secret: string, };

export type LinkConfig = { 
/**
 * How long a link lives after it was shared (EXT-08): 72 h by default.
 */
link_ttl_seconds: Seconds, 
/**
 * How long a session lives after a verified code (SEC-08), never past the link: 1 h.
 */
session_ttl_seconds: Seconds, };

export type CodeConfig = { 
/**
 * Digits per code: 6 to 9 (6 digits is about 20 bits).
 */
digits: number, 
/**
 * How long a code lives: at most 600 s (NIST SP 800-63B), 600 s by default.
 */
ttl_seconds: Seconds, 
/**
 * The wrong code that locks the challenge: 5 by default (1 to 10).
 */
max_wrong_attempts: number, 
/**
 * The least time between two sends: 60 s by default.
 */
resend_cooldown_seconds: Seconds, 
/**
 * Sends allowed per share within any hour: 5 by default (1 to 20).
 */
max_sends_per_hour: number, 
/**
 * Wrong codes in a row, across challenges of one share, after which no code is sent or
 * accepted until an agent shares again: 50 by default, always under 100 (NIST's cap).
 */
max_failures_in_a_row: number, };

export type Policy = { 
/**
 * Permissions held by each role. A role missing here holds none.
 */
roles: { [key in string]: Permissions }, 
/**
 * Features included in each plan. A plan missing here includes none.
 */
plans: { [key in string]: PlanFeatures }, };

export type Actor = { 
/**
 * The host's id of the agent.
 */
id: AgentId, 
/**
 * The agent's display name, used in "[Agent name] from [Company name]" (EXT-05).
 */
name: string, 
/**
 * The agent's role, a key of the policy's role table (`admin`, `team_leader`, `agent`, or a host role).
 */
role: string, 
/**
 * Permissions an admin granted this user beyond the role (EXT-02).
 */
granted: Permissions, };

export type Account = { 
/**
 * The company name used when no branding overrides it.
 */
company_name: CompanyName, 
/**
 * The plan, a key of the policy's plan table.
 */
plan: string, 
/**
 * The email branding an admin set (EXT-13); used only while the plan includes it.
 */
branding: Branding | null, };

export type Branding = { 
/**
 * The From name and the "from [Company name]" text.
 */
company_name: CompanyName, 
/**
 * The logo, or none.
 */
logo: Logo | null, 
/**
 * Where a click on the logo leads.
 */
logo_url: HttpsUrl | null, 
/**
 * The colour of the *View conversation* button.
 */
brand_colour: HexColour | null, };

export type Logo = { 
/**
 * Where the host serves the image.
 */
image_url: HttpsUrl, 
/**
 * Width in pixels (at most 250).
 */
width: number, 
/**
 * Height in pixels (at most 100).
 */
height: number, };

export type ShareRequest = { 
/**
 * The ticket to share.
 */
ticket_id: TicketId, 
/**
 * The collaborator's address.
 */
recipient: string, 
/**
 * The email's subject.
 */
subject: string, 
/**
 * The explanatory message.
 */
message: string, 
/**
 * Whether to show customer name and order details; off unless the agent ticks it (EXT-01).
 */
include_customer_details: boolean, };

export type Verification = { "state": "required" } | { "state": "inherited", 
/**
 * The earlier share.
 */
from: ShareId, } | { "state": "verified", 
/**
 * When.
 */
at: Timestamp, };

export type Cancellation = { 
/**
 * When.
 */
at: Timestamp, 
/**
 * The agent.
 */
by: AgentId, };

export type ExternalShare = { 
/**
 * The share.
 */
id: ShareId, 
/**
 * The shared ticket.
 */
ticket_id: TicketId, 
/**
 * The agent who shared.
 */
shared_by: AgentId, 
/**
 * The collaborator.
 */
recipient: EmailAddress, 
/**
 * The email's subject.
 */
subject: string, 
/**
 * The agent's message.
 */
message: string, 
/**
 * Whether customer name and order details are shown.
 */
include_customer_details: boolean, 
/**
 * When it was shared.
 */
shared_at: Timestamp, 
/**
 * The first instant at which the link is refused as expired (EXT-08).
 */
expires_at: Timestamp, 
/**
 * Whether a code is still needed.
 */
verification: Verification, 
/**
 * Set once an agent cancelled it.
 */
cancellation: Cancellation | null, };

export type ChallengeState = "pending" | "locked" | "accepted";

export type CodeChallenge = { 
/**
 * The challenge.
 */
id: ChallengeId, 
/**
 * The share it verifies.
 */
share_id: ShareId, 
/**
 * The key that hashed the code.
 */
key_id: KeyId, 
/**
 * HMAC of the code.
 */
code_hash: CodeHash, 
/**
 * When the code was sent.
 */
sent_at: Timestamp, 
/**
 * The first instant at which the code is no longer accepted.
 */
expires_at: Timestamp, 
/**
 * Wrong codes entered for this challenge.
 */
wrong_attempts: number, 
/**
 * Where the challenge stands.
 */
state: ChallengeState, 
/**
 * Sends for this share within the last hour, oldest first, this one last.
 */
recent_sends: Array<Timestamp>, 
/**
 * Wrong codes in a row for this share, across challenges.
 */
failures_in_a_row: number, };

export type ItemKind = { "type": "incoming" } | { "type": "outgoing" } | { "type": "internal_note" } | { "type": "external_note", 
/**
 * The share the note belongs to.
 */
share_id: ShareId, 
/**
 * Why the note exists.
 */
purpose: ExternalNotePurpose, };

export type ExternalNotePurpose = "shared" | "collaborator_reply" | "link_invalidated";

export type AuthorRole = "customer" | "agent" | "collaborator" | "system";

export type Author = { 
/**
 * What the author is.
 */
role: AuthorRole, 
/**
 * The name shown.
 */
name: string, };

export type Attachment = { 
/**
 * The file name shown.
 */
name: string, 
/**
 * The MIME type, e.g. `image/png`.
 */
content_type: string, 
/**
 * The size in bytes.
 */
size_bytes: number, 
/**
 * The host's reference to the stored file.
 */
reference: string, };

export type ThreadItem = { 
/**
 * The host's id of the item (the engine makes one for notes it creates).
 */
id: ItemId, 
/**
 * What kind of item.
 */
kind: ItemKind, 
/**
 * Who wrote it.
 */
author: Author, 
/**
 * The text (the host's own format; the engine escapes it wherever it renders it).
 */
body: string, 
/**
 * When it was added.
 */
at: Timestamp, 
/**
 * Files attached to it.
 */
attachments: Array<Attachment>, };

export type OrderDetails = { 
/**
 * The order reference.
 */
reference: string, 
/**
 * A one-line summary (items, status).
 */
summary: string, };

export type CustomerDetails = { 
/**
 * The customer's name.
 */
name: string, 
/**
 * The customer's email address: never shown to a collaborator.
 */
email: string | null, 
/**
 * The customer's phone number: never shown to a collaborator.
 */
phone: string | null, 
/**
 * The customer's orders.
 */
orders: Array<OrderDetails>, };

export type SharedCustomer = { 
/**
 * The customer's name.
 */
name: string, 
/**
 * The customer's orders.
 */
orders: Array<OrderDetails>, };

export type TicketThread = { 
/**
 * The ticket.
 */
ticket_id: TicketId, 
/**
 * Every item, in order.
 */
items: Array<ThreadItem>, 
/**
 * The customer's details, if the host has them.
 */
customer: CustomerDetails | null, };

export type CollaboratorReply = { 
/**
 * The text: formatted text and hyperlinks in the host's editor format.
 */
body: string, 
/**
 * Files, by reference.
 */
attachments: Array<Attachment>, 
/**
 * Whether the collaborator wants a copy by email.
 */
send_copy: boolean, };

export type EmailMessage = { 
/**
 * The recipient.
 */
to: EmailAddress, 
/**
 * The From display name: the company name (EXT-13).
 */
from_name: string, 
/**
 * The subject line.
 */
subject: string, 
/**
 * The plain-text body.
 */
text_body: string, 
/**
 * The HTML body, every value escaped.
 */
html_body: string, };

export type AuditEvent = { 
/**
 * When it happened (the `now` of the operation).
 */
at: Timestamp, 
/**
 * Who did it.
 */
actor: AuditActor, 
/**
 * What happened.
 */
event: AuditKind, };

export type AuditActor = { "type": "agent", 
/**
 * The agent's id.
 */
id: AgentId, } | { "type": "collaborator", 
/**
 * The collaborator's address.
 */
email: EmailAddress, };

export type AuditKind = { "type": "share_created", 
/**
 * The new share.
 */
share_id: ShareId, 
/**
 * The shared ticket.
 */
ticket_id: TicketId, 
/**
 * The collaborator's address.
 */
recipient: EmailAddress, } | { "type": "customer_details_included", 
/**
 * The share.
 */
share_id: ShareId, 
/**
 * The ticket whose customer details are exposed.
 */
ticket_id: TicketId, } | { "type": "verification_inherited", 
/**
 * The new share.
 */
share_id: ShareId, 
/**
 * The earlier share whose verification carries over.
 */
from: ShareId, } | { "type": "code_sent", 
/**
 * The share.
 */
share_id: ShareId, 
/**
 * The new challenge.
 */
challenge_id: ChallengeId, } | { "type": "code_rejected", 
/**
 * The share.
 */
share_id: ShareId, 
/**
 * The challenge.
 */
challenge_id: ChallengeId, 
/**
 * Wrong codes still allowed before the challenge locks.
 */
attempts_left: number, } | { "type": "challenge_locked", 
/**
 * The share.
 */
share_id: ShareId, 
/**
 * The challenge.
 */
challenge_id: ChallengeId, } | { "type": "code_accepted", 
/**
 * The share.
 */
share_id: ShareId, 
/**
 * The challenge.
 */
challenge_id: ChallengeId, } | { "type": "collaborator_replied", 
/**
 * The share.
 */
share_id: ShareId, 
/**
 * The ticket.
 */
ticket_id: TicketId, 
/**
 * The new external note.
 */
item_id: ItemId, 
/**
 * Whether the collaborator asked for a copy by email.
 */
copy_requested: boolean, } | { "type": "share_cancelled", 
/**
 * The share.
 */
share_id: ShareId, 
/**
 * The ticket.
 */
ticket_id: TicketId, } | { "type": "branding_updated" };

export type NoArgs = Record<symbol, never>;

export type PolicyCheck = { 
/**
 * The agent acting.
 */
actor: Actor, 
/**
 * The permission asked for.
 */
permission: Permission, 
/**
 * The account's plan (with `feature`).
 */
plan: string | null, 
/**
 * The plan feature asked for (with `plan`).
 */
feature: PlanFeature | null, };

export type ShareCreate = { 
/**
 * The agent acting.
 */
actor: Actor, 
/**
 * The agent's account: plan and branding.
 */
account: Account, 
/**
 * What the agent filled in.
 */
request: ShareRequest, 
/**
 * Earlier shares of the same ticket (EXT-09); may be empty.
 */
previous_shares: Array<ExternalShare>, 
/**
 * The current time.
 */
now: Timestamp, };

export type TokenArgs = { 
/**
 * The link token.
 */
token: string, 
/**
 * The current time.
 */
now: Timestamp, };

export type TokenShareArgs = { 
/**
 * The link token.
 */
token: string, 
/**
 * The share record, as stored.
 */
share: ExternalShare, 
/**
 * The current time.
 */
now: Timestamp, };

export type LinkOpen = { 
/**
 * The link token.
 */
token: string, 
/**
 * The share record, as stored.
 */
share: ExternalShare, 
/**
 * The current code challenge, as stored, if any.
 */
challenge: CodeChallenge | null, 
/**
 * The agent's account: plan and branding.
 */
account: Account, 
/**
 * The current time.
 */
now: Timestamp, };

export type CodeCheck = { 
/**
 * The link token.
 */
token: string, 
/**
 * The share record, as stored.
 */
share: ExternalShare, 
/**
 * The current code challenge, as stored, if any.
 */
challenge: CodeChallenge, 
/**
 * The code the collaborator entered.
 */
code: string, 
/**
 * The current time.
 */
now: Timestamp, };

export type SessionArgs = { 
/**
 * The collaborator's session token.
 */
session_token: string, 
/**
 * The share record, as stored.
 */
share: ExternalShare, 
/**
 * The current time.
 */
now: Timestamp, };

export type ShareView = { 
/**
 * The collaborator's session token.
 */
session_token: string, 
/**
 * The share record, as stored.
 */
share: ExternalShare, 
/**
 * The ticket thread, as stored.
 */
thread: TicketThread, 
/**
 * The current time.
 */
now: Timestamp, };

export type ShareReply = { 
/**
 * The collaborator's session token.
 */
session_token: string, 
/**
 * The share record, as stored.
 */
share: ExternalShare, 
/**
 * What the collaborator wrote.
 */
reply: CollaboratorReply, 
/**
 * The agent's account: plan and branding.
 */
account: Account, 
/**
 * The current time.
 */
now: Timestamp, };

export type ShareCancel = { 
/**
 * The agent acting.
 */
actor: Actor, 
/**
 * The share record, as stored.
 */
share: ExternalShare, 
/**
 * The current time.
 */
now: Timestamp, };

export type LogoArgs = { image_base64: string, 
/**
 * Where the host serves the image.
 */
image_url: string, };

export type BrandingFormArgs = { 
/**
 * The company name.
 */
company_name: string, 
/**
 * The logo, or none.
 */
logo: LogoArgs | null, 
/**
 * Where a click on the logo leads.
 */
logo_url: string | null, 
/**
 * The button colour, `#RGB` or `#RRGGBB`.
 */
brand_colour: string | null, };

export type BrandingUpdate = { 
/**
 * The agent acting.
 */
actor: Actor, 
/**
 * The agent's account: plan and branding.
 */
account: Account, 
/**
 * The admin's branding form.
 */
form: BrandingFormArgs, 
/**
 * The current time.
 */
now: Timestamp, };

export type EngineInfo = { 
/**
 * The newest request version understood.
 */
api_version: number, 
/**
 * The library version.
 */
library_version: string, 
/**
 * Every operation.
 */
operations: Array<string>, 
/**
 * Every reason code with its number and public category.
 */
reasons: Array<ReasonInfo>, };

export type ReasonInfo = { 
/**
 * The stable code.
 */
code: string, 
/**
 * The stable number.
 */
number: number, 
/**
 * The public category.
 */
category: string, 
/**
 * The family, which a binding's error classes follow.
 */
family: string, };

export type PolicyDecision = { 
/**
 * Whether the actor may.
 */
allowed: boolean, 
/**
 * Why not, when not allowed.
 */
refusal: ErrorBody | null, };

export type TokenClaims = { 
/**
 * The token's purpose.
 */
purpose: Purpose, 
/**
 * The key that signed it.
 */
key_id: KeyId, 
/**
 * The share it grants access to.
 */
share_id: ShareId, 
/**
 * The first instant at which it is no longer valid.
 */
expires_at: Timestamp, };

export type ShareCreated = { 
/**
 * The share record.
 */
share: ExternalShare, 
/**
 * The external note for the ticket thread (EXT-04).
 */
note: ThreadItem, 
/**
 * The email to the collaborator (EXT-05).
 */
email: EmailMessage, 
/**
 * The link token (also inside `link_url`); the host need not store it.
 */
link_token: string, 
/**
 * The *View conversation* URL.
 */
link_url: string, 
/**
 * Audit events to store (SEC-04, EXT-14).
 */
events: Array<AuditEvent>, };

export type LinkOpened = { "outcome": "verified", 
/**
 * The session token.
 */
session_token: string, 
/**
 * When the session ends.
 */
session_expires_at: Timestamp, } | { "outcome": "code_sent", 
/**
 * The new challenge, replacing any earlier one.
 */
challenge: CodeChallenge, 
/**
 * The code email.
 */
email: EmailMessage, 
/**
 * Audit events to store.
 */
events: Array<AuditEvent>, } | { "outcome": "code_pending", 
/**
 * The pending challenge.
 */
challenge_id: ChallengeId, 
/**
 * When its code expires.
 */
expires_at: Timestamp, };

export type CodeSent = { 
/**
 * The new challenge, replacing the earlier one.
 */
challenge: CodeChallenge, 
/**
 * The code email.
 */
email: EmailMessage, 
/**
 * Audit events to store.
 */
events: Array<AuditEvent>, };

export type CodeChecked = { "outcome": "accepted", 
/**
 * The share, now verified.
 */
share: ExternalShare, 
/**
 * The challenge, now used.
 */
challenge: CodeChallenge, 
/**
 * The session token (SEC-08).
 */
session_token: string, 
/**
 * When the session ends (never after the link).
 */
session_expires_at: Timestamp, 
/**
 * Audit events to store.
 */
events: Array<AuditEvent>, } | { "outcome": "rejected", 
/**
 * The challenge with the try counted.
 */
challenge: CodeChallenge, 
/**
 * Wrong codes still allowed; 0 means the challenge is locked.
 */
attempts_left: number, 
/**
 * Audit events to store.
 */
events: Array<AuditEvent>, };

export type SharedView = { 
/**
 * The share.
 */
share_id: ShareId, 
/**
 * The ticket.
 */
ticket_id: TicketId, 
/**
 * The agent's subject.
 */
subject: string, 
/**
 * The agent's message.
 */
message: string, 
/**
 * Incoming and outgoing messages and this share's external notes, in thread order.
 */
items: Array<ThreadItem>, 
/**
 * Customer name and orders, only when the share included them; never contact details.
 */
customer: SharedCustomer | null, 
/**
 * When the link expires.
 */
expires_at: Timestamp, };

export type ReplyAccepted = { 
/**
 * The external note to add to the thread.
 */
note: ThreadItem, 
/**
 * The copy for the collaborator, if asked for.
 */
copy_email: EmailMessage | null, 
/**
 * Audit events to store.
 */
events: Array<AuditEvent>, };

export type ShareCancelled = { 
/**
 * The share, now cancelled.
 */
share: ExternalShare, 
/**
 * The note telling the thread the link is now invalid.
 */
note: ThreadItem, 
/**
 * Audit events to store.
 */
events: Array<AuditEvent>, };

export type BrandingUpdated = { 
/**
 * The validated branding, to store.
 */
branding: Branding, 
/**
 * Audit events to store.
 */
events: Array<AuditEvent>, };

export type ErrorBody = { 
/**
 * The stable reason code.
 */
code: string, 
/**
 * The public category, safe to show the collaborator.
 */
category: string, 
/**
 * The detail for logs.
 */
message: string, };
