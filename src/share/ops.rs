//! The external share's operations on the JSON surface, each declared once: its arguments,
//! name, method, summary, rules and result (see [`crate::api::Operation`]).

use super::branding::{Branding, BrandingForm, LogoUpload};
use super::codes::CodeChallenge;
use super::links::TokenClaims;
use super::thread::TicketThread;
use super::{
    CodeChecked, CodeSent, CollaboratorReply, ExternalShare, LinkOpened, ReplyAccepted,
    ShareCancelled, ShareCreated, ShareRequest, SharedView,
};
use crate::account::Account;
use crate::audit::AuditEvent;
use crate::base::error::{Error, Reason, Result};
use crate::base::time::Now;
use crate::operation::{args, Context, Operation};
use crate::policy::Actor;
use serde::{Deserialize, Serialize};

args! {
    /// Arguments of `share.create`.
    pub struct ShareCreateArgs {
        /// The agent acting.
        pub actor: Actor,
        /// The agent's account: plan and branding.
        pub account: Account,
        /// What the agent filled in.
        pub request: ShareRequest,
        /// Earlier shares of the same ticket (EXT-09); may be empty.
        #[serde(default)]
        pub previous_shares: Vec<ExternalShare>,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for ShareCreateArgs {
    const NAME: &'static str = "share.create";
    const METHOD: &'static str = "create_share";
    const SUMMARY: &'static str =
        "An agent shares a ticket thread: the share record, the external note, the email, the link and the audit events.";
    const RULES: &'static str = "EXT-01..05, EXT-09, EXT-14";
    type Output = ShareCreated;

    fn run(self, c: &mut Context<'_>) -> Result<ShareCreated> {
        let a = self;
        c.engine.create_share(
            &a.actor,
            &a.account,
            &a.request,
            &a.previous_shares,
            a.now,
            c.rng,
        )
    }
}

args! {
    /// Arguments of `link.verify`.
    pub struct LinkVerifyArgs {
        /// The link token.
        pub token: String,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for LinkVerifyArgs {
    const NAME: &'static str = "link.verify";
    const METHOD: &'static str = "verify_link";
    const SUMMARY: &'static str =
        "The hot path: checks a link token alone, before any database look-up; gives the share id to load.";
    const RULES: &'static str = "SEC-01, SEC-06, EXT-08";
    const TYPED: bool = true;
    type Output = TokenClaims;

    fn run(self, c: &mut Context<'_>) -> Result<TokenClaims> {
        c.engine.verify_link(&self.token, self.now)
    }
}

args! {
    /// Arguments of `link.check`.
    pub struct LinkCheckArgs {
        /// The link token.
        pub token: String,
        /// The share record, as stored.
        pub share: ExternalShare,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for LinkCheckArgs {
    const NAME: &'static str = "link.check";
    const METHOD: &'static str = "check_link";
    const SUMMARY: &'static str =
        "Checks a link token against its share record (cancellation, expiry), changing nothing.";
    const RULES: &'static str = "EXT-08, EXT-10";
    type Output = TokenClaims;

    fn run(self, c: &mut Context<'_>) -> Result<TokenClaims> {
        c.engine.check_link(&self.token, &self.share, self.now)
    }
}

args! {
    /// Arguments of `link.open`.
    pub struct LinkOpenArgs {
        /// The link token.
        pub token: String,
        /// The share record, as stored.
        pub share: ExternalShare,
        /// The share's current code challenge, as stored, if any.
        #[serde(default)]
        pub challenge: Option<CodeChallenge>,
        /// The verified-device token this browser sent (its cookie), if any (EXT-09).
        #[serde(default)]
        pub device_token: Option<String>,
        /// The agent's account: plan and branding.
        pub account: Account,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for LinkOpenArgs {
    const NAME: &'static str = "link.open";
    const METHOD: &'static str = "open_link";
    const SUMMARY: &'static str =
        "The collaborator opened the link: a session (verified before, in this browser), a new code emailed (code_sent), or the code already sent (code_pending).";
    const RULES: &'static str = "EXT-06, EXT-09, SEC-05";
    type Output = LinkOpened;

    fn run(self, c: &mut Context<'_>) -> Result<LinkOpened> {
        let a = self;
        c.engine.open_link(
            &a.token,
            &a.share,
            a.challenge.as_ref(),
            a.device_token.as_deref(),
            &a.account,
            a.now,
            c.rng,
        )
    }
}

/// Arguments of `code.resend`: those of `link.open`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct CodeResendArgs(pub LinkOpenArgs);

impl Operation for CodeResendArgs {
    const NAME: &'static str = "code.resend";
    const METHOD: &'static str = "resend_code";
    const SUMMARY: &'static str =
        "The collaborator asked for a new code: it replaces the current one, within the cooldown and the hourly cap.";
    const RULES: &'static str = "SEC-02";
    type Output = CodeSent;

    fn run(self, c: &mut Context<'_>) -> Result<CodeSent> {
        let a = self.0;
        c.engine.resend_code(
            &a.token,
            &a.share,
            a.challenge.as_ref(),
            &a.account,
            a.now,
            c.rng,
        )
    }
}

args! {
    /// Arguments of `code.check`.
    pub struct CodeCheckArgs {
        /// The link token.
        pub token: String,
        /// The share record, as stored.
        pub share: ExternalShare,
        /// The share's current code challenge, as stored.
        pub challenge: CodeChallenge,
        /// The code the collaborator entered.
        pub code: String,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for CodeCheckArgs {
    const NAME: &'static str = "code.check";
    const METHOD: &'static str = "check_code";
    const SUMMARY: &'static str =
        "The collaborator entered a code: accepted (the share verified, a session) or rejected (a try counted).";
    const RULES: &'static str = "EXT-06, SEC-02";
    type Output = CodeChecked;

    fn run(self, c: &mut Context<'_>) -> Result<CodeChecked> {
        let a = self;
        c.engine
            .check_code(&a.token, &a.share, &a.challenge, &a.code, a.now)
    }
}

args! {
    /// Arguments of `session.check`.
    pub struct SessionCheckArgs {
        /// The collaborator's session token.
        pub session_token: String,
        /// The share record, as stored.
        pub share: ExternalShare,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for SessionCheckArgs {
    const NAME: &'static str = "session.check";
    const METHOD: &'static str = "check_session";
    const SUMMARY: &'static str =
        "Checks a session token against its share record: signed, not past the link, the share verified and not cancelled.";
    const RULES: &'static str = "SEC-08";
    type Output = TokenClaims;

    fn run(self, c: &mut Context<'_>) -> Result<TokenClaims> {
        c.engine
            .check_session(&self.session_token, &self.share, self.now)
    }
}

args! {
    /// Arguments of `share.view`.
    pub struct ShareViewArgs {
        /// The collaborator's session token.
        pub session_token: String,
        /// The share record, as stored.
        pub share: ExternalShare,
        /// The ticket thread, as stored.
        pub thread: TicketThread,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for ShareViewArgs {
    const NAME: &'static str = "share.view";
    const METHOD: &'static str = "view";
    const SUMMARY: &'static str =
        "The thread as the collaborator sees it: messages and this share's notes, customer details only if included.";
    const RULES: &'static str = "EXT-07, EXT-12";
    type Output = SharedView;

    fn run(self, c: &mut Context<'_>) -> Result<SharedView> {
        let a = self;
        c.engine.view(&a.session_token, &a.share, &a.thread, a.now)
    }
}

args! {
    /// Arguments of `share.reply`.
    pub struct ShareReplyArgs {
        /// The collaborator's session token.
        pub session_token: String,
        /// The share record, as stored.
        pub share: ExternalShare,
        /// What the collaborator wrote.
        pub reply: CollaboratorReply,
        /// The agent's account: plan and branding.
        pub account: Account,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for ShareReplyArgs {
    const NAME: &'static str = "share.reply";
    const METHOD: &'static str = "reply";
    const SUMMARY: &'static str =
        "The collaborator's reply, as an external note the customer never sees (and a copy email if asked for).";
    const RULES: &'static str = "EXT-11";
    type Output = ReplyAccepted;

    fn run(self, c: &mut Context<'_>) -> Result<ReplyAccepted> {
        let a = self;
        c.engine.reply(
            &a.session_token,
            &a.share,
            &a.reply,
            &a.account,
            a.now,
            c.rng,
        )
    }
}

args! {
    /// Arguments of `share.cancel`.
    pub struct ShareCancelArgs {
        /// The agent acting.
        pub actor: Actor,
        /// The share record, as stored.
        pub share: ExternalShare,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for ShareCancelArgs {
    const NAME: &'static str = "share.cancel";
    const METHOD: &'static str = "cancel_share";
    const SUMMARY: &'static str =
        "An agent cancels the share: the link is refused from then on, and the thread says so.";
    const RULES: &'static str = "EXT-10";
    type Output = ShareCancelled;

    fn run(self, c: &mut Context<'_>) -> Result<ShareCancelled> {
        c.engine
            .cancel_share(&self.actor, &self.share, self.now, c.rng)
    }
}

args! {
    /// A logo in `branding.update`: the image as standard base64 and where it is served.
    pub struct LogoArgs {
        /// The image file, as standard (padded) base64.
        pub image_base64: String,
        /// Where the host serves the image.
        pub image_url: String,
    }
}

args! {
    /// The branding form of `branding.update`.
    pub struct BrandingFormArgs {
        /// The company name.
        pub company_name: String,
        /// The logo, or none.
        #[serde(default)]
        pub logo: Option<LogoArgs>,
        /// Where a click on the logo leads.
        #[serde(default)]
        pub logo_url: Option<String>,
        /// The button colour, `#RGB` or `#RRGGBB`.
        #[serde(default)]
        pub brand_colour: Option<String>,
    }
}

args! {
    /// Arguments of `branding.update`.
    pub struct BrandingUpdateArgs {
        /// The agent acting.
        pub actor: Actor,
        /// The agent's account: plan and branding.
        pub account: Account,
        /// The admin's branding form.
        pub form: BrandingFormArgs,
        /// The current time.
        pub now: Now,
    }
}

impl Operation for BrandingUpdateArgs {
    const NAME: &'static str = "branding.update";
    const METHOD: &'static str = "update_branding";
    const SUMMARY: &'static str =
        "An admin sets the share email's branding: logo (as standard base64), logo link, company name, button colour.";
    const RULES: &'static str = "EXT-13";
    type Output = BrandingUpdated;

    fn run(self, c: &mut Context<'_>) -> Result<BrandingUpdated> {
        let a = self;
        let image = match &a.form.logo {
            Some(logo) => Some(
                base64_simd::STANDARD
                    .decode_to_vec(logo.image_base64.as_bytes())
                    .map_err(|_| {
                        Error::new(
                            Reason::LogoUnreadable,
                            "args.form.logo.image_base64 is not base64",
                        )
                    })?,
            ),
            None => None,
        };
        let form = BrandingForm {
            company_name: &a.form.company_name,
            logo: a
                .form
                .logo
                .as_ref()
                .zip(image.as_deref())
                .map(|(logo, image)| LogoUpload {
                    image,
                    image_url: &logo.image_url,
                }),
            logo_url: a.form.logo_url.as_deref(),
            brand_colour: a.form.brand_colour.as_deref(),
        };
        let (branding, events) = c
            .engine
            .update_branding(&a.actor, &a.account, &form, a.now)?;
        Ok(BrandingUpdated { branding, events })
    }
}

/// Result of `branding.update`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BrandingUpdated {
    /// The validated branding, to store.
    pub branding: Branding,
    /// Audit events to store.
    pub events: Vec<AuditEvent>,
}
