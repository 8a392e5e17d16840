//! Who may do what, on which plan (EXT-02, EXT-03, EXT-13).
//!
//! Roles and plans are host data: the [`Policy`] tables have the defaults of the rules
//! catalogue (`docs/rules.md`) and a host replaces any of them through its configuration. The *rule* (a share needs the
//! permission and the plan feature) cannot be switched off.

use crate::base::error::{Error, Reason, Result};
use crate::base::ids::{AgentId, InboxId};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

crate::base::names::wire_enum! {
    /// A permission a role (or one user, by an admin's grant) can hold.
    #[derive(PartialOrd, Ord)]
    pub enum Permission {
        /// Share a ticket thread with an external collaborator, and cancel such a share (EXT-02).
        ExternalShare => "external_share",
        /// Change the branding of the collaborator email (EXT-13).
        EmailCustomisation => "email_customisation",
        /// Share a ticket with other agents of the account, and remove them again (AGT-02, AGT-05).
        AgentShare => "agent_share",
        /// Turn agent sharing on or off for the account, in the site settings (AGT-01).
        AgentSharingSettings => "agent_sharing_settings",
        /// Invite partner accounts, accept, decline and deactivate sharing agreements (ACC-03).
        SharingAgreements => "sharing_agreements",
        /// Share a ticket with a partner account and stop sharing it (ACC-09, ACC-12).
        AccountShare => "account_share",
    }
}

impl Permission {
    const fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

crate::base::names::wire_enum! {
    /// A feature a plan can include (EXT-03).
    #[derive(PartialOrd, Ord)]
    pub enum PlanFeature {
        /// Sharing a ticket with an external collaborator.
        TicketShare => "ticket_share",
        /// Customising the collaborator email.
        EmailCustomisation => "email_customisation",
    }
}

impl PlanFeature {
    const fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

impl fmt::Display for PlanFeature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of permissions, as a bit set (cheap to copy and test).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(from = "Vec<Permission>", into = "Vec<Permission>")]
pub struct Permissions(u32);

impl Permissions {
    /// Whether the set holds `permission`.
    pub const fn contains(self, permission: Permission) -> bool {
        self.0 & permission.bit() != 0
    }
}

impl From<Vec<Permission>> for Permissions {
    fn from(list: Vec<Permission>) -> Self {
        Self(list.into_iter().fold(0, |acc, p| acc | p.bit()))
    }
}

impl From<Permissions> for Vec<Permission> {
    fn from(set: Permissions) -> Self {
        Permission::ALL
            .into_iter()
            .filter(|p| set.contains(*p))
            .collect()
    }
}

impl<const N: usize> From<[Permission; N]> for Permissions {
    fn from(list: [Permission; N]) -> Self {
        Self::from(list.to_vec())
    }
}

/// A set of plan features, as a bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(from = "Vec<PlanFeature>", into = "Vec<PlanFeature>")]
pub struct PlanFeatures(u32);

impl PlanFeatures {
    /// Whether the set holds `feature`.
    pub const fn contains(self, feature: PlanFeature) -> bool {
        self.0 & feature.bit() != 0
    }
}

impl From<Vec<PlanFeature>> for PlanFeatures {
    fn from(list: Vec<PlanFeature>) -> Self {
        Self(list.into_iter().fold(0, |acc, f| acc | f.bit()))
    }
}

impl From<PlanFeatures> for Vec<PlanFeature> {
    fn from(set: PlanFeatures) -> Self {
        PlanFeature::ALL
            .into_iter()
            .filter(|f| set.contains(*f))
            .collect()
    }
}

/// An agent acting on the helpdesk: who they are and which role they hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// The host's id of the agent.
    pub id: AgentId,
    /// The agent's display name, used in "[Agent name] from [Company name]" (EXT-05): required
    /// where an email shows it, refused there when empty.
    #[serde(default)]
    pub name: String,
    /// The agent's role, a key of the policy's role table (`admin`, `team_leader`, `agent`, or a host role).
    pub role: String,
    /// Permissions an admin granted this user beyond the role (EXT-02).
    #[serde(default)]
    pub granted: Permissions,
    /// The inboxes the agent can open through the host's inbox permissions (AGT-02, AGT-03):
    /// a ticket of another inbox is open to the agent only through an agent share.
    #[serde(default)]
    pub inboxes: Vec<InboxId>,
}

impl Actor {
    /// Whether the agent can open `inbox` through inbox permissions.
    pub fn has_inbox(&self, inbox: &InboxId) -> bool {
        self.inboxes.contains(inbox)
    }
}

/// The host's role and plan tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Permissions held by each role. A role missing here holds none.
    #[serde(default = "default_roles")]
    pub roles: HashMap<String, Permissions>,
    /// Features included in each plan. A plan missing here includes none.
    #[serde(default = "default_plans")]
    pub plans: HashMap<String, PlanFeatures>,
}

fn default_roles() -> HashMap<String, Permissions> {
    use Permission::*;
    HashMap::from([
        (
            "admin".into(),
            [
                ExternalShare,
                EmailCustomisation,
                AgentShare,
                AgentSharingSettings,
                SharingAgreements,
                AccountShare,
            ]
            .into(),
        ),
        (
            "team_leader".into(),
            [ExternalShare, AgentShare, AccountShare].into(),
        ),
        (
            "agent".into(),
            [ExternalShare, AgentShare, AccountShare].into(),
        ),
    ])
}

