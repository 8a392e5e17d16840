//! The protocol's objects (NHD-01, NHD-03): agreement, ticket, comment, attachment, actor, as
//! they travel as JSON. Unknown fields are ignored on input and never written; absent fields
//! stay absent (an update carries only what changed). Every text is bounded; a body over
//! [`MAX_BODY_BYTES`] is refused before it is parsed; a refusal names the field.
//!
//! Real peers are read as they write (NHD-09): the gem writes every field, `null` where it has
//! no value, lists included, so `null` reads as absent or empty everywhere; an actor may come
//! without a name, an attachment without a file name (its URL's last segment is taken), a body
//! without `uuid` (Request Tracker's `PUT`s: the URI's is taken), and a custom-field value the
//! engine cannot carry is kept apart ([`NhdFieldValue::Unreadable`]) for that field alone to be
//! withheld.

pub use super::read::{parse_agreement, parse_agreement_at, parse_ticket, parse_ticket_at};
use super::time::NhdTime;
use crate::agreement::field_values::FieldValue;
use crate::agreement::{
    AccessKey, AgreementId, AgreementStatus, SharedCommentId, SharedTicketId, SharedUserId, Side,
};
use crate::base::error::{Error, Reason, Result};
use crate::base::text::{checked, media_type, Lines};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// The largest body read, in bytes (2 MiB): refused before parsing.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;
/// The most comments a ticket carries.
pub const MAX_COMMENTS: usize = 5_000;
/// The longest comment body, in characters.
pub const MAX_BODY_CHARS: usize = 65_536;
/// The longest subject, name, URL or other one-line text, in characters.
pub const MAX_LINE_CHARS: usize = 1_024;
/// The most tags, attachments or custom fields on one object.
pub const MAX_ITEMS: usize = 1_000;

/// `null` or absent as the type's default: the gem writes `null` for every field it has no
/// value for, lists included (NHD-09).
fn null_as_default<'de, D, T>(deserializer: D) -> std::result::Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// A person, as the protocol names them (`current_actor`, `requester`, an author).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NhdActor {
    /// Their id towards the partner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<SharedUserId>,
    /// Their name; empty when the partner sent none (`null` or absent, as the gem may): the
    /// host shows a placeholder (NHD-09).
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub name: String,
    /// `agent` or `user`, as the sending side says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// An agreement on the wire: every field but the uuid may be absent (an update carries what
/// changed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NhdAgreement {
    /// The agreement.
    pub uuid: AgreementId,
    /// The sender's name for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The receiver's sharing URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiver_url: Option<String>,
    /// The sender's sharing URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_url: Option<String>,
    /// The key both sides authenticate with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_key: Option<AccessKey>,
    /// `pending`, `accepted`, `declined` or `inactive`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<AgreementStatus>,
    /// Who made the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_actor: Option<NhdActor>,
    /// Whether tags sync.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_tags: Option<bool>,
    /// Whether custom fields sync.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_custom_fields: Option<bool>,
    /// Public and private comments with status sync (true), or private comments only (false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allows_public_comments: Option<bool>,
    /// The side that deactivated it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deactivated_by: Option<Side>,
}

/// An attachment of a comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NhdAttachment {
    /// Where to fetch it.
    pub url: String,
    /// Its file name; when a partner sends none, the last segment of the URL's path (NHD-09).
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub filename: String,
    /// Its media type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// The name to show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_filename: Option<String>,
}

fn public_default() -> bool {
    true
}

/// NHD-03: `public` is true when absent or null; any other non-boolean is refused.
fn public_or_true<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(deserializer)?.unwrap_or(true))
}

/// A comment of a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NhdComment {
    /// The comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uuid: Option<SharedCommentId>,
    /// Its author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<NhdActor>,
    /// Its text (`null` reads as empty).
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub body: String,
    /// Its HTML, when the sender has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html_body: Option<String>,
    /// When it was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authored_at: Option<NhdTime>,
    /// Public (true when absent or null) or private.
    #[serde(default = "public_default", deserialize_with = "public_or_true")]
    pub public: bool,
    /// Its attachments (`null` reads as none).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<NhdAttachment>>"))]
    pub attachments: Vec<NhdAttachment>,
    /// Custom-field values set with it, by field title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<BTreeMap<String, NhdFieldValue>>,
}

/// A ticket on the wire: every field but the uuid may be absent (an update carries what
/// changed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NhdTicket {
    /// The shared ticket.
    pub uuid: SharedTicketId,
    /// Its subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// When it was requested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_at: Option<NhdTime>,
    /// Its status, in the protocol's vocabulary (host data, ACC-13).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Its requester.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requester: Option<NhdActor>,
    /// Its new comments (`null` reads as none).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<NhdComment>>"))]
    pub comments: Vec<NhdComment>,
    /// Who made the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_actor: Option<NhdActor>,
    /// Its tags, when they sync and changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// The sender's own id of the ticket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_id: Option<String>,
    /// Custom-field values, by field title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<BTreeMap<String, NhdFieldValue>>,
    /// Its custom status, when the sender has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_status: Option<String>,
}

