//! Email verification codes (EXT-06, SEC-02): random, stored only as a keyed hash, short-lived,
//! accepted once, a bounded number of wrong tries, rate-limited sends.
//!
//! One challenge per share is current at a time; the host stores it by share id and passes it
//! back in. A new challenge carries the send history forward and replaces the stored one (its
//! revision is the next), so replacing a challenge never resets the limits; the wrong codes in
//! a row live on the share record (SEC-02), which only a right code resets.

use super::status::CodeState;
use crate::base::error::{Error, Reason, Result};
use crate::base::ids::{ChallengeId, KeyId, ShareId};
use crate::base::keys::Keyring;
use crate::base::random::{uniform_below, RandomSource};
use crate::base::revision::Revision;
use crate::base::time::Timestamp;
use crate::config::{CodeConfig, SEND_WINDOW};
use serde::{Deserialize, Serialize};
use std::fmt;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

/// Domain separation: code hashes can never collide with token MACs (those start with 0x01).
const CODE_HASH_LABEL: &[u8] = b"ticketshare/code-hash/v1\0";

/// A keyed hash of a code (HMAC-SHA256), serialised as unpadded base64url.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("pattern" = "^[A-Za-z0-9_-]{43}$")))]
#[serde(try_from = "String", into = "String")]
pub struct CodeHash([u8; 32]);

impl fmt::Debug for CodeHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CodeHash(..)")
    }
}

impl TryFrom<String> for CodeHash {
    type Error = Error;
    fn try_from(value: String) -> Result<Self> {
        let mut out = [0u8; 32];
        // 43 characters hold exactly 32 bytes; checking first keeps decode within `out`.
        let decoded = (value.len() == 43)
            .then(|| {
                base64_simd::URL_SAFE_NO_PAD
                    .decode(value.as_bytes(), base64_simd::Out::from_slice(&mut out))
                    .ok()
                    .map(|bytes| bytes.len())
            })
            .flatten();
        if decoded != Some(32) {
            return Err(Error::new(
                Reason::RecordMismatch,
                "code_hash is not 32 bytes of unpadded base64url",
            ));
        }
        Ok(Self(out))
    }
}

impl From<CodeHash> for String {
    fn from(value: CodeHash) -> String {
        base64_simd::URL_SAFE_NO_PAD.encode_to_string(value.0)
    }
}

crate::base::names::wire_enum! {
    /// Where a challenge stands.
    pub enum ChallengeState {
        /// Waiting for the code.
        Pending => "pending",
        /// Too many wrong codes: nothing is accepted any more.
        Locked => "locked",
        /// The right code was entered; it is not accepted again.
        Accepted => "accepted",
    }
}

/// One verification challenge: the record the host stores (never the code itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CodeChallenge {
    /// The challenge.
    pub id: ChallengeId,
    /// The share it verifies.
    pub share_id: ShareId,
    /// The key that hashed the code.
    pub key_id: KeyId,
    /// HMAC of the code.
    pub code_hash: CodeHash,
    /// When the code was sent.
    pub sent_at: Timestamp,
    /// The first instant at which the code is no longer accepted.
    pub expires_at: Timestamp,
    /// Wrong codes entered for this challenge.
    pub wrong_attempts: u32,
    /// Where the challenge stands.
    pub state: ChallengeState,
    /// Sends for this share within the last hour, oldest first, this one last.
    pub recent_sends: Vec<Timestamp>,
    /// The record's revision: the host keeps one challenge per share, and writes a new or
    /// changed one only over `revision - 1` (SEC-02).
    #[serde(default)]
    pub revision: Revision,
}

/// A freshly drawn code: goes into the email, never into a record. Wiped on drop.
pub struct Code(Zeroizing<String>);

impl Code {
    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Code(<redacted>)")
    }
}

