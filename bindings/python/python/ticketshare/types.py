# Generated from the operation table (tests/surface). Do not edit:
# run `UPDATE_SURFACE=1 cargo test --test surface`.
"""The records, arguments and results of the JSON surface, as TypedDicts and aliases.

Every name matches a definition of schema/ticketshare.schema.json; see docs/api.md.
"""

from __future__ import annotations

from typing import Any, Dict, List, Literal, Optional, TypedDict, Union


AccessKey = str
"""The secret the two accounts of an agreement authenticate each other's requests with.
Shown as `AccessKey(..)` in debug output, compared in constant time, written as 40
hexadecimal characters in the records the host stores.
"""


AccessVia = Literal["inbox", "share", "none"]
"""How an agent reaches a ticket."""


class _AccountRequired(TypedDict):
    #: The company name used when no branding overrides it.
    company_name: CompanyName
    #: The plan, a key of the policy's plan table.
    plan: str


class Account(_AccountRequired, total=False):
    """The account the agent works for: its plan and email branding."""
    #: The email branding an admin set (EXT-13); used only while the plan includes it.
    branding: Optional[Branding]


AccountId = str
"""The host's id of an account (a helpdesk instance), the owner of its agreement records.

Chosen by the host: 1 to 128 bytes, no control characters, no surrounding spaces.
"""


AccountName = str
"""An account's name as partners see it: 1 to 200 characters, one line."""


Action = Literal["view", "edit", "reply", "internal_note", "fields", "inbox_and_tags", "schedule_reply", "forward", "manage_sharing"]
"""Something an agent does on a ticket."""


class _ActionVerdictRequired(TypedDict):
    #: The action.
    action: Action


class ActionVerdict(_ActionVerdictRequired, total=False):
    """One action's verdict."""
    #: Why not, when the action is refused; absent when it is allowed.
    refusal: Optional[ErrorBody]


class _ActorRequired(TypedDict):
    #: The host's id of the agent.
    id: AgentId
    #: The agent's role, a key of the policy's role table (`admin`, `team_leader`, `agent`, or a host role).
    role: str


class Actor(_ActorRequired, total=False):
    """An agent acting on the helpdesk: who they are and which role they hold."""
    #: Permissions an admin granted this user beyond the role (EXT-02).
    granted: Permissions
    #: The inboxes the agent can open through the host's inbox permissions (AGT-02, AGT-03):
    #: a ticket of another inbox is open to the agent only through an agent share.
    inboxes: List[InboxId]
    #: The agent's display name, used in "[Agent name] from [Company name]" (EXT-05): required
    #: where an email shows it, refused there when empty.
    name: str


class _AgentAccessRequired(TypedDict):
    #: How the agent reaches the ticket.
    via: AccessVia
    #: Every action, in the order of `Action`, allowed or refused with its reason.
    actions: List[ActionVerdict]


class AgentAccess(_AgentAccessRequired, total=False):
    """What an agent may do on a ticket: how they reach it, and every action's verdict."""
    #: The share that opens it, when `via` is `share`.
    share_id: Optional[AgentShareId]


class _AgentAccessArgsRequired(TypedDict):
    #: The agent, with the inboxes they can open.
    agent: Actor
    #: The ticket and its inbox.
    ticket: InboxTicket


class AgentAccessArgs(_AgentAccessArgsRequired, total=False):
    """Arguments of `agent.access`."""
    #: The site setting.
    settings: AgentSharingSettings
    #: The ticket's current shares.
    shares: List[AgentShare]


AgentId = str
"""The host's id of an agent (a signed-in user of the helpdesk).

Chosen by the host: 1 to 128 bytes, no control characters, no surrounding spaces.
"""


class AgentShare(TypedDict):
    """One ticket shared with one agent: the record the host stores while the share lasts, and
    deletes when it is removed. At most one per agent and ticket.
    """
    #: The share: a new id each time a ticket is shared with an agent, so a share removed and
    #: added again is a different share.
    id: AgentShareId
    #: The shared ticket.
    ticket_id: TicketId
    #: The agent the ticket is shared with.
    agent_id: AgentId
    #: The agent or admin who shared it.
    shared_by: AgentId
    #: When.
    shared_at: Timestamp


class _AgentShareAddArgsRequired(TypedDict):
    #: The agent or admin sharing, with the inboxes they can open.
    actor: Actor
    #: The ticket and its inbox.
    ticket: InboxTicket
    #: The agents to share it with, with the inboxes they can open.
    agents: List[Colleague]
    #: The current time.
    now: Now


class AgentShareAddArgs(_AgentShareAddArgsRequired, total=False):
    """Arguments of `agent_share.add`."""
    #: The site setting.
    settings: AgentSharingSettings
    #: The ticket's current shares.
    shares: List[AgentShare]


AgentShareId = str
"""Identifies one share of a ticket with an agent of the same account (AGT-02).

Made by the engine from injected randomness (a UUID v4), serialised as its hyphenated text.
"""


class _AgentShareRemoveArgsRequired(TypedDict):
    #: The agent or admin removing the share, with the inboxes they can open.
    actor: Actor
    #: The ticket and its inbox.
    ticket: InboxTicket
    #: The share to remove, one of `shares`.
    share_id: AgentShareId
    #: The agent it is removed from, with the inboxes they can open now.
    agent: Colleague
    #: The ticket's current shares (the one removed among them).
    shares: List[AgentShare]
    #: The current time.
    now: Now


class AgentShareRemoveArgs(_AgentShareRemoveArgsRequired, total=False):
    """Arguments of `agent_share.remove`."""
    #: The agent's pending scheduled replies on the ticket.
    pending: List[ScheduledReply]


class AgentShareRemoved(TypedDict):
    """A removed share: the record to delete, and the scheduled replies the host must cancel."""
    #: The share to delete.
    removed: AgentShare
    #: The agent's pending replies on the ticket that were scheduled under this share: cancel
    #: them (AGT-07). Replies scheduled under inbox access, or by other agents, are not here.
    cancelled_replies: List[ScheduledReply]
    #: Audit events to store.
    events: List[AuditEvent]


class AgentSharesAdded(TypedDict):
    """The result of sharing a ticket with agents: the new shares to store, and every agent left
    out with its reason. Nothing is skipped silently, and no share is ever made twice.
    """
    #: The new shares to store, in the order the agents were given.
    added: List[AgentShare]
    #: The agents not added, in the order given.
    skipped: List[SkippedAgent]
    #: Audit events to store.
    events: List[AuditEvent]


class AgentSharingSetArgs(TypedDict):
    """Arguments of `agent_sharing.set`."""
    #: The admin acting.
    actor: Actor
    #: Whether agents may share tickets with other agents.
    enabled: bool
    #: The current time.
    now: Now


class AgentSharingSettings(TypedDict, total=False):
    """The site setting of agent sharing (AGT-01): off until an admin turns it on. While it is off,
    no ticket can be shared and the shares that exist grant nothing (they come back into force
    when it is turned on again; removing them is always possible).
    """
    #: Whether agents may share tickets with other agents.
    enabled: bool


class _AgreementRequired(TypedDict):
    #: The agreement, the same in both copies.
    id: AgreementId
    #: The account this copy belongs to.
    account_id: AccountId
    #: The key both sides authenticate with.
    access_key: AccessKey
    #: Which end this account is.
    side: Side
    #: The other end.
    partner: Party
    #: The terms (ACC-04).
    terms: Terms
    #: Where it stands.
    status: AgreementStatus
    #: When this copy was made.
    created_at: Timestamp
    #: When its status last changed.
    updated_at: Timestamp


class Agreement(_AgreementRequired, total=False):
    """One account's copy of an agreement: the record its host stores."""
    #: Who ended it and how, once it is inactive.
    ended: Optional[Ending]
    #: The key this account derives the ids its people and comments take towards the partner
    #: under (ACC-16, NHD-10): derived from the engine's signing key when the copy is made,
    #: never sent, so the partner cannot confirm a guessed local id. Absent in copies stored
    #: before it existed, whose ids stay derived under the access key (see `docs/agreements.md`).
    id_key: Optional[AccessKey]
    #: What the other end is.
    partner_kind: PartnerKind
    #: The record's revision: write it only over `revision - 1` (SEC-02).
    revision: Revision


class AgreementAcceptArgs(TypedDict):
    """Arguments of `agreement.accept`."""
    #: The admin taking the step.
    actor: Actor
    #: The admin's account.
    account: SharingAccount
    #: The account's copy of the agreement.
    agreement: Agreement
    #: The current time.
    now: Now


class AgreementAccountRenamedArgs(TypedDict):
    """Arguments of `agreement.account_renamed`."""
    #: Who renamed the account.
    actor: Actor
    #: The account, under its new name.
    account: SharingAccount
    #: The account's agreements.
    agreements: List[Agreement]
    #: The current time.
    now: Now


class _AgreementChangeRequired(TypedDict):
    #: The agreement after the step.
    agreement: Agreement
    #: Audit events to store.
    events: List[AuditEvent]


class AgreementChange(_AgreementChangeRequired, total=False):
    """One step's result: the record to store, what to tell the partner, the audit events."""
    #: What the host delivers to the partner, if anything.
    notice: Optional[PartnerNotice]


class AgreementDeactivateArgs(TypedDict):
    """Arguments of `agreement.deactivate`."""
    #: The admin taking the step.
    actor: Actor
    #: The admin's account.
    account: SharingAccount
    #: The account's copy of the agreement.
    agreement: Agreement
    #: The current time.
    now: Now


class AgreementDeclineArgs(TypedDict):
    """Arguments of `agreement.decline`."""
    #: The admin taking the step.
    actor: Actor
    #: The admin's account.
    account: SharingAccount
    #: The account's copy of the agreement.
    agreement: Agreement
    #: The current time.
    now: Now


class AgreementDeferArgs(TypedDict):
    """Arguments of `agreement.defer`."""
    #: The admin taking the step.
    actor: Actor
    #: The admin's account.
    account: SharingAccount
    #: The account's copy of the agreement.
    agreement: Agreement
    #: The current time.
    now: Now


AgreementEvent = Literal["invite", "receive", "auto_decline", "accept", "decline", "defer", "reinvite", "deactivate", "rename"]
"""A step in the life of an agreement."""


AgreementId = str
"""Identifies one sharing agreement; both accounts' copies carry the same id.

Made by the engine from injected randomness; 40 hexadecimal characters on the wire.
"""


class _AgreementInviteArgsRequired(TypedDict):
    #: The admin inviting.
    actor: Actor
    #: The account inviting.
    account: SharingAccount
    #: The partner, what it is, and the terms.
    offer: Offer
    #: The current time.
    now: Now


class AgreementInviteArgs(_AgreementInviteArgsRequired, total=False):
    """Arguments of `agreement.invite`."""
    #: The account's agreements.
    agreements: List[Agreement]


class AgreementPartnerUpdateArgs(TypedDict):
    """Arguments of `agreement.partner_update`."""
    #: The account.
    account: SharingAccount
    #: The account's copy of the agreement.
    agreement: Agreement
    #: What the partner says.
    update: PartnerUpdate
    #: The current time.
    now: Now


class _AgreementReceiveArgsRequired(TypedDict):
    #: The invited account.
    account: SharingAccount
    #: The invitation.
    invitation: Invitation
    #: The current time.
    now: Now


class AgreementReceiveArgs(_AgreementReceiveArgsRequired, total=False):
    """Arguments of `agreement.receive`."""
    #: The account's agreements.
    agreements: List[Agreement]
    #: What the sender is: another instance (the default) or a third-party system.
    sender_kind: PartnerKind


class _AgreementReinviteArgsRequired(TypedDict):
    #: The admin inviting again.
    actor: Actor
    #: The account inviting.
    account: SharingAccount
    #: The declined agreement.
    agreement: Agreement
    #: The current time.
    now: Now


class AgreementReinviteArgs(_AgreementReinviteArgsRequired, total=False):
    """Arguments of `agreement.reinvite`."""
    #: New terms, if they change.
    terms: Optional[Terms]


AgreementStatus = Literal["pending", "accepted", "declined", "inactive"]
"""Where an agreement stands (the protocol's statuses)."""


class AgreementsBroken(TypedDict):
    """The agreements a rename ended."""
    #: Every pending or accepted agreement, now inactive, with its notice.
    changes: List[AgreementChange]


class Attachment(TypedDict):
    """A file attached to an item, by reference: the engine never holds file contents."""
    #: The file name shown.
    name: str
    #: The MIME type, e.g. `image/png`.
    content_type: str
    #: The size in bytes.
    size_bytes: int
    #: The host's reference to the stored file.
    reference: str


AttachmentKind = Literal["file", "call_recording", "voicemail_recording"]
"""What an attachment is."""


class AuditActorAgent(TypedDict):
    """A signed-in agent of the host."""
    type: Literal["agent"]
    #: The agent's id.
    id: AgentId


class AuditActorCollaborator(TypedDict):
    """The external collaborator, known by the address the share went to."""
    type: Literal["collaborator"]
    #: The collaborator's address.
    email: EmailAddress


