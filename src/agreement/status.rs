//! Status mapping between the two copies of a shared ticket (ACC-13, ACC-15).
//!
//! Statuses sync only under *public and private comments, sync status*. Each account's
//! statuses are host data ([`StatusSettings`]): the six categories, and, once custom statuses
//! are activated, the account's own statuses, each in a category, one of them the category's
//! default. A status travels by its category, On-hold arriving as Open; then the table of seed
//! 002 applies, with the account that changed the status as the source:
//!
//! | source custom statuses | target custom statuses | the target's status |
//! | --- | --- | --- |
//! | not activated | not activated | the same status (On-hold: Open) |
//! | activated | not activated | the source status's category |
//! | not activated | activated | that category's default status |
//! | activated | activated | the category's default status, even when the custom statuses match |
//!
//! Build a [`StatusMap`] once for a pair of accounts; [`StatusMap::map`] is then a lookup.

use super::Agreement;
use crate::base::error::{Error, Reason, Result};
use crate::base::ids::StatusId;
use crate::engine::Engine;
use serde::{Deserialize, Serialize};

crate::base::names::wire_enum! {
    /// A status category (the statuses of an account without custom statuses).
    #[derive(PartialOrd, Ord)]
    pub enum StatusCategory {
        /// New.
        New => "new",
        /// Open.
        Open => "open",
        /// Pending.
        Pending => "pending",
        /// On-hold: arrives as Open (ACC-13).
        OnHold => "on_hold",
        /// Solved.
        Solved => "solved",
        /// Closed.
        Closed => "closed",
    }
}

impl StatusCategory {
    /// The category a status of this one arrives in: the same, except On-hold as Open.
    pub const fn arriving(self) -> Self {
        match self {
            Self::OnHold => Self::Open,
            other => other,
        }
    }

    const fn index(self) -> usize {
        self as usize
    }
}

/// A ticket's status: its category, and its custom status when the account has them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TicketStatus {
    /// The category.
    pub category: StatusCategory,
    /// The custom status, for an account with custom statuses activated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_id: Option<StatusId>,
}

/// One custom status of an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomStatus {
    /// The host's id.
    pub id: StatusId,
    /// Its category.
    pub category: StatusCategory,
    /// Whether it is its category's default.
    #[serde(default)]
    pub default: bool,
}

/// An account's statuses (host data).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatusSettings {
    /// Whether custom statuses are activated.
    #[serde(default)]
    pub custom_statuses: bool,
    /// The custom statuses: a category that has any has exactly one default. Categories
    /// without any keep their plain status.
    #[serde(default)]
    pub statuses: Vec<CustomStatus>,
}

crate::base::names::wire_enum! {
    /// Which row of the mapping table applied.
    pub enum MappingCase {
        /// Neither account has custom statuses.
        Neither => "neither",
        /// Only the source has them.
        SourceOnly => "source_only",
        /// Only the target has them.
        TargetOnly => "target_only",
        /// Both have them.
        Both => "both",
    }
}

/// A mapped status and the row of the table that gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MappedStatus {
    /// The target account's status.
    pub status: TicketStatus,
    /// The row of the table.
    pub case: MappingCase,
}

/// The mapping from one account's statuses to another's, built once.
#[derive(Debug, Clone)]
pub struct StatusMap {
    /// The source's custom statuses, by category.
    source: [Vec<StatusId>; 6],
    source_custom: bool,
    source_plain: [bool; 6],
    targets: [TicketStatus; 6],
    case: MappingCase,
}

