//! Branding of the collaborator email (EXT-13): logo, logo link, company name, brand colour.
//! Every value is validated here and escaped where [`super::email`] renders it.

use crate::account::Account;
use crate::audit::{AuditActor, AuditEvent, AuditKind};
use crate::base::error::{Error, Reason, Result};
use crate::base::text::{bounded, Lines};
use crate::base::time::Now;
pub use crate::base::url::{HttpsUrl, MAX_URL_BYTES};
use crate::engine::Engine;
use crate::policy::{Actor, Permission, PlanFeature};
use serde::{Deserialize, Serialize};

/// The largest logo accepted, in pixels (EXT-13).
pub const MAX_LOGO_WIDTH: u32 = 250;
/// The largest logo accepted, in pixels (EXT-13).
pub const MAX_LOGO_HEIGHT: u32 = 100;
/// The longest company name, in characters.
pub const MAX_COMPANY_NAME_CHARS: usize = 100;
/// The largest logo file read, in bytes.
pub const MAX_LOGO_BYTES: usize = 1024 * 1024;

/// A brand colour as a hex code: `#RGB` or `#RRGGBB`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("pattern" = "^\\s*#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})\\s*$")))]
#[serde(try_from = "String", into = "String")]
pub struct HexColour(String);

impl HexColour {
    /// Checks a hex colour code.
    pub fn parse(value: &str) -> Result<Self> {
        let value = value.trim();
        let digits = value.strip_prefix('#').ok_or(Error::new(
            Reason::InvalidColour,
            "colour must start with #",
        ))?;
        if !matches!(digits.len(), 3 | 6) || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Error::new(
                Reason::InvalidColour,
                "colour must be #RGB or #RRGGBB in hex digits",
            ));
        }
        Ok(Self(value.to_owned()))
    }

    /// The code, e.g. `#1f73b7`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for HexColour {
    type Error = Error;
    fn try_from(value: String) -> Result<Self> {
        Self::parse(&value)
    }
}

impl From<HexColour> for String {
    fn from(value: HexColour) -> String {
        value.0
    }
}

/// A company name: 1 to 100 characters, one line, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(extend("minLength" = 1, "maxLength" = 100)))]
#[serde(try_from = "String", into = "String")]
pub struct CompanyName(String);