class AuditActorEmailSender(TypedDict):
    """Whoever sent an email that changed the ticket (CCF-05, CCF-09)."""
    type: Literal["email_sender"]
    #: The sender's address.
    email: EmailAddress


class AuditActorPartner(TypedDict):
    """The partner account of a sharing agreement, through the sharing protocol (ACC-06)."""
    type: Literal["partner"]
    #: The partner's name.
    name: AccountName


AuditActor = Union["AuditActorAgent", "AuditActorCollaborator", "AuditActorEmailSender", "AuditActorPartner"]
"""Who caused an audit event."""


class AuditEvent(TypedDict):
    """One thing that happened, to be stored by the host beside the records it changed."""
    #: When it happened (the `now` of the operation).
    at: Timestamp
    #: Who did it.
    actor: AuditActor
    #: What happened.
    event: AuditKind


class AuditKindShareCreated(TypedDict):
    """A ticket thread was shared with a collaborator (EXT-01)."""
    type: Literal["share_created"]
    #: The new share.
    share_id: ShareId
    #: The shared ticket.
    ticket_id: TicketId
    #: The collaborator's address.
    recipient: EmailAddress


class AuditKindCustomerDetailsIncluded(TypedDict):
    """The agent chose to include customer name and order details (EXT-14)."""
    type: Literal["customer_details_included"]
    #: The share.
    share_id: ShareId
    #: The ticket whose customer details are exposed.
    ticket_id: TicketId


AuditKindVerificationInherited = TypedDict("AuditKindVerificationInherited", {"type": Literal["verification_inherited"], "share_id": "ShareId", "from": "ShareId"})
"""The share needs no code: the address verified for this ticket before (EXT-09)."""


class AuditKindCodeSent(TypedDict):
    """A verification code was emailed (EXT-06)."""
    type: Literal["code_sent"]
    #: The share.
    share_id: ShareId
    #: The new challenge.
    challenge_id: ChallengeId


class AuditKindCodeRejected(TypedDict):
    """A wrong code was entered (SEC-02)."""
    type: Literal["code_rejected"]
    #: The share.
    share_id: ShareId
    #: The challenge.
    challenge_id: ChallengeId
    #: Wrong codes still allowed before the challenge locks.
    attempts_left: int


class AuditKindChallengeLocked(TypedDict):
    """The challenge locked after too many wrong codes (SEC-02)."""
    type: Literal["challenge_locked"]
    #: The share.
    share_id: ShareId
    #: The challenge.
    challenge_id: ChallengeId


class AuditKindCodeAccepted(TypedDict):
    """The right code was entered; the collaborator is verified (EXT-06)."""
    type: Literal["code_accepted"]
    #: The share.
    share_id: ShareId
    #: The challenge.
    challenge_id: ChallengeId


class AuditKindCollaboratorReplied(TypedDict):
    """The collaborator replied; the reply is an external note (EXT-11)."""
    type: Literal["collaborator_replied"]
    #: The share.
    share_id: ShareId
    #: The ticket.
    ticket_id: TicketId
    #: The new external note.
    item_id: ItemId
    #: Whether the collaborator asked for a copy by email.
    copy_requested: bool


class AuditKindShareCancelled(TypedDict):
    """An agent cancelled the share; the link is invalid from now on (EXT-10)."""
    type: Literal["share_cancelled"]
    #: The share.
    share_id: ShareId
    #: The ticket.
    ticket_id: TicketId


class AuditKindBrandingUpdated(TypedDict):
    """An admin changed the collaborator email's branding (EXT-13)."""
    type: Literal["branding_updated"]


class AuditKindAgentSharingChanged(TypedDict):
    """An admin turned agent sharing on or off (AGT-01)."""
    type: Literal["agent_sharing_changed"]
    #: Whether sharing is now on.
    enabled: bool


class AuditKindAgentShareAdded(TypedDict):
    """A ticket was shared with an agent (AGT-02)."""
    type: Literal["agent_share_added"]
    #: The new share.
    share_id: AgentShareId
    #: The ticket.
    ticket_id: TicketId
    #: The agent it is shared with.
    agent_id: AgentId


class AuditKindAgentShareRemoved(TypedDict):
    """An agent's share of a ticket was removed; they can no longer open it (AGT-05, AGT-08)."""
    type: Literal["agent_share_removed"]
    #: The removed share.
    share_id: AgentShareId
    #: The ticket.
    ticket_id: TicketId
    #: The agent who lost access.
    agent_id: AgentId


class _AuditKindReplyScheduledRequired(TypedDict):
    type: Literal["reply_scheduled"]
    #: The scheduled reply.
    reply_id: ScheduledReplyId
    #: The ticket.
    ticket_id: TicketId


class AuditKindReplyScheduled(_AuditKindReplyScheduledRequired, total=False):
    """An agent scheduled a reply (AGT-07)."""
    #: The share it was scheduled under, if any.
    via_share: Optional[AgentShareId]


class AuditKindCcAdded(TypedDict):
    """A CC was added to a ticket, from the ticket or by email (CCF-05)."""
    type: Literal["cc_added"]
    #: The ticket.
    ticket_id: TicketId
    #: The new CC.
    email: EmailAddress


class AuditKindCcRemoved(TypedDict):
    """A CC was removed: by email (CCF-09), or made a follower from the ticket (CCF-05)."""
    type: Literal["cc_removed"]
    #: The ticket.
    ticket_id: TicketId
    #: The removed CC.
    email: EmailAddress


class AuditKindFollowerAdded(TypedDict):
    """A follower was added from the ticket (CCF-02)."""
    type: Literal["follower_added"]
    #: The ticket.
    ticket_id: TicketId
    #: The new follower.
    email: EmailAddress


class AuditKindScheduledReplyCancelled(TypedDict):
    """A scheduled reply was cancelled because its author lost the access it was scheduled
    under (AGT-07).
    """
    type: Literal["scheduled_reply_cancelled"]
    #: The cancelled reply.
    reply_id: ScheduledReplyId
    #: The ticket.
    ticket_id: TicketId
    #: The reply's author.
    author: AgentId


class AuditKindAgreementChanged(TypedDict):
    """A sharing agreement changed (ACC-01..08): the step and the status it led to."""
    type: Literal["agreement_changed"]
    #: The agreement.
    agreement_id: AgreementId
    #: The step.
    step: AgreementEvent
    #: The status after it.
    status: AgreementStatus


class AuditKindTicketShared(TypedDict):
    """A ticket was shared with a partner account, or arrived from one (ACC-09, ACC-11)."""
    type: Literal["ticket_shared"]
    #: The account's own ticket.
    ticket_id: TicketId
    #: The shared ticket, the same id on both sides.
    shared_ticket_id: SharedTicketId
    #: The agreement it travels under.
    agreement_id: AgreementId
    #: Whether it was sent or received.
    direction: Direction


class AuditKindTicketUnshared(TypedDict):
    """A ticket stopped being shared (ACC-12)."""
    type: Literal["ticket_unshared"]
    #: The account's own ticket.
    ticket_id: TicketId
    #: The shared ticket.
    shared_ticket_id: SharedTicketId


class AuditKindPartnerUrlChanged(TypedDict):
    """The partner of an agreement moved its sharing URL (NHD-07: its own field); requests go
    to the new one.
    """
    type: Literal["partner_url_changed"]
    #: The agreement.
    agreement_id: AgreementId
    #: The partner's new sharing URL.
    url: HttpsUrl


class AuditKindPartnerRequestRefused(TypedDict):
    """A partner's request under a known agreement was refused (NHD-04..08): a wrong key, a
    step that is not the partner's, a ticket under an agreement not in force.
    """
    type: Literal["partner_request_refused"]
    #: The agreement the request named.
    agreement_id: AgreementId
    #: Its method.
    method: NhdMethod
    #: What it was about.
    resource: NhdResource
    #: The HTTP status it was answered with.
    status: int
    #: The reason code.
    reason: str


AuditKind = Union["AuditKindShareCreated", "AuditKindCustomerDetailsIncluded", "AuditKindVerificationInherited", "AuditKindCodeSent", "AuditKindCodeRejected", "AuditKindChallengeLocked", "AuditKindCodeAccepted", "AuditKindCollaboratorReplied", "AuditKindShareCancelled", "AuditKindBrandingUpdated", "AuditKindAgentSharingChanged", "AuditKindAgentShareAdded", "AuditKindAgentShareRemoved", "AuditKindReplyScheduled", "AuditKindCcAdded", "AuditKindCcRemoved", "AuditKindFollowerAdded", "AuditKindScheduledReplyCancelled", "AuditKindAgreementChanged", "AuditKindTicketShared", "AuditKindTicketUnshared", "AuditKindPartnerUrlChanged", "AuditKindPartnerRequestRefused"]
"""What happened."""


class Author(TypedDict):
    """The author of an item."""
    #: What the author is.
    role: AuthorRole
    #: The name shown.
    name: str


AuthorRole = Literal["customer", "agent", "collaborator", "system"]
"""Who wrote an item."""


class _BrandingRequired(TypedDict):
    #: The From name and the "from [Company name]" text.
    company_name: CompanyName


class Branding(_BrandingRequired, total=False):
    """The collaborator email's branding, validated (EXT-13)."""
    #: The colour of the *View conversation* button.
    brand_colour: Optional[HexColour]
    #: The logo, or none.
    logo: Optional[Logo]
    #: Where a click on the logo leads.
    logo_url: Optional[HttpsUrl]


class _BrandingFormArgsRequired(TypedDict):
    #: The company name.
    company_name: str


class BrandingFormArgs(_BrandingFormArgsRequired, total=False):
    """The branding form of `branding.update`."""
    #: The button colour, `#RGB` or `#RRGGBB`.
    brand_colour: Optional[str]
    #: The logo, or none.
    logo: Optional[LogoArgs]
    #: Where a click on the logo leads.
    logo_url: Optional[str]


class BrandingUpdateArgs(TypedDict):
    """Arguments of `branding.update`."""
    #: The agent acting.
    actor: Actor
    #: The agent's account: plan and branding.
    account: Account
    #: The admin's branding form.
    form: BrandingFormArgs
    #: The current time.
    now: Now


class BrandingUpdated(TypedDict):
    """Result of `branding.update`."""
    #: The validated branding, to store.
    branding: Branding
    #: Audit events to store.
    events: List[AuditEvent]


class Cancellation(TypedDict):
    """Who cancelled a share, and when (EXT-10)."""
    #: When.
    at: Timestamp
    #: The agent.
    by: AgentId


class _CcAddArgsRequired(TypedDict):
    #: The agent adding them.
    actor: Actor
    #: The ticket's people.
    people: TicketPeople
    #: The addresses to add, one per string (`Name <address>` allowed).
    addresses: List[str]
    #: The current time.
    now: Now


class CcAddArgs(_CcAddArgsRequired, total=False):
    """Arguments of `cc.add`."""
    #: The ticket's comments, for the responses a new CC receives.
    comments: List[CommentRef]
    #: The staff the host knows among the addresses.
    known: List[Person]
    #: The account's CC and follower settings.
    settings: CcSettings


class _CcInboundArgsRequired(TypedDict):
    #: The email that replies to a ticket notification.
    email: InboundEmail
    #: The ticket's people.
    people: TicketPeople
    #: The current time.
    now: Now


class CcInboundArgs(_CcInboundArgsRequired, total=False):
    """Arguments of `cc.inbound`."""
    #: The ticket's comments, for the responses a new CC receives.
    comments: List[CommentRef]
    #: The staff (agents, light agents) the host knows among the email's addresses.
    known: List[Person]
    #: The account's CC and follower settings.
    settings: CcSettings


class _CcNotifyArgsRequired(TypedDict):
    #: The ticket's people.
    people: TicketPeople
    #: The update: public comment or internal note, and its author.
    update: TicketUpdate
    #: The email action of the trigger that fires.
    action: TriggerAction


class CcNotifyArgs(_CcNotifyArgsRequired, total=False):
    """Arguments of `cc.notify`."""
    #: The account's CC and follower settings.
    settings: CcSettings


class CcSettings(TypedDict, total=False):
    """The account's CC and follower settings (host data; seed 004, "Configuring CCs and
    followers permissions").
    """
    #: Addresses and domains that never become CCs or followers (CCF-07): `ana@example.com`,
    #: `example.com` (and its subdomains) or `@example.com`.
    blocklist: List[str]
    #: Whether CCs are on (default): off, nobody becomes a CC and CCs are not emailed.
    ccs_enabled: bool
    #: Whether followers are on (default): off, followers are not emailed nor added.
    followers_enabled: bool
    #: The most CCs a ticket has (CCF-12): 48 by default, 1 to 1000.
    max_ccs: int
    #: The helpdesk's own addresses (support@...): never a CC, never a third party.
    support_addresses: List[EmailAddress]


class CcsAdded(TypedDict):
    """CCs added from the ticket."""
    #: The new CCs to store.
    added: List[NewCc]
    #: The ticket's public responses, in order, to send each new CC (CCF-10); empty when no
    #: CC is added.
    send_items: List[ItemId]
    #: The addresses that are on the ticket already (requester, CC or follower): unchanged.
    unchanged: List[EmailAddress]
    #: Audit events to store.
    events: List[AuditEvent]


