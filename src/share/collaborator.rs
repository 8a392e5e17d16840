//! What the collaborator does: open the link (EXT-06, SEC-05), receive and enter codes
//! (SEC-02), hold a session (SEC-08), read the shared thread (EXT-07, EXT-12) and reply
//! (EXT-11).

use super::agent::{external_note, new_item_id};
use super::codes::{self, CodeChallenge, CodeMatch};
use super::email;
use super::links::{self, Purpose, TokenClaims};
use super::thread::{self, Attachment, Author, AuthorRole, ExternalNotePurpose, TicketThread};
use super::{
    CodeChecked, CodeSent, CollaboratorReply, ExternalShare, LinkOpened, ReplyAccepted, SharedView,
    Verification, MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES, MAX_BODY_CHARS,
};
use crate::account::Account;
use crate::audit::{AuditActor, AuditEvent, AuditKind};
use crate::base::error::{Error, Reason, Result};
use crate::base::random::RandomSource;
use crate::base::text::{bounded, Lines};
use crate::base::time::{Now, Timestamp};
use crate::engine::Engine;

fn check_attachments(attachments: &[Attachment]) -> Result<()> {
    if attachments.len() > MAX_ATTACHMENTS {
        return Err(Error::with_detail(
            Reason::AttachmentLimit,
            format!("at most {MAX_ATTACHMENTS} attachments"),
        ));
    }
    for a in attachments {
        if a.size_bytes > MAX_ATTACHMENT_BYTES {
            return Err(Error::new(
                Reason::AttachmentLimit,
                "an attachment is larger than 25 MiB",
            ));
        }
        bounded("attachment name", &a.name, 255, Lines::Single)?;
        bounded(
            "attachment content type",
            &a.content_type,
            255,
            Lines::Single,
        )?;
        bounded("attachment reference", &a.reference, 1024, Lines::Single)?;
    }
    Ok(())
}
impl Engine {
    /// A token of `purpose`, signed, unexpired, for this share record, and the share live.
    fn verify_for_share(
        &self,
        token: &[u8],
        purpose: Purpose,
        share: &ExternalShare,
        now: Timestamp,
    ) -> Result<TokenClaims> {
        let claims = links::verify(&self.keyring, token, purpose, now)?;
        if claims.share_id != share.id {
            return Err(Error::new(
                Reason::LinkRecordMismatch,
                "the share record is not the token's",
            ));
        }
        share.check_live(now)?;
        Ok(claims)
    }
    /// The hot path with the record: verifies a link token against its share (signature,
    /// purpose, expiry, cancellation) without changing anything (SEC-05).
    pub fn check_link(&self, token: &str, share: &ExternalShare, now: Now) -> Result<TokenClaims> {
        let now = now.timestamp();
        self.verify_for_share(token.as_bytes(), Purpose::Link, share, now)
    }
    fn session_for(&self, share: &ExternalShare, now: Timestamp) -> Result<(String, Timestamp)> {
        let expires = now
            .plus(self.links.session_ttl_seconds)?
            .min(share.expires_at);
        let token = links::issue(&self.keyring, Purpose::Session, share.id, expires)?;
        Ok((token, expires))
    }
    /// Whether `device_token` proves this browser verified a code for the share's ticket and
    /// address (EXT-09). A missing, forged, expired or foreign device token proves nothing, and
    /// is not an error: a code is asked for, as for anyone.
    fn device_verified(
        &self,
        device_token: Option<&str>,
        share: &ExternalShare,
        now: Timestamp,
    ) -> bool {
        device_token
            .and_then(|t| links::verify(&self.keyring, t.as_bytes(), Purpose::Device, now).ok())
            .is_some_and(|claims| {
                claims.share_id == links::device_subject(&share.ticket_id, &share.recipient)
            })
    }