impl CompanyName {
    /// Checks a company name.
    pub fn parse(value: &str) -> Result<Self> {
        bounded("company name", value, MAX_COMPANY_NAME_CHARS, Lines::Single).map(Self)
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for CompanyName {
    type Error = Error;
    fn try_from(value: String) -> Result<Self> {
        Self::parse(&value)
    }
}

impl From<CompanyName> for String {
    fn from(value: CompanyName) -> String {
        value.0
    }
}

/// A validated logo: where the host serves it, and its size read from the image bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// Where the host serves the image.
    pub image_url: HttpsUrl,
    /// Width in pixels (1 to 250, checked again when the record comes back).
    #[serde(deserialize_with = "stored_width")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 250)))]
    pub width: u32,
    /// Height in pixels (1 to 100, checked again when the record comes back).
    #[serde(deserialize_with = "stored_height")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 100)))]
    pub height: u32,
}

/// A stored dimension within `1..=max`: a tampered record cannot make the email render a
/// 100000-pixel logo.
fn stored_dimension<'de, D: serde::Deserializer<'de>>(
    d: D,
    field: &'static str,
    max: u32,
) -> std::result::Result<u32, D::Error> {
    let value = u32::deserialize(d)?;
    if value == 0 || value > max {
        return Err(serde::de::Error::custom(Error::with_detail(
            Reason::LogoTooLarge,
            format!("logo {field}: 1 to {max} px"),
        )));
    }
    Ok(value)
}

fn stored_width<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<u32, D::Error> {
    stored_dimension(d, "width", MAX_LOGO_WIDTH)
}

fn stored_height<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<u32, D::Error> {
    stored_dimension(d, "height", MAX_LOGO_HEIGHT)
}

impl Logo {
    /// Reads the image's size from its bytes (PNG, JPEG, GIF, WebP, BMP) and refuses one larger
    /// than 250x100 px.
    pub fn from_image(image: &[u8], image_url: HttpsUrl) -> Result<Self> {
        if image.len() > MAX_LOGO_BYTES {
            return Err(Error::new(
                Reason::LogoTooLarge,
                "logo file larger than 1 MiB",
            ));
        }
        let size = imagesize::blob_size(image)
            .map_err(|_| Error::new(Reason::LogoUnreadable, "logo is not a readable image"))?;
        let (width, height) = (
            u32::try_from(size.width).unwrap_or(u32::MAX),
            u32::try_from(size.height).unwrap_or(u32::MAX),
        );
        if width == 0 || height == 0 {
            return Err(Error::new(Reason::LogoUnreadable, "logo has no pixels"));
        }
        if width > MAX_LOGO_WIDTH || height > MAX_LOGO_HEIGHT {
            return Err(Error::with_detail(
                Reason::LogoTooLarge,
                format!(
                    "logo is {width}x{height} px; at most {MAX_LOGO_WIDTH}x{MAX_LOGO_HEIGHT} px"
                ),
            ));
        }
        Ok(Self {
            image_url,
            width,
            height,
        })
    }
}

/// The collaborator email's branding, validated (EXT-13).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Branding {
    /// The From name and the "from [Company name]" text.
    pub company_name: CompanyName,
    /// The logo, or none.
    #[serde(default)]
    pub logo: Option<Logo>,
    /// Where a click on the logo leads.
    #[serde(default)]
    pub logo_url: Option<HttpsUrl>,
    /// The colour of the *View conversation* button.
    #[serde(default)]
    pub brand_colour: Option<HexColour>,
}

/// A logo as uploaded: the image bytes (to read their size) and where the host will serve them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogoUpload<'a> {
    /// The image file's bytes.
    pub image: &'a [u8],
    /// Where the host serves the image.
    pub image_url: &'a str,
}

/// An admin's branding form, unvalidated. `logo: None` means no logo (the *Delete company
/// logo* box).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrandingForm<'a> {
    /// The company name.
    pub company_name: &'a str,
    /// The uploaded logo, if any.
    pub logo: Option<LogoUpload<'a>>,
    /// Where a click on the logo leads.
    pub logo_url: Option<&'a str>,
    /// The button colour.
    pub brand_colour: Option<&'a str>,
}

impl Branding {
    /// Validates every field of the form; the first invalid field is refused with its reason.
    pub fn from_form(form: &BrandingForm<'_>) -> Result<Self> {
        let logo = match &form.logo {
            Some(upload) => Some(Logo::from_image(
                upload.image,
                HttpsUrl::parse(upload.image_url)?,
            )?),
            None => None,
        };
        Ok(Self {
            company_name: CompanyName::parse(form.company_name)?,
            logo,
            logo_url: form.logo_url.map(HttpsUrl::parse).transpose()?,
            brand_colour: form.brand_colour.map(HexColour::parse).transpose()?,
        })
    }
}