ChallengeId = str
"""Identifies one email verification challenge.

Made by the engine from injected randomness (a UUID v4), serialised as its hyphenated text.
"""


ChallengeState = Literal["pending", "locked", "accepted"]
"""Where a challenge stands."""


class _CodeChallengeRequired(TypedDict):
    #: The challenge.
    id: ChallengeId
    #: The share it verifies.
    share_id: ShareId
    #: The key that hashed the code.
    key_id: KeyId
    #: HMAC of the code.
    code_hash: CodeHash
    #: When the code was sent.
    sent_at: Timestamp
    #: The first instant at which the code is no longer accepted.
    expires_at: Timestamp
    #: Wrong codes entered for this challenge.
    wrong_attempts: int
    #: Where the challenge stands.
    state: ChallengeState
    #: Sends for this share within the last hour, oldest first, this one last.
    recent_sends: List[Timestamp]


class CodeChallenge(_CodeChallengeRequired, total=False):
    """One verification challenge: the record the host stores (never the code itself)."""
    #: The record's revision: the host keeps one challenge per share, and writes a new or
    #: changed one only over `revision - 1` (SEC-02).
    revision: Revision


class CodeCheckArgs(TypedDict):
    """Arguments of `code.check`."""
    #: The link token.
    token: str
    #: The share record, as stored.
    share: ExternalShare
    #: The share's current code challenge, as stored.
    challenge: CodeChallenge
    #: The code the collaborator entered.
    code: str
    #: The current time.
    now: Now


class CodeCheckedAccepted(TypedDict):
    """The right code: the collaborator is verified and gets a session."""
    outcome: Literal["accepted"]
    #: The share, now verified.
    share: ExternalShare
    #: The challenge, now used.
    challenge: CodeChallenge
    #: The session token (SEC-08).
    session_token: str
    #: When the session ends (never after the link).
    session_expires_at: Timestamp
    #: The verified-device token (EXT-09): keep it in a cookie of this browser
    #: (`HttpOnly`, `Secure`, `SameSite=Lax`, until `device_expires_at`) and pass it to
    #: `link.open`; a re-share to the same address then opens without a code in this
    #: browser, and only in it.
    device_token: str
    #: When the device token expires.
    device_expires_at: Timestamp
    #: Audit events to store.
    events: List[AuditEvent]


class CodeCheckedRejected(TypedDict):
    """A wrong code: one try counted."""
    outcome: Literal["rejected"]
    #: The share with one more wrong code in a row (SEC-02): store it with the challenge.
    share: ExternalShare
    #: The challenge with the try counted.
    challenge: CodeChallenge
    #: Wrong codes still allowed; 0 means the challenge is locked.
    attempts_left: int
    #: Audit events to store.
    events: List[AuditEvent]


CodeChecked = Union["CodeCheckedAccepted", "CodeCheckedRejected"]
"""The result of entering a code. Both outcomes change records: store them."""


class CodeConfig(TypedDict, total=False):
    """Verification code settings (SEC-02). Defaults are the catalogue's decisions."""
    #: Digits per code: 6 to 9 (6 digits is about 20 bits).
    digits: int
    #: Wrong codes in a row, across challenges of one share, after which no code is sent or
    #: accepted until an agent shares again: 50 by default, always under 100 (NIST's cap).
    max_failures_in_a_row: int
    #: Sends allowed per share within any hour: 5 by default (1 to 20).
    max_sends_per_hour: int
    #: The wrong code that locks the challenge: 5 by default (1 to 10).
    max_wrong_attempts: int
    #: The least time between two sends: 60 s by default.
    resend_cooldown_seconds: Seconds
    #: How long a code lives: at most 600 s (NIST SP 800-63B), 600 s by default.
    ttl_seconds: Seconds


CodeHash = str
"""A keyed hash of a code (HMAC-SHA256), serialised as unpadded base64url."""


CodeResendArgs = "LinkOpenArgs"
"""Arguments of `code.resend`: those of `link.open`."""


class CodeSent(TypedDict):
    """A new code on request: store the challenge, send the email."""
    #: The new challenge, replacing the earlier one.
    challenge: CodeChallenge
    #: The code email.
    email: EmailMessage
    #: Audit events to store.
    events: List[AuditEvent]


CodeState = Literal["pending", "expired", "locked", "used"]
"""Where the share's current code stands, as the collaborator's code page shows it."""


class CodeStatus(TypedDict):
    """The current code, for the collaborator's page."""
    #: Where it stands.
    state: CodeState
    #: When it stops being accepted.
    expires_at: Timestamp
    #: Wrong codes it still takes (0 when it is not pending).
    attempts_left: int


class _CollaboratorReplyRequired(TypedDict):
    #: The text: formatted text and hyperlinks in the host's editor format.
    body: str


class CollaboratorReply(_CollaboratorReplyRequired, total=False):
    """What the collaborator sends back (EXT-11)."""
    #: Files, by reference.
    attachments: List[Attachment]
    #: Whether the collaborator wants a copy by email.
    send_copy: bool


class _ColleagueRequired(TypedDict):
    #: The agent.
    id: AgentId


class Colleague(_ColleagueRequired, total=False):
    """An agent a ticket is shared with, as the host knows them: their id and the inboxes they can
    open through inbox permissions.
    """
    #: The inboxes the agent can open.
    inboxes: List[InboxId]


class CommentRef(TypedDict):
    """A comment of the ticket, as CCF-10 needs it: its id and whether the requester saw it."""
    #: The host's id of the comment.
    id: ItemId
    #: Whether it is a public response (sent to the requester), not an internal note.
    public: bool


CommentTerms = Literal["public_and_private", "private_only"]
"""The comment permission of an agreement (ACC-04)."""


CommentVisibility = Literal["public", "private"]
"""Whether the reply becomes a public comment or an internal note."""


CompanyName = str
"""A company name: 1 to 100 characters, one line, no control characters."""


class _CustomStatusRequired(TypedDict):
    #: The host's id.
    id: StatusId
    #: Its category.
    category: StatusCategory


class CustomStatus(_CustomStatusRequired, total=False):
    """One custom status of an account."""
    #: Whether it is its category's default.
    default: bool


class _CustomerDetailsRequired(TypedDict):
    #: The customer's name.
    name: str


class CustomerDetails(_CustomerDetailsRequired, total=False):
    """What the host knows of the customer. A collaborator sees name and orders only when the share
    included them (EXT-07), and the contact details never (EXT-12).
    """
    #: The customer's email address: never shown to a collaborator.
    email: Optional[str]
    #: The customer's orders.
    orders: List[OrderDetails]
    #: The customer's phone number: never shown to a collaborator.
    phone: Optional[str]


Direction = Literal["sent", "received"]
"""Whether this account sent a shared ticket or received it."""


EmailAddress = str
"""An email address, trimmed, compared case-insensitively (EXT-09).

**Decision:** only ASCII addresses of the common form `local@domain.tld` are accepted;
internationalised addresses must reach the engine in their ASCII (punycode) form.
"""


class EmailMessage(TypedDict):
    """An email for the host to send."""
    #: The recipient.
    to: EmailAddress
    #: The From display name: the company name (EXT-13), as text. Give it to a mail library
    #: as the address's name (Python's `email.headerregistry.Address`, Django's
    #: `formataddr`), or write `from_display` into the header: never this text raw.
    from_name: str
    #: The same name as an RFC 5322 display-name, ready for `From: <this> <noreply@...>`:
    #: a quoted-string when it is ASCII, RFC 2047 encoded-words (UTF-8, base64) when not.
    from_display: str
    #: The subject line.
    subject: str
    #: The plain-text body.
    text_body: str
    #: The HTML body, every value escaped.
    html_body: str


EndCause = Literal["deactivated", "account_renamed"]
"""Why an agreement ended."""


class Ending(TypedDict):
    """Who ended an agreement, and how."""
    #: The side that ended it.
    by: Side
    #: Deactivation or rename.
    cause: EndCause


class _EngineConfigRequired(TypedDict):
    #: Signing keys (SEC-01, SEC-07).
    keyring: KeyringConfig
    #: Where the collaborator's page lives; the token is a path segment under it:
    #: `https://help.example.com/shared/` and `https://help.example.com/shared` both give
    #: `https://help.example.com/shared/<token>`, `https://help.example.com` gives
    #: `https://help.example.com/<token>`. No query or fragment. `http` only on a loopback
    #: host (`http://127.0.0.1:8000/shared/`, a developer's machine).
    view_url: ViewUrl


class EngineConfig(_EngineConfigRequired, total=False):
    """Everything an [`crate::Engine`] is built from."""
    #: Verification code settings (SEC-02).
    codes: CodeConfig
    #: Link and session lifetimes.
    links: LinkConfig
    #: Partner accounts of sharing agreements (NHD-10).
    partners: PartnerConfig
    #: Roles and plans (EXT-02, EXT-03).
    policy: Policy


class EngineInfo(TypedDict):
    """What `engine.info` returns."""
    #: The newest request version understood.
    api_version: int
    #: The library version.
    library_version: str
    #: Every operation.
    operations: List[str]
    #: Every reason code with its number, public category and family.
    reasons: List[ReasonInfo]


EngineInfoArgs = Dict[str, Any]
"""Arguments of `engine.info`: none."""


class ErrorBody(TypedDict):
    """A refusal as JSON: the error object of a response, and of every refusal a result reports
    (an agent not added, an address not made a CC). An [`Error`] serialises as this.
    """
    #: The stable reason code.
    code: str
    #: The public category, safe to show the collaborator.
    category: PublicCategory
    #: The detail for logs.
    message: str


ExternalNotePurpose = Literal["shared", "collaborator_reply", "link_invalidated"]
"""Why an external note was added."""


class _ExternalShareRequired(TypedDict):
    #: The share.
    id: ShareId
    #: The shared ticket.
    ticket_id: TicketId
    #: The agent who shared.
    shared_by: AgentId
    #: The collaborator.
    recipient: EmailAddress
    #: The email's subject: checked again when the record comes back, as when it was made (a
    #: line break from a tampered database would otherwise reach an email header).
    subject: str
    #: The agent's message, checked again when the record comes back.
    message: str
    #: Whether customer name and order details are shown.
    include_customer_details: bool
    #: When it was shared.
    shared_at: Timestamp
    #: The first instant at which the link is refused as expired (EXT-08).
    expires_at: Timestamp
    #: Whether a code is still needed.
    verification: Verification


class ExternalShare(_ExternalShareRequired, total=False):
    """One share of a ticket thread with one collaborator: the record the host stores."""
    #: Set once an agent cancelled it.
    cancellation: Optional[Cancellation]
    #: Wrong codes in a row for this collaborator and ticket (SEC-02): carried over to a
    #: re-share to the same address, reset only by a right code.
    failures_in_a_row: int
    #: The record's revision: write it only over `revision - 1` (SEC-02).
    revision: Revision


class _FieldDefRequired(TypedDict):
    #: The host's id.
    id: FieldId
    #: The title fields pair by.
    title: str
    #: The data type.
    type: FieldType


class FieldDef(_FieldDefRequired, total=False):
    """A ticket field of an account (host data)."""
    #: Whether it is on the account's default ticket form.
    on_default_form: bool
    #: The options of a drop-down or multi-select field.
    options: List[FieldOption]
    #: Whether it is a system field (subject, priority, ...), which never syncs.
    system: bool


FieldId = str
"""The host's id of a ticket field (ACC-20).

Chosen by the host: 1 to 128 bytes, no control characters, no surrounding spaces.
"""


class _FieldOptionRequired(TypedDict):
    #: The tag stored for it: what must match between the accounts.
    tag: str


class FieldOption(_FieldOptionRequired, total=False):
    """One option of a drop-down or multi-select field."""
    #: The label agents see.
    name: Optional[str]


class _FieldPairingRequired(TypedDict):
    #: The field.
    field_id: FieldId


class FieldPairing(_FieldPairingRequired, total=False):
    """The verdict for one field of the account the values come from."""
    #: The other account's field it pairs with, when there is one.
    counterpart: Optional[FieldId]
    #: Why it does not sync, when it does not.
    skipped: Optional[FieldSkip]
    #: How values transfer, when it syncs.
    transfer: Optional[Transfer]


class FieldPlan(TypedDict):
    """A verdict for every field of the account the values come from, in its order."""
    #: One verdict per field.
    fields: List[FieldPairing]


FieldSkip = Literal["system_field", "same_title_twice", "no_counterpart", "types_incompatible", "option_tags_differ", "not_on_default_form", "value_does_not_fit"]
"""Why a field, or one value, does not sync."""


class FieldTransfer(TypedDict):
    """The values for the other side, keyed by its fields, and the ones that do not cross. The
    other side stores them without an audit event (ACC-20).
    """
    #: The values, keyed by the other side's fields.
    values: List[FieldValueOf]
    #: The values that do not cross.
    skipped: List[SkippedValue]