    /// The collaborator opened the link (EXT-06, EXT-09, SEC-05). Email scanners do this on
    /// their own, so it changes nothing but, when no code is pending, sending one
    /// (rate-limited).
    ///
    /// `challenge` is the share's current challenge, if the host holds one; `device_token` the
    /// verified-device cookie of this browser, if it sent one. A share verified before (this
    /// one, or an earlier share to the same address) opens without a code only with it: a
    /// forwarded or leaked link never opens on its own.
    pub fn open_link(
        &self,
        token: &str,
        share: &ExternalShare,
        challenge: Option<&CodeChallenge>,
        device_token: Option<&str>,
        account: &Account,
        now: Now,
        rng: &mut dyn RandomSource,
    ) -> Result<LinkOpened> {
        let now = now.timestamp();
        self.verify_for_share(token.as_bytes(), Purpose::Link, share, now)?;
        if share.verification.is_satisfied() && self.device_verified(device_token, share, now) {
            let (session_token, session_expires_at) = self.session_for(share, now)?;
            return Ok(LinkOpened::Verified {
                session_token,
                session_expires_at,
            });
        }
        if let Some(current) = challenge {
            if current.share_id != share.id {
                return Err(Error::new(
                    Reason::LinkRecordMismatch,
                    "challenge belongs to another share",
                ));
            }
            if codes::usable(current, now).is_ok() {
                return Ok(LinkOpened::CodePending {
                    challenge_id: current.id,
                    expires_at: current.expires_at,
                });
            }
        }
        let sent = self.send_code(share, challenge, account, now, rng)?;
        Ok(LinkOpened::CodeSent {
            challenge: sent.challenge,
            email: sent.email,
            events: sent.events,
        })
    }
    /// The collaborator asked for a new code: replaces the current one, within the cooldown and
    /// the hourly cap (SEC-02).
    pub fn resend_code(
        &self,
        token: &str,
        share: &ExternalShare,
        challenge: Option<&CodeChallenge>,
        account: &Account,
        now: Now,
        rng: &mut dyn RandomSource,
    ) -> Result<CodeSent> {
        let now = now.timestamp();
        self.verify_for_share(token.as_bytes(), Purpose::Link, share, now)?;
        // A verified share still asks a browser without the device token for a code (EXT-09).
        self.send_code(share, challenge, account, now, rng)
    }
    fn send_code(
        &self,
        share: &ExternalShare,
        previous: Option<&CodeChallenge>,
        account: &Account,
        now: Timestamp,
        rng: &mut dyn RandomSource,
    ) -> Result<CodeSent> {
        let (challenge, code) =
            codes::new_challenge(&self.keyring, &self.codes, share, previous, now, rng)?;
        let (company_name, _) = self.company(account);
        let email = email::code_email(
            &share.recipient,
            company_name,
            code.as_str(),
            self.codes.ttl_seconds,
        );
        let events = vec![AuditEvent {
            at: now,
            actor: AuditActor::Collaborator {
                email: share.recipient.clone(),
            },
            event: AuditKind::CodeSent {
                share_id: share.id,
                challenge_id: challenge.id,
            },
        }];
        Ok(CodeSent {
            challenge,
            email,
            events,
        })
    }
    /// The collaborator entered a code (EXT-06, SEC-02): the right one verifies the share and
    /// starts a session; a wrong one counts a try and may lock the challenge.
    ///
    /// The token is taken as bytes (a `&str` or what a binding received): anything but canonical
    /// base64url is `token_malformed`. A code that is not digits is `code_malformed` (a binding
    /// hands over text it could not read as UTF-8 with U+FFFD in place of the bad bytes, which
    /// are no digits either).
    pub fn check_code(
        &self,
        token: impl AsRef<[u8]>,
        share: &ExternalShare,
        challenge: &CodeChallenge,
        code: &str,
        now: Now,
    ) -> Result<CodeChecked> {
        let token = token.as_ref();
        let now = now.timestamp();
        self.verify_for_share(token, Purpose::Link, share, now)?;
        if challenge.share_id != share.id {
            return Err(Error::new(
                Reason::LinkRecordMismatch,
                "challenge belongs to another share",
            ));
        }
        let actor = AuditActor::Collaborator {
            email: share.recipient.clone(),
        };
        let event = |kind| AuditEvent {
            at: now,
            actor: actor.clone(),
            event: kind,
        };
        match codes::check(&self.keyring, &self.codes, share, challenge, code, now)? {
            CodeMatch::Right(challenge, mut share) => {
                share.verification = Verification::Verified { at: now };
                let (session_token, session_expires_at) = self.session_for(&share, now)?;
                let device_expires_at = now.plus(self.links.device_ttl_seconds)?;
                let device_token = links::issue(
                    &self.keyring,
                    Purpose::Device,
                    links::device_subject(&share.ticket_id, &share.recipient),
                    device_expires_at,
                )?;
                let events = vec![event(AuditKind::CodeAccepted {
                    share_id: share.id,
                    challenge_id: challenge.id,
                })];
                Ok(CodeChecked::Accepted {
                    share,
                    challenge,
                    session_token,
                    session_expires_at,
                    device_token,
                    device_expires_at,
                    events,
                })
            }
            CodeMatch::Wrong(challenge, share) => {
                let attempts_left = codes::attempts_left(&self.codes, &challenge);
                let mut events = vec![event(AuditKind::CodeRejected {
                    share_id: share.id,
                    challenge_id: challenge.id,
                    attempts_left,
                })];
                if attempts_left == 0 {
                    events.push(event(AuditKind::ChallengeLocked {
                        share_id: share.id,
                        challenge_id: challenge.id,
                    }));
                }
                Ok(CodeChecked::Rejected {
                    share,
                    challenge,
                    attempts_left,
                    events,
                })
            }
        }
    }
    /// Checks a session against its share (SEC-08): signed, of purpose session, for this share,
    /// not past the link, and the share not cancelled.
    pub fn check_session(
        &self,
        session_token: &str,
        share: &ExternalShare,
        now: Now,
    ) -> Result<TokenClaims> {
        self.session_of(session_token, share, now.timestamp())
    }

