//! Signed tokens: the share link's token, the collaborator's session token and the
//! verified-device token (SEC-01, SEC-07, SEC-08, EXT-08, EXT-09).
//!
//! A token is 62 bytes, written as 83 characters of unpadded base64url:
//!
//! | bytes  | field                                     |
//! |--------|-------------------------------------------|
//! | 0      | format version (1)                        |
//! | 1      | purpose: 1 = link, 2 = session, 3 = device |
//! | 2..6   | key id, big-endian `u32`                  |
//! | 6..22  | share id (UUID bytes); for a device token, [`device_subject`] |
//! | 22..30 | expiry, Unix nanoseconds, big-endian `i64` |
//! | 30..62 | HMAC-SHA256 of bytes 0..30 with that key  |
//!
//! Verifying needs no database: length, encoding, version, key, signature, purpose and expiry
//! are all checked from the token and the keyring, so a forged token is refused before the host
//! looks anything up. The host stores the share record, never the token.

use crate::base::error::{Error, Reason, Result};
use crate::base::ids::{KeyId, ShareId};
use crate::base::keys::Keyring;
use crate::base::time::{Now, Timestamp};
use crate::engine::Engine;
use hmac::Mac;
use serde::{Deserialize, Serialize};

/// The longest input looked at; anything longer is refused before decoding (SEC-07).
pub const MAX_TOKEN_BYTES: usize = 512;
/// The length of every token of format version 1, in characters.
pub const TOKEN_CHARS: usize = 83;

const VERSION: u8 = 1;
const SIGNED_BYTES: usize = 30;
const TOKEN_BYTES: usize = SIGNED_BYTES + 32;

crate::base::names::wire_enum! {
    /// What a token may be used for; a token of one purpose is refused for the other.
    pub enum Purpose {
        /// The *View conversation* link emailed to the collaborator.
        Link => "link",
        /// The session that follows a verified code (SEC-08).
        Session => "session",
        /// The proof that this browser verified a code for a ticket and an address (EXT-09),
        /// kept by the host in a cookie.
        Device => "device",
    }
}

/// The label that keeps device subjects apart from anything else hashed.
const DEVICE_LABEL: &[u8] = b"ticketshare/device/v1\0";

/// What a device token is bound to: the first 16 bytes of SHA-256 over a label, the ticket id
/// and the (normalised) address, so the token names neither.
pub fn device_subject(
    ticket: &crate::base::ids::TicketId,
    address: &crate::base::ids::EmailAddress,
) -> ShareId {
    use sha2::Digest;
    let mut hash = sha2::Sha256::new();
    hash.update(DEVICE_LABEL);
    hash.update(ticket.as_str().as_bytes());
    hash.update([0]);
    // Addresses compare without ASCII case (EXT-09): so does the subject.
    hash.update(address.as_str().to_ascii_lowercase().as_bytes());
    ShareId::from_bytes(array(hash.finalize().get(..16).unwrap_or_default()))
}

impl Purpose {
    const fn byte(self) -> u8 {
        match self {
            Self::Link => 1,
            Self::Session => 2,
            Self::Device => 3,
        }
    }

    const fn from_byte(byte: u8) -> Option<Self> {
        match byte {
            1 => Some(Self::Link),
            2 => Some(Self::Session),
            3 => Some(Self::Device),
            _ => None,
        }
    }
}

/// What a verified token says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TokenClaims {
    /// The token's purpose.
    pub purpose: Purpose,
    /// The key that signed it.
    pub key_id: KeyId,
    /// The share it grants access to; for a device token, its [`device_subject`].
    pub share_id: ShareId,
    /// The first instant at which it is no longer valid.
    pub expires_at: Timestamp,
}

/// Signs a token with the keyring's active key.
pub fn issue(
    keyring: &Keyring,
    purpose: Purpose,
    share_id: ShareId,
    expires_at: Timestamp,
) -> Result<String> {
    let (key_id, mac) = keyring.active_mac()?;
    let mut bytes = [0u8; TOKEN_BYTES];
    let (signed, tag) = bytes.split_at_mut(SIGNED_BYTES);
    write_signed(signed, purpose, key_id, share_id, expires_at.unix_nanos());
    let mut mac = mac.clone();
    mac.update(signed);
    tag.copy_from_slice(&mac.finalize().into_bytes());
    Ok(base64_simd::URL_SAFE_NO_PAD.encode_to_string(bytes))
}

