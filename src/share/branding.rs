//! Branding of the collaborator email (EXT-13): logo, logo link, company name, brand colour.
//! The values are the account's ([`crate::account::branding`], validated there); this module
//! decides who may set them and which apply, and [`super::email`] escapes them where it renders
//! them.

pub use crate::account::branding::{
    Branding, BrandingForm, CompanyName, HexColour, Logo, LogoUpload, MAX_COMPANY_NAME_CHARS,
    MAX_LOGO_BYTES, MAX_LOGO_HEIGHT, MAX_LOGO_WIDTH,
};
use crate::account::Account;
use crate::audit::{AuditActor, AuditEvent, AuditKind};
use crate::base::error::Result;
use crate::base::time::Now;
pub use crate::base::url::{HttpsUrl, MAX_URL_BYTES};
use crate::engine::Engine;
use crate::policy::{Actor, Permission, PlanFeature};

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
    use crate::base::error::Reason;
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
