//! CCs and followers, and how they meet email clients (CCF-01..12).
//!
//! Given a ticket's people ([`TicketPeople`]: the requester, CCs, followers) and the account's
//! settings ([`CcSettings`]), the engine decides:
//! - who is emailed about an update, whose address shows and who stays hidden, each with the
//!   rule that put them there ([`Engine::plan_notifications`], CCF-01, 04, 11);
//! - what an email reply does: a public or a private comment, who becomes a CC (with the public
//!   responses to send them), who is removed, who is ignored and why
//!   ([`Engine::decide_inbound_email`], CCF-02, 03, 05..10, 12);
//! - adding CCs and followers from the ticket ([`Engine::add_ccs`], [`Engine::add_followers`],
//!   CCF-02, 07, 10, 12).
//!
//! Addresses are compared trimmed and case-insensitively; `Name <address>` forms are read
//! ([`address`]).
//!
//! [`Engine::plan_notifications`]: crate::Engine::plan_notifications
//! [`Engine::decide_inbound_email`]: crate::Engine::decide_inbound_email
//! [`Engine::add_ccs`]: crate::Engine::add_ccs
//! [`Engine::add_followers`]: crate::Engine::add_followers

pub mod address;
pub mod inbound;
pub mod notify;
/// CC and follower operations on the JSON surface.
pub mod ops;
pub mod ticket;

pub use crate::people::PersonRole;
pub use inbound::{
    CommentVisibility, IgnoredAddress, InboundDecision, InboundEmail, SenderRole, UnreadableAddress,
};
pub use notify::{
    NotificationPlan, Omission, Omitted, Recipient, RecipientRole, TicketUpdate, TriggerAction,
    UpdateKind,
};
pub use ticket::{CcsAdded, FollowersAdded, NewCc};

use crate::base::error::{Error, Reason, Result};
use crate::base::ids::{EmailAddress, ItemId, TicketId};
use address::Blocked;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// A person on a ticket, or known to the host by their address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Their address.
    pub email: EmailAddress,
    /// Their name, if known.
    #[serde(default)]
    pub name: Option<String>,
    /// What they are to the helpdesk: an end user unless said otherwise.
    #[serde(default)]
    pub role: PersonRole,
}

/// The people of a ticket, as the host stores them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TicketPeople {
    /// The ticket.
    pub ticket_id: TicketId,
    /// The requester, an end user.
    pub requester: Person,
    /// The CCs: notified of public comments, their addresses shown (CCF-04).
    #[serde(default)]
    pub ccs: Vec<Person>,
    /// The followers, agents: notified of every update, their addresses hidden (CCF-01).
    #[serde(default)]
    pub followers: Vec<Person>,
    /// The assignee, an agent, if any. They may also be a CC or a follower. Otherwise the CC
    /// rules email them nothing (the host's assignee triggers do), an email from them is an
    /// agent's, and an email never makes them a CC.
    #[serde(default)]
    pub assignee: Option<Person>,
}

impl TicketPeople {
    /// Refuses people that cannot be (an agent as requester, an end user as follower or
    /// assignee, a person listed twice) and indexes the rest by address, once per decision.
    /// The role the ticket's records give `address` (a CC's or follower's), if it is on it.
    pub(crate) fn role_of(&self, address: &EmailAddress) -> Option<PersonRole> {
        self.ccs
            .iter()
            .chain(&self.followers)
            .find(|p| &p.email == address)
            .map(|p| p.role)
    }

    pub(crate) fn listing(&self) -> Result<Listing<'_>> {
        if self.requester.role.is_staff() {
            return Err(Error::new(
                Reason::RecordMismatch,
                "people.requester: the requester is an end user, not an agent",
            ));
        }
        if let Some(index) = self.followers.iter().position(|f| !f.role.is_staff()) {
            return Err(Error::with_detail(
                Reason::RecordMismatch,
                format!("people.followers[{index}]: followers are agents"),
            ));
        }
        if self
            .assignee
            .as_ref()
            .is_some_and(|a| a.role != PersonRole::Agent)
        {
            return Err(Error::new(
                Reason::RecordMismatch,
                "people.assignee: the assignee is an agent",
            ));
        }
        let mut listed = HashMap::with_capacity(2 + self.ccs.len() + self.followers.len());
        listed.insert(&self.requester.email, Listed::Requester);
        for (list, people) in [("ccs", &self.ccs), ("followers", &self.followers)] {
            for (index, person) in people.iter().enumerate() {
                let as_ = if list == "ccs" {
                    Listed::Cc(index)
                } else {
                    Listed::Follower
                };
                if listed.insert(&person.email, as_).is_some() {
                    return Err(Error::with_detail(
                        Reason::RecordMismatch,
                        format!("people.{list}[{index}]: a person listed twice"),
                    ));
                }
            }
        }
        if let Some(assignee) = &self.assignee {
            if listed.get(&assignee.email) == Some(&Listed::Requester) {
                return Err(Error::new(
                    Reason::RecordMismatch,
                    "people.assignee: the requester cannot be the assignee",
                ));
            }
            listed.entry(&assignee.email).or_insert(Listed::Assignee);
        }
        Ok(Listing(listed))
    }

    /// Whether `address` is one of the ticket's CCs.
    pub fn is_cc(&self, address: &EmailAddress) -> bool {
        self.ccs.iter().any(|c| &c.email == address)
    }

    /// Whether `address` is one of the ticket's followers.
    pub fn is_follower(&self, address: &EmailAddress) -> bool {
        self.followers.iter().any(|f| &f.email == address)
    }
}

