//! Identifiers and email addresses: small types so that a `ShareId` is never mistaken for a
//! `TicketId`.

use crate::base::error::{Error, Reason, Result};
use crate::base::random::RandomSource;
use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

macro_rules! engine_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// Made by the engine from injected randomness (a UUID v4), serialised as its hyphenated text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A fresh random id.
            pub fn random(rng: &mut dyn RandomSource) -> Result<Self> {
                let mut bytes = [0u8; 16];
                rng.fill(&mut bytes)?;
                Ok(Self(uuid::Builder::from_random_bytes(bytes).into_uuid()))
            }

            /// The id from its 16 bytes.
            pub const fn from_bytes(bytes: [u8; 16]) -> Self {
                Self(Uuid::from_bytes(bytes))
            }

            /// The id's 16 bytes.
            pub const fn as_bytes(&self) -> &[u8; 16] {
                self.0.as_bytes()
            }

            /// The hyphenated lower-case text form, written without allocating.
            pub fn encode(&self, buffer: &mut [u8; 36]) {
                self.0.hyphenated().encode_lower(buffer);
            }

            /// Parses the hyphenated text form.
            pub fn parse(text: &str) -> Result<Self> {
                Uuid::try_parse(text).map(Self).map_err(|_| {
                    Error::new(Reason::InvalidId, concat!(stringify!($name), " is not a UUID"))
                })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0.hyphenated(), f)
            }
        }
    };
}

engine_id!(
    /// Identifies one external share (one link to one collaborator).
    ShareId
);
engine_id!(
    /// Identifies one email verification challenge.
    ChallengeId
);
engine_id!(
    /// Identifies one share of a ticket with an agent of the same account (AGT-02).
    AgentShareId
);
engine_id!(
    /// Identifies one scheduled reply (AGT-07).
    ScheduledReplyId
);

/// The longest host-supplied identifier, in bytes.
pub const MAX_HOST_ID_BYTES: usize = 128;

macro_rules! host_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// Chosen by the host: 1 to 128 bytes, no control characters, no surrounding spaces.
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[cfg_attr(feature = "schema", schemars(extend("minLength" = 1, "maxLength" = 128)))]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Checks and wraps a host identifier.
            pub fn new(value: impl Into<String>) -> Result<Self> {
                let value = value.into();
                check_host_id(stringify!($name), &value)?;
                Ok(Self(value))
            }

            /// The identifier's text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = Error;
            fn try_from(value: String) -> Result<Self> {
                Self::new(value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

host_id!(
    /// The host's id of a ticket.
    TicketId
);
host_id!(
    /// The host's id of an agent (a signed-in user of the helpdesk).
    AgentId
);
host_id!(
    /// The host's id of one item (message or note) of a ticket thread.
    ItemId
);
host_id!(
    /// The host's id of an inbox (a group of tickets agents get access to as a whole).
    InboxId
);
host_id!(
    /// The host's id of an account (a helpdesk instance), the owner of its agreement records.
    AccountId
);
host_id!(
    /// The host's id of a custom ticket status (ACC-13).
    StatusId
);
host_id!(
    /// The host's id of a ticket field (ACC-20).
    FieldId
);
host_id!(
    /// The host's id of a user (an end user or an agent).
    UserId
);

fn check_host_id(kind: &'static str, value: &str) -> Result<()> {
    if value.is_empty() || value.len() > MAX_HOST_ID_BYTES {
        return Err(Error::with_detail(
            Reason::InvalidId,
            format!("{kind} must be 1 to {MAX_HOST_ID_BYTES} bytes"),
        ));
    }
    if value.trim() != value || value.chars().any(char::is_control) {
        return Err(Error::with_detail(
            Reason::InvalidId,
            format!("{kind} has surrounding spaces or control characters"),
        ));
    }
    Ok(())
}

/// The id of a signing key in the keyring; carried in every token (SEC-01).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct KeyId(pub u32);

impl fmt::Display for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// An email address, trimmed, compared case-insensitively (EXT-09).
///
/// **Decision:** only ASCII addresses of the common form `local@domain.tld` are accepted;
/// internationalised addresses must reach the engine in their ASCII (punycode) form.
#[derive(Debug, Clone, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("format" = "email", "maxLength" = 254)))]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);

/// The longest email address accepted, in bytes (RFC 5321 path limit).
pub const MAX_EMAIL_BYTES: usize = 254;

impl EmailAddress {
    /// Trims and checks an address.
    pub fn parse(value: &str) -> Result<Self> {
        let value = value.trim();
        if value.is_empty() || value.len() > MAX_EMAIL_BYTES {
            return Err(Error::new(
                Reason::InvalidEmail,
                "email address must be 1 to 254 bytes",
            ));
        }
        let (local, domain) = value
            .split_once('@')
            .ok_or(Error::new(Reason::InvalidEmail, "email address has no @"))?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~.".contains(&b));
        if !local_ok {
            return Err(Error::new(
                Reason::InvalidEmail,
                "email address has an invalid local part",
            ));
        }
        let domain_ok = domain.contains('.')
            && domain.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            });
        if !domain_ok {
            return Err(Error::new(
                Reason::InvalidEmail,
                "email address has an invalid domain",
            ));
        }
        Ok(Self(value.to_owned()))
    }

    /// The address as given (trimmed).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The normalised form used for comparisons: lower case.
    pub fn normalised(&self) -> String {
        self.0.to_ascii_lowercase()
    }

    /// The domain, after the `@`, as given.
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, domain)| domain)
    }
}

