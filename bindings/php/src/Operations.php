<?php
// Generated from the operation table (tests/surface). Do not edit:
// run `UPDATE_SURFACE=1 cargo test --test surface`.

declare(strict_types=1);

namespace TicketShare;

/**
 * The operations of the JSON surface (docs/api.md), one method each. Arguments and
 * results are arrays shaped as docs/api.md shows; a refusal throws TicketShareException.
 */
trait Operations
{
    /** Runs one operation and returns its result, or throws. */
    abstract public function call(string $op, array $args = []): mixed;

    /** API version, library version, operations, every reason code with its category and family. (engine.info) */
    public function info(): mixed
    {
        return $this->call('engine.info', []);
    }

    /** May this actor do this (on this plan)? A refusal is an answer here, not an error. (policy.check) */
    public function checkPolicy(array $actor, string $permission, ?string $feature = null, ?string $plan = null): mixed
    {
        return $this->call('policy.check', [
            'actor' => $actor,
            'permission' => $permission,
            ...($feature === null ? [] : ['feature' => $feature]),
            ...($plan === null ? [] : ['plan' => $plan]),
        ]);
    }

    /** An agent shares a ticket thread: the share record, the external note, the email, the link and the audit events. (share.create) */
    public function createShare(array $actor, array $account, array $request, \DateTimeInterface|string $now, ?array $previousShares = null): mixed
    {
        return $this->call('share.create', [
            'actor' => $actor,
            'account' => $account,
            'request' => $request,
            'now' => Engine::instant($now),
            ...($previousShares === null ? [] : ['previous_shares' => $previousShares]),
        ]);
    }

    /** Checks a link token against its share record (cancellation, expiry), changing nothing. (link.check) */
    public function checkLink(string $token, array $share, \DateTimeInterface|string $now): mixed
    {
        return $this->call('link.check', [
            'token' => $token,
            'share' => $share,
            'now' => Engine::instant($now),
        ]);
    }

    /** The collaborator opened the link: a session (verified before, in this browser), a new code emailed (code_sent), or the code already sent (code_pending). (link.open) */
    public function openLink(string $token, array $share, array $account, \DateTimeInterface|string $now, ?array $challenge = null, ?string $deviceToken = null): mixed
    {
        return $this->call('link.open', [
            'token' => $token,
            'share' => $share,
            'account' => $account,
            'now' => Engine::instant($now),
            ...($challenge === null ? [] : ['challenge' => $challenge]),
            ...($deviceToken === null ? [] : ['device_token' => $deviceToken]),
        ]);
    }

    /** The collaborator asked for a new code: it replaces the current one, within the cooldown and the hourly cap. (code.resend) */
    public function resendCode(string $token, array $share, array $account, \DateTimeInterface|string $now, ?array $challenge = null, ?string $deviceToken = null): mixed
    {
        return $this->call('code.resend', [
            'token' => $token,
            'share' => $share,
            'account' => $account,
            'now' => Engine::instant($now),
            ...($challenge === null ? [] : ['challenge' => $challenge]),
            ...($deviceToken === null ? [] : ['device_token' => $deviceToken]),
        ]);
    }

    /** The collaborator entered a code: accepted (the share verified, a session) or rejected (a try counted). (code.check) */
    public function checkCode(string $token, array $share, array $challenge, string $code, \DateTimeInterface|string $now): mixed
    {
        return $this->call('code.check', [
            'token' => $token,
            'share' => $share,
            'challenge' => $challenge,
            'code' => $code,
            'now' => Engine::instant($now),
        ]);
    }

    /** Checks a session token against its share record: signed, not past the link, the share verified and not cancelled. (session.check) */
    public function checkSession(string $sessionToken, array $share, \DateTimeInterface|string $now): mixed
    {
        return $this->call('session.check', [
            'session_token' => $sessionToken,
            'share' => $share,
            'now' => Engine::instant($now),
        ]);
    }

    /** The thread as the collaborator sees it: messages and this share's notes, customer details only if included. (share.view) */
    public function view(string $sessionToken, array $share, array $thread, \DateTimeInterface|string $now): mixed
    {
        return $this->call('share.view', [
            'session_token' => $sessionToken,
            'share' => $share,
            'thread' => $thread,
            'now' => Engine::instant($now),
        ]);
    }

