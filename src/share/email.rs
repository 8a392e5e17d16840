//! The emails the engine writes (EXT-05, EXT-06, EXT-11, EXT-13), as models the host sends.
//! Every value is HTML-escaped where it lands in the HTML body.

use crate::base::ids::EmailAddress;
use crate::base::mail::{display_name, header_text};
use crate::base::time::{Seconds, Timestamp};
use crate::share::branding::Branding;
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

/// An email with its header values made safe: a line break or other control character in a
/// name or subject (from a record that was tampered with, say) becomes a space, so it can never
/// start a header of its own.
fn message(
    to: &EmailAddress,
    company_name: &str,
    subject: &str,
    text_body: String,
    html_body: String,
) -> EmailMessage {
    let from_name = header_text(company_name);
    EmailMessage {
        to: to.clone(),
        from_display: display_name(&from_name),
        from_name,
        subject: header_text(subject),
        text_body,
        html_body,
    }
}

/// The *View conversation* button's colour when the branding sets none.
pub const DEFAULT_BUTTON_COLOUR: &str = "#1f73b7";

/// An email for the host to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EmailMessage {
    /// The recipient.
    pub to: EmailAddress,
    /// The From display name: the company name (EXT-13), as text. Give it to a mail library
    /// as the address's name (Python's `email.headerregistry.Address`, Django's
    /// `formataddr`), or write `from_display` into the header: never this text raw.
    pub from_name: String,
    /// The same name as an RFC 5322 display-name, ready for `From: <this> <noreply@...>`:
    /// a quoted-string when it is ASCII, RFC 2047 encoded-words (UTF-8, base64) when not.
    pub from_display: String,
    /// The subject line.
    pub subject: String,
    /// The plain-text body.
    pub text_body: String,
    /// The HTML body, every value escaped.
    pub html_body: String,
}

/// What the share email says.
pub(crate) struct ShareEmail<'a> {
    pub to: &'a EmailAddress,
    pub agent_name: &'a str,
    pub company_name: &'a str,
    pub branding: Option<&'a Branding>,
    pub subject: &'a str,
    pub message: &'a str,
    pub link_url: &'a str,
    pub expires_at: Timestamp,
}

/// The share email: the agent's message, "[Agent] from [Company]" and the *View conversation*
/// link (EXT-05), branded when the plan allows (EXT-13).
pub(crate) fn share_email(e: &ShareEmail<'_>) -> EmailMessage {
    let signature = format!("{} from {}", e.agent_name, e.company_name);
    let text_body = format!(
        "{message}\n\n{signature}\n\nView conversation: {url}\n\nThis link expires at {expires}.\n",
        message = e.message,
        url = e.link_url,
        expires = e.expires_at,
    );
    let colour = e
        .branding
        .and_then(|b| b.brand_colour.as_ref())
        .map_or(DEFAULT_BUTTON_COLOUR, |c| c.as_str());
    let mut html = String::with_capacity(1024);
    html.push_str("<!DOCTYPE html><html><body>");
    html.push_str(&logo_html(e.branding));
    let _ = write!(
        html,
        "<p>{message}</p><p>{signature}</p>\
         <p><a href=\"{url}\" style=\"background-color:{colour};color:#ffffff;padding:10px 16px;\
         text-decoration:none;border-radius:4px;display:inline-block\">View conversation</a></p>\
         <p>This link expires at {expires}.</p></body></html>",
        message = multiline(e.message),
        signature = text(&signature),
        url = attr(e.link_url),
        colour = attr(colour),
        expires = text(&e.expires_at.to_string()),
    );
    message(e.to, e.company_name, e.subject, text_body, html)
}

/// The verification code email (EXT-06).
pub(crate) fn code_email(
    to: &EmailAddress,
    company_name: &str,
    code: &str,
    lifetime: Seconds,
) -> EmailMessage {
    let minutes = lifetime.0.div_ceil(60);
    let subject = format!("Your verification code from {company_name}");
    let text_body = format!(
        "Your verification code is {code}.\n\nIt expires in {minutes} minutes. \
         If you did not open a shared conversation, ignore this email.\n"
    );
    let html_body = format!(
        "<!DOCTYPE html><html><body><p>Your verification code is <strong>{code}</strong>.</p>\
         <p>It expires in {minutes} minutes. If you did not open a shared conversation, \
         ignore this email.</p></body></html>",
        code = text(code),
    );
    message(to, company_name, &subject, text_body, html_body)
}

/// The copy of a reply the collaborator asked for (EXT-11).
pub(crate) fn reply_copy_email(
    to: &EmailAddress,
    company_name: &str,
    share_subject: &str,
    body: &str,
) -> EmailMessage {
    let subject = format!("Copy of your reply: {share_subject}");
    let text_body = format!("You replied:\n\n{body}\n");
    let html_body = format!(
        "<!DOCTYPE html><html><body><p>You replied:</p><blockquote>{}</blockquote></body></html>",
        multiline(body)
    );
    message(to, company_name, &subject, text_body, html_body)
}

fn logo_html(branding: Option<&Branding>) -> String {
    let Some(branding) = branding else {
        return String::new();
    };
    let Some(logo) = &branding.logo else {
        return String::new();
    };
    let img = format!(
        "<img src=\"{}\" width=\"{}\" height=\"{}\" alt=\"{}\">",
        attr(logo.image_url.as_str()),
        logo.width,
        logo.height,
        attr(branding.company_name.as_str()),
    );
    match &branding.logo_url {
        Some(link) => format!("<p><a href=\"{}\">{img}</a></p>", attr(link.as_str())),
        None => format!("<p>{img}</p>"),
    }
}

/// Escapes text and keeps its line breaks.
fn multiline(value: &str) -> String {
    text(value).replace("\r\n", "\n").replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sec_03_header_values_never_carry_a_line_break() {
        let to = EmailAddress::parse("s@example.com").unwrap();
        let email = reply_copy_email(&to, "Acme\r\nBcc: x@evil.example", "Hi\nBcc: y", "body");
        assert_eq!(email.from_name, "Acme  Bcc: x@evil.example");
        assert_eq!(email.subject, "Copy of your reply: Hi Bcc: y");
        assert_eq!(email.from_display, "\"Acme  Bcc: x@evil.example\"");
        assert_eq!(display_name("a\\b"), r#""a\\b""#);
    }
}