/// The default custom status of each category (`None`: the category has no custom statuses),
/// checking the settings as it goes.
fn defaults(settings: &StatusSettings, path: &str) -> Result<[Option<StatusId>; 6]> {
    let mut defaults: [Option<StatusId>; 6] = Default::default();
    let mut has_any = [false; 6];
    let mut listed = std::collections::HashSet::with_capacity(settings.statuses.len());
    for (index, status) in settings.statuses.iter().enumerate() {
        let at = status.category.index();
        if !listed.insert(&status.id) {
            return Err(Error::with_detail(
                Reason::RecordMismatch,
                format!("{path}.statuses[{index}]: a status listed twice"),
            ));
        }
        if let Some(seen) = has_any.get_mut(at) {
            *seen = true;
        }
        if status.default {
            match defaults.get_mut(at) {
                Some(slot @ None) => *slot = Some(status.id.clone()),
                _ => {
                    return Err(Error::with_detail(
                        Reason::RecordMismatch,
                        format!("{path}.statuses[{index}]: a second default for its category"),
                    ))
                }
            }
        }
    }
    for category in StatusCategory::ALL {
        let at = category.index();
        if has_any.get(at) == Some(&true) && defaults.get(at).is_some_and(Option::is_none) {
            return Err(Error::with_detail(
                Reason::RecordMismatch,
                format!("{path}.statuses: {} has no default", category.as_str()),
            ));
        }
    }
    Ok(defaults)
}

impl StatusMap {
    /// The map from `source`'s statuses to `target`'s; `source` and `target` are checked (ids
    /// unique, one default per category that has custom statuses).
    pub fn new(source: &StatusSettings, target: &StatusSettings) -> Result<Self> {
        let source_defaults = defaults(source, "source")?;
        let target_defaults = defaults(target, "target")?;
        let targets = StatusCategory::ALL.map(|category| {
            let arriving = category.arriving();
            TicketStatus {
                category: arriving,
                custom_id: target
                    .custom_statuses
                    .then(|| target_defaults.get(arriving.index()).cloned().flatten())
                    .flatten(),
            }
        });
        Ok(Self {
            source: StatusCategory::ALL.map(|category| {
                source
                    .statuses
                    .iter()
                    .filter(|s| s.category == category)
                    .map(|s| s.id.clone())
                    .collect()
            }),
            source_custom: source.custom_statuses,
            source_plain: source_defaults.map(|d| d.is_none()),
            targets,
            case: match (source.custom_statuses, target.custom_statuses) {
                (false, false) => MappingCase::Neither,
                (true, false) => MappingCase::SourceOnly,
                (false, true) => MappingCase::TargetOnly,
                (true, true) => MappingCase::Both,
            },
        })
    }

    /// The target's status for the source's `status`; refused with `unknown_status` when
    /// `status` is not one of the source's. A lookup: nothing is allocated.
    pub fn map(&self, status: &TicketStatus) -> Result<&TicketStatus> {
        let at = status.category.index();
        let known = match (&status.custom_id, self.source_custom) {
            (None, false) => true,
            (None, true) => self.source_plain.get(at) == Some(&true),
            (Some(_), false) => false,
            (Some(id), true) => self.source.get(at).is_some_and(|ids| ids.contains(id)),
        };
        if !known {
            return Err(Error::new(
                Reason::UnknownStatus,
                "status: not one of the source account's statuses",
            ));
        }
        self.targets.get(at).ok_or(Error::new(
            Reason::UnknownStatus,
            "status: no such category",
        ))
    }

    /// The row of the table this map follows.
    pub const fn case(&self) -> MappingCase {
        self.case
    }
}

impl Engine {
    /// The status the other copy of a shared ticket takes when `status` is set on this one
    /// (ACC-13, ACC-15): `source` is the account that changed it, `target` the other. Refused
    /// with `agreement_not_accepted` once the agreement is no longer in force (ACC-06: syncing
    /// stops), and with `status_not_synced` unless it syncs status.
    pub fn map_status(
        &self,
        agreement: &Agreement,
        source: &StatusSettings,
        target: &StatusSettings,
        status: &TicketStatus,
    ) -> Result<MappedStatus> {
        super::tickets::require_accepted(agreement)?;
        if !agreement.terms.syncs_status() {
            return Err(Error::new(
                Reason::StatusNotSynced,
                "agreement: private comments only, so the status does not sync",
            ));
        }
        let map = StatusMap::new(source, target)?;
        Ok(MappedStatus {
            status: map.map(status)?.clone(),
            case: map.case(),
        })
    }
}
