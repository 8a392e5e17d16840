//! Custom-field compatibility between two accounts (ACC-20).
//!
//! Fields pair by title, trimmed and compared case-insensitively with Unicode case folding
//! (`Camera model` pairs with `CAMERA MODEL`, `Straße` with `STRASSE`). Each field of the
//! account the values come from gets a verdict ([`plan_fields`]): synced, with how its value
//! transfers, or skipped with the reason. An incompatible field never blocks the others: the
//! rest of the ticket still syncs. The type matrix is [`compatibility`] (drawn in
//! `docs/agreements.md`).

use super::Agreement;
use crate::base::error::{Error, Reason, Result};
use crate::base::ids::FieldId;
use crate::base::text::{checked, Lines};
use crate::engine::Engine;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use unicase::UniCase;

pub use super::field_values::{FieldTransfer, FieldValue, FieldValueOf, SkippedValue};

crate::base::names::wire_enum! {
    /// The data type of a ticket field.
    #[derive(PartialOrd, Ord)]
    pub enum FieldType {
        /// One line of text.
        Text => "text",
        /// Several lines of text.
        Textarea => "textarea",
        /// Yes or no.
        Checkbox => "checkbox",
        /// A calendar date, `YYYY-MM-DD`.
        Date => "date",
        /// A whole number.
        Integer => "integer",
        /// A number.
        Decimal => "decimal",
        /// Text matching the field's pattern.
        Regexp => "regexp",
        /// The last digits of a credit card.
        CreditCard => "credit_card",
        /// One option of a list, stored as the option's tag.
        Dropdown => "dropdown",
        /// Several options of a list, stored as their tags.
        Multiselect => "multiselect",
        /// A reference to a record of the account (a user, an organisation): never synced, the
        /// record is the other account's.
        Lookup => "lookup",
    }
}

impl FieldType {
    const fn has_options(self) -> bool {
        matches!(self, Self::Dropdown | Self::Multiselect)
    }
}

crate::base::names::wire_enum! {
    /// How a value crosses between two compatible fields.
    pub enum Transfer {
        /// The same type: the value as it is.
        Copy => "copy",
        /// Text and multi-line text: as text; into one line only when it is one line.
        Text => "text",
        /// Whole number and number: as a number; into a whole number only when it is whole.
        Number => "number",
        /// Drop-down to drop-down: the option's tag (the tags match).
        Tag => "tag",
        /// Multi-select to multi-select: the options' tags (the tags match).
        Tags => "tags",
    }
}

crate::base::names::wire_enum! {
    /// Why a field, or one value, does not sync.
    pub enum FieldSkip {
        /// A system field, on either side: only custom fields sync.
        SystemField => "system_field",
        /// Two fields on one side share the title, so the pairing would be a guess.
        SameTitleTwice => "same_title_twice",
        /// The other account has no field with this title.
        NoCounterpart => "no_counterpart",
        /// The data types are not compatible.
        TypesIncompatible => "types_incompatible",
        /// Drop-down or multi-select options whose tags differ.
        OptionTagsDiffer => "option_tags_differ",
        /// The receiver's field is not on its default ticket form, which shared tickets use.
        NotOnDefaultForm => "not_on_default_form",
        /// This value does not fit the other field (a second line into one line, a fraction
        /// into a whole number, a tag the field does not have).
        ValueDoesNotFit => "value_does_not_fit",
    }
}

/// One option of a drop-down or multi-select field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FieldOption {
    /// The tag stored for it: what must match between the accounts.
    pub tag: String,
    /// The label agents see.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

fn yes() -> bool {
    true
}

/// A ticket field of an account (host data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FieldDef {
    /// The host's id.
    pub id: FieldId,
    /// The title fields pair by.
    pub title: String,
    /// The data type.
    #[serde(rename = "type")]
    pub kind: FieldType,
    /// Whether it is a system field (subject, priority, ...), which never syncs.
    #[serde(default)]
    pub system: bool,
    /// The options of a drop-down or multi-select field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<FieldOption>,
    /// Whether it is on the account's default ticket form.
    #[serde(default = "yes")]
    pub on_default_form: bool,
}

