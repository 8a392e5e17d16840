//! The operations every domain shares: what this library is (`engine.info`) and the permission
//! and plan check (`policy.check`).

use super::API_VERSION;
use crate::base::error::ErrorBody;
use crate::base::error::{Error, PublicCategory, Reason, ReasonFamily, Result};
use crate::operation::{Context, Operation};
use crate::policy::{Actor, Permission, PlanFeature};
use serde::{Deserialize, Serialize};

/// Arguments of `engine.info`: none.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EngineInfoArgs {}

impl Operation for EngineInfoArgs {
    const NAME: &'static str = "engine.info";
    const METHOD: &'static str = "info";
    const SUMMARY: &'static str =
        "API version, library version, operations, every reason code with its category and family.";
    const RULES: &'static str = "";
    type Output = EngineInfo;

    fn run(self, _: &mut Context<'_>) -> Result<EngineInfo> {
        Ok(EngineInfo::current())
    }
}

/// What `engine.info` returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EngineInfo {
    /// The newest request version understood.
    pub api_version: u32,
    /// The library version.
    pub library_version: &'static str,
    /// Every operation.
    pub operations: &'static [&'static str],
    /// Every reason code with its number, public category and family.
    pub reasons: Vec<ReasonInfo>,
}

/// One reason, as `engine.info` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReasonInfo {
    /// The stable code.
    pub code: &'static str,
    /// The stable number.
    pub number: u32,
    /// The public category.
    pub category: PublicCategory,
    /// The family, which a binding's error classes follow.
    pub family: ReasonFamily,
}

impl EngineInfo {
    /// This library's information.
    pub fn current() -> Self {
        Self {
            api_version: API_VERSION,
            library_version: env!("CARGO_PKG_VERSION"),
            operations: super::OPERATIONS,
            reasons: Reason::ALL
                .iter()
                .map(|r| ReasonInfo {
                    code: r.code(),
                    number: r.number(),
                    category: r.public_category(),
                    family: r.family(),
                })
                .collect(),
        }
    }
}

/// Arguments of `policy.check`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PolicyCheckArgs {
    /// The agent acting.
    pub actor: Actor,
    /// The permission asked for.
    pub permission: Permission,
    /// The account's plan (with `feature`).
    #[serde(default)]
    pub plan: Option<String>,
    /// The plan feature asked for (with `plan`).
    #[serde(default)]
    pub feature: Option<PlanFeature>,
}

impl Operation for PolicyCheckArgs {
    const NAME: &'static str = "policy.check";
    const METHOD: &'static str = "check_policy";
    const SUMMARY: &'static str =
        "May this actor do this (on this plan)? A refusal is an answer here, not an error.";
    const RULES: &'static str = "EXT-02, EXT-03";
    type Output = PolicyDecision;

    fn run(self, context: &mut Context<'_>) -> Result<PolicyDecision> {
        let policy = context.engine.policy();
        let decision = match (self.plan.as_deref(), self.feature) {
            (Some(plan), Some(feature)) => {
                policy.authorise(&self.actor, self.permission, plan, feature)
            }
            (None, None) => policy.require_permission(&self.actor, self.permission),
            _ => Err(Error::new(
                Reason::InvalidRequest,
                "args.plan and args.feature go together",
            )),
        };
        match decision {
            Ok(()) => Ok(PolicyDecision {
                allowed: true,
                refusal: None,
            }),
            Err(err)
                if matches!(
                    err.reason(),
                    Reason::PermissionDenied | Reason::PlanFeatureMissing
                ) =>
            {
                Ok(PolicyDecision {
                    allowed: false,
                    refusal: Some(ErrorBody::from(&err)),
                })
            }
            Err(err) => Err(err),
        }
    }
}

/// Result of `policy.check`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PolicyDecision {
    /// Whether the actor may.
    pub allowed: bool,
    /// Why not, when not allowed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refusal: Option<ErrorBody>,
}
