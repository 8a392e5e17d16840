//! Absolute `https` URLs: where a logo links, where the collaborator views a share, a partner
//! account's sharing URL.

use crate::base::error::{Error, Reason, Result};
use serde::{Deserialize, Serialize};

/// The longest URL accepted, in bytes.
pub const MAX_URL_BYTES: usize = 2048;

/// An absolute `https` URL (no `javascript:`, `data:`, relative or credentialed URLs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("format" = "uri", "pattern" = "^\\s*https://", "maxLength" = 2048)))]
#[serde(try_from = "String", into = "String")]
pub struct HttpsUrl(String);

impl HttpsUrl {
    /// Checks a URL: absolute, `https`, with a host, no user or password, at most 2048 bytes.
    /// Hosts must be ASCII (internationalised names in their punycode form), as for emails.
    pub fn parse(value: &str) -> Result<Self> {
        let value = value.trim();
        if value.len() > MAX_URL_BYTES {
            return Err(Error::new(Reason::InvalidUrl, "URL longer than 2048 bytes"));
        }
        if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Error::new(
                Reason::InvalidUrl,
                "URL has spaces or control characters",
            ));
        }
        let uri: http::Uri = value
            .parse()
            .map_err(|_| Error::new(Reason::InvalidUrl, "not an absolute URL"))?;
        if uri.scheme_str() != Some("https") {
            return Err(Error::new(Reason::InvalidUrl, "URL must use https"));
        }
        let authority = uri
            .authority()
            .ok_or(Error::new(Reason::InvalidUrl, "URL has no host"))?;
        if authority.as_str().contains('@') {
            return Err(Error::new(
                Reason::InvalidUrl,
                "URL must not carry credentials",
            ));
        }
        if authority.host().is_empty() {
            return Err(Error::new(Reason::InvalidUrl, "URL has no host"));
        }
        Ok(Self(value.to_owned()))
    }

    /// The URL as given (trimmed).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for HttpsUrl {
    type Error = Error;
    fn try_from(value: String) -> Result<Self> {
        Self::parse(&value)
    }
}

impl From<HttpsUrl> for String {
    fn from(value: HttpsUrl) -> String {
        value.0
    }
}