FieldType = Literal["text", "textarea", "checkbox", "date", "integer", "decimal", "regexp", "credit_card", "dropdown", "multiselect", "lookup"]
"""The data type of a ticket field."""


FieldValue = Optional[Union[bool, float, str, List[str]]]
"""A field's value: nothing (cleared), yes or no, a number, text (a date, a tag) or a list
of tags.
"""


class FieldValueOf(TypedDict):
    """A value and the field it belongs to."""
    #: The field.
    field_id: FieldId
    #: Its value.
    value: FieldValue


class _FollowerAddArgsRequired(TypedDict):
    #: The agent adding them.
    actor: Actor
    #: The ticket's people.
    people: TicketPeople
    #: The agents to add as followers.
    followers: List[Person]
    #: The current time.
    now: Now


class FollowerAddArgs(_FollowerAddArgsRequired, total=False):
    """Arguments of `follower.add`."""
    #: The account's CC and follower settings.
    settings: CcSettings


class FollowersAdded(TypedDict):
    """Followers added from the ticket."""
    #: The new followers to store.
    added: List[Person]
    #: CCs who became followers: remove them as CCs (CCF-05: a person holds one role).
    removed_ccs: List[EmailAddress]
    #: The people who follow the ticket already: unchanged.
    unchanged: List[EmailAddress]
    #: Audit events to store.
    events: List[AuditEvent]


HexColour = str
"""A brand colour as a hex code: `#RGB` or `#RRGGBB`."""


HttpsUrl = str
"""An absolute `https` URL (no `javascript:`, `data:`, relative or credentialed URLs)."""


class IgnoredAddress(TypedDict):
    """An address of the email that changes nothing, and why."""
    #: The address.
    email: EmailAddress
    #: Why it did not become a CC: `ccs_disabled`, `cannot_add_ccs`, `address_blocklisted`,
    #: `cc_limit_reached`, or `already_follower` (a follower stays a follower, CCF-05).
    refusal: ErrorBody


class InboundDecision(TypedDict):
    """What an email reply does to the ticket."""
    #: Who sent it.
    sender: SenderRole
    #: Public comment or internal note.
    comment: CommentVisibility
    #: The rule that decided it: `CCF-03` (a follower), `CCF-05` (a light agent), `CCF-06`
    #: (Reply or Reply all) or `CCF-08` (a third party).
    rule: str
    #: Whether the ticket shows the third-party warning (CCF-08).
    third_party_warning: bool
    #: The new CCs (CCF-05).
    new_ccs: List[NewCc]
    #: The ticket's public responses, in order, to send each new CC (CCF-10), listed once;
    #: empty when no CC is added.
    send_items: List[ItemId]
    #: The CCs the email removes (CCF-09).
    removed_ccs: List[EmailAddress]
    #: The addresses that became no CC, with the reason.
    ignored: List[IgnoredAddress]
    #: The addresses the engine cannot read, each reported alone; the others are decided as
    #: usual (CCF-12).
    unreadable: List[UnreadableAddress]
    #: Audit events to store.
    events: List[AuditEvent]


_InboundEmailRequired = TypedDict("_InboundEmailRequired", {"from": str})


class InboundEmail(_InboundEmailRequired, total=False):
    """An email that replies to a ticket notification, its addresses as the host read them from
    the headers: one string per address, `Name <address>` forms allowed.
    """
    #: The CC recipients.
    cc: List[str]
    #: The To recipients.
    to: List[str]


InboxId = str
"""The host's id of an inbox (a group of tickets agents get access to as a whole).

Chosen by the host: 1 to 128 bytes, no control characters, no surrounding spaces.
"""


class InboxTicket(TypedDict):
    """A ticket as agent sharing sees it: its id and the inbox it belongs to."""
    #: The ticket.
    id: TicketId
    #: The inbox it belongs to.
    inbox_id: InboxId


class IncomingUpdate(TypedDict, total=False):
    """An update of a shared ticket from the partner."""
    #: New comments.
    comments: List[SharedComment]
    #: The ticket's requester, when the ticket first arrives.
    requester: Optional[SharedActor]
    #: The ticket's tags, when they changed.
    tags: Optional[List[str]]


class Invitation(TypedDict):
    """An invitation, as the sender sends it and the receiver reads it."""
    #: The agreement.
    agreement_id: AgreementId
    #: The key both sides will authenticate with.
    access_key: AccessKey
    #: The inviting account.
    sender: Party
    #: The invited account's sharing URL.
    receiver_url: HttpsUrl
    #: The terms offered.
    terms: Terms


class _InviteReceivedRequired(TypedDict):
    #: Whether to tell the account's admins; never for an opted-out account.
    notify_admins: bool
    #: Audit events to store.
    events: List[AuditEvent]


class InviteReceived(_InviteReceivedRequired, total=False):
    """What the receiving engine makes of an invitation."""
    #: The copy to store, pending for the admins; none when the account opted out (ACC-05).
    agreement: Optional[Agreement]
    #: The answer for the sender, if any: an ordinary decline for an opted-out account.
    notice: Optional[PartnerNotice]


ItemId = str
"""The host's id of one item (message or note) of a ticket thread.

Chosen by the host: 1 to 128 bytes, no control characters, no surrounding spaces.
"""


class ItemKindIncoming(TypedDict):
    """A message from the customer."""
    type: Literal["incoming"]


class ItemKindOutgoing(TypedDict):
    """A message to the customer."""
    type: Literal["outgoing"]


class ItemKindInternalNote(TypedDict):
    """A note between agents; never shown to a collaborator (EXT-07)."""
    type: Literal["internal_note"]


class ItemKindExternalNote(TypedDict):
    """A note tied to one external share: the share itself, a collaborator reply, a cancellation."""
    type: Literal["external_note"]
    #: The share the note belongs to.
    share_id: ShareId
    #: Why the note exists.
    purpose: ExternalNotePurpose


ItemKind = Union["ItemKindIncoming", "ItemKindOutgoing", "ItemKindInternalNote", "ItemKindExternalNote"]
"""What kind of item of a ticket thread.

Read through [`ItemKindRecord`]: the same JSON, without serde's buffering of internally
tagged enums (a sizeable part of the WebAssembly build).
"""


class KeyConfig(TypedDict):
    """One key of the keyring as configured: an id and the secret as unpadded base64url.

    The secret is wiped from memory when the value is dropped and never printed.
    """
    #: The key's id, carried in every token it signs.
    id: KeyId
    #: At least 32 random bytes, as unpadded base64url.
    secret: str


KeyId = int
"""The id of a signing key in the keyring; carried in every token (SEC-01)."""


class KeyringConfig(TypedDict):
    """The keyring as configured."""
    #: The id of the key that signs new tokens.
    active: KeyId
    #: Every key: the active one and older verify-only ones.
    keys: List[KeyConfig]


class LinkCheckArgs(TypedDict):
    """Arguments of `link.check`."""
    #: The link token.
    token: str
    #: The share record, as stored.
    share: ExternalShare
    #: The current time.
    now: Now


class LinkConfig(TypedDict, total=False):
    """Link and session lifetimes."""
    #: How long a verified-device token lives (EXT-09): 30 days.
    device_ttl_seconds: Seconds
    #: How long a link lives after it was shared (EXT-08): 72 h by default.
    link_ttl_seconds: Seconds
    #: How long a session lives after a verified code (SEC-08), never past the link: 1 h.
    session_ttl_seconds: Seconds


class _LinkOpenArgsRequired(TypedDict):
    #: The link token.
    token: str
    #: The share record, as stored.
    share: ExternalShare
    #: The agent's account: plan and branding.
    account: Account
    #: The current time.
    now: Now


class LinkOpenArgs(_LinkOpenArgsRequired, total=False):
    """Arguments of `link.open`."""
    #: The share's current code challenge, as stored, if any.
    challenge: Optional[CodeChallenge]
    #: The verified-device token this browser sent (its cookie), if any (EXT-09).
    device_token: Optional[str]


class LinkOpenedVerified(TypedDict):
    """No code needed: here is a session (EXT-09)."""
    outcome: Literal["verified"]
    #: The session token.
    session_token: str
    #: When the session ends.
    session_expires_at: Timestamp


class LinkOpenedCodeSent(TypedDict):
    """A code was emailed: store the challenge, send the email."""
    outcome: Literal["code_sent"]
    #: The new challenge, replacing any earlier one.
    challenge: CodeChallenge
    #: The code email.
    email: EmailMessage
    #: Audit events to store.
    events: List[AuditEvent]


class LinkOpenedCodePending(TypedDict):
    """A code sent earlier is still valid: show the code form, send nothing."""
    outcome: Literal["code_pending"]
    #: The pending challenge.
    challenge_id: ChallengeId
    #: When its code expires.
    expires_at: Timestamp


LinkOpened = Union["LinkOpenedVerified", "LinkOpenedCodeSent", "LinkOpenedCodePending"]
"""What opening a link leads to. Opening never changes a record but for sending a code (SEC-05)."""


class LinkVerifyArgs(TypedDict):
    """Arguments of `link.verify`."""
    #: The link token.
    token: str
    #: The current time.
    now: Now


class _LocalAttachmentRequired(TypedDict):
    #: The host's id.
    id: ItemId
    #: Its file name.
    filename: str
    #: Its media type.
    content_type: str
    #: Where the partner may fetch it.
    url: HttpsUrl


class LocalAttachment(_LocalAttachmentRequired, total=False):
    """An attachment of a comment of the account."""
    #: File or recording.
    kind: AttachmentKind
    #: A voicemail's transcription: crosses as text (ACC-17).
    transcription: Optional[str]


class _LocalCommentRequired(TypedDict):
    #: The host's id.
    id: ItemId
    #: Its author.
    author: LocalUser
    #: Its text.
    body: str
    #: Public (the requester sees it) or private.
    public: bool
    #: When it was written.
    created_at: Timestamp


class LocalComment(_LocalCommentRequired, total=False):
    """A comment of the account's copy."""
    #: Its attachments.
    attachments: List[LocalAttachment]


class _LocalTagRequired(TypedDict):
    #: The tag.
    name: str


class LocalTag(_LocalTagRequired, total=False):
    """A tag of the account's copy."""
    #: Whether a business rule (trigger, automation) added it: never synced (ACC-19).
    by_rule: bool


class _LocalTicketRequired(TypedDict):
    #: The ticket.
    id: TicketId
    #: Its status category.
    status: StatusCategory


class LocalTicket(_LocalTicketRequired, total=False):
    """A ticket as account sharing sees it: its id, its status category and its share records."""
    #: Its share records, past and present.
    shares: List[TicketShare]


class LocalUpdate(TypedDict, total=False):
    """A change of the account's copy to send to the partner."""
    #: New comments.
    comments: List[LocalComment]
    #: The ticket's tags, when they changed.
    tags: Optional[List[LocalTag]]


class _LocalUserRequired(TypedDict):
    #: The host's id.
    id: UserId
    #: Their name: the only thing of theirs that crosses.
    name: str


class LocalUser(_LocalUserRequired, total=False):
    """A person of the account, as its host knows them."""
    #: Their address: never crosses (ACC-16).
    email: Optional[EmailAddress]
    #: Their organisation: never crosses (ACC-16).
    organization: Optional[str]
    #: Their phone number: never crosses (ACC-16).
    phone: Optional[str]
    #: End user, agent or light agent.
    role: PersonRole


class Logo(TypedDict):
    """A validated logo: where the host serves it, and its size read from the image bytes."""
    #: Where the host serves the image.
    image_url: HttpsUrl
    #: Width in pixels (1 to 250, checked again when the record comes back).
    width: int
    #: Height in pixels (1 to 100, checked again when the record comes back).
    height: int


class LogoArgs(TypedDict):
    """A logo in `branding.update`: the image as standard base64 and where it is served."""
    #: The image file, as standard (padded) base64.
    image_base64: str
    #: Where the host serves the image.
    image_url: str


class MappedStatus(TypedDict):
    """A mapped status and the row of the table that gave it."""
    #: The target account's status.
    status: TicketStatus
    #: The row of the table.
    case: MappingCase


MappingCase = Literal["neither", "source_only", "target_only", "both"]
"""Which row of the mapping table applied."""


class MergeAllowed(TypedDict):
    """A merge that may go ahead (a refusal is an error: `shared_ticket_unmergeable`)."""
    #: Always true.
    allowed: bool


class NewCc(TypedDict):
    """A new CC. The public responses since the ticket was created, which each new CC receives
    (CCF-10), are listed once beside the new CCs (`send_items`), not copied into each.
    """
    #: The person to add as a CC.
    person: Person


class NewComment(TypedDict):
    """A comment to add to the account's copy."""
    #: Its id from the partner.
    id: SharedCommentId
    #: Its author: the placeholder of this partner person.
    author: SharedUserId
    #: Its text.
    body: str
    #: Public or private.
    public: bool
    #: Whether it arrived public and is kept private: the receiver comments privately under
    #: *private comments only* (ACC-14).
    made_private: bool
    #: When it was written.
    authored_at: Timestamp
    #: Its attachments.
    attachments: List[SharedAttachment]


