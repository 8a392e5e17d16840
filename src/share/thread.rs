//! The ticket thread as the host passes it in, and the collaborator's view of it (EXT-07, EXT-12).

use crate::base::error::{Error, Result};
use crate::base::ids::{ItemId, ShareId, TicketId};
use crate::base::text::{checked, Lines};
use crate::base::time::Timestamp;
use serde::{Deserialize, Serialize};

/// What kind of item of a ticket thread.
///
/// Read through [`ItemKindRecord`]: the same JSON, without serde's buffering of internally
/// tagged enums (a sizeable part of the WebAssembly build).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", try_from = "ItemKindRecord")]
#[cfg_attr(feature = "schema", schemars(!try_from))]
pub enum ItemKind {
    /// A message from the customer.
    Incoming,
    /// A message to the customer.
    Outgoing,
    /// A note between agents; never shown to a collaborator (EXT-07).
    InternalNote,
    /// A note tied to one external share: the share itself, a collaborator reply, a cancellation.
    ExternalNote {
        /// The share the note belongs to.
        share_id: ShareId,
        /// Why the note exists.
        purpose: ExternalNotePurpose,
    },
}

/// The kinds of [`ItemKind`], as its `type` field names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ItemKindTag {
    Incoming,
    Outgoing,
    InternalNote,
    ExternalNote,
}

crate::base::names::wire_names!(ItemKindTag {
    Incoming => "incoming",
    Outgoing => "outgoing",
    InternalNote => "internal_note",
    ExternalNote => "external_note",
});

/// [`ItemKind`] as it reads: the tag and every field, checked together by `try_from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[doc(hidden)]
pub struct ItemKindRecord {
    #[serde(rename = "type")]
    tag: ItemKindTag,
    #[serde(default)]
    share_id: Option<ShareId>,
    #[serde(default)]
    purpose: Option<ExternalNotePurpose>,
}

impl TryFrom<ItemKindRecord> for ItemKind {
    type Error = crate::base::error::Error;
    fn try_from(record: ItemKindRecord) -> crate::base::error::Result<Self> {
        match (record.tag, record.share_id, record.purpose) {
            (ItemKindTag::Incoming, None, None) => Ok(Self::Incoming),
            (ItemKindTag::Outgoing, None, None) => Ok(Self::Outgoing),
            (ItemKindTag::InternalNote, None, None) => Ok(Self::InternalNote),
            (ItemKindTag::ExternalNote, Some(share_id), Some(purpose)) => {
                Ok(Self::ExternalNote { share_id, purpose })
            }
            _ => Err(crate::base::error::Error::new(
                crate::base::error::Reason::InvalidRequest,
                "kind: external_note has `share_id` and `purpose`, the other kinds no fields",
            )),
        }
    }
}

impl ItemKind {
    /// Whether the customer can ever see this item. External notes never are (EXT-04, EXT-11).
    pub const fn visible_to_customer(self) -> bool {
        matches!(self, Self::Incoming | Self::Outgoing)
    }
}

crate::base::names::wire_enum! {
    /// Why an external note was added.
    pub enum ExternalNotePurpose {
        /// The agent shared the thread: recipient, subject and message (EXT-04).
        Shared => "shared",
        /// The collaborator replied (EXT-11).
        CollaboratorReply => "collaborator_reply",
        /// The agent cancelled the share; the link is now invalid (EXT-10).
        LinkInvalidated => "link_invalidated",
    }
}

crate::base::names::wire_enum! {
    /// Who wrote an item.
    pub enum AuthorRole {
        /// The ticket's customer.
        Customer => "customer",
        /// An agent of the host.
        Agent => "agent",
        /// The external collaborator.
        Collaborator => "collaborator",
        /// The helpdesk itself.
        System => "system",
    }
}

/// The author of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Author {
    /// What the author is.
    pub role: AuthorRole,
    /// The name shown.
    pub name: String,
}

/// A file attached to an item, by reference: the engine never holds file contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// The file name shown.
    pub name: String,
    /// The MIME type, e.g. `image/png`.
    pub content_type: String,
    /// The size in bytes.
    pub size_bytes: u64,
    /// The host's reference to the stored file.
    pub reference: String,
}

/// One message or note of a ticket thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ThreadItem {
    /// The host's id of the item (the engine makes one for notes it creates).
    pub id: ItemId,
    /// What kind of item.
    pub kind: ItemKind,
    /// Who wrote it.
    pub author: Author,
    /// The text (the host's own format; the engine escapes it wherever it renders it).
    pub body: String,
    /// When it was added.
    pub at: Timestamp,
    /// Files attached to it.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
}

/// An order of the customer's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OrderDetails {
    /// The order reference.
    pub reference: String,
    /// A one-line summary (items, status).
    pub summary: String,
}

