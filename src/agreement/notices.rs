//! What the two accounts of an agreement tell each other, and what each step returns.

use super::{AccessKey, Agreement, AgreementId, AgreementStatus, PartnerKind, Party, Side, Terms};
use crate::audit::AuditEvent;
use crate::base::url::HttpsUrl;
use serde::{Deserialize, Serialize};

/// What an admin offers a partner: who, what they are, on which terms (ACC-01, ACC-04).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Offer {
    /// The partner account: its name and sharing URL.
    pub partner: Party,
    /// Another instance (the default) or a third-party system.
    #[serde(default)]
    pub partner_kind: PartnerKind,
    /// The terms.
    pub terms: Terms,
}

/// An invitation, as the sender sends it and the receiver reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Invitation {
    /// The agreement.
    pub agreement_id: AgreementId,
    /// The key both sides will authenticate with.
    pub access_key: AccessKey,
    /// The inviting account.
    pub sender: Party,
    /// The invited account's sharing URL.
    pub receiver_url: HttpsUrl,
    /// The terms offered.
    pub terms: Terms,
}

/// A change of status, as one side tells the other. It names no person: a decline by an admin
/// and an opt-out's decline are the same message (ACC-05).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PartnerUpdate {
    /// The agreement.
    pub agreement_id: AgreementId,
    /// Its new status.
    pub status: AgreementStatus,
    /// The side that ended it, when the status is `inactive`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deactivated_by: Option<Side>,
}

/// What the host must deliver to the partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PartnerNotice {
    /// An invitation, first or again (ACC-01, ACC-08).
    Invite(Invitation),
    /// A change of status (ACC-06: the partner is informed).
    Update(PartnerUpdate),
}

/// One step's result: the record to store, what to tell the partner, the audit events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgreementChange {
    /// The agreement after the step.
    pub agreement: Agreement,
    /// What the host delivers to the partner, if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<PartnerNotice>,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}

/// What the receiving engine makes of an invitation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InviteReceived {
    /// The copy to store, pending for the admins; none when the account opted out (ACC-05).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreement: Option<Agreement>,
    /// Whether to tell the account's admins; never for an opted-out account.
    pub notify_admins: bool,
    /// The answer for the sender, if any: an ordinary decline for an opted-out account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice: Option<PartnerNotice>,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}

/// The agreements a rename ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgreementsBroken {
    /// Every pending or accepted agreement, now inactive, with its notice.
    pub changes: Vec<AgreementChange>,
}