class NewPlaceholder(TypedDict):
    """A placeholder end user to create for a person of the partner (ACC-16)."""
    #: The person's id from the partner: the placeholder's key, with the agreement.
    partner_user: SharedUserId
    #: Their name.
    name: str
    #: Always an end user, whatever they are on the partner's side.
    role: PersonRole


class NhdActor(TypedDict, total=False):
    """A person, as the protocol names them (`current_actor`, `requester`, an author)."""
    #: Their name; empty when the partner sent none (`null` or absent, as the gem may): the
    #: host shows a placeholder (NHD-09).
    name: Optional[str]
    #: `agent` or `user`, as the sending side says.
    role: Optional[str]
    #: Their id towards the partner.
    uuid: Optional[SharedUserId]


class _NhdAgreementRequestArgsRequired(TypedDict):
    #: The account.
    account: SharingAccount
    #: The account's copy of the agreement, after the step.
    agreement: Agreement


class NhdAgreementRequestArgs(_NhdAgreementRequestArgsRequired, total=False):
    """Arguments of `nhd.agreement_request`."""
    #: Who took the step: crosses as an id, a name and a role.
    actor: Optional[LocalUser]


class _NhdAnswerRequired(TypedDict):
    #: The HTTP status.
    status: int
    #: The headers to set, by name.
    headers: Dict[str, str]


class NhdAnswer(_NhdAnswerRequired, total=False):
    """The answer the host sends back to the partner."""
    #: The body, when there is one: a refusal's is `{"error": {code, category, message}}`.
    body: Optional[str]


class _NhdAttachmentRequired(TypedDict):
    #: Where to fetch it.
    url: str


class NhdAttachment(_NhdAttachmentRequired, total=False):
    """An attachment of a comment."""
    #: Its media type.
    content_type: Optional[str]
    #: The name to show.
    display_filename: Optional[str]
    #: Its file name; when a partner sends none, the last segment of the URL's path (NHD-09).
    filename: Optional[str]


class NhdComment(TypedDict, total=False):
    """A comment of a ticket."""
    #: Its attachments (`null` reads as none).
    attachments: Optional[List[NhdAttachment]]
    #: Its author.
    author: Optional[NhdActor]
    #: When it was written.
    authored_at: Optional[NhdTime]
    #: Its text (`null` reads as empty).
    body: Optional[str]
    #: Custom-field values set with it, by field title.
    custom_fields: Optional[Dict[str, NhdFieldValue]]
    #: Its HTML, when the sender has one.
    html_body: Optional[str]
    #: Public (true when absent or null) or private.
    public: bool
    #: The comment.
    uuid: Optional[SharedCommentId]


class _NhdDecisionRequired(TypedDict):
    #: The answer to send.
    answer: NhdAnswer
    #: The rule that decided: `NHD-04` for a wrong key, `ACC-11` for a ticket received, ...
    rule: str
    #: Audit events to store.
    events: List[AuditEvent]


class NhdDecision(_NhdDecisionRequired, total=False):
    """The decision on a partner's request."""
    #: What to store, when the request was accepted.
    outcome: Optional[NhdOutcome]


NhdFieldValue = Union["FieldValue", Any]
"""A custom field's value as a partner sent it (NHD-09, ACC-20): one the engine carries, or
one it cannot (a list of numbers, an object), which is withheld alone while the rest of the
ticket syncs. The engine never writes an unreadable value.
"""


class _NhdLoadRequired(TypedDict):
    #: Agreement or ticket.
    resource: NhdResource
    #: The method.
    method: NhdMethod
    #: The agreement to load, if the account has it: the URI's, or the token's for a ticket.
    agreement_id: AgreementId
    #: Whether the request may create a ticket (`POST /tickets`): pass `new_ticket_id`.
    creates_ticket: bool


class NhdLoad(_NhdLoadRequired, total=False):
    """The records to load before [`crate::engine::Engine::nhd_receive`] decides."""
    #: The shared ticket whose share record to load, for a ticket.
    shared_ticket_id: Optional[SharedTicketId]


NhdMethod = Literal["GET", "POST", "PUT", "DELETE"]
"""An HTTP method of the protocol."""


class _NhdOutcomeInviteReceivedRequired(TypedDict):
    kind: Literal["invite_received"]
    #: Whether to tell the account's admins.
    notify_admins: bool


class NhdOutcomeInviteReceived(_NhdOutcomeInviteReceivedRequired, total=False):
    """An invitation arrived (ACC-01, ACC-05, ACC-08)."""
    #: The copy to store; none when the account opted out.
    agreement: Optional[Agreement]
    #: A request to send once answered: an opted-out account's decline.
    reply: Optional[NhdRequest]


class NhdOutcomeAgreementChanged(TypedDict):
    """The partner changed the agreement (ACC-06, NHD-07)."""
    kind: Literal["agreement_changed"]
    #: The copy to store.
    agreement: Agreement


class NhdOutcomeTicketReceived(TypedDict):
    """A ticket arrived (ACC-11): create it as `share.ticket_id`."""
    kind: Literal["ticket_received"]
    #: The share record to store.
    share: TicketShare
    #: The new ticket's marks (ACC-21).
    marks: TicketMarks
    #: What it carries.
    arrival: TicketArrival


class NhdOutcomeTicketUpdated(TypedDict):
    """The partner updated a shared ticket."""
    kind: Literal["ticket_updated"]
    #: The share record.
    share: TicketShare
    #: What it carries.
    arrival: TicketArrival


class NhdOutcomeTicketRead(TypedDict):
    """The partner reads the ticket: answer with its body, as `nhd.ticket_request` writes it
    for a share.
    """
    kind: Literal["ticket_read"]
    #: The share record.
    share: TicketShare


class NhdOutcomeTicketUnshared(TypedDict):
    """The partner stopped sharing the ticket (NHD-08)."""
    kind: Literal["ticket_unshared"]
    #: The share record, now ended.
    share: TicketShare


NhdOutcome = Union["NhdOutcomeInviteReceived", "NhdOutcomeAgreementChanged", "NhdOutcomeTicketReceived", "NhdOutcomeTicketUpdated", "NhdOutcomeTicketRead", "NhdOutcomeTicketUnshared"]
"""What the host stores after answering."""


class _NhdReceiveRequired(TypedDict):
    #: The account the request came to.
    account: SharingAccount
    #: The request, as received.
    request: PartnerRequest
    #: The current time.
    now: Now


class NhdReceive(_NhdReceiveRequired, total=False):
    """What the host hands in with a partner's request: the records [`super::NhdLoad`] named."""
    #: The agreement the route named, when the account has it.
    agreement: Optional[Agreement]
    #: The id the host gives a ticket that arrives (`POST /tickets`).
    new_ticket_id: Optional[TicketId]
    #: The placeholders made so far for the partner's people (ACC-16).
    placeholders: List[Placeholder]
    #: The ids of the partner's comments this ticket holds already, so that a replayed update is
    #: reported as a duplicate and never delivered twice (NHD-10). Empty for a new ticket.
    received_comments: List[SharedCommentId]
    #: What an inviting partner is: another instance (the default) or a third-party system.
    sender_kind: PartnerKind
    #: The share record of the ticket the route named, when the account has one.
    share: Optional[TicketShare]


NhdReceiveArgs = "NhdReceive"
"""Arguments of `nhd.receive`: the request and the records its route named."""


class _NhdRequestRequired(TypedDict):
    #: The method.
    method: NhdMethod
    #: The absolute URL: the partner's sharing URL, then `/agreements/<uuid>` or
    #: `/tickets/<uuid>`.
    url: str
    #: The headers, by name.
    headers: Dict[str, str]


class NhdRequest(_NhdRequestRequired, total=False):
    """A request for the host to send to the partner, exactly as written."""
    #: The JSON body, when the method has one.
    body: Optional[str]


NhdResource = Literal["agreement", "ticket"]
"""What a partner's request is about."""


class NhdRouteLoad(TypedDict):
    """Load these records, then call `nhd.receive`."""
    kind: Literal["load"]


class NhdRouteAnswer(TypedDict):
    """Answer the partner with this; nothing to store."""
    kind: Literal["answer"]
    #: The answer.
    answer: NhdAnswer
    #: The rule that refused.
    rule: str


NhdRoute = Union["NhdRouteLoad", "NhdRouteAnswer"]
"""What [`crate::engine::Engine::nhd_route`] says: load records, or answer at once."""


class NhdRouteArgs(TypedDict):
    """Arguments of `nhd.route`."""
    #: The request, as received.
    request: PartnerRequest


class _NhdTicketRequired(TypedDict):
    #: The shared ticket.
    uuid: SharedTicketId


class NhdTicket(_NhdTicketRequired, total=False):
    """A ticket on the wire: every field but the uuid may be absent (an update carries what
    changed).
    """
    #: Its new comments (`null` reads as none).
    comments: Optional[List[NhdComment]]
    #: Who made the change.
    current_actor: Optional[NhdActor]
    #: Custom-field values, by field title.
    custom_fields: Optional[Dict[str, NhdFieldValue]]
    #: Its custom status, when the sender has them.
    custom_status: Optional[str]
    #: The sender's own id of the ticket.
    original_id: Optional[str]
    #: When it was requested.
    requested_at: Optional[NhdTime]
    #: Its requester.
    requester: Optional[NhdActor]
    #: Its status, in the protocol's vocabulary (host data, ACC-13).
    status: Optional[str]
    #: Its subject.
    subject: Optional[str]
    #: Its tags, when they sync and changed.
    tags: Optional[List[str]]


class _NhdTicketRequestArgsRequired(TypedDict):
    #: The agreement the ticket travels under.
    agreement: Agreement
    #: The ticket's share record (ended, to unshare).
    share: TicketShare
    #: Share, update or unshare.
    kind: TicketChangeKind


class NhdTicketRequestArgs(_NhdTicketRequestArgsRequired, total=False):
    """Arguments of `nhd.ticket_request`."""
    #: The account's secure-downloads setting (ACC-17).
    secure_downloads: bool
    #: What changed of the ticket beyond comments and tags.
    ticket: OutgoingTicket
    #: Its new comments and tags.
    update: LocalUpdate


NhdTime = str
"""YYYY-MM-DD HH:MM:SS +HHMM (written in UTC), or RFC 3339 on input."""


class NotificationPlan(TypedDict):
    """Who is emailed about an update, and who is not."""
    #: The people to email: requester, CCs, followers, in that order.
    recipients: List[Recipient]
    #: The people of the ticket not emailed, with the reason.
    omitted: List[Omitted]


Now = str
"""The current time as RFC 3339 text, on or after 2000-01-01 (earlier is refused as invalid_time)."""


class _OfferRequired(TypedDict):
    #: The partner account: its name and sharing URL.
    partner: Party
    #: The terms.
    terms: Terms


class Offer(_OfferRequired, total=False):
    """What an admin offers a partner: who, what they are, on which terms (ACC-01, ACC-04)."""
    #: Another instance (the default) or a third-party system.
    partner_kind: PartnerKind


Omission = Literal["author", "private_comment", "trigger_action", "ccs_disabled", "followers_disabled", "blocklisted", "assignee_trigger"]
"""Why someone on the ticket is not emailed."""


class Omitted(TypedDict):
    """Someone on the ticket not emailed, and why."""
    #: Their address.
    email: EmailAddress
    #: Requester, CC or follower.
    role: RecipientRole
    #: Why not.
    omission: Omission


class OrderDetails(TypedDict):
    """An order of the customer's."""
    #: The order reference.
    reference: str
    #: A one-line summary (items, status).
    summary: str


class OutgoingTicket(TypedDict, total=False):
    """What the host knows of its ticket beyond comments and tags; every field optional (an
    update carries what changed).
    """
    #: Who made the change.
    current_actor: Optional[LocalUser]
    #: Custom-field values by title: cross only when the agreement syncs them (ACC-20).
    custom_fields: Optional[Dict[str, FieldValue]]
    #: Its custom status: crosses with the status.
    custom_status: Optional[str]
    #: When it was requested.
    requested_at: Optional[Timestamp]
    #: Its requester: crosses as an id, a name and a role (ACC-16).
    requester: Optional[LocalUser]
    #: Its status in the protocol's vocabulary: crosses only when the agreement syncs status
    #: (ACC-13).
    status: Optional[str]
    #: Its subject.
    subject: Optional[str]


class PartnerConfig(TypedDict, total=False):
    """Partner accounts of sharing agreements (NHD-10)."""
    #: Hosts a partner's sharing URL may name although the rule refuses them (an IP address,
    #: `localhost`, a one-label name): for tests and private deployments only. Empty by
    #: default; at most 32 names.
    allowed_hosts: List[str]


PartnerKind = Literal["instance", "third_party"]
"""What the partner is: another instance of the same product, or a third-party system reached
by its sharing URL (ACC-01).
"""


PartnerMediaType = Literal["application/json", "text/x-json"]
"""The media type a partner reads request bodies under (NHD-05)."""


