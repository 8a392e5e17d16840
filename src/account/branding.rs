//! The branding of an account's share emails (EXT-13): logo, logo link, company name, brand
//! colour. Every value is validated when it is made or read back; [`crate::share`] decides who
//! may set it and escapes it where it renders it.

use crate::base::error::{Error, Reason, Result};
use crate::base::text::{bounded, Lines};
use crate::base::url::HttpsUrl;
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