/// Where an address stands on a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Listed {
    Requester,
    /// The CC at this index of `ccs`.
    Cc(usize),
    Follower,
    /// The assignee, when not also a CC or a follower.
    Assignee,
}

/// A ticket's people by address (checked by [`TicketPeople::listing`]).
pub(crate) struct Listing<'a>(HashMap<&'a EmailAddress, Listed>);

impl Listing<'_> {
    /// Where `address` stands on the ticket, if anywhere.
    pub(crate) fn of(&self, address: &EmailAddress) -> Option<Listed> {
        self.0.get(address).copied()
    }
}

fn yes() -> bool {
    true
}

fn forty_eight() -> u32 {
    48
}

/// The account's CC and follower settings (host data; seed 004, "Configuring CCs and
/// followers permissions").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CcSettings {
    /// Whether CCs are on (default): off, nobody becomes a CC and CCs are not emailed.
    #[serde(default = "yes")]
    pub ccs_enabled: bool,
    /// Whether followers are on (default): off, followers are not emailed nor added.
    #[serde(default = "yes")]
    pub followers_enabled: bool,
    /// Addresses and domains that never become CCs or followers (CCF-07): `ana@example.com`,
    /// `example.com` (and its subdomains) or `@example.com`.
    #[serde(default)]
    pub blocklist: Vec<String>,
    /// The most CCs a ticket has (CCF-12): 48 by default, 1 to 1000.
    #[serde(default = "forty_eight")]
    pub max_ccs: u32,
    /// The helpdesk's own addresses (support@...): never a CC, never a third party.
    #[serde(default)]
    pub support_addresses: Vec<EmailAddress>,
}

impl Default for CcSettings {
    fn default() -> Self {
        Self {
            ccs_enabled: true,
            followers_enabled: true,
            blocklist: Vec::new(),
            max_ccs: forty_eight(),
            support_addresses: Vec::new(),
        }
    }
}

/// The settings, read and checked once per decision: the blocklist and the helpdesk's own
/// addresses as sets, so that each address costs a few look-ups, not a walk of the lists.
pub(crate) struct Rules<'a> {
    /// Blocked addresses.
    addresses: HashSet<EmailAddress>,
    /// Blocked domains, lower case; each blocks its subdomains too.
    domains: HashSet<String>,
    /// The helpdesk's own addresses.
    support: HashSet<&'a EmailAddress>,
}

impl<'a> Rules<'a> {
    pub(crate) fn new(settings: &'a CcSettings) -> Result<Self> {
        if !(1..=1000).contains(&settings.max_ccs) {
            return Err(Error::new(
                Reason::InvalidRequest,
                "settings.max_ccs must be a whole number from 1 to 1000",
            ));
        }
        let mut addresses = HashSet::new();
        let mut domains = HashSet::new();
        for (index, entry) in settings.blocklist.iter().enumerate() {
            match Blocked::parse(entry) {
                Ok(Blocked::Address(address)) => {
                    addresses.insert(address);
                }
                Ok(Blocked::Domain(domain)) => {
                    domains.insert(domain);
                }
                Err(e) => {
                    return Err(Error::with_detail(
                        e.reason(),
                        format!("settings.blocklist[{index}]: {}", e.detail()),
                    ))
                }
            }
        }
        Ok(Self {
            addresses,
            domains,
            support: settings.support_addresses.iter().collect(),
        })
    }

    /// Whether the blocklist holds `address`, its domain or a domain above it (CCF-07): one
    /// look-up per label of the domain.
    pub(crate) fn blocked(&self, address: &EmailAddress) -> bool {
        if self.addresses.contains(address) {
            return true;
        }
        let domain = address.domain().to_ascii_lowercase();
        let mut rest = domain.as_str();
        loop {
            if self.domains.contains(rest) {
                return true;
            }
            match rest.split_once('.') {
                Some((_, parent)) => rest = parent,
                None => return false,
            }
        }
    }

    /// Whether `address` is one of the helpdesk's own.
    pub(crate) fn is_support(&self, address: &EmailAddress) -> bool {
        self.support.contains(address)
    }
}

/// A comment of the ticket, as CCF-10 needs it: its id and whether the requester saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CommentRef {
    /// The host's id of the comment.
    pub id: ItemId,
    /// Whether it is a public response (sent to the requester), not an internal note.
    pub public: bool,
}

/// The public responses since the ticket was created, in order: what a new CC receives (CCF-10).
pub(crate) fn public_responses(comments: &[CommentRef]) -> Vec<ItemId> {
    comments
        .iter()
        .filter(|c| c.public)
        .map(|c| c.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ccf_07_the_blocklist_sets_block_what_each_entry_blocks() {
        let entries = ["@example.com", "boss@example.org", "EVIL.test", "co.uk"];
        let settings = CcSettings {
            blocklist: entries.iter().map(|e| (*e).to_owned()).collect(),
            ..CcSettings::default()
        };
        let rules = Rules::new(&settings).unwrap();
        let parsed: Vec<Blocked> = entries.iter().map(|e| Blocked::parse(e).unwrap()).collect();
        for text in [
            "x@example.com",
            "x@mail.EXAMPLE.com",
            "x@notexample.com",
            "x@example.com.evil.test",
            "BOSS@example.org",
            "other@example.org",
            "a@b.evil.test",
            "a@shop.co.uk",
            "a@co.ukk",
        ] {
            let address = EmailAddress::parse(text).unwrap();
            assert_eq!(
                rules.blocked(&address),
                parsed.iter().any(|b| b.blocks(&address)),
                "{text}"
            );
        }
    }
}
