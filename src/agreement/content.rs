//! What crosses between the two copies of a shared ticket, and what does not (ACC-14..19).
//!
//! Going out ([`Engine::prepare_update`]): comments, public and private, go to the partner's
//! agents (ACC-14); their authors travel as a name and a role under an id derived from the
//! user's own under the agreement's key, never an email, phone, organisation or user field
//! (ACC-16); attachments are withheld while secure downloads are on, call and voicemail
//! recordings always (they play only for the origin's signed-in agents) while a voicemail's
//! transcription crosses as text (ACC-17); tags only under tag sync and never those business
//! rules added (ACC-19); under *private comments only* the receiver sends no public comment.
//!
//! Coming in ([`Engine::receive_update`]): each person of the partner becomes one placeholder
//! end user, never linked to an existing user (ACC-16); no email goes to the partner and the
//! receiving copy sends no automatic notification, while a public comment on the original
//! ticket notifies its CCs (ACC-14, ACC-18).

use super::ids::{SharedCommentId, SharedUserId, ID_BYTES};
use super::tickets::require_accepted;
use super::{Agreement, CommentTerms, Side};
use crate::base::error::{Error, Reason, Result};
use crate::base::ids::{EmailAddress, ItemId, UserId};
use crate::base::keys::HmacSha256;
use crate::base::text::{bounded, Lines};
use crate::base::time::Timestamp;
use crate::base::url::HttpsUrl;
use crate::engine::Engine;
use crate::people::PersonRole;
use hmac::{KeyInit, Mac};
use serde::{Deserialize, Serialize};

/// A person of the account, as its host knows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LocalUser {
    /// The host's id.
    pub id: UserId,
    /// Their name: the only thing of theirs that crosses.
    pub name: String,
    /// End user, agent or light agent.
    #[serde(default)]
    pub role: PersonRole,
    /// Their address: never crosses (ACC-16).
    #[serde(default)]
    pub email: Option<EmailAddress>,
    /// Their phone number: never crosses (ACC-16).
    #[serde(default)]
    pub phone: Option<String>,
    /// Their organisation: never crosses (ACC-16).
    #[serde(default)]
    pub organization: Option<String>,
}

crate::base::names::wire_enum! {
    /// What an attachment is.
    #[derive(Default)]
    pub enum AttachmentKind {
        /// A file.
        #[default]
        File => "file",
        /// The recording of a call.
        CallRecording => "call_recording",
        /// The recording of a voicemail, possibly with its transcription.
        VoicemailRecording => "voicemail_recording",
    }
}

/// An attachment of a comment of the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LocalAttachment {
    /// The host's id.
    pub id: ItemId,
    /// Its file name.
    pub filename: String,
    /// Its media type.
    pub content_type: String,
    /// Where the partner may fetch it.
    pub url: HttpsUrl,
    /// File or recording.
    #[serde(default)]
    pub kind: AttachmentKind,
    /// A voicemail's transcription: crosses as text (ACC-17).
    #[serde(default)]
    pub transcription: Option<String>,
}

/// A comment of the account's copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LocalComment {
    /// The host's id.
    pub id: ItemId,
    /// Its author.
    pub author: LocalUser,
    /// Its text.
    pub body: String,
    /// Public (the requester sees it) or private.
    pub public: bool,
    /// When it was written.
    pub created_at: Timestamp,
    /// Its attachments.
    #[serde(default)]
    pub attachments: Vec<LocalAttachment>,
}

/// A tag of the account's copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LocalTag {
    /// The tag.
    pub name: String,
    /// Whether a business rule (trigger, automation) added it: never synced (ACC-19).
    #[serde(default)]
    pub by_rule: bool,
}

/// A change of the account's copy to send to the partner.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LocalUpdate {
    /// New comments.
    #[serde(default)]
    pub comments: Vec<LocalComment>,
    /// The ticket's tags, when they changed.
    #[serde(default)]
    pub tags: Option<Vec<LocalTag>>,
}

/// A person as the partner sees them: an id, a name, a role; nothing else (ACC-16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SharedActor {
    /// Their id towards this partner.
    pub id: SharedUserId,
    /// Their name.
    pub name: String,
    /// Their role on the side they come from.
    #[serde(default)]
    pub role: PersonRole,
}

/// An attachment as the partner gets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SharedAttachment {
    /// Its file name.
    pub filename: String,
    /// Its media type.
    pub content_type: String,
    /// Where to fetch it.
    pub url: HttpsUrl,
}

/// A comment as it crosses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SharedComment {
    /// Its id towards the partner.
    pub id: SharedCommentId,
    /// Its author.
    pub author: SharedActor,
    /// Its text (a voicemail's transcription appended).
    pub body: String,
    /// Public or private.
    pub public: bool,
    /// When it was written.
    pub authored_at: Timestamp,
    /// Its attachments that cross.
    #[serde(default)]
    pub attachments: Vec<SharedAttachment>,
}

crate::base::names::wire_enum! {
    /// Why something of the account's copy does not cross.
    pub enum Withholding {
        /// Secure downloads are on: partners cannot view or download attachments (ACC-17).
        SecureDownloads => "secure_downloads",
        /// A call or voicemail recording plays only for the origin's signed-in agents (ACC-17).
        Recording => "recording",
        /// Tags do not sync under the agreement (ACC-19).
        TagsNotSynced => "tags_not_synced",
        /// A business rule added the tag (ACC-19).
        TagByRule => "tag_by_rule",
        /// The agreement does not sync status: private comments only (ACC-13).
        StatusNotSynced => "status_not_synced",
        /// The agreement does not sync custom fields (ACC-20).
        FieldsNotSynced => "fields_not_synced",
        /// A custom field's value is of no type the engine carries (a list of numbers, an
        /// object): that field alone stays behind (ACC-20, NHD-09).
        FieldValueUnreadable => "field_value_unreadable",
        /// The partner's comment arrived before (its uuid is one the ticket holds, or it came
        /// twice in one update): a replay, never delivered twice (NHD-10).
        Duplicate => "duplicate",
    }
}

