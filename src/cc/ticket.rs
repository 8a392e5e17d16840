//! Adding CCs and followers from the ticket (CCF-02, 07, 10, 12): followers are added only here,
//! never by email; beyond the CC limit, adding is refused.

use super::address::parse_mailbox;
use super::{public_responses, CcSettings, CommentRef, Listed, Person, Rules, TicketPeople};
use crate::audit::{AuditActor, AuditEvent, AuditKind};
use crate::base::error::{Error, Reason, Result};
use crate::base::ids::{EmailAddress, ItemId, TicketId};
use crate::base::time::Now;
use crate::engine::Engine;
use crate::people::PersonRole;
use crate::policy::Actor;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// A new CC. The public responses since the ticket was created, which each new CC receives
/// (CCF-10), are listed once beside the new CCs (`send_items`), not copied into each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewCc {
    /// The person to add as a CC.
    pub person: Person,
}

/// CCs added from the ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CcsAdded {
    /// The new CCs to store.
    pub added: Vec<NewCc>,
    /// The ticket's public responses, in order, to send each new CC (CCF-10); empty when no
    /// CC is added.
    pub send_items: Vec<ItemId>,
    /// The addresses that are on the ticket already (requester, CC or follower): unchanged.
    pub unchanged: Vec<EmailAddress>,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}

/// Followers added from the ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FollowersAdded {
    /// The new followers to store.
    pub added: Vec<Person>,
    /// CCs who became followers: remove them as CCs (CCF-05: a person holds one role).
    pub removed_ccs: Vec<EmailAddress>,
    /// The people who follow the ticket already: unchanged.
    pub unchanged: Vec<EmailAddress>,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}

/// The audit event of a new CC.
pub(crate) fn cc_added(
    ticket: &TicketId,
    email: &EmailAddress,
    by: &AuditActor,
    now: Now,
) -> AuditEvent {
    AuditEvent {
        at: now.timestamp(),
        actor: by.clone(),
        event: AuditKind::CcAdded {
            ticket_id: ticket.clone(),
            email: email.clone(),
        },
    }
}

fn blocklisted(list: &str, index: usize) -> Error {
    Error::with_detail(
        Reason::AddressBlocklisted,
        format!("{list}[{index}]: the address or its domain is on the blocklist"),
    )
}

impl Engine {
    /// An agent adds CCs from the ticket (CCF-07, CCF-10, CCF-12): `addresses` one per string,
    /// `Name <address>` forms allowed; `known` the staff among them. Refused whole when CCs are
    /// off, when an address is blocklisted, or when the ticket would have more than its CCs.
    pub fn add_ccs(
        &self,
        actor: &Actor,
        people: &TicketPeople,
        addresses: &[String],
        known: &[Person],
        comments: &[CommentRef],
        settings: &CcSettings,
        now: Now,
    ) -> Result<CcsAdded> {
        let listing = people.listing()?;
        let rules = Rules::new(settings)?;
        if !settings.ccs_enabled {
            return Err(Error::new(
                Reason::CcsDisabled,
                "CCs are off for the account",
            ));
        }
        let by = AuditActor::Agent {
            id: actor.id.clone(),
        };
        let mut result = CcsAdded {
            added: Vec::new(),
            send_items: Vec::new(),
            unchanged: Vec::new(),
            events: Vec::new(),
        };
        let max = usize::try_from(settings.max_ccs).unwrap_or(usize::MAX);
        let staff: HashMap<&EmailAddress, PersonRole> =
            known.iter().rev().map(|p| (&p.email, p.role)).collect();
        let mut added: HashSet<EmailAddress> = HashSet::new();
        for (index, text) in addresses.iter().enumerate() {
            let mailbox = parse_mailbox(text).map_err(|e| {
                Error::with_detail(e.reason(), format!("addresses[{index}]: {}", e.detail()))
            })?;
            let address = mailbox.address;
            // An agent may CC the assignee from the ticket.
            let on_ticket = !matches!(listing.of(&address), None | Some(Listed::Assignee))
                || added.contains(&address);
            if on_ticket {
                result.unchanged.push(address);
                continue;
            }
            if rules.blocked(&address) {
                return Err(blocklisted("addresses", index));
            }
            if rules.is_support(&address) {
                return Err(Error::with_detail(
                    Reason::AddressBlocklisted,
                    format!("addresses[{index}]: the helpdesk's own address is never a CC"),
                ));
            }
            // CCF-12, checked before the CC is made: a request cannot buy more work than the
            // limit allows.
            let total = people.ccs.len() + result.added.len() + 1;
            if total > max {
                return Err(Error::with_detail(
                    Reason::CcLimitReached,
                    format!(
                        "addresses[{index}]: a ticket has at most {} CCs; this would make {total}",
                        settings.max_ccs
                    ),
                ));
            }
            let role = staff.get(&address).copied().unwrap_or_default();
            result
                .events
                .push(cc_added(&people.ticket_id, &address, &by, now));
            added.insert(address.clone());
            result.added.push(NewCc {
                person: Person {
                    email: address,
                    name: mailbox.name,
                    role,
                },
            });
        }
        if !result.added.is_empty() {
            result.send_items = public_responses(comments);
        }
        Ok(result)
    }