impl Engine {
    /// The company name and branding of the share emails: the branding applies only while the
    /// plan includes email customisation (EXT-13).
    pub(crate) fn company<'a>(&self, account: &'a Account) -> (&'a str, Option<&'a Branding>) {
        // Branding applies only while the plan includes it (a downgraded plan falls back to default).
        match &account.branding {
            Some(b)
                if self
                    .policy
                    .plan_includes(&account.plan, PlanFeature::EmailCustomisation) =>
            {
                (b.company_name.as_str(), Some(b))
            }
            _ => (account.company_name.as_str(), None),
        }
    }

    /// An admin sets the collaborator email's branding (EXT-13): needs the
    /// `email_customisation` permission and plan feature. Returns the branding to store.
    pub fn update_branding(
        &self,
        actor: &Actor,
        account: &Account,
        form: &BrandingForm<'_>,
        now: Now,
    ) -> Result<(Branding, Vec<AuditEvent>)> {
        let now = now.timestamp();
        self.policy.authorise(
            actor,
            Permission::EmailCustomisation,
            &account.plan,
            PlanFeature::EmailCustomisation,
        )?;
        let branding = Branding::from_form(form)?;
        let events = vec![AuditEvent {
            at: now,
            actor: AuditActor::Agent {
                id: actor.id.clone(),
            },
            event: AuditKind::BrandingUpdated,
        }];
        Ok((branding, events))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::png_header as png;

    fn reason<T>(r: Result<T>) -> Option<Reason> {
        r.err().map(|e| e.reason())
    }

    #[test]
    fn ext_13_logo_at_most_250_by_100() {
        let url = HttpsUrl::parse("https://cdn.example.com/logo.png").unwrap();
        assert!(Logo::from_image(&png(250, 100), url.clone()).is_ok());
        assert_eq!(
            reason(Logo::from_image(&png(251, 100), url.clone())),
            Some(Reason::LogoTooLarge)
        );
        assert_eq!(
            reason(Logo::from_image(&png(250, 101), url.clone())),
            Some(Reason::LogoTooLarge)
        );
        assert_eq!(
            reason(Logo::from_image(b"GIF-ish nonsense", url)),
            Some(Reason::LogoUnreadable)
        );
    }

    #[test]
    fn ext_13_logo_url_is_absolute_https() {
        assert!(HttpsUrl::parse("https://example.com/a?b=c").is_ok());
        for bad in [
            "javascript:alert(1)",
            "data:text/html,hi",
            "/relative/path",
            "http://example.com",
            "https://user:pw@example.com/",
            "https://exa mple.com/",
            "https://exämple.com/",
            "https:///path",
            "https://",
            "",
        ] {
            assert_eq!(
                reason(HttpsUrl::parse(bad)),
                Some(Reason::InvalidUrl),
                "{bad:?}"
            );
        }
        let long = format!("https://example.com/{}", "a".repeat(2048));
        assert_eq!(reason(HttpsUrl::parse(&long)), Some(Reason::InvalidUrl));
    }

    #[test]
    fn ext_13_brand_colour_is_hex() {
        for good in ["#fff", "#1F73B7"] {
            assert!(HexColour::parse(good).is_ok(), "{good}");
        }
        for bad in ["fff", "#ffff", "#12345g", "red", "#123\"onload=", ""] {
            assert_eq!(
                reason(HexColour::parse(bad)),
                Some(Reason::InvalidColour),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn ext_13_company_name_is_bounded() {
        assert!(CompanyName::parse("Acme Ltd").is_ok());
        assert_eq!(reason(CompanyName::parse(" ")), Some(Reason::InvalidText));
        assert_eq!(
            reason(CompanyName::parse(&"x".repeat(101))),
            Some(Reason::InvalidText)
        );
        assert_eq!(
            reason(CompanyName::parse("Acme\r\nBcc: x@y.z")),
            Some(Reason::InvalidText)
        );
    }

    #[test]
    fn ext_13_form_validates_every_field() {
        let image = png(200, 80);
        let form = BrandingForm {
            company_name: "Acme",
            logo: Some(LogoUpload {
                image: &image,
                image_url: "https://cdn.example.com/l.png",
            }),
            logo_url: Some("https://acme.example"),
            brand_colour: Some("#ff6600"),
        };
        let branding = Branding::from_form(&form).unwrap();
        assert_eq!(branding.logo.map(|l| (l.width, l.height)), Some((200, 80)));
        let bad = BrandingForm {
            brand_colour: Some("orange"),
            ..form
        };
        assert_eq!(
            reason(Branding::from_form(&bad)),
            Some(Reason::InvalidColour)
        );
    }
}
