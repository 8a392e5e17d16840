//! The signing keyring (SEC-01, SEC-07): one active key signs, older keys still verify, so a
//! key rotates without breaking live links.

use crate::base::error::{Error, Reason, Result};
use crate::base::ids::KeyId;
use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use std::fmt;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

/// HMAC-SHA256, the only MAC the engine uses.
pub(crate) type HmacSha256 = Hmac<Sha256>;

/// The shortest signing key accepted, in bytes (SEC-07).
pub const MIN_KEY_BYTES: usize = 32;

/// The longest signing key accepted, in bytes.
pub const MAX_KEY_BYTES: usize = 1024;

/// One key of the keyring as configured: an id and the secret as unpadded base64url.
///
/// The secret is wiped from memory when the value is dropped and never printed.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KeyConfig {
    /// The key's id, carried in every token it signs.
    #[zeroize(skip)]
    pub id: KeyId,
    /// At least 32 random bytes, as unpadded base64url.
    pub secret: String,
}

impl fmt::Debug for KeyConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyConfig")
            .field("id", &self.id)
            .field("secret", &"<redacted>")
            .finish()
    }
}

/// The keyring as configured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KeyringConfig {
    /// The id of the key that signs new tokens.
    pub active: KeyId,
    /// Every key: the active one and older verify-only ones.
    pub keys: Vec<KeyConfig>,
}

struct KeyEntry {
    id: KeyId,
    /// Pre-keyed HMAC state: cloning it skips the key schedule on every token.
    mac: HmacSha256,
}

/// Signing keys ready for use. Built once, used for every token and code hash.
pub struct Keyring {
    active: usize,
    keys: Vec<KeyEntry>,
}

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<KeyId> = self.keys.iter().map(|k| k.id).collect();
        f.debug_struct("Keyring")
            .field("active", &self.active_id())
            .field("keys", &ids)
            .finish()
    }
}

impl Keyring {
    /// Builds a keyring from raw key bytes. Refuses keys shorter than 32 bytes, duplicate ids,
    /// an empty ring and an active id it does not hold.
    pub fn new<'a>(
        active: KeyId,
        keys: impl IntoIterator<Item = (KeyId, &'a [u8])>,
    ) -> Result<Self> {
        let mut entries: Vec<KeyEntry> = Vec::new();
        for (id, secret) in keys {
            if secret.len() < MIN_KEY_BYTES {
                return Err(Error::with_detail(
                    Reason::KeyTooShort,
                    format!(
                        "key {id} has {} bytes; at least {MIN_KEY_BYTES} are needed",
                        secret.len()
                    ),
                ));
            }
            if secret.len() > MAX_KEY_BYTES {
                return Err(Error::with_detail(
                    Reason::InvalidKeyring,
                    format!("key {id} is longer than {MAX_KEY_BYTES} bytes"),
                ));
            }
            if entries.iter().any(|e| e.id == id) {
                return Err(Error::with_detail(
                    Reason::InvalidKeyring,
                    format!("key id {id} appears twice"),
                ));
            }
            let mac = HmacSha256::new_from_slice(secret)
                .map_err(|_| Error::new(Reason::InvalidKeyring, "unusable key"))?;
            entries.push(KeyEntry { id, mac });
        }
        let active = entries.iter().position(|e| e.id == active).ok_or_else(|| {
            Error::with_detail(
                Reason::InvalidKeyring,
                format!("active key {active} is not in the keyring"),
            )
        })?;
        Ok(Self {
            active,
            keys: entries,
        })
    }

    /// Builds a keyring from its configuration (secrets as unpadded base64url).
    pub fn from_config(config: &KeyringConfig) -> Result<Self> {
        let mut decoded: Vec<(KeyId, Zeroizing<Vec<u8>>)> = Vec::with_capacity(config.keys.len());
        for key in &config.keys {
            if key.secret.len() > MAX_KEY_BYTES * 2 {
                return Err(Error::with_detail(
                    Reason::InvalidKeyring,
                    format!("key {} is longer than {MAX_KEY_BYTES} bytes", key.id),
                ));
            }
            let bytes = base64_simd::URL_SAFE_NO_PAD
                .decode_to_vec(key.secret.as_bytes())
                .map(Zeroizing::new)
                .map_err(|_| {
                    Error::with_detail(
                        Reason::InvalidKeyring,
                        format!("key {} is not unpadded base64url", key.id),
                    )
                })?;
            decoded.push((key.id, bytes));
        }
        Self::new(
            config.active,
            decoded.iter().map(|(id, bytes)| (*id, bytes.as_slice())),
        )
    }

