//! The host's account: the company an agent works for, its plan and its email branding.

use crate::share::branding::{Branding, CompanyName};
use serde::{Deserialize, Serialize};

/// The account the agent works for: its plan and email branding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// The company name used when no branding overrides it.
    pub company_name: CompanyName,
    /// The plan, a key of the policy's plan table.
    pub plan: String,
    /// The email branding an admin set (EXT-13); used only while the plan includes it.
    #[serde(default)]
    pub branding: Option<Branding>,
}