/// The verdict for one field of the account the values come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FieldPairing {
    /// The field.
    pub field_id: FieldId,
    /// The other account's field it pairs with, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counterpart: Option<FieldId>,
    /// How values transfer, when it syncs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transfer: Option<Transfer>,
    /// Why it does not sync, when it does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skipped: Option<FieldSkip>,
}

/// A verdict for every field of the account the values come from, in its order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FieldPlan {
    /// One verdict per field.
    pub fields: Vec<FieldPairing>,
}

/// The type matrix: how a value of a `from` field transfers into a `to` field, or `None` when
/// the types are not compatible. Symmetric: each type with itself (a lookup with nothing),
/// text with multi-line text, whole number with number; a value that does not fit its field
/// is skipped on its own.
pub const fn compatibility(from: FieldType, to: FieldType) -> Option<Transfer> {
    use FieldType as T;
    match (from, to) {
        (T::Lookup, _) | (_, T::Lookup) => None,
        (T::Dropdown, T::Dropdown) => Some(Transfer::Tag),
        (T::Multiselect, T::Multiselect) => Some(Transfer::Tags),
        (T::Text, T::Textarea) | (T::Textarea, T::Text) => Some(Transfer::Text),
        (T::Integer, T::Decimal) | (T::Decimal, T::Integer) => Some(Transfer::Number),
        (a, b) if a as u8 == b as u8 => Some(Transfer::Copy),
        _ => None,
    }
}

/// The keys fields pair by, one per field: the trimmed title, Unicode case-folded (ASCII
/// titles lower-cased without the folding tables), all in one buffer.
pub(crate) struct Keys {
    text: String,
    ends: Vec<usize>,
}

impl Keys {
    fn with_capacity(fields: usize) -> Self {
        Self {
            text: String::with_capacity(fields * 32),
            ends: Vec::with_capacity(fields),
        }
    }

    fn push(&mut self, title: &str) {
        let start = self.text.len();
        if title.is_ascii() {
            self.text.push_str(title);
            if let Some(added) = self.text.get_mut(start..) {
                added.make_ascii_lowercase();
            }
        } else {
            self.text
                .push_str(&UniCase::unicode(title).to_folded_case());
        }
        self.ends.push(self.text.len());
    }

    /// The key of the field at `index`.
    fn get(&self, index: usize) -> &str {
        let start = index
            .checked_sub(1)
            .and_then(|i| self.ends.get(i))
            .copied()
            .unwrap_or(0);
        let end = self.ends.get(index).copied().unwrap_or(start);
        self.text.get(start..end).unwrap_or_default()
    }
}

/// Small option lists are compared pairwise; long ones through a set.
const PAIRWISE_OPTIONS: usize = 32;

fn distinct_tags(options: &[FieldOption]) -> bool {
    if options.len() <= PAIRWISE_OPTIONS {
        options.iter().enumerate().all(|(i, o)| {
            options
                .get(..i)
                .unwrap_or_default()
                .iter()
                .all(|p| p.tag != o.tag)
        })
    } else {
        let mut tags = HashSet::with_capacity(options.len());
        options.iter().all(|o| tags.insert(o.tag.as_str()))
    }
}

/// Checks one account's fields (ids unique, titles present, options only where they belong
/// and their tags unique) and returns each field's pairing key.
pub(crate) fn check_fields(fields: &[FieldDef], list: &str) -> Result<Keys> {
    let mut ids = HashSet::with_capacity(fields.len());
    let mut keys = Keys::with_capacity(fields.len());
    for (index, field) in fields.iter().enumerate() {
        let at = |detail: &str| {
            Error::with_detail(Reason::RecordMismatch, format!("{list}[{index}]: {detail}"))
        };
        if !ids.insert(&field.id) {
            return Err(at("a field listed twice"));
        }
        let title = checked("title", &field.title, 255, Lines::Single).map_err(|e| {
            Error::with_detail(e.reason(), format!("{list}[{index}].title: {}", e.detail()))
        })?;
        keys.push(title);
        if !field.options.is_empty() && !field.kind.has_options() {
            return Err(at("options belong to drop-down and multi-select fields"));
        }
        if !distinct_tags(&field.options) {
            return Err(at("two options with one tag"));
        }
    }
    Ok(keys)
}