class PartnerNoticeInvite(TypedDict):
    """An invitation, first or again (ACC-01, ACC-08)."""
    kind: Literal["invite"]
    #: The agreement.
    agreement_id: AgreementId
    #: The key both sides will authenticate with.
    access_key: AccessKey
    #: The inviting account.
    sender: Party
    #: The invited account's sharing URL.
    receiver_url: HttpsUrl
    #: The terms offered.
    terms: Terms


class _PartnerNoticeUpdateRequired(TypedDict):
    kind: Literal["update"]
    #: The agreement.
    agreement_id: AgreementId
    #: Its new status.
    status: AgreementStatus


class PartnerNoticeUpdate(_PartnerNoticeUpdateRequired, total=False):
    """A change of status (ACC-06: the partner is informed)."""
    #: The side that ended it, when the status is `inactive`.
    deactivated_by: Optional[Side]


PartnerNotice = Union["PartnerNoticeInvite", "PartnerNoticeUpdate"]
"""What the host must deliver to the partner."""


class _PartnerPayloadRequired(TypedDict):
    #: The comments that cross.
    comments: List[SharedComment]
    #: What stayed behind, and why.
    withheld: List[Withheld]


class PartnerPayload(_PartnerPayloadRequired, total=False):
    """The update for the partner, and what stayed behind."""
    #: The tags, when they changed and sync.
    tags: Optional[List[str]]


class _PartnerRequestRequired(TypedDict):
    #: The method, as received (`POST`, `put`, ...).
    method: str
    #: The path, as received: only its last two segments are read (`.../agreements/<uuid>`,
    #: `.../tickets/<uuid>`), so the host mounts its sharing URL where it likes; a query is
    #: ignored.
    path: str


class PartnerRequest(_PartnerRequestRequired, total=False):
    """A request as the host received it from a partner."""
    #: The body, as text.
    body: Optional[str]
    #: The headers, by name in any case.
    headers: Dict[str, str]


class _PartnerUpdateRequired(TypedDict):
    #: The agreement.
    agreement_id: AgreementId
    #: Its new status.
    status: AgreementStatus


class PartnerUpdate(_PartnerUpdateRequired, total=False):
    """A change of status, as one side tells the other. It names no person: a decline by an admin
    and an opt-out's decline are the same message (ACC-05).
    """
    #: The side that ended it, when the status is `inactive`.
    deactivated_by: Optional[Side]


class _PartyRequired(TypedDict):
    #: Its name, shown as *received from* / *sent to* (ACC-21).
    name: AccountName
    #: Its sharing URL.
    url: HttpsUrl


class Party(_PartyRequired, total=False):
    """An account at the other end: its name and its sharing URL."""
    #: The media type its requests' bodies are written under (NHD-05): `application/json`
    #: unless said otherwise; `text/x-json` for a Request Tracker, which the host says when it
    #: invites one and the engine records when an invitation arrives under that type.
    media_type: PartnerMediaType


Permission = Literal["external_share", "email_customisation", "agent_share", "agent_sharing_settings", "sharing_agreements", "account_share"]
"""A permission a role (or one user, by an admin's grant) can hold."""


Permissions = List["Permission"]
"""A set of permissions, as a bit set (cheap to copy and test)."""


class _PersonRequired(TypedDict):
    #: Their address.
    email: EmailAddress


class Person(_PersonRequired, total=False):
    """A person on a ticket, or known to the host by their address."""
    #: Their name, if known.
    name: Optional[str]
    #: What they are to the helpdesk: an end user unless said otherwise.
    role: PersonRole


PersonRole = Literal["end_user", "agent", "light_agent"]
"""What a person is to the helpdesk."""


class Placeholder(TypedDict):
    """A placeholder user the host made for a person of the partner: one per person and
    agreement, never an existing user (ACC-16).
    """
    #: The agreement the person came under.
    agreement_id: AgreementId
    #: The person's id from the partner.
    partner_user: SharedUserId
    #: The host's placeholder user.
    user_id: UserId


PlanFeature = Literal["ticket_share", "email_customisation"]
"""A feature a plan can include (EXT-03)."""


PlanFeatures = List["PlanFeature"]
"""A set of plan features, as a bit set."""


class Policy(TypedDict, total=False):
    """The host's role and plan tables."""
    #: Features included in each plan. A plan missing here includes none.
    plans: Dict[str, PlanFeatures]
    #: Permissions held by each role. A role missing here holds none.
    roles: Dict[str, Permissions]


class _PolicyCheckArgsRequired(TypedDict):
    #: The agent acting.
    actor: Actor
    #: The permission asked for.
    permission: Permission


class PolicyCheckArgs(_PolicyCheckArgsRequired, total=False):
    """Arguments of `policy.check`."""
    #: The plan feature asked for (with `plan`).
    feature: Optional[PlanFeature]
    #: The account's plan (with `feature`).
    plan: Optional[str]


class _PolicyDecisionRequired(TypedDict):
    #: Whether the actor may.
    allowed: bool


class PolicyDecision(_PolicyDecisionRequired, total=False):
    """Result of `policy.check`."""
    #: Why not, when not allowed.
    refusal: Optional[ErrorBody]


PublicCategory = Literal["invalid_link", "expired", "code_incorrect", "code_expired", "try_later", "forbidden", "bad_request", "internal"]
"""What a refusal may reveal to the person in front of the host's page (SEC-06)."""


Purpose = Literal["link", "session", "device"]
"""What a token may be used for; a token of one purpose is refused for the other."""


ReasonFamily = Literal["link", "code", "policy", "record", "validation", "request", "config", "internal"]
"""The family of a reason: what went wrong, for a binding's error classes (Python's
`LinkError`, `CodeError`, ...). Every reason belongs to exactly one.
"""


class ReasonInfo(TypedDict):
    """One reason, as `engine.info` lists it."""
    #: The stable code.
    code: str
    #: The stable number.
    number: int
    #: The public category.
    category: PublicCategory
    #: The family, which a binding's error classes follow.
    family: ReasonFamily


class _ReceivedUpdateRequired(TypedDict):
    #: The comments to add.
    comments: List[NewComment]
    #: The placeholders to create first.
    placeholders: List[NewPlaceholder]
    #: Whether tags came and were ignored: the agreement does not sync them.
    tags_ignored: bool
    #: Whether to notify the original ticket's CCs: a public comment reached the original
    #: (ACC-14). CCs never travel to the partner's copy.
    notify_original_ccs: bool
    #: Whether the host suppresses its automatic notifications for this update: on the copy
    #: that arrived by sharing, always (ACC-18). No email ever goes to the partner.
    suppress_notifications: bool


class ReceivedUpdate(_ReceivedUpdateRequired, total=False):
    """What the account does with the partner's update."""
    #: The tags to set, when they changed and sync (ACC-19).
    tags: Optional[List[str]]


class _RecipientRequired(TypedDict):
    #: Their address.
    email: EmailAddress
    #: The ready `To` or `Cc` form (CCF-04): the name as an RFC 5322 display-name (quoted, or
    #: encoded-words), then `<address>`; the address alone without a name. Write this, never
    #: `name <address>` built from the raw name.
    mailbox: str
    #: Requester, CC or follower.
    role: RecipientRole
    #: Whether their address shows in the email (To or CC); a follower's never does (CCF-01).
    visible: bool
    #: The rule that put them there: `CCF-01`, `CCF-04` or `CCF-11`.
    rule: str


class Recipient(_RecipientRequired, total=False):
    """Someone emailed about the update."""
    #: Their name, if known, as one clean line (a control, bidirectional or line-separator
    #: character read as a space): data, never to be written raw into a header.
    name: Optional[str]


RecipientRole = Literal["requester", "cc", "follower", "assignee"]
"""What a person is to a notification."""


class _ReplyAcceptedRequired(TypedDict):
    #: The external note to add to the thread.
    note: ThreadItem
    #: Audit events to store.
    events: List[AuditEvent]


class ReplyAccepted(_ReplyAcceptedRequired, total=False):
    """An accepted reply: an external note, never a message to the customer (EXT-11)."""
    #: The copy for the collaborator, if asked for.
    copy_email: Optional[EmailMessage]


class _ReplyCheckArgsRequired(TypedDict):
    #: The scheduled reply, as stored.
    reply: ScheduledReply
    #: Its author, with the inboxes they can open now.
    author: Actor
    #: The ticket and its inbox.
    ticket: InboxTicket


class ReplyCheckArgs(_ReplyCheckArgsRequired, total=False):
    """Arguments of `reply.check`."""
    #: The site setting.
    settings: AgentSharingSettings
    #: The ticket's current shares.
    shares: List[AgentShare]


class ReplyCleared(TypedDict):
    """Result of `reply.check`: the reply may be sent."""
    #: The reply cleared to send.
    reply_id: ScheduledReplyId


class _ReplyScheduleArgsRequired(TypedDict):
    #: The agent scheduling, with the inboxes they can open.
    author: Actor
    #: The ticket and its inbox.
    ticket: InboxTicket
    #: When the reply is to be sent.
    send_at: Timestamp
    #: The current time.
    now: Now


class ReplyScheduleArgs(_ReplyScheduleArgsRequired, total=False):
    """Arguments of `reply.schedule`."""
    #: The site setting.
    settings: AgentSharingSettings
    #: The ticket's current shares.
    shares: List[AgentShare]


class ReplyScheduled(TypedDict):
    """A new scheduled reply."""
    #: The record to store.
    reply: ScheduledReply
    #: Audit events to store.
    events: List[AuditEvent]


Revision = int
"""A record's revision: 1 when made, one more each time the engine changes it."""


class _ScheduledReplyRequired(TypedDict):
    #: The scheduled reply.
    id: ScheduledReplyId
    #: The ticket it replies on.
    ticket_id: TicketId
    #: The agent who wrote and scheduled it.
    author: AgentId
    #: When it was scheduled.
    scheduled_at: Timestamp
    #: When the host means to send it.
    send_at: Timestamp


class ScheduledReply(_ScheduledReplyRequired, total=False):
    """A reply an agent scheduled: the record the host stores until it sends or cancels it."""
    #: The share the author reached the ticket through when scheduling it; absent when the
    #: author could open the ticket's inbox. A reply scheduled under a share is sent only while
    #: that share (not a later one) lasts.
    via_share: Optional[AgentShareId]


ScheduledReplyId = str
"""Identifies one scheduled reply (AGT-07).

Made by the engine from injected randomness (a UUID v4), serialised as its hyphenated text.
"""


Seconds = int
"""A duration in whole seconds (configuration values: TTLs, cooldowns)."""


SenderRole = Literal["requester", "cc", "follower", "agent", "light_agent", "third_party"]
"""Who sent the email, as the ticket sees them."""


class SessionCheckArgs(TypedDict):
    """Arguments of `session.check`."""
    #: The collaborator's session token.
    session_token: str
    #: The share record, as stored.
    share: ExternalShare
    #: The current time.
    now: Now


class ShareCancelArgs(TypedDict):
    """Arguments of `share.cancel`."""
    #: The agent acting.
    actor: Actor
    #: The share record, as stored.
    share: ExternalShare
    #: The current time.
    now: Now


class ShareCancelled(TypedDict):
    """A cancelled share (EXT-10)."""
    #: The share, now cancelled.
    share: ExternalShare
    #: The note telling the thread the link is now invalid.
    note: ThreadItem
    #: Audit events to store.
    events: List[AuditEvent]


class _ShareCreateArgsRequired(TypedDict):
    #: The agent acting.
    actor: Actor
    #: The agent's account: plan and branding.
    account: Account
    #: What the agent filled in.
    request: ShareRequest
    #: The current time.
    now: Now


class ShareCreateArgs(_ShareCreateArgsRequired, total=False):
    """Arguments of `share.create`."""
    #: Earlier shares of the same ticket (EXT-09); may be empty.
    previous_shares: List[ExternalShare]


class ShareCreated(TypedDict):
    """A new share: records to store, the email to send, the link."""
    #: The share record.
    share: ExternalShare
    #: The external note for the ticket thread (EXT-04).
    note: ThreadItem
    #: The email to the collaborator (EXT-05).
    email: EmailMessage
    #: The link token (also inside `link_url`); the host need not store it.
    link_token: str
    #: The *View conversation* URL.
    link_url: str
    #: Audit events to store (SEC-04, EXT-14).
    events: List[AuditEvent]


ShareId = str
"""Identifies one external share (one link to one collaborator).

Made by the engine from injected randomness (a UUID v4), serialised as its hyphenated text.
"""


class ShareReplyArgs(TypedDict):
    """Arguments of `share.reply`."""
    #: The collaborator's session token.
    session_token: str
    #: The share record, as stored.
    share: ExternalShare
    #: What the collaborator wrote.
    reply: CollaboratorReply
    #: The agent's account: plan and branding.
    account: Account
    #: The current time.
    now: Now


class _ShareRequestRequired(TypedDict):
    #: The ticket to share.
    ticket_id: TicketId
    #: The collaborator's address.
    recipient: str
    #: The email's subject.
    subject: str
    #: The explanatory message.
    message: str