    /// The id of the key that signs.
    pub fn active_id(&self) -> KeyId {
        self.keys.get(self.active).map_or(KeyId(0), |k| k.id)
    }

    /// Whether the keyring holds `id`.
    pub fn contains(&self, id: KeyId) -> bool {
        self.keys.iter().any(|k| k.id == id)
    }

    /// The pre-keyed MAC of the active key.
    pub(crate) fn active_mac(&self) -> Result<(KeyId, &HmacSha256)> {
        self.keys
            .get(self.active)
            .map(|k| (k.id, &k.mac))
            .ok_or(Error::new(Reason::InvalidKeyring, "no active key"))
    }

    /// The pre-keyed MAC for `id`, if held.
    pub(crate) fn mac(&self, id: KeyId) -> Option<&HmacSha256> {
        self.keys.iter().find(|k| k.id == id).map(|k| &k.mac)
    }

    /// HMAC-SHA256 with key `id` over the concatenation of `parts`.
    pub(crate) fn tag(&self, id: KeyId, parts: &[&[u8]]) -> Result<[u8; 32]> {
        let mut mac = self
            .mac(id)
            .ok_or(Error::new(Reason::TokenUnknownKey, "key id not in keyring"))?
            .clone();
        for part in parts {
            mac.update(part);
        }
        Ok(mac.finalize().into_bytes().into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sec_07_key_material_is_wiped_on_drop() {
        // Compile-time proof: a pre-keyed HMAC-SHA256 state is two SHA-256 cores (the key
        // XORed with ipad and opad, absorbed); each wipes itself on drop (sha2's `zeroize`).
        fn wiped_on_drop<T: zeroize::ZeroizeOnDrop>() {}
        wiped_on_drop::<sha2::block_api::Sha256VarCore>();
        wiped_on_drop::<KeyConfig>();
    }

    #[test]
    fn sec_07_short_keys_are_refused() {
        let short = [7u8; 31];
        let err = Keyring::new(KeyId(1), [(KeyId(1), &short[..])]).err();
        assert_eq!(err.map(|e| e.reason()), Some(Reason::KeyTooShort));
        assert!(Keyring::new(KeyId(1), [(KeyId(1), &[7u8; 32][..])]).is_ok());
    }

    #[test]
    fn sec_07_keyring_shape_is_checked() {
        let k = [1u8; 32];
        let dup = Keyring::new(KeyId(1), [(KeyId(1), &k[..]), (KeyId(1), &k[..])]).err();
        assert_eq!(dup.map(|e| e.reason()), Some(Reason::InvalidKeyring));
        let missing = Keyring::new(KeyId(2), [(KeyId(1), &k[..])]).err();
        assert_eq!(missing.map(|e| e.reason()), Some(Reason::InvalidKeyring));
        let empty = Keyring::new(KeyId(1), []).err();
        assert_eq!(empty.map(|e| e.reason()), Some(Reason::InvalidKeyring));
    }

    #[test]
    fn sec_07_config_secrets_are_unpadded_base64url_and_never_printed() {
        let secret = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
        let config = KeyringConfig {
            active: KeyId(1),
            keys: vec![KeyConfig {
                id: KeyId(1),
                secret: secret.into(),
            }],
        };
        assert!(Keyring::from_config(&config).is_ok());
        assert!(!format!("{config:?}").contains(secret));
        let padded = KeyringConfig {
            active: KeyId(1),
            keys: vec![KeyConfig {
                id: KeyId(1),
                secret: format!("{secret}="),
            }],
        };
        let err = Keyring::from_config(&padded).err();
        assert_eq!(err.map(|e| e.reason()), Some(Reason::InvalidKeyring));
    }
}
