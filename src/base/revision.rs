//! Revisions (SEC-02): every record the engine changes comes back with the next revision, so a
//! host writes it only over the revision it read. Two calls decided on the same stored record
//! (two codes typed at once) return the same revision; the host's conditional write lets the
//! first through and refuses the second, which reads the record again and calls again:
//!
//! ```sql
//! UPDATE shares SET record = :new, revision = :revision
//!  WHERE id = :id AND revision = :revision - 1;   -- 0 rows: lost the race; read and retry
//! ```
//!
//! A new record has revision 1 (an insert; a unique key makes a second insert lose). A record
//! stored before revisions existed reads as revision 0.

use serde::{Deserialize, Serialize};

/// A record's revision: 1 when made, one more each time the engine changes it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Revision(pub u64);

impl Revision {
    /// A new record's revision.
    pub const FIRST: Self = Self(1);

    /// The revision of the record after a change: the host writes it where the stored one is
    /// `self`.
    #[must_use]
    pub const fn next(self) -> Self {
        Self(self.0.saturating_add(1))
    }

    /// The revision a record of this revision replaces (0 for a new record: an insert).
    pub const fn replaces(self) -> u64 {
        self.0.saturating_sub(1)
    }
}