    fn session_of(
        &self,
        session_token: &str,
        share: &ExternalShare,
        now: Timestamp,
    ) -> Result<TokenClaims> {
        let claims =
            self.verify_for_share(session_token.as_bytes(), Purpose::Session, share, now)?;
        if !share.verification.is_satisfied() {
            return Err(Error::new(
                Reason::VerificationRequired,
                "the share is not verified",
            ));
        }
        Ok(claims)
    }
    /// The shared thread as the collaborator sees it (EXT-07, EXT-12).
    pub fn view(
        &self,
        session_token: &str,
        share: &ExternalShare,
        thread: &TicketThread,
        now: Now,
    ) -> Result<SharedView> {
        let now = now.timestamp();
        self.session_of(session_token, share, now)?;
        if thread.ticket_id != share.ticket_id {
            return Err(Error::new(
                Reason::LinkRecordMismatch,
                "the thread is not the shared ticket's",
            ));
        }
        thread.check("thread")?;
        let (items, customer) = thread::project(share.id, share.include_customer_details, thread);
        Ok(SharedView {
            share_id: share.id,
            ticket_id: share.ticket_id.clone(),
            subject: share.subject.clone(),
            message: share.message.clone(),
            items,
            customer,
            expires_at: share.expires_at,
        })
    }
    /// The collaborator replies (EXT-11): the reply becomes an external note on this share's
    /// ticket; nothing reaches the customer.
    pub fn reply(
        &self,
        session_token: &str,
        share: &ExternalShare,
        reply: &CollaboratorReply,
        account: &Account,
        now: Now,
        rng: &mut dyn RandomSource,
    ) -> Result<ReplyAccepted> {
        let now = now.timestamp();
        self.session_of(session_token, share, now)?;
        let body = bounded("reply", &reply.body, MAX_BODY_CHARS, Lines::Multi)?;
        check_attachments(&reply.attachments)?;
        let note = external_note(
            new_item_id(rng)?,
            share,
            ExternalNotePurpose::CollaboratorReply,
            Author {
                role: AuthorRole::Collaborator,
                name: share.recipient.to_string(),
            },
            body,
            now,
            reply.attachments.clone(),
        );
        let copy_email = reply.send_copy.then(|| {
            let (company_name, _) = self.company(account);
            email::reply_copy_email(&share.recipient, company_name, &share.subject, &note.body)
        });
        let events = vec![AuditEvent {
            at: now,
            actor: AuditActor::Collaborator {
                email: share.recipient.clone(),
            },
            event: AuditKind::CollaboratorReplied {
                share_id: share.id,
                ticket_id: share.ticket_id.clone(),
                item_id: note.id.clone(),
                copy_requested: reply.send_copy,
            },
        }];
        Ok(ReplyAccepted {
            note,
            copy_email,
            events,
        })
    }
}
