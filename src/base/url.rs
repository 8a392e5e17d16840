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
        checked(value, Scheme::Https).map(|v| Self(v.to_owned()))
    }

    /// The URL as given (trimmed).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Which schemes a URL may use.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scheme {
    /// `https` only.
    Https,
    /// `https`, or `http` on a loopback host (a developer's machine).
    HttpsOrLoopbackHttp,
}

/// Whether `host` is this machine: `localhost` (and its subdomains), `127.0.0.0/8` or `[::1]`.
/// Browsers treat such origins as secure contexts (W3C Secure Contexts, 3.1), and nothing sent
/// to them leaves the machine.
fn is_loopback(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    if host == "localhost" || host.ends_with(".localhost") || host == "[::1]" {
        return true;
    }
    host.parse::<std::net::Ipv4Addr>()
        .is_ok_and(|ip| ip.is_loopback())
}

/// The URL checks shared by [`HttpsUrl`] and [`ViewUrl`]: the trimmed URL, or why not.
fn checked(value: &str, scheme: Scheme) -> Result<&str> {
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
    let allowed = match uri.scheme_str() {
        Some("https") => true,
        Some("http") => {
            scheme == Scheme::HttpsOrLoopbackHttp && uri.host().is_some_and(is_loopback)
        }
        _ => false,
    };
    if !allowed {
        return Err(Error::new(
            Reason::InvalidUrl,
            match scheme {
                Scheme::Https => "URL must use https",
                Scheme::HttpsOrLoopbackHttp => {
                    "URL must use https (http only on localhost, 127.0.0.1 or [::1])"
                }
            },
        ));
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
    Ok(value)
}

/// Why `url` may not be a partner's sharing URL (NHD-10), or `None`: a partner is someone else's
/// server, and every later request, token included, goes where its URL says. It must be
/// `https` with a DNS host name: no IP literal (IPv4 or IPv6, however written), no `localhost`
/// or one-label name (an internal host), no user info, query or fragment, and a port, if any,
/// from 1 to 65535. `allowed_hosts` (the configuration's `partners.allowed_hosts`, for tests)
/// lets the hosts it names through, compared without case.
///
/// This is a check of the URL's form only: the host's HTTP client must still refuse a name
/// that resolves to a private, loopback or link-local address.
pub fn partner_url_problem(url: &HttpsUrl, allowed_hosts: &[String]) -> Option<&'static str> {
    let text = url.as_str();
    if text.contains('#') {
        return Some("a partner's URL has no fragment");
    }
    let Ok(uri) = text.parse::<http::Uri>() else {
        return Some("not an absolute URL");
    };
    if uri.query().is_some() {
        return Some("a partner's URL has no query");
    }
    let host = uri.host().unwrap_or_default().to_ascii_lowercase();
    let host = host.strip_suffix('.').unwrap_or(&host);
    if uri.port_u16() == Some(0) {
        return Some("a partner's URL has a port from 1 to 65535");
    }
    if allowed_hosts.iter().any(|a| a.eq_ignore_ascii_case(host)) {
        return None;
    }
    if host.starts_with('[') || host.parse::<std::net::Ipv4Addr>().is_ok() || looks_numeric(host) {
        return Some("a partner's URL names its host, not an IP address");
    }
    if host == "localhost" || host.ends_with(".localhost") || !host.contains('.') {
        return Some("a partner's URL has a public DNS name, not localhost or a one-label name");
    }
    None
}

/// Whether every label of `host` is a number (`10.1`, `0x7f.1`, `2130706433`): forms of an IPv4
/// address that some resolvers accept.
fn looks_numeric(host: &str) -> bool {
    host.split('.').all(|label| {
        match label
            .strip_prefix("0x")
            .or_else(|| label.strip_prefix("0X"))
        {
            Some(hex) => hex.bytes().all(|b| b.is_ascii_hexdigit()),
            None => !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit()),
        }
    })
}

/// Where the collaborator's page lives (the configuration's `view_url`): an [`HttpsUrl`], or an
/// `http` URL on a loopback host (`localhost`, `127.0.0.1`, `[::1]`) for a developer's machine
/// or a test server, which browsers treat as a secure context and which nothing reaches from
/// outside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("format" = "uri", "pattern" = "^\\s*https?://", "maxLength" = 2048)))]
#[serde(try_from = "String", into = "String")]
pub struct ViewUrl(String);

impl ViewUrl {
    /// Checks a URL as [`HttpsUrl::parse`] does, but for `http` on a loopback host.
    pub fn parse(value: &str) -> Result<Self> {
        checked(value, Scheme::HttpsOrLoopbackHttp).map(|v| Self(v.to_owned()))
    }

    /// The URL as given (trimmed).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ViewUrl {
    type Error = Error;
    fn try_from(value: String) -> Result<Self> {
        Self::parse(&value)
    }
}

impl From<ViewUrl> for String {
    fn from(value: ViewUrl) -> String {
        value.0
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nhd_10_a_partner_url_is_https_with_a_public_dns_name() {
        let problem = |url: &str, allowed: &[&str]| {
            let allowed: Vec<String> = allowed.iter().map(|a| (*a).to_owned()).collect();
            partner_url_problem(&HttpsUrl::parse(url).unwrap(), &allowed)
        };
        for good in [
            "https://acme.zendesk.com/sharing",
            "https://help.acme.example:8443/sharing",
            "https://Acme.Example./sharing",
        ] {
            assert_eq!(problem(good, &[]), None, "{good}");
        }
        for bad in [
            "https://127.0.0.1/sharing",
            "https://[::1]/sharing",
            "https://10.0.0.5:8443/admin",
            "https://169.254.169.254/latest",
            "https://2130706433/",
            "https://0x7f.1/",
            "https://localhost/sharing",
            "https://intranet/sharing",
            "https://a.localhost/sharing",
            "https://acme.example/sharing?x=/agreements/1",
            "https://acme.example/sharing#frag",
            "https://acme.example:0/sharing",
        ] {
            assert!(problem(bad, &[]).is_some(), "{bad}");
        }
        assert_eq!(problem("https://127.0.0.1:9000/s", &["127.0.0.1"]), None);
        assert_eq!(problem("https://LOCALHOST/s", &["localhost"]), None);
    }
}
