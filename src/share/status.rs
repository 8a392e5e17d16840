//! Where a share stands, for the pages that show it (EXT-08, EXT-10, SEC-02): the agent's
//! list of a ticket's shares, and the collaborator's code page with when a new code may be
//! asked for. A host shows these as they are, so it never does expiry or cooldown arithmetic
//! of its own.

use super::codes::{self, CodeChallenge};
use super::ExternalShare;
use crate::base::error::{Error, Reason, Result};
use crate::base::time::{Now, Timestamp};
use crate::engine::Engine;
use crate::operation::{args, Context, Operation};
use serde::Serialize;

crate::base::names::wire_enum! {
    /// Where a share stands, as the agent's list shows it.
    pub enum ShareState {
        /// Live; the collaborator has not entered a code yet (EXT-06).
        Pending => "pending",
        /// Live; the collaborator verified (a right code, or an earlier share, EXT-09).
        Verified => "verified",
        /// Past its 72 hours (EXT-08).
        Expired => "expired",
        /// Cancelled by an agent (EXT-10); this wins over expiry.
        Cancelled => "cancelled",
    }
}

crate::base::names::wire_enum! {
    /// Where the share's current code stands, as the collaborator's code page shows it.
    pub enum CodeState {
        /// It can still be entered.
        Pending => "pending",
        /// Its 10 minutes passed.
        Expired => "expired",
        /// Too many wrong codes: ask for a new one.
        Locked => "locked",
        /// It was used.
        Used => "used",
    }
}

/// The current code, for the collaborator's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CodeStatus {
    /// Where it stands.
    pub state: CodeState,
    /// When it stops being accepted.
    pub expires_at: Timestamp,
    /// Wrong codes it still takes (0 when it is not pending).
    pub attempts_left: u32,
}

/// Where a share stands at `now`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShareStatus {
    /// The share.
    pub share_id: crate::base::ids::ShareId,
    /// Where it stands.
    pub state: ShareState,
    /// When the link expires (or expired).
    pub expires_at: Timestamp,
    /// The current code, when a challenge was given.
    pub code: Option<CodeStatus>,
    /// The first instant at which a new code may be asked for (the resend cooldown and the
    /// hourly cap, SEC-02): `now` when at once; none when no code can be sent any more (the
    /// share is not live, or too many wrong codes in a row).
    pub resend_at: Option<Timestamp>,
}

impl Engine {
    /// Where `share` stands at `now`, and with its current `challenge`, the code and when a
    /// new one may be asked for. Changes nothing.
    pub fn share_status(
        &self,
        share: &ExternalShare,
        challenge: Option<&CodeChallenge>,
        now: Now,
    ) -> Result<ShareStatus> {
        let now = now.timestamp();
        if let Some(c) = challenge {
            if c.share_id != share.id {
                return Err(Error::new(
                    Reason::LinkRecordMismatch,
                    "challenge belongs to another share",
                ));
            }
        }
        let state = match share.check_live(now) {
            Err(e) if e.reason() == Reason::LinkCancelled => ShareState::Cancelled,
            Err(_) => ShareState::Expired,
            Ok(()) if share.verification.is_satisfied() => ShareState::Verified,
            Ok(()) => ShareState::Pending,
        };
        let code = challenge.map(|c| self.code_status(c, now));
        let live = matches!(state, ShareState::Pending | ShareState::Verified);
        let resend_at = if live && codes::locked_out(share, &self.codes).is_ok() {
            Some(codes::next_send_at(&self.codes, challenge, now)?)
        } else {
            None
        };
        Ok(ShareStatus {
            share_id: share.id,
            state,
            expires_at: share.expires_at,
            code,
            resend_at,
        })
    }

    fn code_status(&self, c: &CodeChallenge, now: Timestamp) -> CodeStatus {
        let state = codes::state_at(c, now);
        CodeStatus {
            state,
            expires_at: c.expires_at,
            attempts_left: match state {
                CodeState::Pending => codes::attempts_left(&self.codes, c),
                CodeState::Expired | CodeState::Locked | CodeState::Used => 0,
            },
        }
    }
}

args! {
    /// Arguments of `share.status`.
    pub struct ShareStatusArgs {
        /// The share record, as stored.
        pub share: ExternalShare,
        /// The share's current code challenge, as stored, if any.
        #[serde(default)]
        pub challenge: Option<CodeChallenge>,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for ShareStatusArgs {
    const NAME: &'static str = "share.status";
    const METHOD: &'static str = "share_status";
    const SUMMARY: &'static str =
        "Where a share stands (pending, verified, expired, cancelled), its current code, and when a new code may be asked for; changes nothing.";
    const RULES: &'static str = "EXT-08, EXT-10, SEC-02";
    type Output = ShareStatus;

    fn run(self, c: &mut Context<'_>) -> Result<ShareStatus> {
        c.engine
            .share_status(&self.share, self.challenge.as_ref(), self.now)
    }
}
