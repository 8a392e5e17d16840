//! Custom-field values crossing between the two copies of a shared ticket (ACC-20): each value
//! goes through the plan of [`super::fields`]; a value whose field does not sync, or that does
//! not fit the other field, is skipped with the reason, and the others still cross. A value is
//! stored on the other side without an audit event of its own: only the side where the change
//! was made audits it.

use super::fields::{plan_fields, FieldDef, FieldSkip, FieldType, Transfer};
use super::Agreement;
use crate::base::error::{Error, Reason, Result};
use crate::base::ids::FieldId;
use crate::engine::Engine;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// A field's value: nothing (cleared), yes or no, a number, text (a date, a tag) or a list
/// of tags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum FieldValue {
    /// No value: the field is cleared.
    Null,
    /// A checkbox.
    Bool(bool),
    /// A number.
    Number(serde_json::Number),
    /// Text, a date (`YYYY-MM-DD`) or one tag.
    Text(String),
    /// Tags of a multi-select field.
    Tags(Vec<String>),
}

impl<'de> Deserialize<'de> for FieldValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        struct ValueVisitor;
        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = FieldValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("null, a boolean, a number, a string or an array of strings")
            }
            fn visit_unit<E: de::Error>(self) -> std::result::Result<FieldValue, E> {
                Ok(FieldValue::Null)
            }
            fn visit_none<E: de::Error>(self) -> std::result::Result<FieldValue, E> {
                Ok(FieldValue::Null)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> std::result::Result<FieldValue, E> {
                Ok(FieldValue::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<FieldValue, E> {
                Ok(FieldValue::Number(v.into()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<FieldValue, E> {
                Ok(FieldValue::Number(v.into()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<FieldValue, E> {
                serde_json::Number::from_f64(v)
                    .map(FieldValue::Number)
                    .ok_or_else(|| E::custom("a number must be finite"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<FieldValue, E> {
                Ok(FieldValue::Text(v.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<FieldValue, A::Error> {
                let mut tags = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(tag) = seq.next_element::<String>()? {
                    tags.push(tag);
                }
                Ok(FieldValue::Tags(tags))
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

/// A value and the field it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FieldValueOf {
    /// The field.
    pub field_id: FieldId,
    /// Its value.
    pub value: FieldValue,
}

/// A value that does not cross, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SkippedValue {
    /// The field it belongs to, on the side it comes from.
    pub field_id: FieldId,
    /// Why.
    pub reason: FieldSkip,
}

/// The values for the other side, keyed by its fields, and the ones that do not cross. The
/// other side stores them without an audit event (ACC-20).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FieldTransfer {
    /// The values, keyed by the other side's fields.
    pub values: Vec<FieldValueOf>,
    /// The values that do not cross.
    pub skipped: Vec<SkippedValue>,
}

/// Refuses unless the agreement is in force and syncs custom fields.
pub(crate) fn require_field_sync(agreement: &Agreement) -> Result<()> {
    super::tickets::require_accepted(agreement)?;
    if !agreement.terms.sync_custom_fields {
        return Err(Error::new(
            Reason::FieldsNotSynced,
            "agreement: custom fields do not sync under its terms",
        ));
    }
    Ok(())
}

/// Whether `text` is a calendar date written `YYYY-MM-DD` (the calendar is `time`'s; only the
/// three numbers are split out here, which keeps the format parser out of the WebAssembly
/// build).
fn is_date(text: &str) -> bool {
    let mut parts = text.split('-');
    let (Some(year), Some(month), Some(day), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return false;
    }
    match (year.parse::<i32>(), month.parse::<u8>(), day.parse::<u8>()) {
        (Ok(year), Ok(month), Ok(day)) => time::Month::try_from(month)
            .and_then(|month| time::Date::from_calendar_date(year, month, day))
            .is_ok(),
        _ => false,
    }
}

/// `value` as the field `to` stores it, if it fits.
fn fit(value: &FieldValue, to: &FieldDef, transfer: Transfer) -> Option<FieldValue> {
    use FieldType as T;
    let has_tag = |tag: &String| to.options.iter().any(|o| &o.tag == tag);
    match (value, to.kind) {
        (FieldValue::Null, _) => Some(FieldValue::Null),
        (FieldValue::Text(text), T::Text) if !text.contains(['\n', '\r']) => Some(value.clone()),
        (FieldValue::Text(_), T::Textarea | T::Regexp | T::CreditCard) => Some(value.clone()),
        (FieldValue::Text(text), T::Date) if is_date(text) => Some(value.clone()),
        (FieldValue::Text(tag), T::Dropdown) if has_tag(tag) => Some(value.clone()),
        (FieldValue::Tags(tags), T::Multiselect) if tags.iter().all(has_tag) => Some(value.clone()),
        (FieldValue::Bool(_), T::Checkbox) => Some(value.clone()),
        (FieldValue::Number(_), T::Decimal) => Some(value.clone()),
        (FieldValue::Number(n), T::Integer) if n.is_i64() || n.is_u64() => Some(value.clone()),
        // A whole number written as a float, from a number field.
        (FieldValue::Number(n), T::Integer) if transfer == Transfer::Number => n
            .as_f64()
            .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
            .map(|f| FieldValue::Number((f as i64).into())),
        _ => None,
    }
}

impl Engine {
    /// The values of this account's fields `ours` as the partner's fields `theirs` take them
    /// (ACC-20): each through the plan, a field that does not sync or a value that does not
    /// fit skipped with its reason, the others unaffected. Refused unless the agreement syncs
    /// custom fields; a value of an unknown field, or two of one field, is a bad request.
    pub fn transfer_field_values(
        &self,
        agreement: &Agreement,
        ours: &[FieldDef],
        theirs: &[FieldDef],
        values: &[FieldValueOf],
    ) -> Result<FieldTransfer> {
        require_field_sync(agreement)?;
        let plan = plan_fields(ours, theirs, agreement.side == super::Side::Sender)?;
        let by_id: HashMap<&FieldId, usize> =
            ours.iter().enumerate().map(|(i, f)| (&f.id, i)).collect();
        let theirs_by_id: HashMap<&FieldId, &FieldDef> =
            theirs.iter().map(|f| (&f.id, f)).collect();
        let mut seen = std::collections::HashSet::with_capacity(values.len());
        let mut transfer = FieldTransfer {
            values: Vec::with_capacity(values.len()),
            skipped: Vec::new(),
        };
        for (index, item) in values.iter().enumerate() {
            let pairing = by_id
                .get(&item.field_id)
                .and_then(|i| plan.fields.get(*i))
                .ok_or_else(|| {
                    Error::with_detail(
                        Reason::RecordMismatch,
                        format!("values[{index}].field_id: not one of this account's fields"),
                    )
                })?;
            if !seen.insert(&item.field_id) {
                return Err(Error::with_detail(
                    Reason::RecordMismatch,
                    format!("values[{index}].field_id: a second value for one field"),
                ));
            }
            let target = pairing
                .counterpart
                .as_ref()
                .and_then(|id| theirs_by_id.get(id));
            let crossed = match (pairing.transfer, target) {
                (Some(how), Some(to)) => fit(&item.value, to, how)
                    .map(|value| FieldValueOf {
                        field_id: to.id.clone(),
                        value,
                    })
                    .ok_or(FieldSkip::ValueDoesNotFit),
                _ => Err(pairing.skipped.unwrap_or(FieldSkip::NoCounterpart)),
            };
            match crossed {
                Ok(value) => transfer.values.push(value),
                Err(reason) => transfer.skipped.push(SkippedValue {
                    field_id: item.field_id.clone(),
                    reason,
                }),
            }
        }
        Ok(transfer)
    }
}

#[cfg(test)]
mod tests {
    use super::is_date;

    #[test]
    fn acc_20_a_date_value_is_a_calendar_date_written_yyyy_mm_dd() {
        for good in ["2026-02-28", "2024-02-29", "0001-01-01", "9999-12-31"] {
            assert!(is_date(good), "{good}");
        }
        for bad in [
            "2026-02-30",
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-2-28",
            "26-02-28",
            "2026-02-28-01",
            "2026/02/28",
            "abcd-ef-gh",
            "+202-02-28",
            "",
            "2026-02-2٨",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }
}
