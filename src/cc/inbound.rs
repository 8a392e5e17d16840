//! What an email reply does to a ticket (CCF-02, 03, 05..10, 12): a public or a private
//! comment, who becomes a CC, who is removed, who is ignored and why.

use super::address::{parse_mailbox, Mailbox};
use super::ticket::{cc_added, NewCc};
use super::{
    public_responses, CcSettings, CommentRef, Listed, Person, PersonRole, Rules, TicketPeople,
};
use crate::audit::{AuditActor, AuditEvent, AuditKind};
use crate::base::error::{Error, Reason, Result};
use crate::base::ids::{EmailAddress, ItemId};
use crate::base::time::Now;
use crate::engine::Engine;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// An email that replies to a ticket notification, its addresses as the host read them from
/// the headers: one string per address, `Name <address>` forms allowed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InboundEmail {
    /// The sender.
    pub from: String,
    /// The To recipients.
    #[serde(default)]
    pub to: Vec<String>,
    /// The CC recipients.
    #[serde(default)]
    pub cc: Vec<String>,
}

crate::base::names::wire_enum! {
    /// Who sent the email, as the ticket sees them.
    pub enum SenderRole {
        /// The requester.
        Requester => "requester",
        /// One of the ticket's CCs.
        Cc => "cc",
        /// One of the ticket's followers.
        Follower => "follower",
        /// An agent of the account or the ticket's assignee, neither CC nor follower of the ticket.
        Agent => "agent",
        /// A light agent of the account, whether or not a CC or follower of the ticket: the
        /// reply is private and changes no CC (CCF-05).
        LightAgent => "light_agent",
        /// Anyone else: a third party (CCF-08).
        ThirdParty => "third_party",
    }
}

crate::base::names::wire_enum! {
    /// Whether the reply becomes a public comment or an internal note.
    pub enum CommentVisibility {
        /// A public comment: the requester and the CCs see it.
        Public => "public",
        /// An internal note: agents only.
        Private => "private",
    }
}

/// An address of the email that changes nothing, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IgnoredAddress {
    /// The address.
    pub email: EmailAddress,
    /// Why it did not become a CC: `ccs_disabled`, `cannot_add_ccs`, `address_blocklisted`,
    /// `cc_limit_reached`, or `already_follower` (a follower stays a follower, CCF-05).
    pub refusal: Error,
}

/// What an email reply does to the ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InboundDecision {
    /// Who sent it.
    pub sender: SenderRole,
    /// Public comment or internal note.
    pub comment: CommentVisibility,
    /// The rule that decided it: `CCF-03` (a follower), `CCF-05` (a light agent), `CCF-06`
    /// (Reply or Reply all) or `CCF-08` (a third party).
    pub rule: &'static str,
    /// Whether the ticket shows the third-party warning (CCF-08).
    pub third_party_warning: bool,
    /// The new CCs (CCF-05).
    pub new_ccs: Vec<NewCc>,
    /// The ticket's public responses, in order, to send each new CC (CCF-10), listed once;
    /// empty when no CC is added.
    pub send_items: Vec<ItemId>,
    /// The CCs the email removes (CCF-09).
    pub removed_ccs: Vec<EmailAddress>,
    /// The addresses that became no CC, with the reason.
    pub ignored: Vec<IgnoredAddress>,
    /// The addresses the engine cannot read, each reported alone; the others are decided as
    /// usual (CCF-12).
    pub unreadable: Vec<UnreadableAddress>,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}

/// An address of the email the engine cannot read (an RFC 5322 comment, a quoted local part,
/// an internationalised address): reported by its place, never refusing the others (CCF-12).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnreadableAddress {
    /// Where it is: `email.to[0]`, `email.cc[3]`.
    pub path: String,
    /// Why it cannot be read (`invalid_email`), without the text sent.
    pub refusal: Error,
}