fn hash_code(
    keyring: &Keyring,
    key_id: KeyId,
    challenge: ChallengeId,
    code: &[u8],
) -> Result<CodeHash> {
    keyring
        .tag(key_id, &[CODE_HASH_LABEL, challenge.as_bytes(), code])
        .map(CodeHash)
}

/// Starts a new challenge for `share_id`, replacing `previous` if any: enforces the resend
/// cooldown, the sends-per-hour cap and the failures-in-a-row cap (SEC-02).
pub(crate) fn new_challenge(
    keyring: &Keyring,
    config: &CodeConfig,
    share: &crate::share::ExternalShare,
    previous: Option<&CodeChallenge>,
    now: Timestamp,
    rng: &mut dyn RandomSource,
) -> Result<(CodeChallenge, Code)> {
    let share_id = share.id;
    locked_out(share, config)?;
    let (mut recent_sends, revision) = match previous {
        Some(prev) => {
            if prev.share_id != share_id {
                return Err(Error::new(
                    Reason::LinkRecordMismatch,
                    "challenge belongs to another share",
                ));
            }
            if now < prev.sent_at.plus(config.resend_cooldown_seconds)? {
                return Err(Error::new(
                    Reason::CodeSendLimited,
                    "a code was sent moments ago",
                ));
            }
            let recent = sends_within_the_hour(prev, now)?;
            if recent.len() >= config.max_sends_per_hour as usize {
                return Err(Error::new(
                    Reason::CodeSendLimited,
                    "too many codes sent this hour",
                ));
            }
            (recent, prev.revision.next())
        }
        None => (Vec::new(), Revision::FIRST),
    };
    let digits = u32::from(config.digits);
    let bound = 10u32.pow(digits.min(9));
    let value = uniform_below(rng, bound)?;
    let code = Code(Zeroizing::new(format!(
        "{value:0width$}",
        width = digits as usize
    )));
    let id = ChallengeId::random(rng)?;
    let key_id = keyring.active_id();
    recent_sends.push(now);
    let challenge = CodeChallenge {
        id,
        share_id,
        key_id,
        code_hash: hash_code(keyring, key_id, id, code.as_str().as_bytes())?,
        sent_at: now,
        expires_at: now.plus(config.ttl_seconds)?,
        wrong_attempts: 0,
        state: ChallengeState::Pending,
        recent_sends,
        revision,
    };
    Ok((challenge, code))
}

/// Refuses a collaborator with too many wrong codes in a row for this ticket (SEC-02): only
/// a new share from an agent, and then a right code, lets them in again.
pub(crate) fn locked_out(share: &crate::share::ExternalShare, config: &CodeConfig) -> Result<()> {
    if share.failures_in_a_row >= config.max_failures_in_a_row {
        return Err(Error::new(
            Reason::VerificationLocked,
            "too many wrong codes in a row for this address and ticket; a re-share keeps the count (SEC-02)",
        ));
    }
    Ok(())
}

/// The sends of `previous`'s history still within the hour before `now`, oldest first.
fn sends_within_the_hour(previous: &CodeChallenge, now: Timestamp) -> Result<Vec<Timestamp>> {
    let window_start = now.minus(SEND_WINDOW)?;
    Ok(previous
        .recent_sends
        .iter()
        .copied()
        .filter(|t| *t > window_start)
        .collect())
}

/// The first instant at which [`new_challenge`] sends again after `previous` (SEC-02): once
/// the resend cooldown is over and enough of the last hour's sends have left the window to be
/// under the cap; `now` when nothing was sent.
pub(crate) fn next_send_at(
    config: &CodeConfig,
    previous: Option<&CodeChallenge>,
    now: Timestamp,
) -> Result<Timestamp> {
    let Some(prev) = previous else {
        return Ok(now);
    };
    let mut at = now.max(prev.sent_at.plus(config.resend_cooldown_seconds)?);
    let recent = sends_within_the_hour(prev, now)?;
    let cap = config.max_sends_per_hour as usize;
    // Sends up to this one must leave the window (`sent + 1 h <= t`) for a new one to fit.
    if let Some(blocking) = recent.len().checked_sub(cap).and_then(|i| recent.get(i)) {
        at = at.max(blocking.plus(SEND_WINDOW)?);
    }
    Ok(at)
}