    /// An agent adds followers from the ticket, the only way followers are added (CCF-02,
    /// CCF-07): agents or light agents, never blocklisted. A current CC moves: removed as CC,
    /// added as follower (CCF-05). Refused whole when followers are off.
    pub fn add_followers(
        &self,
        actor: &Actor,
        people: &TicketPeople,
        followers: &[Person],
        settings: &CcSettings,
        now: Now,
    ) -> Result<FollowersAdded> {
        let listing = people.listing()?;
        let rules = Rules::new(settings)?;
        if !settings.followers_enabled {
            return Err(Error::new(
                Reason::FollowersDisabled,
                "followers are off for the account",
            ));
        }
        let mut result = FollowersAdded {
            added: Vec::new(),
            removed_ccs: Vec::new(),
            unchanged: Vec::new(),
            events: Vec::new(),
        };
        let mut added: HashSet<&EmailAddress> = HashSet::new();
        for (index, person) in followers.iter().enumerate() {
            if !person.role.is_staff() {
                return Err(Error::with_detail(
                    Reason::RecordMismatch,
                    format!("followers[{index}]: followers are agents"),
                ));
            }
            let listed = listing.of(&person.email);
            if listed == Some(Listed::Follower) || !added.insert(&person.email) {
                result.unchanged.push(person.email.clone());
                continue;
            }
            if listed == Some(Listed::Requester) {
                return Err(Error::with_detail(
                    Reason::RecordMismatch,
                    format!(
                        "followers[{index}]: the requester of the ticket; a person is one of requester, CC or follower"
                    ),
                ));
            }
            if rules.blocked(&person.email) {
                return Err(blocklisted("followers", index));
            }
            // CCF-05: a CC who becomes a follower is a CC no more, both audited.
            if matches!(listed, Some(Listed::Cc(_))) {
                result.removed_ccs.push(person.email.clone());
                result.events.push(AuditEvent {
                    at: now.timestamp(),
                    actor: AuditActor::Agent {
                        id: actor.id.clone(),
                    },
                    event: AuditKind::CcRemoved {
                        ticket_id: people.ticket_id.clone(),
                        email: person.email.clone(),
                    },
                });
            }
            result.events.push(AuditEvent {
                at: now.timestamp(),
                actor: AuditActor::Agent {
                    id: actor.id.clone(),
                },
                event: AuditKind::FollowerAdded {
                    ticket_id: people.ticket_id.clone(),
                    email: person.email.clone(),
                },
            });
            // A name leaves as one clean line, whatever was sent (issue 24).
            result.added.push(Person {
                name: person.name.as_deref().map(crate::base::mail::header_text),
                ..person.clone()
            });
        }
        Ok(result)
    }
}
