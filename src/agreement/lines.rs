//! The one-line texts of what crosses between partners, checked when they arrive and again
//! before they leave (NHD-10): names, file names, media types and tags carry no control,
//! bidirectional or line-separator character, so nothing a partner sends can break a header, a
//! log line or how a file name reads (`invoice\u{202e}gnp.exe`).

use super::content::{PartnerPayload, SharedActor, SharedAttachment, SharedComment};
use super::incoming::IncomingUpdate;
use crate::base::error::{Error, Result};
use crate::base::text::{checked, media_type, Lines};

/// The longest name or file name, in characters.
const MAX_NAME_CHARS: usize = 255;
/// The longest tag, in characters.
const MAX_TAG_CHARS: usize = 1_024;

fn at(path: &str, result: Result<&str>) -> Result<()> {
    result
        .map(drop)
        .map_err(|e| Error::with_detail(e.reason(), format!("{path}: {}", e.detail())))
}

/// A person's name, when there is one (a partner may send none: NHD-09).
fn actor(path: &str, actor: &SharedActor) -> Result<()> {
    if actor.name.is_empty() {
        return Ok(());
    }
    at(
        &format!("{path}.name"),
        checked("name", &actor.name, MAX_NAME_CHARS, Lines::Single),
    )
}

fn attachment(path: &str, a: &SharedAttachment) -> Result<()> {
    at(
        &format!("{path}.filename"),
        checked("filename", &a.filename, MAX_NAME_CHARS, Lines::Single),
    )?;
    at(
        &format!("{path}.content_type"),
        media_type("content_type", &a.content_type),
    )
}

fn comment(path: &str, c: &SharedComment) -> Result<()> {
    actor(&format!("{path}.author"), &c.author)?;
    for (i, a) in c.attachments.iter().enumerate() {
        attachment(&format!("{path}.attachments[{i}]"), a)?;
    }
    Ok(())
}

fn tags(tags: Option<&Vec<String>>) -> Result<()> {
    for (i, tag) in tags.into_iter().flatten().enumerate() {
        at(
            &format!("tags[{i}]"),
            checked("tag", tag, MAX_TAG_CHARS, Lines::Single),
        )?;
    }
    Ok(())
}

/// What arrives from a partner (`shared_ticket.receive_update`, and the comments `nhd.receive`
/// reads).
pub(crate) fn check_incoming(update: &IncomingUpdate) -> Result<()> {
    if let Some(requester) = &update.requester {
        actor("requester", requester)?;
    }
    for (i, c) in update.comments.iter().enumerate() {
        comment(&format!("comments[{i}]"), c)?;
    }
    tags(update.tags.as_ref())
}

/// What leaves for a partner (`shared_ticket.prepare_update`, and every ticket request).
pub(crate) fn check_outgoing(payload: &PartnerPayload) -> Result<()> {
    for (i, c) in payload.comments.iter().enumerate() {
        comment(&format!("comments[{i}]"), c)?;
    }
    tags(payload.tags.as_ref())
}