    /** The collaborator's reply, as an external note the customer never sees (and a copy email if asked for). (share.reply) */
    public function reply(string $sessionToken, array $share, array $reply, array $account, \DateTimeInterface|string $now): mixed
    {
        return $this->call('share.reply', [
            'session_token' => $sessionToken,
            'share' => $share,
            'reply' => $reply,
            'account' => $account,
            'now' => Engine::instant($now),
        ]);
    }

    /** An agent cancels the share: the link is refused from then on, and the thread says so. (share.cancel) */
    public function cancelShare(array $actor, array $share, \DateTimeInterface|string $now): mixed
    {
        return $this->call('share.cancel', [
            'actor' => $actor,
            'share' => $share,
            'now' => Engine::instant($now),
        ]);
    }

    /** Where a share stands (pending, verified, expired, cancelled), its current code, and when a new code may be asked for; changes nothing. (share.status) */
    public function shareStatus(array $share, \DateTimeInterface|string $now, ?array $challenge = null): mixed
    {
        return $this->call('share.status', [
            'share' => $share,
            'now' => Engine::instant($now),
            ...($challenge === null ? [] : ['challenge' => $challenge]),
        ]);
    }

    /** An admin sets the share email's branding: logo (as standard base64), logo link, company name, button colour. (branding.update) */
    public function updateBranding(array $actor, array $account, array $form, \DateTimeInterface|string $now): mixed
    {
        return $this->call('branding.update', [
            'actor' => $actor,
            'account' => $account,
            'form' => $form,
            'now' => Engine::instant($now),
        ]);
    }

    /** An admin turns agent sharing on or off in the site settings; it is off until then. (agent_sharing.set) */
    public function setAgentSharing(array $actor, bool $enabled, \DateTimeInterface|string $now): mixed
    {
        return $this->call('agent_sharing.set', [
            'actor' => $actor,
            'enabled' => $enabled,
            'now' => Engine::instant($now),
        ]);
    }

    /** An agent or admin shares a ticket with agents who cannot open its inbox: the new shares, and every agent skipped with its reason. (agent_share.add) */
    public function shareWithAgents(array $actor, array $ticket, array $agents, \DateTimeInterface|string $now, ?array $settings = null, ?array $shares = null): mixed
    {
        return $this->call('agent_share.add', [
            'actor' => $actor,
            'ticket' => $ticket,
            'agents' => $agents,
            'now' => Engine::instant($now),
            ...($settings === null ? [] : ['settings' => $settings]),
            ...($shares === null ? [] : ['shares' => $shares]),
        ]);
    }

    /** An agent or admin removes an agent's share: the record to delete and the agent's replies scheduled under it, to cancel. (agent_share.remove) */
    public function unshareWithAgent(array $actor, array $ticket, string $shareId, array $agent, array $shares, \DateTimeInterface|string $now, ?array $pending = null): mixed
    {
        return $this->call('agent_share.remove', [
            'actor' => $actor,
            'ticket' => $ticket,
            'share_id' => $shareId,
            'agent' => $agent,
            'shares' => $shares,
            'now' => Engine::instant($now),
            ...($pending === null ? [] : ['pending' => $pending]),
        ]);
    }

    /** What an agent may do on a ticket, action by action: everything through its inbox or a share of it, nothing otherwise, never forward a shared ticket. (agent.access) */
    public function agentAccess(array $agent, array $ticket, ?array $settings = null, ?array $shares = null): mixed
    {
        return $this->call('agent.access', [
            'agent' => $agent,
            'ticket' => $ticket,
            ...($settings === null ? [] : ['settings' => $settings]),
            ...($shares === null ? [] : ['shares' => $shares]),
        ]);
    }

    /** An agent schedules a reply: the record to store, which says the access it was scheduled under. (reply.schedule) */
    public function scheduleReply(array $author, array $ticket, string $sendAt, \DateTimeInterface|string $now, ?array $settings = null, ?array $shares = null): mixed
    {
        return $this->call('reply.schedule', [
            'author' => $author,
            'ticket' => $ticket,
            'send_at' => $sendAt,
            'now' => Engine::instant($now),
            ...($settings === null ? [] : ['settings' => $settings]),
            ...($shares === null ? [] : ['shares' => $shares]),
        ]);
    }

