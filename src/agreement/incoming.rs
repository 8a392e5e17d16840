//! An update of a shared ticket arriving from the partner (ACC-14, ACC-16, ACC-18, ACC-19):
//! see [`super::content`].

use super::content::{SharedActor, SharedAttachment, SharedComment};
use super::ids::{SharedCommentId, SharedUserId};
use super::tickets::{require_accepted, Direction, TicketShare};
use super::{Agreement, AgreementId, CommentTerms, Side};
use crate::base::error::{Error, Reason, Result};
use crate::base::ids::UserId;
use crate::base::time::Timestamp;
use crate::engine::Engine;
use crate::people::PersonRole;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// A placeholder user the host made for a person of the partner: one per person and
/// agreement, never an existing user (ACC-16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Placeholder {
    /// The agreement the person came under.
    pub agreement_id: AgreementId,
    /// The person's id from the partner.
    pub partner_user: SharedUserId,
    /// The host's placeholder user.
    pub user_id: UserId,
}

/// An update of a shared ticket from the partner.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IncomingUpdate {
    /// New comments.
    #[serde(default)]
    pub comments: Vec<SharedComment>,
    /// The ticket's tags, when they changed.
    #[serde(default)]
    pub tags: Option<Vec<String>>,
    /// The ticket's requester, when the ticket first arrives.
    #[serde(default)]
    pub requester: Option<SharedActor>,
}

/// A placeholder end user to create for a person of the partner (ACC-16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewPlaceholder {
    /// The person's id from the partner: the placeholder's key, with the agreement.
    pub partner_user: SharedUserId,
    /// Their name.
    pub name: String,
    /// Always an end user, whatever they are on the partner's side.
    pub role: PersonRole,
}

/// A comment to add to the account's copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewComment {
    /// Its id from the partner.
    pub id: SharedCommentId,
    /// Its author: the placeholder of this partner person.
    pub author: SharedUserId,
    /// Its text.
    pub body: String,
    /// Public or private.
    pub public: bool,
    /// Whether it arrived public and is kept private: the receiver comments privately under
    /// *private comments only* (ACC-14).
    pub made_private: bool,
    /// When it was written.
    pub authored_at: Timestamp,
    /// Its attachments.
    pub attachments: Vec<SharedAttachment>,
}

/// What the account does with the partner's update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReceivedUpdate {
    /// The comments to add.
    pub comments: Vec<NewComment>,
    /// The placeholders to create first.
    pub placeholders: Vec<NewPlaceholder>,
    /// The tags to set, when they changed and sync (ACC-19).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// Whether tags came and were ignored: the agreement does not sync them.
    pub tags_ignored: bool,
    /// Whether to notify the original ticket's CCs: a public comment reached the original
    /// (ACC-14). CCs never travel to the partner's copy.
    pub notify_original_ccs: bool,
    /// Whether the host suppresses its automatic notifications for this update: on the copy
    /// that arrived by sharing, always (ACC-18). No email ever goes to the partner.
    pub suppress_notifications: bool,
}

impl Engine {
    /// What the account does with an update of the shared ticket `share` from the partner:
    /// `placeholders` are the ones the host made so far. Refused once the agreement is not in
    /// force (syncing stops, ACC-06) or the ticket is no longer shared.
    pub fn receive_update(
        &self,
        agreement: &Agreement,
        share: &TicketShare,
        update: &IncomingUpdate,
        placeholders: &[Placeholder],
    ) -> Result<ReceivedUpdate> {
        require_accepted(agreement)?;
        super::lines::check_incoming(update)?;
        if share.agreement_id != agreement.id {
            return Err(Error::new(
                Reason::RecordMismatch,
                "share: a ticket shared under another agreement",
            ));
        }
        if !share.active() {
            return Err(Error::new(
                Reason::RecordMismatch,
                "share: the ticket is no longer shared",
            ));
        }
        let mut known: HashSet<SharedUserId> = placeholders
            .iter()
            .filter(|p| p.agreement_id == agreement.id)
            .map(|p| p.partner_user)
            .collect();
        let mut new_placeholders = Vec::new();
        let people = update
            .requester
            .iter()
            .chain(update.comments.iter().map(|c| &c.author));
        for person in people {
            if known.insert(person.id) {
                new_placeholders.push(NewPlaceholder {
                    partner_user: person.id,
                    name: person.name.clone(),
                    role: PersonRole::EndUser,
                });
            }
        }
        let private_only =
            agreement.side == Side::Sender && agreement.terms.comments == CommentTerms::PrivateOnly;
        let comments: Vec<NewComment> = update
            .comments
            .iter()
            .map(|c| NewComment {
                id: c.id,
                author: c.author.id,
                body: c.body.clone(),
                public: c.public && !private_only,
                made_private: c.public && private_only,
                authored_at: c.authored_at,
                attachments: c.attachments.clone(),
            })
            .collect();
        let origin = share.direction == Direction::Sent;
        Ok(ReceivedUpdate {
            notify_original_ccs: origin && comments.iter().any(|c| c.public),
            suppress_notifications: !origin,
            tags: update.tags.clone().filter(|_| agreement.terms.sync_tags),
            tags_ignored: update.tags.is_some() && !agreement.terms.sync_tags,
            placeholders: new_placeholders,
            comments,
        })
    }
}
