# Generated from the operation table (tests/surface). Do not edit:
# run `UPDATE_SURFACE=1 cargo test --test surface`.
"""The Engine's operations: one method per operation of the JSON surface (docs/api.md)."""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, cast

from ._time import Instant, instant
from .types import *  # noqa: F403 (every record, argument and result type)


class Operations:
    """The operations of the JSON surface. `Engine` implements `call`."""

    def call(self, op: str, args: Optional[Mapping[str, Any]] = None) -> Any:
        """Runs one operation and returns its result, or raises `TicketShareError`."""
        raise NotImplementedError

    def info(self) -> EngineInfo:
        """API version, library version, operations, every reason code with its category and family."""
        args: Dict[str, Any] = {}
        return cast(EngineInfo, self.call("engine.info", args))

    def check_policy(self, actor: Actor, permission: Permission, *, feature: Optional[PlanFeature] = None, plan: Optional[str] = None) -> PolicyDecision:
        """May this actor do this (on this plan)? A refusal is an answer here, not an error. (EXT-02, EXT-03)"""
        args: Dict[str, Any] = {"actor": actor, "permission": permission}
        if feature is not None:
            args["feature"] = feature
        if plan is not None:
            args["plan"] = plan
        return cast(PolicyDecision, self.call("policy.check", args))

    def create_share(self, actor: Actor, account: Account, request: ShareRequest, now: Instant, *, previous_shares: Optional[List[ExternalShare]] = None) -> ShareCreated:
        """An agent shares a ticket thread: the share record, the external note, the email, the link and the audit events. (EXT-01..05, EXT-09, EXT-14)"""
        args: Dict[str, Any] = {"actor": actor, "account": account, "request": request, "now": instant(now)}
        if previous_shares is not None:
            args["previous_shares"] = previous_shares
        return cast(ShareCreated, self.call("share.create", args))

    def check_link(self, token: str, share: ExternalShare, now: Instant) -> TokenClaims:
        """Checks a link token against its share record (cancellation, expiry), changing nothing. (EXT-08, EXT-10)"""
        args: Dict[str, Any] = {"token": token, "share": share, "now": instant(now)}
        return cast(TokenClaims, self.call("link.check", args))

    def open_link(self, token: str, share: ExternalShare, account: Account, now: Instant, *, challenge: Optional[CodeChallenge] = None, device_token: Optional[str] = None) -> LinkOpened:
        """The collaborator opened the link: a session (verified before, in this browser), a new code emailed (code_sent), or the code already sent (code_pending). (EXT-06, EXT-09, SEC-05)"""
        args: Dict[str, Any] = {"token": token, "share": share, "account": account, "now": instant(now)}
        if challenge is not None:
            args["challenge"] = challenge
        if device_token is not None:
            args["device_token"] = device_token
        return cast(LinkOpened, self.call("link.open", args))

    def resend_code(self, token: str, share: ExternalShare, account: Account, now: Instant, *, challenge: Optional[CodeChallenge] = None, device_token: Optional[str] = None) -> CodeSent:
        """The collaborator asked for a new code: it replaces the current one, within the cooldown and the hourly cap. (SEC-02)"""
        args: Dict[str, Any] = {"token": token, "share": share, "account": account, "now": instant(now)}
        if challenge is not None:
            args["challenge"] = challenge
        if device_token is not None:
            args["device_token"] = device_token
        return cast(CodeSent, self.call("code.resend", args))

    def check_code(self, token: str, share: ExternalShare, challenge: CodeChallenge, code: str, now: Instant) -> CodeChecked:
        """The collaborator entered a code: accepted (the share verified, a session) or rejected (a try counted). (EXT-06, SEC-02)"""
        args: Dict[str, Any] = {"token": token, "share": share, "challenge": challenge, "code": code, "now": instant(now)}
        return cast(CodeChecked, self.call("code.check", args))

    def check_session(self, session_token: str, share: ExternalShare, now: Instant) -> TokenClaims:
        """Checks a session token against its share record: signed, not past the link, the share verified and not cancelled. (SEC-08)"""
        args: Dict[str, Any] = {"session_token": session_token, "share": share, "now": instant(now)}
        return cast(TokenClaims, self.call("session.check", args))

    def view(self, session_token: str, share: ExternalShare, thread: TicketThread, now: Instant) -> SharedView:
        """The thread as the collaborator sees it: messages and this share's notes, customer details only if included. (EXT-07, EXT-12)"""
        args: Dict[str, Any] = {"session_token": session_token, "share": share, "thread": thread, "now": instant(now)}
        return cast(SharedView, self.call("share.view", args))

    def reply(self, session_token: str, share: ExternalShare, reply: CollaboratorReply, account: Account, now: Instant) -> ReplyAccepted:
        """The collaborator's reply, as an external note the customer never sees (and a copy email if asked for). (EXT-11)"""
        args: Dict[str, Any] = {"session_token": session_token, "share": share, "reply": reply, "account": account, "now": instant(now)}
        return cast(ReplyAccepted, self.call("share.reply", args))

    def cancel_share(self, actor: Actor, share: ExternalShare, now: Instant) -> ShareCancelled:
        """An agent cancels the share: the link is refused from then on, and the thread says so. (EXT-10)"""
        args: Dict[str, Any] = {"actor": actor, "share": share, "now": instant(now)}
        return cast(ShareCancelled, self.call("share.cancel", args))

    def share_status(self, share: ExternalShare, now: Instant, *, challenge: Optional[CodeChallenge] = None) -> ShareStatus:
        """Where a share stands (pending, verified, expired, cancelled), its current code, and when a new code may be asked for; changes nothing. (EXT-08, EXT-10, SEC-02)"""
        args: Dict[str, Any] = {"share": share, "now": instant(now)}
        if challenge is not None:
            args["challenge"] = challenge
        return cast(ShareStatus, self.call("share.status", args))

    def update_branding(self, actor: Actor, account: Account, form: BrandingFormArgs, now: Instant) -> BrandingUpdated:
        """An admin sets the share email's branding: logo (as standard base64), logo link, company name, button colour. (EXT-13)"""
        args: Dict[str, Any] = {"actor": actor, "account": account, "form": form, "now": instant(now)}
        return cast(BrandingUpdated, self.call("branding.update", args))

    def set_agent_sharing(self, actor: Actor, enabled: bool, now: Instant) -> SharingSettingsChanged:
        """An admin turns agent sharing on or off in the site settings; it is off until then. (AGT-01)"""
        args: Dict[str, Any] = {"actor": actor, "enabled": enabled, "now": instant(now)}
        return cast(SharingSettingsChanged, self.call("agent_sharing.set", args))

    def share_with_agents(self, actor: Actor, ticket: InboxTicket, agents: List[Colleague], now: Instant, *, settings: Optional[AgentSharingSettings] = None, shares: Optional[List[AgentShare]] = None) -> AgentSharesAdded:
        """An agent or admin shares a ticket with agents who cannot open its inbox: the new shares, and every agent skipped with its reason. (AGT-01, AGT-02)"""
        args: Dict[str, Any] = {"actor": actor, "ticket": ticket, "agents": agents, "now": instant(now)}
        if settings is not None:
            args["settings"] = settings
        if shares is not None:
            args["shares"] = shares
        return cast(AgentSharesAdded, self.call("agent_share.add", args))

    def unshare_with_agent(self, actor: Actor, ticket: InboxTicket, share_id: AgentShareId, agent: Colleague, shares: List[AgentShare], now: Instant, *, pending: Optional[List[ScheduledReply]] = None) -> AgentShareRemoved:
        """An agent or admin removes an agent's share: the record to delete and the agent's replies scheduled under it, to cancel. (AGT-05, AGT-07, AGT-08)"""
        args: Dict[str, Any] = {"actor": actor, "ticket": ticket, "share_id": share_id, "agent": agent, "shares": shares, "now": instant(now)}
        if pending is not None:
            args["pending"] = pending
        return cast(AgentShareRemoved, self.call("agent_share.remove", args))

    def agent_access(self, agent: Actor, ticket: InboxTicket, *, settings: Optional[AgentSharingSettings] = None, shares: Optional[List[AgentShare]] = None) -> AgentAccess:
        """What an agent may do on a ticket, action by action: everything through its inbox or a share of it, nothing otherwise, never forward a shared ticket. (AGT-03, AGT-05, AGT-06, AGT-08)"""
        args: Dict[str, Any] = {"agent": agent, "ticket": ticket}
        if settings is not None:
            args["settings"] = settings
        if shares is not None:
            args["shares"] = shares
        return cast(AgentAccess, self.call("agent.access", args))

    def schedule_reply(self, author: Actor, ticket: InboxTicket, send_at: Timestamp, now: Instant, *, settings: Optional[AgentSharingSettings] = None, shares: Optional[List[AgentShare]] = None) -> ReplyScheduled:
        """An agent schedules a reply: the record to store, which says the access it was scheduled under. (AGT-03, AGT-07)"""
        args: Dict[str, Any] = {"author": author, "ticket": ticket, "send_at": send_at, "now": instant(now)}
        if settings is not None:
            args["settings"] = settings
        if shares is not None:
            args["shares"] = shares
        return cast(ReplyScheduled, self.call("reply.schedule", args))

    def check_scheduled_reply(self, reply: ScheduledReply, author: Actor, ticket: InboxTicket, *, settings: Optional[AgentSharingSettings] = None, shares: Optional[List[AgentShare]] = None) -> ReplyCleared:
        """The scheduler asks just before sending a scheduled reply: cleared, or refused because its author lost the access it was scheduled under. (AGT-07)"""
        args: Dict[str, Any] = {"reply": reply, "author": author, "ticket": ticket}
        if settings is not None:
            args["settings"] = settings
        if shares is not None:
            args["shares"] = shares
        return cast(ReplyCleared, self.call("reply.check", args))

    def plan_notifications(self, people: TicketPeople, update: TicketUpdate, action: TriggerAction, *, settings: Optional[CcSettings] = None) -> NotificationPlan:
        """Who is emailed about an update: requester and CCs for a public comment (addresses shown), followers for every update (hidden), each with its rule; the rest with the reason. (CCF-01, CCF-04, CCF-07, CCF-11)"""
        args: Dict[str, Any] = {"people": people, "update": update, "action": action}
        if settings is not None:
            args["settings"] = settings
        return cast(NotificationPlan, self.call("cc.notify", args))

    def decide_inbound_email(self, email: InboundEmail, people: TicketPeople, now: Instant, *, comments: Optional[List[CommentRef]] = None, known: Optional[List[Person]] = None, settings: Optional[CcSettings] = None) -> InboundDecision:
        """What an email reply does: a public or a private comment, the new CCs with the responses to send them, the CCs removed, the addresses ignored and why. (CCF-02, CCF-03, CCF-05, CCF-06, CCF-07, CCF-08, CCF-09, CCF-10, CCF-12)"""
        args: Dict[str, Any] = {"email": email, "people": people, "now": instant(now)}
        if comments is not None:
            args["comments"] = comments
        if known is not None:
            args["known"] = known
        if settings is not None:
            args["settings"] = settings
        return cast(InboundDecision, self.call("cc.inbound", args))

    def add_ccs(self, actor: Actor, people: TicketPeople, addresses: List[str], now: Instant, *, comments: Optional[List[CommentRef]] = None, known: Optional[List[Person]] = None, settings: Optional[CcSettings] = None) -> CcsAdded:
        """An agent adds CCs from the ticket: the new CCs with the responses to send them; refused when blocklisted or beyond the ticket's CCs. (CCF-07, CCF-10, CCF-12)"""
        args: Dict[str, Any] = {"actor": actor, "people": people, "addresses": addresses, "now": instant(now)}
        if comments is not None:
            args["comments"] = comments
        if known is not None:
            args["known"] = known
        if settings is not None:
            args["settings"] = settings
        return cast(CcsAdded, self.call("cc.add", args))

    def add_followers(self, actor: Actor, people: TicketPeople, followers: List[Person], now: Instant, *, settings: Optional[CcSettings] = None) -> FollowersAdded:
        """An agent adds followers from the ticket, the only way followers are added: agents, never blocklisted. (CCF-02, CCF-07)"""
        args: Dict[str, Any] = {"actor": actor, "people": people, "followers": followers, "now": instant(now)}
        if settings is not None:
            args["settings"] = settings
        return cast(FollowersAdded, self.call("follower.add", args))

    def invite_partner(self, actor: Actor, account: SharingAccount, offer: Offer, now: Instant, *, agreements: Optional[List[Agreement]] = None) -> AgreementChange:
        """An admin invites a partner account on terms it sets: a pending agreement and the invitation to deliver. (ACC-01, ACC-02, ACC-03, ACC-04)"""
        args: Dict[str, Any] = {"actor": actor, "account": account, "offer": offer, "now": instant(now)}
        if agreements is not None:
            args["agreements"] = agreements
        return cast(AgreementChange, self.call("agreement.invite", args))

    def receive_invite(self, account: SharingAccount, invitation: Invitation, now: Instant, *, agreements: Optional[List[Agreement]] = None, sender_kind: Optional[PartnerKind] = None) -> InviteReceived:
        """The invited account reads an invitation: a copy pending for its admins, or, opted out, an ordinary decline it is never told of. (ACC-01, ACC-05, ACC-08)"""
        args: Dict[str, Any] = {"account": account, "invitation": invitation, "now": instant(now)}
        if agreements is not None:
            args["agreements"] = agreements
        if sender_kind is not None:
            args["sender_kind"] = sender_kind
        return cast(InviteReceived, self.call("agreement.receive", args))

    def accept_agreement(self, actor: Actor, account: SharingAccount, agreement: Agreement, now: Instant) -> AgreementChange:
        """The invited account's admin accepts: the sender may share tickets. (ACC-01, ACC-03)"""
        args: Dict[str, Any] = {"actor": actor, "account": account, "agreement": agreement, "now": instant(now)}
        return cast(AgreementChange, self.call("agreement.accept", args))

    def decline_agreement(self, actor: Actor, account: SharingAccount, agreement: Agreement, now: Instant) -> AgreementChange:
        """The invited account's admin declines; the sender may invite again later. (ACC-01, ACC-03, ACC-08)"""
        args: Dict[str, Any] = {"actor": actor, "account": account, "agreement": agreement, "now": instant(now)}
        return cast(AgreementChange, self.call("agreement.decline", args))

    def defer_agreement(self, actor: Actor, account: SharingAccount, agreement: Agreement, now: Instant) -> AgreementChange:
        """The invited account's admin decides later: checked like an answer, nothing changes. (ACC-01, ACC-03)"""
        args: Dict[str, Any] = {"actor": actor, "account": account, "agreement": agreement, "now": instant(now)}
        return cast(AgreementChange, self.call("agreement.defer", args))

    def reinvite_partner(self, actor: Actor, account: SharingAccount, agreement: Agreement, now: Instant, *, terms: Optional[Terms] = None) -> AgreementChange:
        """The sender's admin invites again after a decline, with new terms if given. (ACC-03, ACC-04, ACC-08)"""
        args: Dict[str, Any] = {"actor": actor, "account": account, "agreement": agreement, "now": instant(now)}
        if terms is not None:
            args["terms"] = terms
        return cast(AgreementChange, self.call("agreement.reinvite", args))

    def deactivate_agreement(self, actor: Actor, account: SharingAccount, agreement: Agreement, now: Instant) -> AgreementChange:
        """An admin of either side deactivates, for good: no new shares, no more syncing, the partner informed. (ACC-03, ACC-06)"""
        args: Dict[str, Any] = {"actor": actor, "account": account, "agreement": agreement, "now": instant(now)}
        return cast(AgreementChange, self.call("agreement.deactivate", args))

    def account_renamed(self, actor: Actor, account: SharingAccount, agreements: List[Agreement], now: Instant) -> AgreementsBroken:
        """The account was renamed: every pending or accepted agreement ends, each partner informed. (ACC-07)"""
        args: Dict[str, Any] = {"actor": actor, "account": account, "agreements": agreements, "now": instant(now)}
        return cast(AgreementsBroken, self.call("agreement.account_renamed", args))

    def apply_partner_update(self, account: SharingAccount, agreement: Agreement, update: PartnerUpdate, now: Instant) -> AgreementChange:
        """Applies what the partner did: its answer to an invite, or its deactivation; never a step that is not its own, never a revival. (ACC-01, ACC-06, ACC-07, ACC-08)"""
        args: Dict[str, Any] = {"account": account, "agreement": agreement, "update": update, "now": instant(now)}
        return cast(AgreementChange, self.call("agreement.partner_update", args))

    def share_ticket(self, actor: Actor, account: SharingAccount, ticket: LocalTicket, agreement_id: AgreementId, agreements: List[Agreement], now: Instant) -> TicketShared:
        """An agent shares a ticket with a partner account under an accepted agreement: the share record and the ticket's marks. (ACC-09, ACC-10, ACC-12, ACC-21)"""
        args: Dict[str, Any] = {"actor": actor, "account": account, "ticket": ticket, "agreement_id": agreement_id, "agreements": agreements, "now": instant(now)}
        return cast(TicketShared, self.call("shared_ticket.share", args))

    def receive_ticket(self, account: SharingAccount, agreement: Agreement, shared_ticket_id: SharedTicketId, ticket_id: TicketId, now: Instant) -> TicketShared:
        """A ticket arrives from the partner: a new ticket of this account with its own id, marked received from the partner. (ACC-11, ACC-21)"""
        args: Dict[str, Any] = {"account": account, "agreement": agreement, "shared_ticket_id": shared_ticket_id, "ticket_id": ticket_id, "now": instant(now)}
        return cast(TicketShared, self.call("shared_ticket.receive", args))

    def unshare_ticket(self, actor: Actor, account: SharingAccount, ticket: LocalTicket, shared_ticket_id: SharedTicketId, agreements: List[Agreement], now: Instant) -> TicketUnshared:
        """An agent stops sharing a ticket; refused for a received ticket in an account with only receiving agreements. (ACC-12)"""
        args: Dict[str, Any] = {"actor": actor, "account": account, "ticket": ticket, "shared_ticket_id": shared_ticket_id, "agreements": agreements, "now": instant(now)}
        return cast(TicketUnshared, self.call("shared_ticket.unshare", args))

    def check_merge(self, ticket: LocalTicket, into: LocalTicket) -> MergeAllowed:
        """May these tickets be merged? Never a shared one. (ACC-10)"""
        args: Dict[str, Any] = {"ticket": ticket, "into": into}
        return cast(MergeAllowed, self.call("shared_ticket.check_merge", args))

    def map_status(self, agreement: Agreement, status: TicketStatus, *, source: Optional[StatusSettings] = None, target: Optional[StatusSettings] = None) -> MappedStatus:
        """The status the other copy takes: by category, On-hold as Open, then the custom-status table; only when the agreement syncs status. (ACC-13, ACC-15)"""
        args: Dict[str, Any] = {"agreement": agreement, "status": status}
        if source is not None:
            args["source"] = source
        if target is not None:
            args["target"] = target
        return cast(MappedStatus, self.call("shared_ticket.map_status", args))

    def plan_custom_fields(self, agreement: Agreement, ours: List[FieldDef], theirs: List[FieldDef]) -> FieldPlan:
        """Pairs this account's custom fields with the partner's by title: each synced with its transfer, or skipped with the reason. (ACC-04, ACC-20)"""
        args: Dict[str, Any] = {"agreement": agreement, "ours": ours, "theirs": theirs}
        return cast(FieldPlan, self.call("shared_ticket.plan_fields", args))

    def transfer_field_values(self, agreement: Agreement, ours: List[FieldDef], theirs: List[FieldDef], values: List[FieldValueOf]) -> FieldTransfer:
        """The values for the partner's fields: each through the plan, one that does not sync or fit skipped with the reason, the rest unaffected. (ACC-20)"""
        args: Dict[str, Any] = {"agreement": agreement, "ours": ours, "theirs": theirs, "values": values}
        return cast(FieldTransfer, self.call("shared_ticket.transfer_fields", args))

    def prepare_update(self, agreement: Agreement, update: LocalUpdate, *, secure_downloads: Optional[bool] = None) -> PartnerPayload:
        """What of an update crosses to the partner: comments with their authors as name and role only, attachments, tags; and what stays behind, and why. (ACC-14, ACC-16, ACC-17, ACC-19, NHD-10)"""
        args: Dict[str, Any] = {"agreement": agreement, "update": update}
        if secure_downloads is not None:
            args["secure_downloads"] = secure_downloads
        return cast(PartnerPayload, self.call("shared_ticket.prepare_update", args))

    def receive_update(self, agreement: Agreement, share: TicketShare, update: IncomingUpdate, *, placeholders: Optional[List[Placeholder]] = None) -> ReceivedUpdate:
        """What an update from the partner does: comments, placeholder users, tags, and who is notified. (ACC-14, ACC-16, ACC-18, ACC-19, NHD-10)"""
        args: Dict[str, Any] = {"agreement": agreement, "share": share, "update": update}
        if placeholders is not None:
            args["placeholders"] = placeholders
        return cast(ReceivedUpdate, self.call("shared_ticket.receive_update", args))

    def nhd_agreement_request(self, account: SharingAccount, agreement: Agreement, *, actor: Optional[LocalUser] = None) -> NhdRequest:
        """The request telling the partner where an agreement stands after a step: the invitation (POST) or its status (PUT). (NHD-04, NHD-05, NHD-06, NHD-07, NHD-10)"""
        args: Dict[str, Any] = {"account": account, "agreement": agreement}
        if actor is not None:
            args["actor"] = actor
        return cast(NhdRequest, self.call("nhd.agreement_request", args))

    def nhd_ticket_request(self, agreement: Agreement, share: TicketShare, kind: TicketChangeKind, *, secure_downloads: Optional[bool] = None, ticket: Optional[OutgoingTicket] = None, update: Optional[LocalUpdate] = None) -> TicketRequest:
        """The request telling the partner of a shared ticket's change: share (POST), update (PUT) or unshare (DELETE), with what crosses; or the body to answer a partner's GET with (read). (NHD-04, NHD-05, NHD-08, NHD-09, NHD-10, ACC-13, ACC-14, ACC-16, ACC-17, ACC-19, ACC-20)"""
        args: Dict[str, Any] = {"agreement": agreement, "share": share, "kind": kind}
        if secure_downloads is not None:
            args["secure_downloads"] = secure_downloads
        if ticket is not None:
            args["ticket"] = ticket
        if update is not None:
            args["update"] = update
        return cast(TicketRequest, self.call("nhd.ticket_request", args))

    def nhd_route(self, request: PartnerRequest) -> NhdRoute:
        """Reads a partner's request as far as no record is needed: the records to load, or the answer at once. (NHD-04, NHD-05, NHD-06)"""
        args: Dict[str, Any] = {"request": request}
        return cast(NhdRoute, self.call("nhd.route", args))

    def nhd_receive(self, account: SharingAccount, request: PartnerRequest, now: Instant, *, agreement: Optional[Agreement] = None, new_ticket_id: Optional[TicketId] = None, placeholders: Optional[List[Placeholder]] = None, received_comments: Optional[List[SharedCommentId]] = None, sender_kind: Optional[PartnerKind] = None, share: Optional[TicketShare] = None) -> NhdDecision:
        """Decides a partner's request: the answer, the records to store and the audit events, the first failing check answering. (NHD-04, NHD-05, NHD-06, NHD-07, NHD-08, NHD-09, NHD-10)"""
        args: Dict[str, Any] = {"account": account, "request": request, "now": instant(now)}
        if agreement is not None:
            args["agreement"] = agreement
        if new_ticket_id is not None:
            args["new_ticket_id"] = new_ticket_id
        if placeholders is not None:
            args["placeholders"] = placeholders
        if received_comments is not None:
            args["received_comments"] = received_comments
        if sender_kind is not None:
            args["sender_kind"] = sender_kind
        if share is not None:
            args["share"] = share
        return cast(NhdDecision, self.call("nhd.receive", args))