class ShareRequest(_ShareRequestRequired, total=False):
    """What the agent fills in to share (EXT-01)."""
    #: Whether to show customer name and order details; off unless the agent ticks it (EXT-01).
    include_customer_details: bool


ShareState = Literal["pending", "verified", "expired", "cancelled"]
"""Where a share stands, as the agent's list shows it."""


class _ShareStatusRequired(TypedDict):
    #: The share.
    share_id: ShareId
    #: Where it stands.
    state: ShareState
    #: When the link expires (or expired).
    expires_at: Timestamp


class ShareStatus(_ShareStatusRequired, total=False):
    """Where a share stands at `now`."""
    #: The current code, when a challenge was given.
    code: Optional[CodeStatus]
    #: The first instant at which a new code may be asked for (the resend cooldown and the
    #: hourly cap, SEC-02): `now` when at once; none when no code can be sent any more (the
    #: share is not live, or too many wrong codes in a row).
    resend_at: Optional[Timestamp]


class _ShareStatusArgsRequired(TypedDict):
    #: The share record, as stored.
    share: ExternalShare
    #: The current time.
    now: Now


class ShareStatusArgs(_ShareStatusArgsRequired, total=False):
    """Arguments of `share.status`."""
    #: The share's current code challenge, as stored, if any.
    challenge: Optional[CodeChallenge]


class ShareViewArgs(TypedDict):
    """Arguments of `share.view`."""
    #: The collaborator's session token.
    session_token: str
    #: The share record, as stored.
    share: ExternalShare
    #: The ticket thread, as stored.
    thread: TicketThread
    #: The current time.
    now: Now


class _SharedActorRequired(TypedDict):
    #: Their id towards this partner.
    id: SharedUserId
    #: Their name.
    name: str


class SharedActor(_SharedActorRequired, total=False):
    """A person as the partner sees them: an id, a name, a role; nothing else (ACC-16)."""
    #: Their role on the side they come from.
    role: PersonRole


class SharedAttachment(TypedDict):
    """An attachment as the partner gets it."""
    #: Its file name.
    filename: str
    #: Its media type.
    content_type: str
    #: Where to fetch it.
    url: HttpsUrl


class _SharedCommentRequired(TypedDict):
    #: Its id towards the partner.
    id: SharedCommentId
    #: Its author.
    author: SharedActor
    #: Its text (a voicemail's transcription appended).
    body: str
    #: Public or private.
    public: bool
    #: When it was written.
    authored_at: Timestamp


class SharedComment(_SharedCommentRequired, total=False):
    """A comment as it crosses."""
    #: Its attachments that cross.
    attachments: List[SharedAttachment]


SharedCommentId = str
"""Identifies a comment of a shared ticket to the partner, derived from the account's own
comment id under the agreement's key.

Made by the engine from injected randomness; 40 hexadecimal characters on the wire.
"""


class SharedCustomer(TypedDict):
    """The customer as a collaborator may see them: name and orders, no way to contact them."""
    #: The customer's name.
    name: str
    #: The customer's orders.
    orders: List[OrderDetails]


class SharedTicketCheckMergeArgs(TypedDict):
    """Arguments of `shared_ticket.check_merge`."""
    #: The ticket to merge, with its share records.
    ticket: LocalTicket
    #: The ticket to merge it into, with its share records.
    into: LocalTicket


SharedTicketId = str
"""Identifies one ticket shared between two accounts; both copies carry the same id, while
each account keeps its own ticket id (ACC-11).

Made by the engine from injected randomness; 40 hexadecimal characters on the wire.
"""


class _SharedTicketMapStatusArgsRequired(TypedDict):
    #: The agreement the ticket is shared under.
    agreement: Agreement
    #: The new status, as the source has it.
    status: TicketStatus


class SharedTicketMapStatusArgs(_SharedTicketMapStatusArgsRequired, total=False):
    """Arguments of `shared_ticket.map_status`."""
    #: The statuses of the account that changed the status.
    source: StatusSettings
    #: The statuses of the other account.
    target: StatusSettings


class SharedTicketPlanFieldsArgs(TypedDict):
    """Arguments of `shared_ticket.plan_fields`."""
    #: The agreement.
    agreement: Agreement
    #: This account's fields.
    ours: List[FieldDef]
    #: The partner's fields.
    theirs: List[FieldDef]


class _SharedTicketPrepareUpdateArgsRequired(TypedDict):
    #: The agreement.
    agreement: Agreement
    #: What changed on this account's copy.
    update: LocalUpdate


class SharedTicketPrepareUpdateArgs(_SharedTicketPrepareUpdateArgsRequired, total=False):
    """Arguments of `shared_ticket.prepare_update`."""
    #: Whether the account has secure downloads on.
    secure_downloads: bool


class SharedTicketReceiveArgs(TypedDict):
    """Arguments of `shared_ticket.receive`."""
    #: The receiving account.
    account: SharingAccount
    #: The agreement it arrives under.
    agreement: Agreement
    #: The shared ticket's id, from the partner.
    shared_ticket_id: SharedTicketId
    #: The new ticket's own id in this account.
    ticket_id: TicketId
    #: The current time.
    now: Now


class _SharedTicketReceiveUpdateArgsRequired(TypedDict):
    #: The agreement.
    agreement: Agreement
    #: The ticket's share record.
    share: TicketShare
    #: The partner's update.
    update: IncomingUpdate


class SharedTicketReceiveUpdateArgs(_SharedTicketReceiveUpdateArgsRequired, total=False):
    """Arguments of `shared_ticket.receive_update`."""
    #: The placeholders the host made so far.
    placeholders: List[Placeholder]


class SharedTicketShareArgs(TypedDict):
    """Arguments of `shared_ticket.share`."""
    #: The agent sharing.
    actor: Actor
    #: The account.
    account: SharingAccount
    #: The ticket, with its share records.
    ticket: LocalTicket
    #: The agreement to share under, one of `agreements`.
    agreement_id: AgreementId
    #: All of the account's agreements.
    agreements: List[Agreement]
    #: The current time.
    now: Now


class SharedTicketTransferFieldsArgs(TypedDict):
    """Arguments of `shared_ticket.transfer_fields`."""
    #: The agreement.
    agreement: Agreement
    #: This account's fields.
    ours: List[FieldDef]
    #: The partner's fields.
    theirs: List[FieldDef]
    #: The values that changed, keyed by this account's fields.
    values: List[FieldValueOf]


class SharedTicketUnshareArgs(TypedDict):
    """Arguments of `shared_ticket.unshare`."""
    #: The agent stopping the share.
    actor: Actor
    #: The account.
    account: SharingAccount
    #: The ticket, with its share records.
    ticket: LocalTicket
    #: The share to end, one of the ticket's.
    shared_ticket_id: SharedTicketId
    #: All of the account's agreements.
    agreements: List[Agreement]
    #: The current time.
    now: Now


SharedUserId = str
"""Identifies a person of a shared ticket to the partner, without revealing the account's
own user id: derived from it under the agreement's key (ACC-16).

Made by the engine from injected randomness; 40 hexadecimal characters on the wire.
"""


class _SharedViewRequired(TypedDict):
    #: The share.
    share_id: ShareId
    #: The ticket.
    ticket_id: TicketId
    #: The agent's subject.
    subject: str
    #: The agent's message.
    message: str
    #: Incoming and outgoing messages and this share's external notes, in thread order.
    items: List[ThreadItem]
    #: When the link expires.
    expires_at: Timestamp


class SharedView(_SharedViewRequired, total=False):
    """What the collaborator sees (EXT-07)."""
    #: Customer name and orders, only when the share included them; never contact details.
    customer: Optional[SharedCustomer]


class _SharingAccountRequired(TypedDict):
    #: The host's id of the account: every agreement record carries it.
    id: AccountId
    #: Its name.
    name: AccountName
    #: Its sharing URL.
    url: HttpsUrl


class SharingAccount(_SharingAccountRequired, total=False):
    """The host's own account, as agreements see it."""
    #: *Decline all sharing agreement invites* (ACC-05): invites are declined at once and the
    #: account is never told of them.
    opted_out: bool


class SharingSettingsChanged(TypedDict):
    """The site setting after an admin changed it."""
    #: The settings to store.
    settings: AgentSharingSettings
    #: Audit events to store.
    events: List[AuditEvent]


Side = Literal["sender", "receiver"]
"""Which end of an agreement an account is: the sender shares tickets, the receiver gets them
(ACC-02: one way; the other direction is its own agreement).
"""


class SkippedAgent(TypedDict):
    """An agent a ticket was not shared with, and why."""
    #: The agent.
    agent_id: AgentId
    #: Why: `already_shared` or `agent_has_inbox_access`.
    refusal: ErrorBody


class SkippedValue(TypedDict):
    """A value that does not cross, and why."""
    #: The field it belongs to, on the side it comes from.
    field_id: FieldId
    #: Why.
    reason: FieldSkip


StatusCategory = Literal["new", "open", "pending", "on_hold", "solved", "closed"]
"""A status category (the statuses of an account without custom statuses)."""


StatusId = str
"""The host's id of a custom ticket status (ACC-13).

Chosen by the host: 1 to 128 bytes, no control characters, no surrounding spaces.
"""


class StatusSettings(TypedDict, total=False):
    """An account's statuses (host data)."""
    #: Whether custom statuses are activated.
    custom_statuses: bool
    #: The custom statuses: a category that has any has exactly one default. Categories
    #: without any keep their plain status.
    statuses: List[CustomStatus]


class _TermsRequired(TypedDict):
    #: Which comments the receiver may make, and whether the status syncs.
    comments: CommentTerms


class Terms(_TermsRequired, total=False):
    """The terms the sender sets (ACC-04)."""
    #: Whether custom fields sync (ACC-20): only between two instances (ACC-04).
    sync_custom_fields: bool
    #: Whether tags sync (ACC-19).
    sync_tags: bool


class _ThreadItemRequired(TypedDict):
    #: The host's id of the item (the engine makes one for notes it creates).
    id: ItemId
    #: What kind of item.
    kind: ItemKind
    #: Who wrote it.
    author: Author
    #: The text (the host's own format; the engine escapes it wherever it renders it).
    body: str
    #: When it was added.
    at: Timestamp


class ThreadItem(_ThreadItemRequired, total=False):
    """One message or note of a ticket thread."""
    #: Files attached to it.
    attachments: List[Attachment]


class _TicketArrivalRequired(TypedDict):
    #: The ticket as the partner wrote it (subject, requester, original id, ...).
    ticket: NhdTicket
    #: Comments, placeholders, tags and notifications (ACC-14, 16, 18, 19).
    update: ReceivedUpdate
    #: What came and is not applied, and why.
    ignored: List[Withheld]


class TicketArrival(_TicketArrivalRequired, total=False):
    """What arrived in a ticket, beyond comments and tags: the host applies what syncs."""
    #: The custom-field values to transfer (`shared_ticket.transfer_fields`), when they came and
    #: sync (ACC-20).
    custom_fields: Optional[Dict[str, FieldValue]]
    #: The status to map and set (`shared_ticket.map_status`), when it came and syncs (ACC-13).
    status: Optional[str]


TicketChangeKind = Literal["share", "update", "unshare", "read"]
"""What a ticket request tells the partner."""


TicketId = str
"""The host's id of a ticket.

Chosen by the host: 1 to 128 bytes, no control characters, no surrounding spaces.
"""


class _TicketMarksRequired(TypedDict):
    #: *Update via: ticket sharing*: the ticket arrived by sharing.
    via_ticket_sharing: bool


class TicketMarks(_TicketMarksRequired, total=False):
    """The marks views and triggers select shared tickets by (ACC-21)."""
    #: *Ticket sharing: received from*.
    received_from: Optional[AccountName]
    #: *Ticket sharing: sent to*.
    sent_to: Optional[AccountName]


class _TicketPeopleRequired(TypedDict):
    #: The ticket.
    ticket_id: TicketId
    #: The requester, an end user.
    requester: Person


class TicketPeople(_TicketPeopleRequired, total=False):
    """The people of a ticket, as the host stores them."""
    #: The assignee, an agent, if any. They may also be a CC or a follower. Otherwise the CC
    #: rules email them nothing (the host's assignee triggers do), an email from them is an
    #: agent's, and an email never makes them a CC.
    assignee: Optional[Person]
    #: The CCs: notified of public comments, their addresses shown (CCF-04).
    ccs: List[Person]
    #: The followers, agents: notified of every update, their addresses hidden (CCF-01).
    followers: List[Person]


class TicketRequest(TypedDict):
    """A ticket request, and what stayed behind."""
    #: The request to send.
    request: NhdRequest
    #: What does not cross, and why.
    withheld: List[Withheld]


class _TicketShareRequired(TypedDict):
    #: The shared ticket, the same id in both accounts.
    id: SharedTicketId
    #: This account's own ticket.
    ticket_id: TicketId
    #: The agreement it travels under.
    agreement_id: AgreementId
    #: Sent or received.
    direction: Direction
    #: The partner's name (*sent to* / *received from*).
    partner: AccountName
    #: When it was shared.
    shared_at: Timestamp