/// A custom field's value as a partner sent it (NHD-09, ACC-20): one the engine carries, or
/// one it cannot (a list of numbers, an object), which is withheld alone while the rest of the
/// ticket syncs. The engine never writes an unreadable value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum NhdFieldValue {
    /// A value the engine carries.
    Value(FieldValue),
    /// Any other JSON value: reported, never carried.
    Unreadable(serde_json::Value),
}

impl<'de> Deserialize<'de> for NhdFieldValue {
    /// Read once as JSON, then as a [`FieldValue`] if it is one (no untagged buffering: the
    /// WebAssembly build stays small).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        Ok(match FieldValue::deserialize(&value) {
            Ok(field) => Self::Value(field),
            Err(_) => Self::Unreadable(value),
        })
    }
}

impl From<FieldValue> for NhdFieldValue {
    fn from(value: FieldValue) -> Self {
        Self::Value(value)
    }
}

fn line(path: &str, value: &str) -> Result<()> {
    checked("text", value, MAX_LINE_CHARS, Lines::Single)
        .map(drop)
        .map_err(|e| Error::with_detail(e.reason(), format!("{path}: {}", e.detail())))
}

fn count(path: &str, n: usize, max: usize) -> Result<()> {
    if n > max {
        return Err(Error::with_detail(
            Reason::InvalidRequest,
            format!("{path}: more than {max}"),
        ));
    }
    Ok(())
}

impl NhdActor {
    /// A name, when there is one, is one bounded line; none is allowed (NHD-09).
    fn check(&self, path: &str) -> Result<()> {
        if self.name.is_empty() {
            return Ok(());
        }
        line(&format!("{path}.name"), &self.name)
    }
}

impl NhdComment {
    fn check(&self, path: &str) -> Result<()> {
        if self.body.chars().count() > MAX_BODY_CHARS {
            return Err(Error::with_detail(
                Reason::InvalidText,
                format!("{path}.body: longer than {MAX_BODY_CHARS} characters"),
            ));
        }
        if let Some(author) = &self.author {
            author.check(&format!("{path}.author"))?;
        }
        count(
            &format!("{path}.attachments"),
            self.attachments.len(),
            MAX_ITEMS,
        )?;
        for (i, a) in self.attachments.iter().enumerate() {
            let at = format!("{path}.attachments[{i}]");
            line(&format!("{at}.url"), &a.url)?;
            for (field, text) in [
                ("filename", Some(&a.filename).filter(|f| !f.is_empty())),
                ("display_filename", a.display_filename.as_ref()),
            ] {
                if let Some(text) = text {
                    line(&format!("{at}.{field}"), text)?;
                }
            }
            if let Some(media) = &a.content_type {
                media_type("content_type", media).map_err(|e| {
                    Error::with_detail(e.reason(), format!("{at}.content_type: {}", e.detail()))
                })?;
            }
        }
        Ok(())
    }
}

impl NhdAgreement {
    /// Refuses texts over their bounds.
    pub fn check(&self) -> Result<()> {
        for (path, text) in [
            ("name", &self.name),
            ("receiver_url", &self.receiver_url),
            ("sender_url", &self.sender_url),
        ] {
            if let Some(text) = text {
                line(path, text)?;
            }
        }
        if let Some(actor) = &self.current_actor {
            actor.check("current_actor")?;
        }
        Ok(())
    }
}

impl NhdTicket {
    /// Refuses texts and lists over their bounds.
    pub fn check(&self) -> Result<()> {
        for (path, text) in [
            ("subject", &self.subject),
            ("status", &self.status),
            ("original_id", &self.original_id),
            ("custom_status", &self.custom_status),
        ] {
            if let Some(text) = text {
                line(path, text)?;
            }
        }
        for (path, actor) in [
            ("requester", &self.requester),
            ("current_actor", &self.current_actor),
        ] {
            if let Some(actor) = actor {
                actor.check(path)?;
            }
        }
        count("comments", self.comments.len(), MAX_COMMENTS)?;
        for (i, comment) in self.comments.iter().enumerate() {
            comment.check(&format!("comments[{i}]"))?;
        }
        if let Some(tags) = &self.tags {
            count("tags", tags.len(), MAX_ITEMS)?;
            for (i, tag) in tags.iter().enumerate() {
                line(&format!("tags[{i}]"), tag)?;
            }
        }
        if let Some(fields) = &self.custom_fields {
            count("custom_fields", fields.len(), MAX_ITEMS)?;
        }
        Ok(())
    }
}

/// Writes an object as the protocol's JSON (absent fields left out).
pub fn to_json<T: Serialize>(object: &T) -> Result<String> {
    serde_json::to_string(object)
        .map_err(|_| Error::new(Reason::InternalError, "an object could not be written"))
}