fn write_signed(out: &mut [u8], purpose: Purpose, key: KeyId, share: ShareId, expires: i64) {
    let fields = [VERSION, purpose.byte()]
        .into_iter()
        .chain(key.0.to_be_bytes())
        .chain(*share.as_bytes())
        .chain(expires.to_be_bytes());
    for (slot, byte) in out.iter_mut().zip(fields) {
        *slot = byte;
    }
}

/// Refuses a token of `len` bytes over [`MAX_TOKEN_BYTES`] (`token_oversized`), before anything
/// reads it. Bindings call it with the length before they copy the token.
pub fn check_token_size(len: usize) -> Result<()> {
    if len > MAX_TOKEN_BYTES {
        return Err(token_too_large());
    }
    Ok(())
}

/// The refusal of a token over [`MAX_TOKEN_BYTES`] (`token_oversized`).
pub const fn token_too_large() -> Error {
    Error::new(Reason::TokenOversized, "token longer than 512 bytes")
}

/// Verifies a token for `purpose` at `now`: bound, encoding, version, key, signature (in
/// constant time), purpose, expiry; each failure has its own reason (SEC-01, SEC-06). The token
/// is bytes: anything but canonical base64url (invalid UTF-8 included) is `token_malformed`.
pub fn verify(
    keyring: &Keyring,
    token: &[u8],
    purpose: Purpose,
    now: Timestamp,
) -> Result<TokenClaims> {
    check_token_size(token.len())?;
    if token.len() != TOKEN_CHARS {
        return Err(Error::new(
            Reason::TokenMalformed,
            "token has the wrong length",
        ));
    }
    let mut bytes = [0u8; TOKEN_BYTES];
    // The strict (non-forgiving) URL_SAFE_NO_PAD refuses padding and non-zero trailing bits:
    // only canonical input decodes.
    let written = base64_simd::URL_SAFE_NO_PAD
        .decode(token, base64_simd::Out::from_slice(&mut bytes))
        .map_err(|_| Error::new(Reason::TokenMalformed, "token is not canonical base64url"))?
        .len();
    if written != TOKEN_BYTES {
        return Err(Error::new(
            Reason::TokenMalformed,
            "token has the wrong length",
        ));
    }
    let (signed, tag) = bytes.split_at(SIGNED_BYTES);
    let field = |range: std::ops::Range<usize>| signed.get(range).unwrap_or_default();
    if field(0..1) != [VERSION] {
        return Err(Error::new(
            Reason::TokenMalformed,
            "unsupported token version",
        ));
    }
    let key_id = KeyId(u32::from_be_bytes(array(field(2..6))));
    let mac = keyring.mac(key_id).ok_or(Error::new(
        Reason::TokenUnknownKey,
        "token signed by a key not in the keyring",
    ))?;
    let mut mac = mac.clone();
    mac.update(signed);
    mac.verify_slice(tag)
        .map_err(|_| Error::new(Reason::TokenBadSignature, "token signature does not verify"))?;
    // Authentic from here on: the fields were written by us.
    let found = field(1..2).first().copied().and_then(Purpose::from_byte);
    if found != Some(purpose) {
        return Err(Error::new(
            Reason::TokenWrongPurpose,
            "token made for another purpose",
        ));
    }
    let expires_nanos = i64::from_be_bytes(array(field(22..30)));
    if now.unix_nanos() >= expires_nanos {
        return Err(match purpose {
            Purpose::Link => Error::new(Reason::LinkExpired, "link expired"),
            Purpose::Session => Error::new(Reason::SessionExpired, "session expired"),
            Purpose::Device => Error::new(Reason::SessionExpired, "device token expired"),
        });
    }
    Ok(TokenClaims {
        purpose,
        key_id,
        share_id: ShareId::from_bytes(array(field(6..22))),
        expires_at: Timestamp::from_unix_nanos(expires_nanos),
    })
}

/// Copies a slice into a fixed array (zero-padded; the callers pass exact lengths).
fn array<const N: usize>(slice: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    for (o, b) in out.iter_mut().zip(slice) {
        *o = *b;
    }
    out
}

impl Engine {
    /// The hot path: checks a link token without any record (SEC-01). Use the returned share id
    /// to load the share, then call [`Engine::open_link`].
    ///
    /// The token is taken as bytes (a `&str` or what a binding received): anything but canonical
    /// base64url, invalid UTF-8 included, is `token_malformed`.
    pub fn verify_link(&self, token: impl AsRef<[u8]>, now: Now) -> Result<TokenClaims> {
        verify(
            &self.keyring,
            token.as_ref(),
            Purpose::Link,
            now.timestamp(),
        )
    }

