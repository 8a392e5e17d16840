# frozen_string_literal: true

# Generated from the operation table (tests/surface). Do not edit:
# run `UPDATE_SURFACE=1 cargo test --test surface`.

module TicketShare
  # The operations of the JSON surface (docs/api.md), one method each. Arguments and
  # results are hashes shaped as docs/api.md shows (string keys in results); a refusal
  # raises a TicketShare::Error subclass.
  module Operations

    # API version, library version, operations, every reason code with its category and family. (engine.info)
    def info
      args = {}
      call("engine.info", args)
    end

    # May this actor do this (on this plan)? A refusal is an answer here, not an error. (policy.check)
    def check_policy(actor, permission, feature: nil, plan: nil)
      args = {"actor" => actor, "permission" => permission}
      args["feature"] = feature unless feature.nil?
      args["plan"] = plan unless plan.nil?
      call("policy.check", args)
    end

    # An agent shares a ticket thread: the share record, the external note, the email, the link and the audit events. (share.create)
    def create_share(actor, account, request, now, previous_shares: nil)
      args = {"actor" => actor, "account" => account, "request" => request, "now" => TicketShare.instant(now)}
      args["previous_shares"] = previous_shares unless previous_shares.nil?
      call("share.create", args)
    end

    # Checks a link token against its share record (cancellation, expiry), changing nothing. (link.check)
    def check_link(token, share, now)
      args = {"token" => token, "share" => share, "now" => TicketShare.instant(now)}
      call("link.check", args)
    end

    # The collaborator opened the link: a session (verified before, in this browser), a new code emailed (code_sent), or the code already sent (code_pending). (link.open)
    def open_link(token, share, account, now, challenge: nil, device_token: nil)
      args = {"token" => token, "share" => share, "account" => account, "now" => TicketShare.instant(now)}
      args["challenge"] = challenge unless challenge.nil?
      args["device_token"] = device_token unless device_token.nil?
      call("link.open", args)
    end

    # The collaborator asked for a new code: it replaces the current one, within the cooldown and the hourly cap. (code.resend)
    def resend_code(token, share, account, now, challenge: nil, device_token: nil)
      args = {"token" => token, "share" => share, "account" => account, "now" => TicketShare.instant(now)}
      args["challenge"] = challenge unless challenge.nil?
      args["device_token"] = device_token unless device_token.nil?
      call("code.resend", args)
    end

    # The collaborator entered a code: accepted (the share verified, a session) or rejected (a try counted). (code.check)
    def check_code(token, share, challenge, code, now)
      args = {"token" => token, "share" => share, "challenge" => challenge, "code" => code, "now" => TicketShare.instant(now)}
      call("code.check", args)
    end

    # Checks a session token against its share record: signed, not past the link, the share verified and not cancelled. (session.check)
    def check_session(session_token, share, now)
      args = {"session_token" => session_token, "share" => share, "now" => TicketShare.instant(now)}
      call("session.check", args)
    end

    # The thread as the collaborator sees it: messages and this share's notes, customer details only if included. (share.view)
    def view(session_token, share, thread, now)
      args = {"session_token" => session_token, "share" => share, "thread" => thread, "now" => TicketShare.instant(now)}
      call("share.view", args)
    end

    # The collaborator's reply, as an external note the customer never sees (and a copy email if asked for). (share.reply)
    def reply(session_token, share, reply, account, now)
      args = {"session_token" => session_token, "share" => share, "reply" => reply, "account" => account, "now" => TicketShare.instant(now)}
      call("share.reply", args)
    end

    # An agent cancels the share: the link is refused from then on, and the thread says so. (share.cancel)
    def cancel_share(actor, share, now)
      args = {"actor" => actor, "share" => share, "now" => TicketShare.instant(now)}
      call("share.cancel", args)
    end

    # Where a share stands (pending, verified, expired, cancelled), its current code, and when a new code may be asked for; changes nothing. (share.status)
    def share_status(share, now, challenge: nil)
      args = {"share" => share, "now" => TicketShare.instant(now)}
      args["challenge"] = challenge unless challenge.nil?
      call("share.status", args)
    end

    # An admin sets the share email's branding: logo (as standard base64), logo link, company name, button colour. (branding.update)
    def update_branding(actor, account, form, now)
      args = {"actor" => actor, "account" => account, "form" => form, "now" => TicketShare.instant(now)}
      call("branding.update", args)
    end

    # An admin turns agent sharing on or off in the site settings; it is off until then. (agent_sharing.set)
    def set_agent_sharing(actor, enabled, now)
      args = {"actor" => actor, "enabled" => enabled, "now" => TicketShare.instant(now)}
      call("agent_sharing.set", args)
    end

    # An agent or admin shares a ticket with agents who cannot open its inbox: the new shares, and every agent skipped with its reason. (agent_share.add)
    def share_with_agents(actor, ticket, agents, now, settings: nil, shares: nil)
      args = {"actor" => actor, "ticket" => ticket, "agents" => agents, "now" => TicketShare.instant(now)}
      args["settings"] = settings unless settings.nil?
      args["shares"] = shares unless shares.nil?
      call("agent_share.add", args)
    end

    # An agent or admin removes an agent's share: the record to delete and the agent's replies scheduled under it, to cancel. (agent_share.remove)
    def unshare_with_agent(actor, ticket, share_id, agent, shares, now, pending: nil)
      args = {"actor" => actor, "ticket" => ticket, "share_id" => share_id, "agent" => agent, "shares" => shares, "now" => TicketShare.instant(now)}
      args["pending"] = pending unless pending.nil?
      call("agent_share.remove", args)
    end

    # What an agent may do on a ticket, action by action: everything through its inbox or a share of it, nothing otherwise, never forward a shared ticket. (agent.access)
    def agent_access(agent, ticket, settings: nil, shares: nil)
      args = {"agent" => agent, "ticket" => ticket}
      args["settings"] = settings unless settings.nil?
      args["shares"] = shares unless shares.nil?
      call("agent.access", args)
    end

    # An agent schedules a reply: the record to store, which says the access it was scheduled under. (reply.schedule)
    def schedule_reply(author, ticket, send_at, now, settings: nil, shares: nil)
      args = {"author" => author, "ticket" => ticket, "send_at" => send_at, "now" => TicketShare.instant(now)}
      args["settings"] = settings unless settings.nil?
      args["shares"] = shares unless shares.nil?
      call("reply.schedule", args)
    end

    # The scheduler asks just before sending a scheduled reply: cleared, or refused because its author lost the access it was scheduled under. (reply.check)
    def check_scheduled_reply(reply, author, ticket, settings: nil, shares: nil)
      args = {"reply" => reply, "author" => author, "ticket" => ticket}
      args["settings"] = settings unless settings.nil?
      args["shares"] = shares unless shares.nil?
      call("reply.check", args)
    end

    # Who is emailed about an update: requester and CCs for a public comment (addresses shown), followers for every update (hidden), each with its rule; the rest with the reason. (cc.notify)
    def plan_notifications(people, update, action, settings: nil)
      args = {"people" => people, "update" => update, "action" => action}
      args["settings"] = settings unless settings.nil?
      call("cc.notify", args)
    end

    # What an email reply does: a public or a private comment, the new CCs with the responses to send them, the CCs removed, the addresses ignored and why. (cc.inbound)
    def decide_inbound_email(email, people, now, comments: nil, known: nil, settings: nil)
      args = {"email" => email, "people" => people, "now" => TicketShare.instant(now)}
      args["comments"] = comments unless comments.nil?
      args["known"] = known unless known.nil?
      args["settings"] = settings unless settings.nil?
      call("cc.inbound", args)
    end

    # An agent adds CCs from the ticket: the new CCs with the responses to send them; refused when blocklisted or beyond the ticket's CCs. (cc.add)
    def add_ccs(actor, people, addresses, now, comments: nil, known: nil, settings: nil)
      args = {"actor" => actor, "people" => people, "addresses" => addresses, "now" => TicketShare.instant(now)}
      args["comments"] = comments unless comments.nil?
      args["known"] = known unless known.nil?
      args["settings"] = settings unless settings.nil?
      call("cc.add", args)
    end

    # An agent adds followers from the ticket, the only way followers are added: agents, never blocklisted. (follower.add)
    def add_followers(actor, people, followers, now, settings: nil)
      args = {"actor" => actor, "people" => people, "followers" => followers, "now" => TicketShare.instant(now)}
      args["settings"] = settings unless settings.nil?
      call("follower.add", args)
    end

    # An admin invites a partner account on terms it sets: a pending agreement and the invitation to deliver. (agreement.invite)
    def invite_partner(actor, account, offer, now, agreements: nil)
      args = {"actor" => actor, "account" => account, "offer" => offer, "now" => TicketShare.instant(now)}
      args["agreements"] = agreements unless agreements.nil?
      call("agreement.invite", args)
    end

    # The invited account reads an invitation: a copy pending for its admins, or, opted out, an ordinary decline it is never told of. (agreement.receive)
    def receive_invite(account, invitation, now, agreements: nil, sender_kind: nil)
      args = {"account" => account, "invitation" => invitation, "now" => TicketShare.instant(now)}
      args["agreements"] = agreements unless agreements.nil?
      args["sender_kind"] = sender_kind unless sender_kind.nil?
      call("agreement.receive", args)
    end

    # The invited account's admin accepts: the sender may share tickets. (agreement.accept)
    def accept_agreement(actor, account, agreement, now)
      args = {"actor" => actor, "account" => account, "agreement" => agreement, "now" => TicketShare.instant(now)}
      call("agreement.accept", args)
    end

    # The invited account's admin declines; the sender may invite again later. (agreement.decline)
    def decline_agreement(actor, account, agreement, now)
      args = {"actor" => actor, "account" => account, "agreement" => agreement, "now" => TicketShare.instant(now)}
      call("agreement.decline", args)
    end

    # The invited account's admin decides later: checked like an answer, nothing changes. (agreement.defer)
    def defer_agreement(actor, account, agreement, now)
      args = {"actor" => actor, "account" => account, "agreement" => agreement, "now" => TicketShare.instant(now)}
      call("agreement.defer", args)
    end

    # The sender's admin invites again after a decline, with new terms if given. (agreement.reinvite)
    def reinvite_partner(actor, account, agreement, now, terms: nil)
      args = {"actor" => actor, "account" => account, "agreement" => agreement, "now" => TicketShare.instant(now)}
      args["terms"] = terms unless terms.nil?
      call("agreement.reinvite", args)
    end

    # An admin of either side deactivates, for good: no new shares, no more syncing, the partner informed. (agreement.deactivate)
    def deactivate_agreement(actor, account, agreement, now)
      args = {"actor" => actor, "account" => account, "agreement" => agreement, "now" => TicketShare.instant(now)}
      call("agreement.deactivate", args)
    end

    # The account was renamed: every pending or accepted agreement ends, each partner informed. (agreement.account_renamed)
    def account_renamed(actor, account, agreements, now)
      args = {"actor" => actor, "account" => account, "agreements" => agreements, "now" => TicketShare.instant(now)}
      call("agreement.account_renamed", args)
    end

    # Applies what the partner did: its answer to an invite, or its deactivation; never a step that is not its own, never a revival. (agreement.partner_update)
    def apply_partner_update(account, agreement, update, now)
      args = {"account" => account, "agreement" => agreement, "update" => update, "now" => TicketShare.instant(now)}
      call("agreement.partner_update", args)
    end

    # An agent shares a ticket with a partner account under an accepted agreement: the share record and the ticket's marks. (shared_ticket.share)
    def share_ticket(actor, account, ticket, agreement_id, agreements, now)
      args = {"actor" => actor, "account" => account, "ticket" => ticket, "agreement_id" => agreement_id, "agreements" => agreements, "now" => TicketShare.instant(now)}
      call("shared_ticket.share", args)
    end

    # A ticket arrives from the partner: a new ticket of this account with its own id, marked received from the partner. (shared_ticket.receive)
    def receive_ticket(account, agreement, shared_ticket_id, ticket_id, now)
      args = {"account" => account, "agreement" => agreement, "shared_ticket_id" => shared_ticket_id, "ticket_id" => ticket_id, "now" => TicketShare.instant(now)}
      call("shared_ticket.receive", args)
    end

    # An agent stops sharing a ticket; refused for a received ticket in an account with only receiving agreements. (shared_ticket.unshare)
    def unshare_ticket(actor, account, ticket, shared_ticket_id, agreements, now)
      args = {"actor" => actor, "account" => account, "ticket" => ticket, "shared_ticket_id" => shared_ticket_id, "agreements" => agreements, "now" => TicketShare.instant(now)}
      call("shared_ticket.unshare", args)
    end

    # May these tickets be merged? Never a shared one. (shared_ticket.check_merge)
    def check_merge(ticket, into)
      args = {"ticket" => ticket, "into" => into}
      call("shared_ticket.check_merge", args)
    end

    # The status the other copy takes: by category, On-hold as Open, then the custom-status table; only when the agreement syncs status. (shared_ticket.map_status)
    def map_status(agreement, status, source: nil, target: nil)
      args = {"agreement" => agreement, "status" => status}
      args["source"] = source unless source.nil?
      args["target"] = target unless target.nil?
      call("shared_ticket.map_status", args)
    end

    # Pairs this account's custom fields with the partner's by title: each synced with its transfer, or skipped with the reason. (shared_ticket.plan_fields)
    def plan_custom_fields(agreement, ours, theirs)
      args = {"agreement" => agreement, "ours" => ours, "theirs" => theirs}
      call("shared_ticket.plan_fields", args)
    end

    # The values for the partner's fields: each through the plan, one that does not sync or fit skipped with the reason, the rest unaffected. (shared_ticket.transfer_fields)
    def transfer_field_values(agreement, ours, theirs, values)
      args = {"agreement" => agreement, "ours" => ours, "theirs" => theirs, "values" => values}
      call("shared_ticket.transfer_fields", args)
    end

    # What of an update crosses to the partner: comments with their authors as name and role only, attachments, tags; and what stays behind, and why. (shared_ticket.prepare_update)
    def prepare_update(agreement, update, secure_downloads: nil)
      args = {"agreement" => agreement, "update" => update}
      args["secure_downloads"] = secure_downloads unless secure_downloads.nil?
      call("shared_ticket.prepare_update", args)
    end

    # What an update from the partner does: comments, placeholder users, tags, and who is notified. (shared_ticket.receive_update)
    def receive_update(agreement, share, update, placeholders: nil)
      args = {"agreement" => agreement, "share" => share, "update" => update}
      args["placeholders"] = placeholders unless placeholders.nil?
      call("shared_ticket.receive_update", args)
    end

    # The request telling the partner where an agreement stands after a step: the invitation (POST) or its status (PUT). (nhd.agreement_request)
    def nhd_agreement_request(account, agreement, actor: nil)
      args = {"account" => account, "agreement" => agreement}
      args["actor"] = actor unless actor.nil?
      call("nhd.agreement_request", args)
    end

    # The request telling the partner of a shared ticket's change: share (POST), update (PUT) or unshare (DELETE), with what crosses; or the body to answer a partner's GET with (read). (nhd.ticket_request)
    def nhd_ticket_request(agreement, share, kind, secure_downloads: nil, ticket: nil, update: nil)
      args = {"agreement" => agreement, "share" => share, "kind" => kind}
      args["secure_downloads"] = secure_downloads unless secure_downloads.nil?
      args["ticket"] = ticket unless ticket.nil?
      args["update"] = update unless update.nil?
      call("nhd.ticket_request", args)
    end

    # Reads a partner's request as far as no record is needed: the records to load, or the answer at once. (nhd.route)
    def nhd_route(request)
      args = {"request" => request}
      call("nhd.route", args)
    end

    # Decides a partner's request: the answer, the records to store and the audit events, the first failing check answering. (nhd.receive)
    def nhd_receive(account, request, now, agreement: nil, new_ticket_id: nil, placeholders: nil, received_comments: nil, sender_kind: nil, share: nil)
      args = {"account" => account, "request" => request, "now" => TicketShare.instant(now)}
      args["agreement"] = agreement unless agreement.nil?
      args["new_ticket_id"] = new_ticket_id unless new_ticket_id.nil?
      args["placeholders"] = placeholders unless placeholders.nil?
      args["received_comments"] = received_comments unless received_comments.nil?
      args["sender_kind"] = sender_kind unless sender_kind.nil?
      args["share"] = share unless share.nil?
      call("nhd.receive", args)
    end
  end

  # Each reason code's family (docs/api.md, Reason codes).
  FAMILIES = {
    "token_malformed" => "link",
    "token_oversized" => "link",
    "token_unknown_key" => "link",
    "token_bad_signature" => "link",
    "token_wrong_purpose" => "link",
    "link_expired" => "link",
    "link_cancelled" => "link",
    "session_expired" => "link",
    "code_malformed" => "code",
    "code_expired" => "code",
    "code_locked" => "code",
    "code_already_used" => "code",
    "code_send_limited" => "code",
    "verification_locked" => "code",
    "verification_required" => "link",
    "permission_denied" => "policy",
    "plan_feature_missing" => "policy",
    "record_mismatch" => "record",
    "already_cancelled" => "record",
    "invalid_email" => "validation",
    "invalid_text" => "validation",
    "invalid_id" => "validation",
    "invalid_url" => "validation",
    "invalid_colour" => "validation",
    "logo_too_large" => "validation",
    "logo_unreadable" => "validation",
    "attachment_limit" => "validation",
    "invalid_time" => "validation",
    "invalid_config" => "config",
    "key_too_short" => "config",
    "invalid_keyring" => "config",
    "randomness_unavailable" => "internal",
    "invalid_request" => "request",
    "unknown_operation" => "request",
    "unsupported_version" => "request",
    "request_too_large" => "request",
    "internal_error" => "internal",
    "agent_sharing_disabled" => "policy",
    "agent_has_inbox_access" => "record",
    "already_shared" => "record",
    "no_ticket_access" => "policy",
    "forwarding_unavailable" => "policy",
    "reply_author_lost_access" => "policy",
    "cc_limit_reached" => "validation",
    "address_blocklisted" => "validation",
    "ccs_disabled" => "policy",
    "followers_disabled" => "policy",
    "cannot_add_ccs" => "policy",
    "agreement_not_pending" => "record",
    "agreement_inactive" => "record",
    "agreement_not_declined" => "record",
    "agreement_declined" => "record",
    "agreement_wrong_side" => "policy",
    "agreement_exists" => "record",
    "custom_fields_unavailable" => "validation",
    "agreement_not_accepted" => "policy",
    "ticket_closed" => "record",
    "ticket_already_shared" => "record",
    "shared_ticket_unmergeable" => "record",
    "receiving_only" => "policy",
    "unknown_status" => "validation",
    "status_not_synced" => "policy",
    "fields_not_synced" => "policy",
    "public_comment_not_allowed" => "policy",
    "partner_unauthenticated" => "policy",
    "partner_wrong_key" => "policy",
    "partner_unknown" => "record",
    "partner_method_not_allowed" => "request",
    "partner_version" => "request",
    "partner_media_type" => "request",
    "partner_exists" => "record",
    "partner_not_own_field" => "record",
    "link_record_mismatch" => "link",
    "engine_closed" => "request",
    "no_agreement" => "policy",
    "already_follower" => "record",
  }.freeze
end
