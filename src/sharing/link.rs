//! What a share link carries: the plan without private notes, written as the plan
//! file's text and compressed into the URL fragment (which browsers never send to a
//! server). The browser compresses (`zlib`); this module decides what a link holds
//! and reads it back, without browser types, so it is tested natively.

use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use base64::Engine;

use crate::domain::kap::Readiness;
use crate::domain::model::{Partner, Plan};
use crate::domain::status::reopen_if_broken;
use crate::storage::format::{decode, encode, FormatError, MAX_FILE_BYTES};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    /// The link was cut short or changed on its way.
    #[error("This link is damaged: part of it is missing or was changed. Ask for the link again, and copy all of it.")]
    Damaged,
    #[error("This link does not hold a plan this app can open: {0}")]
    Unreadable(FormatError),
    /// The browser has no `CompressionStream` (before Safari 16.4 or Firefox 113).
    #[error("This browser cannot make or open plan links: use a current version of Firefox, Safari, Chrome or Edge.")]
    NoCompression,
}

/// Which page a link opens: a shared plan or the couple's reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    Share,
    Reply,
}

impl LinkKind {
    fn prefix(self) -> &'static str {
        match self {
            LinkKind::Share => "#/share/",
            LinkKind::Reply => "#/reply/",
        }
    }
}

/// What a link carries, before the browser compresses it (zlib, whose checksum lets a
/// changed link be caught). The browser compresses it: `zlib`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkText {
    pub kind: LinkKind,
    pub text: String,
}

/// The longest text a link may open into: the plan file limit, so a small link cannot
/// inflate into something that stalls the page.
pub const MAX_LINK_TEXT_BYTES: usize = MAX_FILE_BYTES;

/// The fragment part of a link, from its compressed text: `#/share/DATA` or `#/reply/DATA`.
pub fn fragment(kind: LinkKind, compressed: &[u8]) -> String {
    format!("{}{}", kind.prefix(), URL_SAFE_NO_PAD.encode(compressed))
}

/// The compressed bytes in a link's DATA part. Links are written in URL-safe base64;
/// one that reached the person re-encoded in standard base64 (`+`, `/`, `=`) opens too.
pub fn compressed_bytes(data: &str) -> Result<Vec<u8>, ShareError> {
    let data = data.trim().trim_end_matches('=');
    URL_SAFE_NO_PAD.decode(data).or_else(|_| STANDARD_NO_PAD.decode(data)).map_err(|_| ShareError::Damaged)
}

fn text_of(bytes: Vec<u8>) -> Result<String, ShareError> {
    String::from_utf8(bytes).map_err(|_| ShareError::Damaged)
}

/// The plan as the couple's page shows it, and so as a share link carries it: no private
/// notes, and of each partner's readiness record only the ride home (the agenda names the
/// driver). Screen answers and the prescriber's clearance stay with the therapist: either
/// partner may open the link. Read as any arriving plan is, so a confirmed plan the copy
/// can no longer show free of errors (readiness is not in it) reads as reopened, the same
/// at both ends of the link.
pub fn shared_copy(plan: &Plan) -> Plan {
    let mut shared = plan.clone();
    for block in &mut shared.blocks {
        block.private_notes.clear();
    }
    for session in &mut shared.follow_ups {
        session.private_notes.clear();
    }
    for partner in [Partner::A, Partner::B] {
        let ride_home = shared.kap.readiness(partner).ride_home.clone();
        *shared.kap.readiness_mut(partner) = Readiness { ride_home, ..Readiness::default() };
    }
    reopen_if_broken(&mut shared);
    shared
}

/// What a share link carries: the plan as the couple's page shows it.
pub fn share_text(plan: &Plan) -> LinkText {
    LinkText { kind: LinkKind::Share, text: encode(&shared_copy(plan)) }
}

/// The plan in a share link's text, once the link is uncompressed.
pub fn read_share(text: Vec<u8>) -> Result<Plan, ShareError> {
    let plan = decode(&text_of(text)?).map_err(ShareError::Unreadable)?;
    // A tampered link could carry private notes or screen answers; they are never shown.
    Ok(shared_copy(&plan))
}