    /** The scheduler asks just before sending a scheduled reply: cleared, or refused because its author lost the access it was scheduled under. (reply.check) */
    public function checkScheduledReply(array $reply, array $author, array $ticket, ?array $settings = null, ?array $shares = null): mixed
    {
        return $this->call('reply.check', [
            'reply' => $reply,
            'author' => $author,
            'ticket' => $ticket,
            ...($settings === null ? [] : ['settings' => $settings]),
            ...($shares === null ? [] : ['shares' => $shares]),
        ]);
    }

    /** Who is emailed about an update: requester and CCs for a public comment (addresses shown), followers for every update (hidden), each with its rule; the rest with the reason. (cc.notify) */
    public function planNotifications(array $people, array $update, string $action, ?array $settings = null): mixed
    {
        return $this->call('cc.notify', [
            'people' => $people,
            'update' => $update,
            'action' => $action,
            ...($settings === null ? [] : ['settings' => $settings]),
        ]);
    }

    /** What an email reply does: a public or a private comment, the new CCs with the responses to send them, the CCs removed, the addresses ignored and why. (cc.inbound) */
    public function decideInboundEmail(array $email, array $people, \DateTimeInterface|string $now, ?array $comments = null, ?array $known = null, ?array $settings = null): mixed
    {
        return $this->call('cc.inbound', [
            'email' => $email,
            'people' => $people,
            'now' => Engine::instant($now),
            ...($comments === null ? [] : ['comments' => $comments]),
            ...($known === null ? [] : ['known' => $known]),
            ...($settings === null ? [] : ['settings' => $settings]),
        ]);
    }

    /** An agent adds CCs from the ticket: the new CCs with the responses to send them; refused when blocklisted or beyond the ticket's CCs. (cc.add) */
    public function addCcs(array $actor, array $people, array $addresses, \DateTimeInterface|string $now, ?array $comments = null, ?array $known = null, ?array $settings = null): mixed
    {
        return $this->call('cc.add', [
            'actor' => $actor,
            'people' => $people,
            'addresses' => $addresses,
            'now' => Engine::instant($now),
            ...($comments === null ? [] : ['comments' => $comments]),
            ...($known === null ? [] : ['known' => $known]),
            ...($settings === null ? [] : ['settings' => $settings]),
        ]);
    }

    /** An agent adds followers from the ticket, the only way followers are added: agents, never blocklisted. (follower.add) */
    public function addFollowers(array $actor, array $people, array $followers, \DateTimeInterface|string $now, ?array $settings = null): mixed
    {
        return $this->call('follower.add', [
            'actor' => $actor,
            'people' => $people,
            'followers' => $followers,
            'now' => Engine::instant($now),
            ...($settings === null ? [] : ['settings' => $settings]),
        ]);
    }

    /** An admin invites a partner account on terms it sets: a pending agreement and the invitation to deliver. (agreement.invite) */
    public function invitePartner(array $actor, array $account, array $offer, \DateTimeInterface|string $now, ?array $agreements = null): mixed
    {
        return $this->call('agreement.invite', [
            'actor' => $actor,
            'account' => $account,
            'offer' => $offer,
            'now' => Engine::instant($now),
            ...($agreements === null ? [] : ['agreements' => $agreements]),
        ]);
    }

    /** The invited account reads an invitation: a copy pending for its admins, or, opted out, an ordinary decline it is never told of. (agreement.receive) */
    public function receiveInvite(array $account, array $invitation, \DateTimeInterface|string $now, ?array $agreements = null, ?string $senderKind = null): mixed
    {
        return $this->call('agreement.receive', [
            'account' => $account,
            'invitation' => $invitation,
            'now' => Engine::instant($now),
            ...($agreements === null ? [] : ['agreements' => $agreements]),
            ...($senderKind === null ? [] : ['sender_kind' => $senderKind]),
        ]);
    }

    /** The invited account's admin accepts: the sender may share tickets. (agreement.accept) */
    public function acceptAgreement(array $actor, array $account, array $agreement, \DateTimeInterface|string $now): mixed
    {
        return $this->call('agreement.accept', [
            'actor' => $actor,
            'account' => $account,
            'agreement' => $agreement,
            'now' => Engine::instant($now),
        ]);
    }

    /** The invited account's admin declines; the sender may invite again later. (agreement.decline) */
    public function declineAgreement(array $actor, array $account, array $agreement, \DateTimeInterface|string $now): mixed
    {
        return $this->call('agreement.decline', [
            'actor' => $actor,
            'account' => $account,
            'agreement' => $agreement,
            'now' => Engine::instant($now),
        ]);
    }