impl PartialEq for EmailAddress {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(&other.0)
    }
}

impl std::hash::Hash for EmailAddress {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // The normalised form's hash, a stack buffer at a time, without building it.
        let mut buffer = [0u8; 64];
        for chunk in self.0.as_bytes().chunks(buffer.len()) {
            let lower = buffer.get_mut(..chunk.len()).unwrap_or_default();
            lower.copy_from_slice(chunk);
            lower.make_ascii_lowercase();
            state.write(lower);
        }
        state.write_u8(0xff);
    }
}

impl TryFrom<String> for EmailAddress {
    type Error = Error;
    fn try_from(value: String) -> Result<Self> {
        Self::parse(&value)
    }
}

impl From<EmailAddress> for String {
    fn from(value: EmailAddress) -> String {
        value.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ext_09_email_compares_trimmed_and_case_insensitive() {
        let a = EmailAddress::parse("  Supplier@Example.COM ").ok();
        let b = EmailAddress::parse("supplier@example.com").ok();
        assert!(a.is_some());
        assert_eq!(a, b);
        assert_eq!(
            a.map(|a| a.normalised()).as_deref(),
            Some("supplier@example.com")
        );
    }

    #[test]
    fn sec_03_bad_emails_are_refused() {
        for bad in [
            "",
            "no-at",
            "@example.com",
            "a@",
            "a@localhost",
            "a@@example.com",
            "a b@example.com",
            "a@exa mple.com",
            "<a>@example.com",
            ".a@example.com",
            "a@-x.com",
            "ü@example.com",
        ] {
            let reason = EmailAddress::parse(bad).err().map(|e| e.reason());
            assert_eq!(reason, Some(Reason::InvalidEmail), "{bad:?}");
        }
        assert!(EmailAddress::parse(&format!("{}@example.com", "a".repeat(65))).is_err());
    }

    #[test]
    fn sec_03_host_ids_are_bounded() {
        assert!(TicketId::new("T-1001").is_ok());
        assert!(TicketId::new("").is_err());
        assert!(TicketId::new(" x").is_err());
        assert!(TicketId::new("a\u{7}").is_err());
        assert!(TicketId::new("x".repeat(129)).is_err());
        assert!(serde_json::from_str::<TicketId>("\"\"").is_err());
    }
}
