//! The host's account (part of the shared kernel): the company an agent works for, its plan,
//! its email branding and the name partners know it by.

pub mod branding;

use crate::base::error::{Error, Result};
use crate::base::text::{bounded, Lines};
use branding::{Branding, CompanyName};
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

/// An account's name as partners see it: 1 to 200 characters, one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("minLength" = 1, "maxLength" = 200)))]
#[serde(try_from = "String", into = "String")]
pub struct AccountName(String);

impl AccountName {
    /// Checks a name: trimmed, 1 to 200 characters, no control characters.
    pub fn parse(value: &str) -> Result<Self> {
        bounded("account name", value, 200, Lines::Single).map(Self)
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for AccountName {
    type Error = Error;
    fn try_from(value: String) -> Result<Self> {
        Self::parse(&value)
    }
}

impl From<AccountName> for String {
    fn from(value: AccountName) -> String {
        value.0
    }
}