/// The email's addresses: the sender and the recipients, To before CC, and the recipients that
/// cannot be read, each reported alone (CCF-12). An unreadable sender refuses the decision: who
/// sent it decides everything else.
fn read_addresses(email: &InboundEmail) -> Result<(Mailbox, Vec<Mailbox>, Vec<UnreadableAddress>)> {
    let sender = parse_mailbox(&email.from)
        .map_err(|e| Error::with_detail(e.reason(), format!("email.from: {}", e.detail())))?;
    let mut recipients = Vec::with_capacity(email.to.len() + email.cc.len());
    let mut unreadable = Vec::new();
    for (list, addresses) in [("to", &email.to), ("cc", &email.cc)] {
        for (index, text) in addresses.iter().enumerate() {
            match parse_mailbox(text) {
                Ok(mailbox) => recipients.push(mailbox),
                Err(refusal) => unreadable.push(UnreadableAddress {
                    path: format!("email.{list}[{index}]"),
                    refusal,
                }),
            }
        }
    }
    Ok((sender, recipients, unreadable))
}

impl Engine {
    /// What an email reply does to the ticket (CCF-02, 03, 05..10, 12). `known` are the staff
    /// the host knows among the email's addresses (agents, light agents); `comments` the
    /// ticket's comments, for the responses a new CC receives. Followers never change by email
    /// (CCF-02).
    pub fn decide_inbound_email(
        &self,
        email: &InboundEmail,
        people: &TicketPeople,
        known: &[Person],
        comments: &[CommentRef],
        settings: &CcSettings,
        now: Now,
    ) -> Result<InboundDecision> {
        let listing = people.listing()?;
        let rules = Rules::new(settings)?;
        let (sender, recipients, unreadable) = read_addresses(email)?;
        // Where each address of the email stands on the ticket, looked up once.
        let sender_listed = listing.of(&sender.address);
        let listed: Vec<Option<Listed>> =
            recipients.iter().map(|r| listing.of(&r.address)).collect();
        let mut kept_ccs = vec![false; people.ccs.len()];
        for on_ticket in listed.iter().chain([&sender_listed]).flatten() {
            if let Listed::Cc(index) = on_ticket {
                if let Some(kept) = kept_ccs.get_mut(*index) {
                    *kept = true;
                }
            }
        }
        // The staff among the known, looked up once per address (the first entry wins).
        let known_staff: HashMap<&EmailAddress, PersonRole> = known
            .iter()
            .rev()
            .filter(|p| p.role.is_staff())
            .map(|p| (&p.email, p.role))
            .collect();
        let staff = |address: &EmailAddress| known_staff.get(address).copied();
        // CCF-05: a light agent is one whatever else they are on the ticket.
        let light_agent = staff(&sender.address) == Some(PersonRole::LightAgent)
            || people.role_of(&sender.address) == Some(PersonRole::LightAgent);
        let sender_role = match sender_listed {
            _ if light_agent => SenderRole::LightAgent,
            Some(Listed::Requester) => SenderRole::Requester,
            Some(Listed::Cc(_)) => SenderRole::Cc,
            Some(Listed::Follower) => SenderRole::Follower,
            Some(Listed::Assignee) => SenderRole::Agent,
            None => match staff(&sender.address) {
                Some(PersonRole::LightAgent) => SenderRole::LightAgent,
                Some(_) => SenderRole::Agent,
                None => SenderRole::ThirdParty,
            },
        };
        let requester_on_email =
            sender_role == SenderRole::Requester || listed.contains(&Some(Listed::Requester));
        let (comment, rule) = match sender_role {
            SenderRole::Requester | SenderRole::Cc => (CommentVisibility::Public, "CCF-06"),
            SenderRole::Follower if requester_on_email => (CommentVisibility::Public, "CCF-03"),
            SenderRole::Follower => (CommentVisibility::Private, "CCF-03"),
            SenderRole::Agent if requester_on_email => (CommentVisibility::Public, "CCF-06"),
            SenderRole::Agent => (CommentVisibility::Private, "CCF-06"),
            SenderRole::LightAgent => (CommentVisibility::Private, "CCF-05"),
            SenderRole::ThirdParty => (CommentVisibility::Private, "CCF-08"),
        };
        let by = AuditActor::EmailSender {
            email: sender.address.clone(),
        };
        let mut decision = InboundDecision {
            sender: sender_role,
            comment,
            rule,
            third_party_warning: sender_role == SenderRole::ThirdParty,
            new_ccs: Vec::new(),
            send_items: Vec::new(),
            removed_ccs: Vec::new(),
            ignored: Vec::new(),
            unreadable,
            events: Vec::new(),
        };
        // CCF-09: only the requester or a CC removes CCs, and only with the requester on the
        // email; then every CC the email leaves out is removed.
        // An address the engine cannot read might be a CC the email kept: then nobody is removed.
        if matches!(sender_role, SenderRole::Requester | SenderRole::Cc)
            && requester_on_email
            && decision.unreadable.is_empty()
        {
            for (cc, _) in people.ccs.iter().zip(&kept_ccs).filter(|(_, kept)| !**kept) {
                decision.removed_ccs.push(cc.email.clone());
                decision.events.push(AuditEvent {
                    at: now.timestamp(),
                    actor: by.clone(),
                    event: AuditKind::CcRemoved {
                        ticket_id: people.ticket_id.clone(),
                        email: cc.email.clone(),
                    },
                });
            }
        }
        // CCF-05, 07, 08, 12: new addresses become CCs when the sender may add them.
        let may_not_add = if !settings.ccs_enabled {
            Some(Error::new(
                Reason::CcsDisabled,
                "CCs are off for the account",
            ))
        } else if matches!(sender_role, SenderRole::LightAgent | SenderRole::ThirdParty) {
            Some(Error::new(
                Reason::CannotAddCcs,
                "a light agent or a third party cannot add CCs by email",
            ))
        } else {
            None
        };
        let mut count = people.ccs.len() - decision.removed_ccs.len();
        let max = usize::try_from(settings.max_ccs).unwrap_or(usize::MAX);
        // Addresses on the email but not on the ticket, each decided once.
        let mut decided: HashSet<EmailAddress> = HashSet::new();
        for (mailbox, listed) in recipients.into_iter().zip(listed) {
            let address = &mailbox.address;
            // CCF-05: one role per person; an email never makes a follower a CC.
            if listed == Some(Listed::Follower)
                && *address != sender.address
                && decided.insert(address.clone())
            {
                decision.ignored.push(IgnoredAddress {
                    email: mailbox.address,
                    refusal: Error::new(
                        Reason::AlreadyFollower,
                        "a follower of the ticket; an email never makes a follower a CC",
                    ),
                });
                continue;
            }
            if listed.is_some()
                || rules.is_support(address)
                || *address == sender.address
                || !decided.insert(address.clone())
            {
                continue;
            }
            let refusal = if let Some(refusal) = &may_not_add {
                Some(refusal.clone())
            } else if rules.blocked(address) {
                Some(Error::new(
                    Reason::AddressBlocklisted,
                    "the address or its domain is on the blocklist",
                ))
            } else if count >= max {
                Some(Error::with_detail(
                    Reason::CcLimitReached,
                    format!("the ticket has its {max} CCs"),
                ))
            } else {
                None
            };
            if let Some(refusal) = refusal {
                decision.ignored.push(IgnoredAddress {
                    email: mailbox.address,
                    refusal,
                });
                continue;
            }
            count += 1;
            let person = Person {
                role: staff(address).unwrap_or_default(),
                email: mailbox.address,
                name: mailbox.name,
            };
            decision
                .events
                .push(cc_added(&people.ticket_id, &person.email, &by, now));
            decision.new_ccs.push(NewCc { person });
        }
        if !decision.new_ccs.is_empty() {
            decision.send_items = public_responses(comments);
        }
        Ok(decision)
    }
}