/// One thing that stays behind, by its path in the update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Withheld {
    /// Where it is in the update: `comments[0].attachments[1]`, `tags[2]`, `tags`, `status`.
    pub path: String,
    /// Why it stays.
    pub reason: Withholding,
}

/// The update for the partner, and what stayed behind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PartnerPayload {
    /// The comments that cross.
    pub comments: Vec<SharedComment>,
    /// The tags, when they changed and sync.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// What stayed behind, and why.
    pub withheld: Vec<Withheld>,
}

/// The id a local id takes towards the partner: keyed by the copy's `id_key`, a secret the
/// partner never holds, so it learns nothing of the account's own ids and cannot confirm a
/// guess (NHD-10); the same person is the same id. A copy stored before `id_key` existed keeps
/// the access key, so that its people keep the ids they were sent under.
fn derive_id(agreement: &Agreement, kind: &[u8], id: &str) -> Result<[u8; ID_BYTES]> {
    let key = agreement.id_key.as_ref().unwrap_or(&agreement.access_key);
    let mut mac = HmacSha256::new_from_slice(key.bytes())
        .map_err(|_| Error::new(Reason::InternalError, "the agreement's key is unusable"))?;
    mac.update(kind);
    mac.update(id.as_bytes());
    let digest = mac.finalize().into_bytes();
    let mut out = [0u8; ID_BYTES];
    out.copy_from_slice(digest.get(..ID_BYTES).unwrap_or_default());
    Ok(out)
}

impl Engine {
    /// The partner's view of a local person (ACC-16): an id derived under the agreement's key,
    /// the name and the role; never the address, phone or organisation.
    pub fn shared_actor(&self, agreement: &Agreement, user: &LocalUser) -> Result<SharedActor> {
        Ok(SharedActor {
            id: SharedUserId::from_bytes(derive_id(agreement, b"user\0", user.id.as_str())?),
            name: bounded("author.name", &user.name, 200, Lines::Single)?,
            role: user.role,
        })
    }

    /// What of `update` crosses to the partner under `agreement` (ACC-14, 16, 17, 19), with
    /// `secure_downloads` the account's setting. Refused once the agreement is not in force,
    /// and for a public comment of the receiver under *private comments only*.
    pub fn prepare_update(
        &self,
        agreement: &Agreement,
        update: &LocalUpdate,
        secure_downloads: bool,
    ) -> Result<PartnerPayload> {
        require_accepted(agreement)?;
        let mut withheld = Vec::new();
        let mut comments = Vec::with_capacity(update.comments.len());
        for (index, comment) in update.comments.iter().enumerate() {
            if comment.public
                && agreement.side == Side::Receiver
                && agreement.terms.comments == CommentTerms::PrivateOnly
            {
                return Err(Error::with_detail(
                    Reason::PublicCommentNotAllowed,
                    format!("comments[{index}]: the receiver comments privately under these terms"),
                ));
            }
            let mut body = comment.body.clone();
            let mut attachments = Vec::new();
            for (at, attachment) in comment.attachments.iter().enumerate() {
                let path = format!("comments[{index}].attachments[{at}]");
                if let Some(text) = &attachment.transcription {
                    body.push_str("\n\nVoicemail transcription:\n");
                    body.push_str(text);
                }
                let reason = match attachment.kind {
                    AttachmentKind::CallRecording | AttachmentKind::VoicemailRecording => {
                        Some(Withholding::Recording)
                    }
                    AttachmentKind::File if secure_downloads => Some(Withholding::SecureDownloads),
                    AttachmentKind::File => None,
                };
                match reason {
                    Some(reason) => withheld.push(Withheld { path, reason }),
                    None => attachments.push(SharedAttachment {
                        filename: attachment.filename.clone(),
                        content_type: attachment.content_type.clone(),
                        url: attachment.url.clone(),
                    }),
                }
            }
            comments.push(SharedComment {
                id: SharedCommentId::from_bytes(derive_id(
                    agreement,
                    b"comment\0",
                    comment.id.as_str(),
                )?),
                author: self.shared_actor(agreement, &comment.author)?,
                body,
                public: comment.public,
                authored_at: comment.created_at,
                attachments,
            });
        }
        let tags = update.tags.as_ref().and_then(|tags| {
            if !agreement.terms.sync_tags {
                withheld.push(Withheld {
                    path: "tags".into(),
                    reason: Withholding::TagsNotSynced,
                });
                return None;
            }
            let mut synced = Vec::with_capacity(tags.len());
            for (index, tag) in tags.iter().enumerate() {
                if tag.by_rule {
                    withheld.push(Withheld {
                        path: format!("tags[{index}]"),
                        reason: Withholding::TagByRule,
                    });
                } else {
                    synced.push(tag.name.clone());
                }
            }
            Some(synced)
        });
        let payload = PartnerPayload {
            comments,
            tags,
            withheld,
        };
        super::lines::check_outgoing(&payload)?;
        Ok(payload)
    }
}

pub use super::incoming::{
    IncomingUpdate, NewComment, NewPlaceholder, Placeholder, ReceivedUpdate,
};