class TicketShare(_TicketShareRequired, total=False):
    """One ticket shared with, or received from, a partner: the record the host stores beside
    its ticket.
    """
    #: The record's revision: write it only over `revision - 1` (SEC-02).
    revision: Revision
    #: When it stopped being shared, if it did.
    unshared_at: Optional[Timestamp]


class TicketShared(TypedDict):
    """A share made or received: the record to store, the ticket's marks, the audit events."""
    #: The new share record.
    share: TicketShare
    #: The ticket's marks with it.
    marks: TicketMarks
    #: Audit events to store.
    events: List[AuditEvent]


class _TicketStatusRequired(TypedDict):
    #: The category.
    category: StatusCategory


class TicketStatus(_TicketStatusRequired, total=False):
    """A ticket's status: its category, and its custom status when the account has them."""
    #: The custom status, for an account with custom statuses activated.
    custom_id: Optional[StatusId]


class _TicketThreadRequired(TypedDict):
    #: The ticket.
    ticket_id: TicketId
    #: Every item, in order.
    items: List[ThreadItem]


class TicketThread(_TicketThreadRequired, total=False):
    """A ticket's thread as the host stores it."""
    #: The customer's details, if the host has them.
    customer: Optional[CustomerDetails]


class TicketUnshared(TypedDict):
    """A share ended: the record to store and the audit events."""
    #: The share record, now ended.
    share: TicketShare
    #: Audit events to store.
    events: List[AuditEvent]


class TicketUpdate(TypedDict):
    """An update of a ticket: its kind and who made it."""
    #: Public comment or internal note.
    kind: UpdateKind
    #: The address of whoever made it; they are not emailed about their own update.
    author: EmailAddress


Timestamp = str
"""An instant as RFC 3339 text, years 1678 to 2262; any offset on input, UTC on output."""


class TokenClaims(TypedDict):
    """What a verified token says."""
    #: The token's purpose.
    purpose: Purpose
    #: The key that signed it.
    key_id: KeyId
    #: The share it grants access to; for a device token, its [`device_subject`].
    share_id: ShareId
    #: The first instant at which it is no longer valid.
    expires_at: Timestamp


Transfer = Literal["copy", "text", "number", "tag", "tags"]
"""How a value crosses between two compatible fields."""


TriggerAction = Literal["email_requester", "email_requester_and_ccs"]
"""The email action of the trigger that fires (CCF-11)."""


class UnreadableAddress(TypedDict):
    """An address of the email the engine cannot read (an RFC 5322 comment, a quoted local part,
    an internationalised address): reported by its place, never refusing the others (CCF-12).
    """
    #: Where it is: `email.to[0]`, `email.cc[3]`.
    path: str
    #: Why it cannot be read (`invalid_email`), without the text sent.
    refusal: ErrorBody


UpdateKind = Literal["public_comment", "internal_note"]
"""What kind of update a notification is about."""


UserId = str
"""The host's id of a user (an end user or an agent).

Chosen by the host: 1 to 128 bytes, no control characters, no surrounding spaces.
"""


class VerificationRequired(TypedDict):
    """A code must be entered before the thread is shown (EXT-06)."""
    state: Literal["required"]


VerificationInherited = TypedDict("VerificationInherited", {"state": Literal["inherited"], "from": "ShareId"})
"""The address verified for this ticket in an earlier share (EXT-09)."""


class VerificationVerified(TypedDict):
    """The right code was entered."""
    state: Literal["verified"]
    #: When.
    at: Timestamp


Verification = Union["VerificationRequired", "VerificationInherited", "VerificationVerified"]
"""Whether the collaborator still has to enter a code.

Read through [`VerificationRecord`]: the same JSON, without serde's buffering of internally
tagged enums (a sizeable part of the WebAssembly build).
"""


ViewUrl = str
"""Where the collaborator's page lives (the configuration's `view_url`): an [`HttpsUrl`], or an
`http` URL on a loopback host (`localhost`, `127.0.0.1`, `[::1]`) for a developer's machine
or a test server, which browsers treat as a secure context and which nothing reaches from
outside.
"""


class Withheld(TypedDict):
    """One thing that stays behind, by its path in the update."""
    #: Where it is in the update: `comments[0].attachments[1]`, `tags[2]`, `tags`, `status`.
    path: str
    #: Why it stays.
    reason: Withholding


Withholding = Literal["secure_downloads", "recording", "tags_not_synced", "tag_by_rule", "status_not_synced", "fields_not_synced", "field_value_unreadable", "duplicate"]
"""Why something of the account's copy does not cross."""


__all__ = [
    "AccessKey",
    "AccessVia",
    "Account",
    "AccountId",
    "AccountName",
    "Action",
    "ActionVerdict",
    "Actor",
    "AgentAccess",
    "AgentAccessArgs",
    "AgentId",
    "AgentShare",
    "AgentShareAddArgs",
    "AgentShareId",
    "AgentShareRemoveArgs",
    "AgentShareRemoved",
    "AgentSharesAdded",
    "AgentSharingSetArgs",
    "AgentSharingSettings",
    "Agreement",
    "AgreementAcceptArgs",
    "AgreementAccountRenamedArgs",
    "AgreementChange",
    "AgreementDeactivateArgs",
    "AgreementDeclineArgs",
    "AgreementDeferArgs",
    "AgreementEvent",
    "AgreementId",
    "AgreementInviteArgs",
    "AgreementPartnerUpdateArgs",
    "AgreementReceiveArgs",
    "AgreementReinviteArgs",
    "AgreementStatus",
    "AgreementsBroken",
    "Attachment",
    "AttachmentKind",
    "AuditActor",
    "AuditActorAgent",
    "AuditActorCollaborator",
    "AuditActorEmailSender",
    "AuditActorPartner",
    "AuditEvent",
    "AuditKind",
    "AuditKindAgentShareAdded",
    "AuditKindAgentShareRemoved",
    "AuditKindAgentSharingChanged",
    "AuditKindAgreementChanged",
    "AuditKindBrandingUpdated",
    "AuditKindCcAdded",
    "AuditKindCcRemoved",
    "AuditKindChallengeLocked",
    "AuditKindCodeAccepted",
    "AuditKindCodeRejected",
    "AuditKindCodeSent",
    "AuditKindCollaboratorReplied",
    "AuditKindCustomerDetailsIncluded",
    "AuditKindFollowerAdded",
    "AuditKindPartnerRequestRefused",
    "AuditKindPartnerUrlChanged",
    "AuditKindReplyScheduled",
    "AuditKindScheduledReplyCancelled",
    "AuditKindShareCancelled",
    "AuditKindShareCreated",
    "AuditKindTicketShared",
    "AuditKindTicketUnshared",
    "AuditKindVerificationInherited",
    "Author",
    "AuthorRole",
    "Branding",
    "BrandingFormArgs",
    "BrandingUpdateArgs",
    "BrandingUpdated",
    "Cancellation",
    "CcAddArgs",
    "CcInboundArgs",
    "CcNotifyArgs",
    "CcSettings",
    "CcsAdded",
    "ChallengeId",
    "ChallengeState",
    "CodeChallenge",
    "CodeCheckArgs",
    "CodeChecked",
    "CodeCheckedAccepted",
    "CodeCheckedRejected",
    "CodeConfig",
    "CodeHash",
    "CodeResendArgs",
    "CodeSent",
    "CodeState",
    "CodeStatus",
    "CollaboratorReply",
    "Colleague",
    "CommentRef",
    "CommentTerms",
    "CommentVisibility",
    "CompanyName",
    "CustomStatus",
    "CustomerDetails",
    "Direction",
    "EmailAddress",
    "EmailMessage",
    "EndCause",
    "Ending",
    "EngineConfig",
    "EngineInfo",
    "EngineInfoArgs",
    "ErrorBody",
    "ExternalNotePurpose",
    "ExternalShare",
    "FieldDef",
    "FieldId",
    "FieldOption",
    "FieldPairing",
    "FieldPlan",
    "FieldSkip",
    "FieldTransfer",
    "FieldType",
    "FieldValue",
    "FieldValueOf",
    "FollowerAddArgs",
    "FollowersAdded",
    "HexColour",
    "HttpsUrl",
    "IgnoredAddress",
    "InboundDecision",
    "InboundEmail",
    "InboxId",
    "InboxTicket",
    "IncomingUpdate",
    "Invitation",
    "InviteReceived",
    "ItemId",
    "ItemKind",
    "ItemKindExternalNote",
    "ItemKindIncoming",
    "ItemKindInternalNote",
    "ItemKindOutgoing",
    "KeyConfig",
    "KeyId",
    "KeyringConfig",
    "LinkCheckArgs",
    "LinkConfig",
    "LinkOpenArgs",
    "LinkOpened",
    "LinkOpenedCodePending",
    "LinkOpenedCodeSent",
    "LinkOpenedVerified",
    "LinkVerifyArgs",
    "LocalAttachment",
    "LocalComment",
    "LocalTag",
    "LocalTicket",
    "LocalUpdate",
    "LocalUser",
    "Logo",
    "LogoArgs",
    "MappedStatus",
    "MappingCase",
    "MergeAllowed",
    "NewCc",
    "NewComment",
    "NewPlaceholder",
    "NhdActor",
    "NhdAgreementRequestArgs",
    "NhdAnswer",
    "NhdAttachment",
    "NhdComment",
    "NhdDecision",
    "NhdFieldValue",
    "NhdLoad",
    "NhdMethod",
    "NhdOutcome",
    "NhdOutcomeAgreementChanged",
    "NhdOutcomeInviteReceived",
    "NhdOutcomeTicketRead",
    "NhdOutcomeTicketReceived",
    "NhdOutcomeTicketUnshared",
    "NhdOutcomeTicketUpdated",
    "NhdReceive",
    "NhdReceiveArgs",
    "NhdRequest",
    "NhdResource",
    "NhdRoute",
    "NhdRouteAnswer",
    "NhdRouteArgs",
    "NhdRouteLoad",
    "NhdTicket",
    "NhdTicketRequestArgs",
    "NhdTime",
    "NotificationPlan",
    "Now",
    "Offer",
    "Omission",
    "Omitted",
    "OrderDetails",
    "OutgoingTicket",
    "PartnerConfig",
    "PartnerKind",
    "PartnerMediaType",
    "PartnerNotice",
    "PartnerNoticeInvite",
    "PartnerNoticeUpdate",
    "PartnerPayload",
    "PartnerRequest",
    "PartnerUpdate",
    "Party",
    "Permission",
    "Permissions",
    "Person",
    "PersonRole",
    "Placeholder",
    "PlanFeature",
    "PlanFeatures",
    "Policy",
    "PolicyCheckArgs",
    "PolicyDecision",
    "PublicCategory",
    "Purpose",
    "ReasonFamily",
    "ReasonInfo",
    "ReceivedUpdate",
    "Recipient",
    "RecipientRole",
    "ReplyAccepted",
    "ReplyCheckArgs",
    "ReplyCleared",
    "ReplyScheduleArgs",
    "ReplyScheduled",
    "Revision",
    "ScheduledReply",
    "ScheduledReplyId",
    "Seconds",
    "SenderRole",
    "SessionCheckArgs",
    "ShareCancelArgs",
    "ShareCancelled",
    "ShareCreateArgs",
    "ShareCreated",
    "ShareId",
    "ShareReplyArgs",
    "ShareRequest",
    "ShareState",
    "ShareStatus",
    "ShareStatusArgs",
    "ShareViewArgs",
    "SharedActor",
    "SharedAttachment",
    "SharedComment",
    "SharedCommentId",
    "SharedCustomer",
    "SharedTicketCheckMergeArgs",
    "SharedTicketId",
    "SharedTicketMapStatusArgs",
    "SharedTicketPlanFieldsArgs",
    "SharedTicketPrepareUpdateArgs",
    "SharedTicketReceiveArgs",
    "SharedTicketReceiveUpdateArgs",
    "SharedTicketShareArgs",
    "SharedTicketTransferFieldsArgs",
    "SharedTicketUnshareArgs",
    "SharedUserId",
    "SharedView",
    "SharingAccount",
    "SharingSettingsChanged",
    "Side",
    "SkippedAgent",
    "SkippedValue",
    "StatusCategory",
    "StatusId",
    "StatusSettings",
    "Terms",
    "ThreadItem",
    "TicketArrival",
    "TicketChangeKind",
    "TicketId",
    "TicketMarks",
    "TicketPeople",
    "TicketRequest",
    "TicketShare",
    "TicketShared",
    "TicketStatus",
    "TicketThread",
    "TicketUnshared",
    "TicketUpdate",
    "Timestamp",
    "TokenClaims",
    "Transfer",
    "TriggerAction",
    "UnreadableAddress",
    "UpdateKind",
    "UserId",
    "Verification",
    "VerificationInherited",
    "VerificationRequired",
    "VerificationVerified",
    "ViewUrl",
    "Withheld",
    "Withholding",
]