    /// Checks a session token without any record (SEC-08).
    pub fn verify_session_token(&self, token: impl AsRef<[u8]>, now: Now) -> Result<TokenClaims> {
        verify(
            &self.keyring,
            token.as_ref(),
            Purpose::Session,
            now.timestamp(),
        )
    }

    /// The full link for a token: a path segment under the configured `view_url`.
    pub fn link_url(&self, token: &str) -> String {
        format!("{}{token}", self.view_url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring() -> Keyring {
        Keyring::new(KeyId(7), [(KeyId(7), &[9u8; 32][..])]).unwrap()
    }

    fn at(secs: i64) -> Timestamp {
        Timestamp::from_unix_seconds(secs).unwrap()
    }

    #[test]
    fn sec_01_token_round_trips_and_has_fixed_length() {
        let share = ShareId::from_bytes([3; 16]);
        let token = issue(&ring(), Purpose::Link, share, at(1000)).unwrap();
        assert_eq!(token.len(), TOKEN_CHARS);
        let claims = verify(&ring(), token.as_bytes(), Purpose::Link, at(999)).unwrap();
        assert_eq!(claims.share_id, share);
        assert_eq!(claims.key_id, KeyId(7));
        assert_eq!(claims.expires_at, at(1000));
    }

    #[test]
    fn sec_01_each_refusal_has_its_reason() {
        let share = ShareId::from_bytes([3; 16]);
        let token = issue(&ring(), Purpose::Link, share, at(1000)).unwrap();
        let reason = |t: &str, p: Purpose, now: i64| {
            verify(&ring(), t.as_bytes(), p, at(now))
                .err()
                .map(|e| e.reason())
        };
        assert_eq!(
            reason(&"A".repeat(513), Purpose::Link, 0),
            Some(Reason::TokenOversized)
        );
        assert_eq!(
            reason(&token[..82], Purpose::Link, 0),
            Some(Reason::TokenMalformed)
        );
        assert_eq!(
            reason(&format!("{}=", &token[..82]), Purpose::Link, 0),
            Some(Reason::TokenMalformed)
        );
        assert_eq!(
            reason(&token, Purpose::Session, 0),
            Some(Reason::TokenWrongPurpose)
        );
        assert_eq!(
            reason(&token, Purpose::Link, 1000),
            Some(Reason::LinkExpired)
        );
        let other = Keyring::new(KeyId(8), [(KeyId(8), &[9u8; 32][..])]).unwrap();
        let foreign = issue(&other, Purpose::Link, share, at(1000)).unwrap();
        assert_eq!(
            reason(&foreign, Purpose::Link, 0),
            Some(Reason::TokenUnknownKey)
        );
        let same_id = Keyring::new(KeyId(7), [(KeyId(7), &[8u8; 32][..])]).unwrap();
        let forged = issue(&same_id, Purpose::Link, share, at(1000)).unwrap();
        assert_eq!(
            reason(&forged, Purpose::Link, 0),
            Some(Reason::TokenBadSignature)
        );
    }

    #[test]
    fn sec_01_rotation_keeps_old_links_valid() {
        let old = ring();
        let share = ShareId::from_bytes([1; 16]);
        let token = issue(&old, Purpose::Link, share, at(1000)).unwrap();
        let rotated = Keyring::new(
            KeyId(8),
            [(KeyId(7), &[9u8; 32][..]), (KeyId(8), &[5u8; 32][..])],
        )
        .unwrap();
        assert!(verify(&rotated, token.as_bytes(), Purpose::Link, at(0)).is_ok());
        let fresh = issue(&rotated, Purpose::Link, share, at(1000)).unwrap();
        assert_eq!(
            verify(&rotated, fresh.as_bytes(), Purpose::Link, at(0))
                .unwrap()
                .key_id,
            KeyId(8)
        );
    }

    #[test]
    fn sec_07_non_canonical_base64_is_refused() {
        let share = ShareId::from_bytes([3; 16]);
        let token = issue(&ring(), Purpose::Link, share, at(1000)).unwrap();
        // The last character carries 2 unused bits; setting one gives the same bytes, non-canonically.
        let last = token.as_bytes()[82];
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let index = alphabet.iter().position(|c| *c == last).unwrap();
        let mut tweaked = token.clone().into_bytes();
        tweaked[82] = alphabet[index ^ 1];
        let tweaked = String::from_utf8(tweaked).unwrap();
        let err = verify(&ring(), tweaked.as_bytes(), Purpose::Link, at(0))
            .err()
            .map(|e| e.reason());
        assert_eq!(err, Some(Reason::TokenMalformed));
    }
}