fn default_plans() -> HashMap<String, PlanFeatures> {
    use PlanFeature::*;
    let share = PlanFeatures::from(vec![TicketShare]);
    let share_and_brand = PlanFeatures::from(vec![TicketShare, EmailCustomisation]);
    HashMap::from([
        ("performance_plus".into(), share),
        ("professional".into(), share),
        ("enterprise".into(), share_and_brand),
        ("performance".into(), share_and_brand),
        ("custom".into(), share_and_brand),
    ])
}

impl Default for Policy {
    /// The default tables of the rules catalogue (EXT-02, EXT-03).
    fn default() -> Self {
        Self {
            roles: default_roles(),
            plans: default_plans(),
        }
    }
}

impl Policy {
    /// Whether `actor` holds `permission`, through the role or an admin's grant.
    pub fn has_permission(&self, actor: &Actor, permission: Permission) -> bool {
        actor.granted.contains(permission)
            || self
                .roles
                .get(&actor.role)
                .is_some_and(|set| set.contains(permission))
    }

    /// Whether `plan` includes `feature`.
    pub fn plan_includes(&self, plan: &str, feature: PlanFeature) -> bool {
        self.plans
            .get(plan)
            .is_some_and(|set| set.contains(feature))
    }

    /// Refuses with `permission_denied` when the actor lacks the permission.
    pub fn require_permission(&self, actor: &Actor, permission: Permission) -> Result<()> {
        if self.has_permission(actor, permission) {
            Ok(())
        } else {
            // The role is the caller's text: never echoed (issue 24), the permission is ours.
            Err(Error::with_detail(
                Reason::PermissionDenied,
                format!("the actor's role lacks the {permission} permission"),
            ))
        }
    }

    /// Refuses with `plan_feature_missing` when the plan lacks the feature.
    pub fn require_feature(&self, plan: &str, feature: PlanFeature) -> Result<()> {
        if self.plan_includes(plan, feature) {
            Ok(())
        } else {
            Err(Error::with_detail(
                Reason::PlanFeatureMissing,
                format!("the account's plan does not include {feature}"),
            ))
        }
    }

    /// Both checks: the actor's permission, then the plan's feature.
    pub fn authorise(
        &self,
        actor: &Actor,
        permission: Permission,
        plan: &str,
        feature: PlanFeature,
    ) -> Result<()> {
        self.require_permission(actor, permission)?;
        self.require_feature(plan, feature)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: &str, granted: &[Permission]) -> Actor {
        Actor {
            id: AgentId::new("a1").unwrap(),
            name: "Ana".into(),
            role: role.into(),
            granted: granted.to_vec().into(),
            inboxes: Vec::new(),
        }
    }

    #[test]
    fn ext_02_default_roles_hold_external_share() {
        let policy = Policy::default();
        for role in ["admin", "team_leader", "agent"] {
            assert!(policy.has_permission(&actor(role, &[]), Permission::ExternalShare));
        }
        let viewer = actor("viewer", &[]);
        let err = policy.require_permission(&viewer, Permission::ExternalShare);
        assert_eq!(
            err.err().map(|e| e.reason()),
            Some(Reason::PermissionDenied)
        );
        let granted = actor("viewer", &[Permission::ExternalShare]);
        assert!(policy.has_permission(&granted, Permission::ExternalShare));
    }

    #[test]
    fn ext_03_plans_gate_share_and_customisation() {
        let policy = Policy::default();
        for plan in [
            "performance_plus",
            "professional",
            "enterprise",
            "performance",
            "custom",
        ] {
            assert!(
                policy.plan_includes(plan, PlanFeature::TicketShare),
                "{plan}"
            );
        }
        assert!(!policy.plan_includes("basic", PlanFeature::TicketShare));
        for plan in ["enterprise", "performance", "custom"] {
            assert!(
                policy.plan_includes(plan, PlanFeature::EmailCustomisation),
                "{plan}"
            );
        }
        for plan in ["performance_plus", "professional"] {
            assert!(
                !policy.plan_includes(plan, PlanFeature::EmailCustomisation),
                "{plan}"
            );
        }
        let err = policy.require_feature("basic", PlanFeature::TicketShare);
        assert_eq!(
            err.err().map(|e| e.reason()),
            Some(Reason::PlanFeatureMissing)
        );
    }

    #[test]
    fn ext_03_host_replaces_tables_through_config() {
        let policy: Policy =
            serde_json::from_str(r#"{"plans": {"basic": ["ticket_share"]}}"#).unwrap();
        assert!(policy.plan_includes("basic", PlanFeature::TicketShare));
        assert!(!policy.plan_includes("enterprise", PlanFeature::TicketShare));
        assert!(policy.has_permission(&actor("agent", &[]), Permission::ExternalShare));
        assert!(serde_json::from_str::<Policy>(r#"{"roles": {"x": ["fly"]}}"#).is_err());
    }

    #[test]
    fn ext_13_only_admins_customise_email_by_default() {
        let policy = Policy::default();
        assert!(policy.has_permission(&actor("admin", &[]), Permission::EmailCustomisation));
        assert!(!policy.has_permission(&actor("agent", &[]), Permission::EmailCustomisation));
    }
}
