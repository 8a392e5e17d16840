//! Who is emailed about an update (CCF-01, CCF-04, CCF-07, CCF-11): the requester and the CCs
//! for a public comment, as the trigger's action says, with their addresses shown; the followers
//! for every update, hidden. Everyone else on the ticket is listed as omitted, with the reason.

use super::{CcSettings, Listed, Rules, TicketPeople};
use crate::base::error::Result;
use crate::base::ids::EmailAddress;
use crate::base::mail::{header_text, mailbox};
use crate::engine::Engine;
use serde::{Deserialize, Serialize};

crate::base::names::wire_enum! {
    /// What kind of update a notification is about.
    pub enum UpdateKind {
        /// A public comment: a response the requester sees.
        PublicComment => "public_comment",
        /// An internal note: agents only.
        InternalNote => "internal_note",
    }
}

/// An update of a ticket: its kind and who made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TicketUpdate {
    /// Public comment or internal note.
    pub kind: UpdateKind,
    /// The address of whoever made it; they are not emailed about their own update.
    pub author: EmailAddress,
}

crate::base::names::wire_enum! {
    /// The email action of the trigger that fires (CCF-11).
    pub enum TriggerAction {
        /// *Email user - (requester)*.
        EmailRequester => "email_requester",
        /// *Email user - (requester and CCs)*.
        EmailRequesterAndCcs => "email_requester_and_ccs",
    }
}

crate::base::names::wire_enum! {
    /// What a person is to a notification.
    pub enum RecipientRole {
        /// The requester.
        Requester => "requester",
        /// A CC.
        Cc => "cc",
        /// A follower.
        Follower => "follower",
        /// The assignee (neither a CC nor a follower): only ever among the omitted.
        Assignee => "assignee",
    }
}

/// Someone emailed about the update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Recipient {
    /// Their address.
    pub email: EmailAddress,
    /// Their name, if known, as one clean line (a control, bidirectional or line-separator
    /// character read as a space): data, never to be written raw into a header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The ready `To` or `Cc` form (CCF-04): the name as an RFC 5322 display-name (quoted, or
    /// encoded-words), then `<address>`; the address alone without a name. Write this, never
    /// `name <address>` built from the raw name.
    pub mailbox: String,
    /// Requester, CC or follower.
    pub role: RecipientRole,
    /// Whether their address shows in the email (To or CC); a follower's never does (CCF-01).
    pub visible: bool,
    /// The rule that put them there: `CCF-01`, `CCF-04` or `CCF-11`.
    pub rule: &'static str,
}

crate::base::names::wire_enum! {
    /// Why someone on the ticket is not emailed.
    pub enum Omission {
        /// They made the update.
        Author => "author",
        /// The update is an internal note: only followers hear of it (CCF-04, CCF-11).
        PrivateComment => "private_comment",
        /// The trigger emails the requester only (CCF-11).
        TriggerAction => "trigger_action",
        /// CCs are off.
        CcsDisabled => "ccs_disabled",
        /// Followers are off.
        FollowersDisabled => "followers_disabled",
        /// The address or its domain is on the blocklist (CCF-07).
        Blocklisted => "blocklisted",
        /// The assignee: emailed by the host's assignee triggers, not by the CC rules.
        AssigneeTrigger => "assignee_trigger",
    }
}

/// Someone on the ticket not emailed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Omitted {
    /// Their address.
    pub email: EmailAddress,
    /// Requester, CC or follower.
    pub role: RecipientRole,
    /// Why not.
    pub omission: Omission,
}

/// Who is emailed about an update, and who is not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NotificationPlan {
    /// The people to email: requester, CCs, followers, in that order.
    pub recipients: Vec<Recipient>,
    /// The people of the ticket not emailed, with the reason.
    pub omitted: Vec<Omitted>,
}

impl Engine {
    /// Who is emailed about `update` when a trigger with `action` fires (CCF-01, CCF-04,
    /// CCF-07, CCF-11): for a public comment the requester, and the CCs under
    /// *requester and CCs*, addresses shown; for every update the followers, hidden; for an
    /// internal note neither the requester nor the CCs, whatever the action. Nobody is emailed
    /// about their own update or while blocklisted.
    pub fn plan_notifications(
        &self,
        people: &TicketPeople,
        update: &TicketUpdate,
        action: TriggerAction,
        settings: &CcSettings,
    ) -> Result<NotificationPlan> {
        let listing = people.listing()?;
        let rules = Rules::new(settings)?;
        let public = update.kind == UpdateKind::PublicComment;
        let mut plan = NotificationPlan {
            recipients: Vec::with_capacity(1 + people.ccs.len() + people.followers.len()),
            omitted: Vec::new(),
        };
        let requester = std::iter::once((&people.requester, RecipientRole::Requester));
        let ccs = people.ccs.iter().map(|p| (p, RecipientRole::Cc));
        let followers = people
            .followers
            .iter()
            .map(|p| (p, RecipientRole::Follower));
        let assignee = people
            .assignee
            .iter()
            .filter(|a| listing.of(&a.email) == Some(Listed::Assignee))
            .map(|a| (a, RecipientRole::Assignee));
        for (person, role) in requester.chain(ccs).chain(followers).chain(assignee) {
            let omission = if person.email == update.author {
                Some(Omission::Author)
            } else if role == RecipientRole::Assignee {
                Some(Omission::AssigneeTrigger)
            } else if role != RecipientRole::Requester && rules.blocked(&person.email) {
                Some(Omission::Blocklisted)
            } else {
                match role {
                    RecipientRole::Requester if !public => Some(Omission::PrivateComment),
                    RecipientRole::Cc if !settings.ccs_enabled => Some(Omission::CcsDisabled),
                    RecipientRole::Cc if !public => Some(Omission::PrivateComment),
                    RecipientRole::Cc if action == TriggerAction::EmailRequester => {
                        Some(Omission::TriggerAction)
                    }
                    RecipientRole::Follower if !settings.followers_enabled => {
                        Some(Omission::FollowersDisabled)
                    }
                    _ => None,
                }
            };
            match omission {
                Some(omission) => plan.omitted.push(Omitted {
                    email: person.email.clone(),
                    role,
                    omission,
                }),
                None => plan.recipients.push(Recipient {
                    email: person.email.clone(),
                    name: person.name.as_deref().map(header_text),
                    mailbox: mailbox(person.name.as_deref(), &person.email),
                    role,
                    visible: role != RecipientRole::Follower,
                    rule: match role {
                        RecipientRole::Requester | RecipientRole::Assignee => "CCF-11",
                        RecipientRole::Cc => "CCF-04",
                        RecipientRole::Follower => "CCF-01",
                    },
                }),
            }
        }
        Ok(plan)
    }
}