# Wrapped operations, in order: (op, method).
WRAPPED = (
    ("engine.info", "info"),
    ("policy.check", "check_policy"),
    ("share.create", "create_share"),
    ("link.check", "check_link"),
    ("link.open", "open_link"),
    ("code.resend", "resend_code"),
    ("code.check", "check_code"),
    ("session.check", "check_session"),
    ("share.view", "view"),
    ("share.reply", "reply"),
    ("share.cancel", "cancel_share"),
    ("share.status", "share_status"),
    ("branding.update", "update_branding"),
    ("agent_sharing.set", "set_agent_sharing"),
    ("agent_share.add", "share_with_agents"),
    ("agent_share.remove", "unshare_with_agent"),
    ("agent.access", "agent_access"),
    ("reply.schedule", "schedule_reply"),
    ("reply.check", "check_scheduled_reply"),
    ("cc.notify", "plan_notifications"),
    ("cc.inbound", "decide_inbound_email"),
    ("cc.add", "add_ccs"),
    ("follower.add", "add_followers"),
    ("agreement.invite", "invite_partner"),
    ("agreement.receive", "receive_invite"),
    ("agreement.accept", "accept_agreement"),
    ("agreement.decline", "decline_agreement"),
    ("agreement.defer", "defer_agreement"),
    ("agreement.reinvite", "reinvite_partner"),
    ("agreement.deactivate", "deactivate_agreement"),
    ("agreement.account_renamed", "account_renamed"),
    ("agreement.partner_update", "apply_partner_update"),
    ("shared_ticket.share", "share_ticket"),
    ("shared_ticket.receive", "receive_ticket"),
    ("shared_ticket.unshare", "unshare_ticket"),
    ("shared_ticket.check_merge", "check_merge"),
    ("shared_ticket.map_status", "map_status"),
    ("shared_ticket.plan_fields", "plan_custom_fields"),
    ("shared_ticket.transfer_fields", "transfer_field_values"),
    ("shared_ticket.prepare_update", "prepare_update"),
    ("shared_ticket.receive_update", "receive_update"),
    ("nhd.agreement_request", "nhd_agreement_request"),
    ("nhd.ticket_request", "nhd_ticket_request"),
    ("nhd.route", "nhd_route"),
    ("nhd.receive", "nhd_receive"),
)

# Operations with a typed entry point of their own, written in _engine.py: (op, method).
TYPED = (
    ("link.verify", "verify_link"),
)