/// What the host knows of the customer. A collaborator sees name and orders only when the share
/// included them (EXT-07), and the contact details never (EXT-12).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomerDetails {
    /// The customer's name.
    pub name: String,
    /// The customer's email address: never shown to a collaborator.
    #[serde(default)]
    pub email: Option<String>,
    /// The customer's phone number: never shown to a collaborator.
    #[serde(default)]
    pub phone: Option<String>,
    /// The customer's orders.
    #[serde(default)]
    pub orders: Vec<OrderDetails>,
}

/// The customer as a collaborator may see them: name and orders, no way to contact them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SharedCustomer {
    /// The customer's name.
    pub name: String,
    /// The customer's orders.
    pub orders: Vec<OrderDetails>,
}

/// A ticket's thread as the host stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TicketThread {
    /// The ticket.
    pub ticket_id: TicketId,
    /// Every item, in order.
    pub items: Vec<ThreadItem>,
    /// The customer's details, if the host has them.
    #[serde(default)]
    pub customer: Option<CustomerDetails>,
}

/// The longest thread item body read, in characters: a long email thread fits, a runaway one
/// does not reach a page.
pub const MAX_THREAD_BODY_CHARS: usize = 1_000_000;

/// Checks a text that reaches the collaborator's page: at most `max` characters; no control
/// character (but line breaks and tabs where `lines` allows them) and, on one line, none of
/// [`crate::base::text::is_invisible`]. Empty is allowed.
fn visible(path: &dyn Fn() -> String, value: &str, max: usize, lines: Lines) -> Result<()> {
    if value.trim().is_empty() {
        return Ok(());
    }
    checked("text", value, max, lines)
        .map(drop)
        .map_err(|e| Error::with_detail(e.reason(), format!("{}: {}", path(), e.detail())))
}

impl TicketThread {
    /// Checks every text that would reach the collaborator's page (SEC-03): the thread comes
    /// from the host's database, and a tampered row must not become a page.
    pub fn check(&self, name: &str) -> Result<()> {
        for (i, item) in self.items.iter().enumerate() {
            let at = |field: &'static str| move || format!("{name}.items[{i}].{field}");
            visible(&at("author.name"), &item.author.name, 200, Lines::Single)?;
            visible(&at("body"), &item.body, MAX_THREAD_BODY_CHARS, Lines::Multi)?;
            for (a, attachment) in item.attachments.iter().enumerate() {
                let at = |field: &'static str| {
                    move || format!("{name}.items[{i}].attachments[{a}].{field}")
                };
                visible(&at("name"), &attachment.name, 255, Lines::Single)?;
                visible(
                    &at("content_type"),
                    &attachment.content_type,
                    255,
                    Lines::Single,
                )?;
                visible(&at("reference"), &attachment.reference, 2048, Lines::Single)?;
            }
        }
        if let Some(customer) = &self.customer {
            let at = |field: &'static str| move || format!("{name}.customer.{field}");
            visible(&at("name"), &customer.name, 200, Lines::Single)?;
            if let Some(email) = &customer.email {
                visible(&at("email"), email, 320, Lines::Single)?;
            }
            if let Some(phone) = &customer.phone {
                visible(&at("phone"), phone, 64, Lines::Single)?;
            }
            for (o, order) in customer.orders.iter().enumerate() {
                let at =
                    |field: &'static str| move || format!("{name}.customer.orders[{o}].{field}");
                visible(&at("reference"), &order.reference, 200, Lines::Single)?;
                visible(&at("summary"), &order.summary, 1024, Lines::Single)?;
            }
        }
        Ok(())
    }
}

/// The name a customer's messages carry when customer details are not shared (EXT-07).
pub const ANONYMOUS_CUSTOMER: &str = "Customer";

/// What the collaborator sees: the messages and this share's external notes, never internal
/// notes, and customer details only when the agent included them (EXT-07).
pub(crate) fn project(
    share_id: ShareId,
    include_customer_details: bool,
    thread: &TicketThread,
) -> (Vec<ThreadItem>, Option<SharedCustomer>) {
    let items = thread
        .items
        .iter()
        .filter(|item| match item.kind {
            ItemKind::Incoming | ItemKind::Outgoing => true,
            ItemKind::InternalNote => false,
            ItemKind::ExternalNote { share_id: s, .. } => s == share_id,
        })
        .map(|item| {
            let mut item = item.clone();
            if !include_customer_details && item.author.role == AuthorRole::Customer {
                item.author.name = ANONYMOUS_CUSTOMER.to_owned();
            }
            item
        })
        .collect();
    let customer = thread
        .customer
        .as_ref()
        .filter(|_| include_customer_details)
        .map(|c| SharedCustomer {
            name: c.name.clone(),
            orders: c.orders.clone(),
        });
    (items, customer)
}