/// Where `challenge` stands at `now`: its state, and a pending code past its time expired.
pub(crate) fn state_at(challenge: &CodeChallenge, now: Timestamp) -> CodeState {
    match challenge.state {
        ChallengeState::Locked => CodeState::Locked,
        ChallengeState::Accepted => CodeState::Used,
        ChallengeState::Pending if now >= challenge.expires_at => CodeState::Expired,
        ChallengeState::Pending => CodeState::Pending,
    }
}

/// Wrong codes `challenge` still takes: none once locked.
pub(crate) fn attempts_left(config: &CodeConfig, challenge: &CodeChallenge) -> u32 {
    if challenge.state == ChallengeState::Locked {
        0
    } else {
        config
            .max_wrong_attempts
            .saturating_sub(challenge.wrong_attempts)
    }
}

/// Whether `challenge` can still take a code at `now` (no state change).
pub(crate) fn usable(challenge: &CodeChallenge, now: Timestamp) -> Result<()> {
    match state_at(challenge, now) {
        CodeState::Pending => Ok(()),
        CodeState::Locked => Err(Error::new(
            Reason::CodeLocked,
            "too many wrong codes; ask for a new one",
        )),
        CodeState::Used => Err(Error::new(
            Reason::CodeAlreadyUsed,
            "this code was already used",
        )),
        CodeState::Expired => Err(Error::new(
            Reason::CodeExpired,
            "the code has expired; ask for a new one",
        )),
    }
}

/// The result of checking a well-formed code against a usable challenge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CodeMatch {
    /// Right code: the challenge, now accepted, and the share with its failures reset.
    Right(CodeChallenge, crate::share::ExternalShare),
    /// Wrong code: the challenge with the try counted, perhaps locked, and the share with one
    /// more failure in a row.
    Wrong(CodeChallenge, crate::share::ExternalShare),
}

/// Checks `entered` against `challenge` in constant time. Malformed input and unusable
/// challenges are refused without counting a try; a wrong code counts one (SEC-02).
pub(crate) fn check(
    keyring: &Keyring,
    config: &CodeConfig,
    share: &crate::share::ExternalShare,
    challenge: &CodeChallenge,
    entered: &str,
    now: Timestamp,
) -> Result<CodeMatch> {
    let entered = entered.trim();
    if entered.len() != usize::from(config.digits) || !entered.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::with_detail(
            Reason::CodeMalformed,
            format!("the code is {} digits", config.digits),
        ));
    }
    locked_out(share, config)?;
    usable(challenge, now)?;
    if !keyring.contains(challenge.key_id) {
        return Err(Error::new(
            Reason::TokenUnknownKey,
            "challenge hashed by a key no longer held",
        ));
    }
    let hash = hash_code(keyring, challenge.key_id, challenge.id, entered.as_bytes())?;
    let mut next = challenge.clone();
    next.revision = challenge.revision.next();
    let mut share = share.clone();
    share.revision = share.revision.next();
    if bool::from(hash.0.ct_eq(&challenge.code_hash.0)) {
        next.state = ChallengeState::Accepted;
        share.failures_in_a_row = 0;
        Ok(CodeMatch::Right(next, share))
    } else {
        next.wrong_attempts = next.wrong_attempts.saturating_add(1);
        share.failures_in_a_row = share.failures_in_a_row.saturating_add(1);
        if next.wrong_attempts >= config.max_wrong_attempts
            || share.failures_in_a_row >= config.max_failures_in_a_row
        {
            next.state = ChallengeState::Locked;
        }
        Ok(CodeMatch::Wrong(next, share))
    }
}