    /** The invited account's admin decides later: checked like an answer, nothing changes. (agreement.defer) */
    public function deferAgreement(array $actor, array $account, array $agreement, \DateTimeInterface|string $now): mixed
    {
        return $this->call('agreement.defer', [
            'actor' => $actor,
            'account' => $account,
            'agreement' => $agreement,
            'now' => Engine::instant($now),
        ]);
    }

    /** The sender's admin invites again after a decline, with new terms if given. (agreement.reinvite) */
    public function reinvitePartner(array $actor, array $account, array $agreement, \DateTimeInterface|string $now, ?array $terms = null): mixed
    {
        return $this->call('agreement.reinvite', [
            'actor' => $actor,
            'account' => $account,
            'agreement' => $agreement,
            'now' => Engine::instant($now),
            ...($terms === null ? [] : ['terms' => $terms]),
        ]);
    }

    /** An admin of either side deactivates, for good: no new shares, no more syncing, the partner informed. (agreement.deactivate) */
    public function deactivateAgreement(array $actor, array $account, array $agreement, \DateTimeInterface|string $now): mixed
    {
        return $this->call('agreement.deactivate', [
            'actor' => $actor,
            'account' => $account,
            'agreement' => $agreement,
            'now' => Engine::instant($now),
        ]);
    }

    /** The account was renamed: every pending or accepted agreement ends, each partner informed. (agreement.account_renamed) */
    public function accountRenamed(array $actor, array $account, array $agreements, \DateTimeInterface|string $now): mixed
    {
        return $this->call('agreement.account_renamed', [
            'actor' => $actor,
            'account' => $account,
            'agreements' => $agreements,
            'now' => Engine::instant($now),
        ]);
    }

    /** Applies what the partner did: its answer to an invite, or its deactivation; never a step that is not its own, never a revival. (agreement.partner_update) */
    public function applyPartnerUpdate(array $account, array $agreement, array $update, \DateTimeInterface|string $now): mixed
    {
        return $this->call('agreement.partner_update', [
            'account' => $account,
            'agreement' => $agreement,
            'update' => $update,
            'now' => Engine::instant($now),
        ]);
    }

    /** An agent shares a ticket with a partner account under an accepted agreement: the share record and the ticket's marks. (shared_ticket.share) */
    public function shareTicket(array $actor, array $account, array $ticket, string $agreementId, array $agreements, \DateTimeInterface|string $now): mixed
    {
        return $this->call('shared_ticket.share', [
            'actor' => $actor,
            'account' => $account,
            'ticket' => $ticket,
            'agreement_id' => $agreementId,
            'agreements' => $agreements,
            'now' => Engine::instant($now),
        ]);
    }

    /** A ticket arrives from the partner: a new ticket of this account with its own id, marked received from the partner. (shared_ticket.receive) */
    public function receiveTicket(array $account, array $agreement, string $sharedTicketId, string $ticketId, \DateTimeInterface|string $now): mixed
    {
        return $this->call('shared_ticket.receive', [
            'account' => $account,
            'agreement' => $agreement,
            'shared_ticket_id' => $sharedTicketId,
            'ticket_id' => $ticketId,
            'now' => Engine::instant($now),
        ]);
    }

    /** An agent stops sharing a ticket; refused for a received ticket in an account with only receiving agreements. (shared_ticket.unshare) */
    public function unshareTicket(array $actor, array $account, array $ticket, string $sharedTicketId, array $agreements, \DateTimeInterface|string $now): mixed
    {
        return $this->call('shared_ticket.unshare', [
            'actor' => $actor,
            'account' => $account,
            'ticket' => $ticket,
            'shared_ticket_id' => $sharedTicketId,
            'agreements' => $agreements,
            'now' => Engine::instant($now),
        ]);
    }

    /** May these tickets be merged? Never a shared one. (shared_ticket.check_merge) */
    public function checkMerge(array $ticket, array $into): mixed
    {
        return $this->call('shared_ticket.check_merge', [
            'ticket' => $ticket,
            'into' => $into,
        ]);
    }

    /** The status the other copy takes: by category, On-hold as Open, then the custom-status table; only when the agreement syncs status. (shared_ticket.map_status) */
    public function mapStatus(array $agreement, array $status, ?array $source = null, ?array $target = null): mixed
    {
        return $this->call('shared_ticket.map_status', [
            'agreement' => $agreement,
            'status' => $status,
            ...($source === null ? [] : ['source' => $source]),
            ...($target === null ? [] : ['target' => $target]),
        ]);
    }

