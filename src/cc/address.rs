//! Email addresses as they appear in an email's From, To and CC: `ana@example.com`,
//! `<ana@example.com>`, `Ana Lopez <ana@example.com>`, `"Lopez, Ana" <ana@example.com>`. Each
//! string the host passes is one address (the host splits the header); the engine reads the
//! display name and the address, and compares addresses trimmed and case-insensitively, as the
//! external share does (EXT-09).

use crate::base::error::{Error, Reason, Result};
use crate::base::ids::EmailAddress;
use crate::base::text::{bounded, Lines};

/// The longest address string read, display name included, in bytes.
pub const MAX_MAILBOX_BYTES: usize = 1024;

/// One address of an email: the display name, if any, and the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailbox {
    /// The display name, unquoted.
    pub name: Option<String>,
    /// The address.
    pub address: EmailAddress,
}

/// Reads one address: a bare address, `<address>`, or `Display Name <address>` with the name
/// plain or in double quotes (backslash escapes inside quotes). Anything else is
/// `invalid_email`.
pub fn parse_mailbox(text: &str) -> Result<Mailbox> {
    if text.len() > MAX_MAILBOX_BYTES {
        return Err(Error::new(
            Reason::InvalidEmail,
            "an address longer than 1024 bytes",
        ));
    }
    // A header split at its commas may leave one at the end (`ana@example.com,`).
    let text = text.trim().trim_end_matches(',').trim_end();
    let Some(open) = text.rfind('<') else {
        return EmailAddress::parse(text).map(|address| Mailbox {
            name: None,
            address,
        });
    };
    let (name, rest) = text.split_at(open);
    let inner = rest
        .strip_prefix('<')
        .and_then(|r| r.strip_suffix('>'))
        .filter(|inner| !inner.contains(['<', '>']))
        .ok_or(Error::new(
            Reason::InvalidEmail,
            "an address in angle brackets must end the string",
        ))?;
    let address = EmailAddress::parse(inner)?;
    let name = display_name(name.trim())?;
    Ok(Mailbox { name, address })
}

/// A display name: plain, or a quoted string with `\\` escapes; empty means none.
fn display_name(text: &str) -> Result<Option<String>> {
    if text.is_empty() {
        return Ok(None);
    }
    let name = match text.strip_prefix('"') {
        Some(quoted) => {
            let body = quoted.strip_suffix('"').ok_or(Error::new(
                Reason::InvalidEmail,
                "a display name opens a quote it does not close",
            ))?;
            let mut name = String::with_capacity(body.len());
            let mut chars = body.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => name.extend(chars.next()),
                    '"' => {
                        return Err(Error::new(
                            Reason::InvalidEmail,
                            "a display name has an unescaped quote",
                        ))
                    }
                    c => name.push(c),
                }
            }
            name
        }
        None if text.contains('"') => {
            return Err(Error::new(
                Reason::InvalidEmail,
                "a display name has a stray quote",
            ))
        }
        None => text.to_owned(),
    };
    if name.trim().is_empty() {
        return Ok(None);
    }
    bounded("display name", &name, 200, Lines::Single)
        .map(Some)
        .map_err(|_| {
            Error::new(
                Reason::InvalidEmail,
                "a display name is too long or holds control characters",
            )
        })
}

/// An entry of the admin's blocklist (CCF-07): an address, or a domain that blocks itself and
/// its subdomains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Blocked {
    Address(EmailAddress),
    Domain(String),
}

impl Blocked {
    /// Reads `ana@example.com`, `example.com` or `@example.com`.
    pub(crate) fn parse(entry: &str) -> Result<Self> {
        let entry = entry.trim();
        match entry.split_once('@') {
            Some((local, _)) if !local.is_empty() => EmailAddress::parse(entry).map(Self::Address),
            _ => {
                let domain = entry.trim_start_matches('@').to_ascii_lowercase();
                // The domain is checked as the domain of an address would be.
                EmailAddress::parse(&format!("x@{domain}")).map_err(|_| {
                    Error::new(
                        Reason::InvalidEmail,
                        "a blocklist entry is no address or domain",
                    )
                })?;
                Ok(Self::Domain(domain))
            }
        }
    }

    /// Whether this entry blocks `address`: the definition the engine's set look-ups
    /// (`Rules::blocked`) are tested against.
    #[cfg(test)]
    pub(crate) fn blocks(&self, address: &EmailAddress) -> bool {
        match self {
            Self::Address(blocked) => blocked == address,
            Self::Domain(domain) => {
                let theirs = address.domain();
                theirs.eq_ignore_ascii_case(domain)
                    || theirs
                        .len()
                        .checked_sub(domain.len() + 1)
                        .and_then(|at| theirs.get(at..))
                        .is_some_and(|tail| {
                            tail.starts_with('.')
                                && tail
                                    .get(1..)
                                    .is_some_and(|d| d.eq_ignore_ascii_case(domain))
                        })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mailbox(text: &str) -> (Option<String>, String) {
        let m = parse_mailbox(text).unwrap();
        (m.name, m.address.to_string())
    }

    #[test]
    fn ccf_05_addresses_are_read_in_every_common_form() {
        assert_eq!(mailbox("ana@example.com"), (None, "ana@example.com".into()));
        assert_eq!(
            mailbox(" <Ana@Example.com> "),
            (None, "Ana@Example.com".into())
        );
        assert_eq!(
            mailbox("Ana Lopez <ana@example.com>"),
            (Some("Ana Lopez".into()), "ana@example.com".into())
        );
        assert_eq!(
            mailbox(r#""Lopez, Ana \"Boss\"" <ana@example.com>"#),
            (
                Some(r#"Lopez, Ana "Boss""#.into()),
                "ana@example.com".into()
            )
        );
        assert_eq!(
            mailbox(r#""" <ana@example.com>"#),
            (None, "ana@example.com".into())
        );
        for bad in [
            "",
            "Ana",
            "Ana <ana@example.com",
            "<ana@example.com> trailing",
            r#""Ana <ana@example.com>"#,
            r#"An"a <ana@example.com>"#,
            "a <b <ana@example.com>>",
            "Ana\u{7} <ana@example.com>",
        ] {
            assert_eq!(
                parse_mailbox(bad).map_err(|e| e.reason()),
                Err(Reason::InvalidEmail),
                "{bad:?}"
            );
        }
        assert!(parse_mailbox(&format!("{} <a@b.example>", "x".repeat(1100))).is_err());
    }

    #[test]
    fn ccf_07_a_blocked_domain_blocks_its_subdomains_and_nothing_else() {
        let address = |a: &str| EmailAddress::parse(a).unwrap();
        let domain = Blocked::parse("@Example.com").unwrap();
        assert!(domain.blocks(&address("x@example.com")));
        assert!(domain.blocks(&address("x@mail.EXAMPLE.com")));
        assert!(!domain.blocks(&address("x@notexample.com")));
        assert!(!domain.blocks(&address("x@example.com.evil.test")));
        let one = Blocked::parse("boss@example.org").unwrap();
        assert!(one.blocks(&address("BOSS@example.org")));
        assert!(!one.blocks(&address("other@example.org")));
        assert!(Blocked::parse("not a domain").is_err());
    }
}
