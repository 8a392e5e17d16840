//! The identifiers of account-to-account sharing: an agreement, a ticket shared under one, and
//! the agreement's access key. Each is 160 random bits written as 40 hexadecimal characters (as
//! the Networked Help Desk protocol's implementations check them); any case is read, lower case
//! is written.

use crate::base::error::{Error, Reason, Result};
use crate::base::random::RandomSource;
use serde::{Deserialize, Serialize};
use std::fmt;
use subtle::ConstantTimeEq;

/// The number of bytes of an identifier or key (160 bits).
pub const ID_BYTES: usize = 20;

/// Reads 40 hexadecimal characters of any case.
fn decode(kind: &'static str, text: &str) -> Result<[u8; ID_BYTES]> {
    let mut bytes = [0u8; ID_BYTES];
    match base16ct::mixed::decode(text.trim(), &mut bytes) {
        Ok(decoded) if decoded.len() == ID_BYTES => Ok(bytes),
        _ => Err(Error::with_detail(
            Reason::InvalidId,
            format!("{kind} must be 40 hexadecimal characters"),
        )),
    }
}

fn encode(bytes: &[u8; ID_BYTES], f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut text = [0u8; 2 * ID_BYTES];
    match base16ct::lower::encode_str(bytes, &mut text) {
        Ok(hex) => f.write_str(hex),
        Err(_) => Err(fmt::Error),
    }
}

macro_rules! hex_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// Made by the engine from injected randomness; 40 hexadecimal characters on the wire.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[cfg_attr(feature = "schema", schemars(extend("pattern" = "^\\s*[0-9A-Fa-f]{40}\\s*$")))]
        #[serde(try_from = "String", into = "String")]
        pub struct $name([u8; ID_BYTES]);

        impl $name {
            /// A fresh random id.
            pub fn random(rng: &mut dyn RandomSource) -> Result<Self> {
                let mut bytes = [0u8; ID_BYTES];
                rng.fill(&mut bytes)?;
                Ok(Self(bytes))
            }

            /// The id from its bytes.
            pub const fn from_bytes(bytes: [u8; ID_BYTES]) -> Self {
                Self(bytes)
            }

            /// Reads 40 hexadecimal characters, of any case.
            pub fn parse(text: &str) -> Result<Self> {
                decode(stringify!($name), text).map(Self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                encode(&self.0, f)
            }
        }

        impl TryFrom<String> for $name {
            type Error = Error;
            fn try_from(value: String) -> Result<Self> {
                Self::parse(&value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.to_string()
            }
        }
    };
}

hex_id!(
    /// Identifies one sharing agreement; both accounts' copies carry the same id.
    AgreementId
);
hex_id!(
    /// Identifies one ticket shared between two accounts; both copies carry the same id, while
    /// each account keeps its own ticket id (ACC-11).
    SharedTicketId
);
hex_id!(
    /// Identifies a person of a shared ticket to the partner, without revealing the account's
    /// own user id: derived from it under the agreement's key (ACC-16).
    SharedUserId
);
hex_id!(
    /// Identifies a comment of a shared ticket to the partner, derived from the account's own
    /// comment id under the agreement's key.
    SharedCommentId
);

/// The secret the two accounts of an agreement authenticate each other's requests with.
/// Shown as `AccessKey(..)` in debug output, compared in constant time, written as 40
/// hexadecimal characters in the records the host stores.
#[derive(Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("pattern" = "^\\s*[0-9A-Fa-f]{40}\\s*$")))]
#[serde(try_from = "String", into = "String")]
pub struct AccessKey([u8; ID_BYTES]);

impl AccessKey {
    /// A fresh random key.
    pub fn random(rng: &mut dyn RandomSource) -> Result<Self> {
        let mut bytes = [0u8; ID_BYTES];
        rng.fill(&mut bytes)?;
        Ok(Self(bytes))
    }

    /// Reads 40 hexadecimal characters, of any case.
    pub fn parse(text: &str) -> Result<Self> {
        decode("AccessKey", text).map(Self)
    }

    /// The key of these bytes (one derived by the engine).
    pub(crate) const fn from_bytes(bytes: [u8; ID_BYTES]) -> Self {
        Self(bytes)
    }

    /// The key's bytes, to key the derivation of shared ids.
    pub(crate) const fn bytes(&self) -> &[u8; ID_BYTES] {
        &self.0
    }

    /// Whether `other` is this key, compared in constant time.
    pub fn matches(&self, other: &AccessKey) -> bool {
        self.0.ct_eq(&other.0).into()
    }
}

impl PartialEq for AccessKey {
    fn eq(&self, other: &Self) -> bool {
        self.matches(other)
    }
}

impl Eq for AccessKey {}

impl fmt::Debug for AccessKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessKey(..)")
    }
}

impl TryFrom<String> for AccessKey {
    type Error = Error;
    fn try_from(value: String) -> Result<Self> {
        Self::parse(&value)
    }
}

impl From<AccessKey> for String {
    fn from(value: AccessKey) -> String {
        struct Hex<'a>(&'a [u8; ID_BYTES]);
        impl fmt::Display for Hex<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                encode(self.0, f)
            }
        }
        Hex(&value.0).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sec_03_agreement_ids_are_40_hex_characters_of_any_case() {
        let text = "0123456789ABCDEFabcdef0123456789abcdef01";
        let id = AgreementId::parse(text).map(|id| id.to_string());
        assert_eq!(id.as_deref(), Ok(text.to_ascii_lowercase().as_str()));
        for bad in [
            "",
            "0123",
            &"g".repeat(40),
            &"a".repeat(41),
            &"a".repeat(42),
        ] {
            assert_eq!(
                AgreementId::parse(bad).map_err(|e| e.reason()),
                Err(Reason::InvalidId),
                "{bad:?}"
            );
        }
        let key = AccessKey::parse(&"Ab".repeat(20));
        assert_eq!(
            key.as_ref().map(|k| format!("{k:?}")).as_deref(),
            Ok("AccessKey(..)")
        );
        assert_eq!(
            key.map(String::from).as_deref(),
            Ok("ab".repeat(20).as_str())
        );
    }
}