    /** Pairs this account's custom fields with the partner's by title: each synced with its transfer, or skipped with the reason. (shared_ticket.plan_fields) */
    public function planCustomFields(array $agreement, array $ours, array $theirs): mixed
    {
        return $this->call('shared_ticket.plan_fields', [
            'agreement' => $agreement,
            'ours' => $ours,
            'theirs' => $theirs,
        ]);
    }

    /** The values for the partner's fields: each through the plan, one that does not sync or fit skipped with the reason, the rest unaffected. (shared_ticket.transfer_fields) */
    public function transferFieldValues(array $agreement, array $ours, array $theirs, array $values): mixed
    {
        return $this->call('shared_ticket.transfer_fields', [
            'agreement' => $agreement,
            'ours' => $ours,
            'theirs' => $theirs,
            'values' => $values,
        ]);
    }

    /** What of an update crosses to the partner: comments with their authors as name and role only, attachments, tags; and what stays behind, and why. (shared_ticket.prepare_update) */
    public function prepareUpdate(array $agreement, array $update, ?bool $secureDownloads = null): mixed
    {
        return $this->call('shared_ticket.prepare_update', [
            'agreement' => $agreement,
            'update' => $update,
            ...($secureDownloads === null ? [] : ['secure_downloads' => $secureDownloads]),
        ]);
    }

    /** What an update from the partner does: comments, placeholder users, tags, and who is notified. (shared_ticket.receive_update) */
    public function receiveUpdate(array $agreement, array $share, array $update, ?array $placeholders = null): mixed
    {
        return $this->call('shared_ticket.receive_update', [
            'agreement' => $agreement,
            'share' => $share,
            'update' => $update,
            ...($placeholders === null ? [] : ['placeholders' => $placeholders]),
        ]);
    }

    /** The request telling the partner where an agreement stands after a step: the invitation (POST) or its status (PUT). (nhd.agreement_request) */
    public function nhdAgreementRequest(array $account, array $agreement, ?array $actor = null): mixed
    {
        return $this->call('nhd.agreement_request', [
            'account' => $account,
            'agreement' => $agreement,
            ...($actor === null ? [] : ['actor' => $actor]),
        ]);
    }

    /** The request telling the partner of a shared ticket's change: share (POST), update (PUT) or unshare (DELETE), with what crosses; or the body to answer a partner's GET with (read). (nhd.ticket_request) */
    public function nhdTicketRequest(array $agreement, array $share, string $kind, ?bool $secureDownloads = null, ?array $ticket = null, ?array $update = null): mixed
    {
        return $this->call('nhd.ticket_request', [
            'agreement' => $agreement,
            'share' => $share,
            'kind' => $kind,
            ...($secureDownloads === null ? [] : ['secure_downloads' => $secureDownloads]),
            ...($ticket === null ? [] : ['ticket' => $ticket]),
            ...($update === null ? [] : ['update' => $update]),
        ]);
    }

    /** Reads a partner's request as far as no record is needed: the records to load, or the answer at once. (nhd.route) */
    public function nhdRoute(array $request): mixed
    {
        return $this->call('nhd.route', [
            'request' => $request,
        ]);
    }

    /** Decides a partner's request: the answer, the records to store and the audit events, the first failing check answering. (nhd.receive) */
    public function nhdReceive(array $account, array $request, \DateTimeInterface|string $now, ?array $agreement = null, ?string $newTicketId = null, ?array $placeholders = null, ?array $receivedComments = null, ?string $senderKind = null, ?array $share = null): mixed
    {
        return $this->call('nhd.receive', [
            'account' => $account,
            'request' => $request,
            'now' => Engine::instant($now),
            ...($agreement === null ? [] : ['agreement' => $agreement]),
            ...($newTicketId === null ? [] : ['new_ticket_id' => $newTicketId]),
            ...($placeholders === null ? [] : ['placeholders' => $placeholders]),
            ...($receivedComments === null ? [] : ['received_comments' => $receivedComments]),
            ...($senderKind === null ? [] : ['sender_kind' => $senderKind]),
            ...($share === null ? [] : ['share' => $share]),
        ]);
    }
}