/// What one title stands for on each side: how many fields carry it, and the receiving
/// side's field when there is exactly one.
#[derive(Default)]
struct Title<'a> {
    from: u32,
    to: u32,
    to_field: Option<&'a FieldDef>,
}

/// Whether two fields' options have the same tags (each field's tags are distinct).
fn same_tags(a: &FieldDef, b: &FieldDef) -> bool {
    if a.options.len() != b.options.len() {
        return false;
    }
    if a.options.len() <= PAIRWISE_OPTIONS {
        return a
            .options
            .iter()
            .all(|o| b.options.iter().any(|p| p.tag == o.tag));
    }
    let theirs: HashSet<&str> = b.options.iter().map(|o| o.tag.as_str()).collect();
    a.options.iter().all(|o| theirs.contains(o.tag.as_str()))
}

/// The plan for values travelling from the account with fields `from` to the one with fields
/// `to`; `to_is_receiver` when `to` is the agreement's receiver, whose default form shared
/// tickets use.
pub fn plan_fields(from: &[FieldDef], to: &[FieldDef], to_is_receiver: bool) -> Result<FieldPlan> {
    let from_keys = check_fields(from, "from")?;
    let to_keys = check_fields(to, "to")?;
    // Each title once: one hash per field, the verdicts then read the titles by index.
    let mut slots: HashMap<&str, usize> = HashMap::with_capacity(from.len() + to.len());
    let mut titles: Vec<Title<'_>> = Vec::with_capacity(from.len() + to.len());
    let mut from_slots = Vec::with_capacity(from.len());
    for index in 0..from.len() {
        let next = titles.len();
        let slot = *slots.entry(from_keys.get(index)).or_insert(next);
        if slot == next {
            titles.push(Title::default());
        }
        if let Some(title) = titles.get_mut(slot) {
            title.from += 1;
        }
        from_slots.push(slot);
    }
    for (index, field) in to.iter().enumerate() {
        if let Some(title) = slots
            .get(to_keys.get(index))
            .and_then(|slot| titles.get_mut(*slot))
        {
            title.to += 1;
            title.to_field = title.to_field.or(Some(field));
        }
    }
    let fields = from
        .iter()
        .zip(from_slots)
        .map(|(field, slot)| {
            let title = titles.get(slot);
            let counterpart = title.and_then(|t| t.to_field);
            let verdict = if field.system {
                Err(FieldSkip::SystemField)
            } else if title.is_some_and(|t| t.from > 1 || t.to > 1) {
                Err(FieldSkip::SameTitleTwice)
            } else {
                match counterpart {
                    None => Err(FieldSkip::NoCounterpart),
                    Some(other) => pair(field, other, to_is_receiver),
                }
            };
            FieldPairing {
                field_id: field.id.clone(),
                counterpart: counterpart.map(|other| other.id.clone()),
                transfer: verdict.ok(),
                skipped: verdict.err(),
            }
        })
        .collect();
    Ok(FieldPlan { fields })
}

/// The verdict for two fields of one title.
fn pair(
    from: &FieldDef,
    to: &FieldDef,
    to_is_receiver: bool,
) -> std::result::Result<Transfer, FieldSkip> {
    if to.system {
        return Err(FieldSkip::SystemField);
    }
    let transfer = compatibility(from.kind, to.kind).ok_or(FieldSkip::TypesIncompatible)?;
    if from.kind.has_options() && !same_tags(from, to) {
        return Err(FieldSkip::OptionTagsDiffer);
    }
    if to_is_receiver && !to.on_default_form {
        return Err(FieldSkip::NotOnDefaultForm);
    }
    Ok(transfer)
}

impl Engine {
    /// The custom-field plan for values this account sends its partner (ACC-20): `ours` and
    /// `theirs` are the two accounts' fields. Refused unless the agreement syncs custom fields.
    pub fn plan_custom_fields(
        &self,
        agreement: &Agreement,
        ours: &[FieldDef],
        theirs: &[FieldDef],
    ) -> Result<FieldPlan> {
        super::field_values::require_field_sync(agreement)?;
        plan_fields(ours, theirs, agreement.side == super::Side::Sender)
    }
}
