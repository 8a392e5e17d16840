//! Instants and durations. The engine never reads a clock: every operation takes `now`.

use crate::error::{Error, Reason, Result};
use serde::{Deserialize, Serialize};
use std::fmt;
use time::OffsetDateTime;

/// An instant, serialised as an RFC 3339 string (`"2026-11-23T18:00:00Z"`), full precision kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(#[serde(with = "time::serde::rfc3339")] OffsetDateTime);

impl Timestamp {
    /// The instant `secs` seconds after the Unix epoch (UTC).
    pub fn from_unix_seconds(secs: i64) -> Result<Self> {
        OffsetDateTime::from_unix_timestamp(secs)
            .map(Self)
            .map_err(|_| Error::new(Reason::InvalidTime, "unix time out of range"))
    }

    /// The instant `nanos` nanoseconds after the Unix epoch (UTC).
    pub fn from_unix_nanos(nanos: i64) -> Result<Self> {
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(nanos))
            .map(Self)
            .map_err(|_| Error::new(Reason::InvalidTime, "unix time out of range"))
    }

    /// Parses an RFC 3339 string.
    pub fn parse_rfc3339(text: &str) -> Result<Self> {
        OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
            .map(Self)
            .map_err(|_| Error::new(Reason::InvalidTime, "not an RFC 3339 timestamp"))
    }

    /// Nanoseconds since the Unix epoch, if they fit an `i64` (until year 2262).
    pub fn unix_nanos(self) -> Result<i64> {
        i64::try_from(self.0.unix_timestamp_nanos())
            .map_err(|_| Error::new(Reason::InvalidTime, "timestamp beyond the year 2262"))
    }

    /// Whole seconds since the Unix epoch.
    pub fn unix_seconds(self) -> i64 {
        self.0.unix_timestamp()
    }

    /// `self + duration`, refused on overflow.
    pub fn plus(self, duration: Seconds) -> Result<Self> {
        self.0
            .checked_add(time::Duration::seconds(i64::from(duration.0)))
            .map(Self)
            .ok_or(Error::new(Reason::InvalidTime, "timestamp overflow"))
    }

    /// `self - duration`, refused on overflow.
    pub fn minus(self, duration: Seconds) -> Result<Self> {
        self.0
            .checked_sub(time::Duration::seconds(i64::from(duration.0)))
            .map(Self)
            .ok_or(Error::new(Reason::InvalidTime, "timestamp overflow"))
    }

    /// The earlier of two instants.
    pub fn min(self, other: Self) -> Self {
        std::cmp::min(self, other)
    }

    /// RFC 3339 text, in UTC.
    pub fn to_rfc3339(self) -> String {
        self.0
            .to_offset(time::UtcOffset::UTC)
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_else(|_| self.0.unix_timestamp().to_string())
    }

    /// The underlying `time` value.
    pub fn as_offset_date_time(self) -> OffsetDateTime {
        self.0
    }
}

impl From<OffsetDateTime> for Timestamp {
    fn from(value: OffsetDateTime) -> Self {
        Self(value)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

/// A duration in whole seconds (configuration values: TTLs, cooldowns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Seconds(pub u32);

impl Seconds {
    /// `minutes` minutes.
    pub const fn minutes(minutes: u32) -> Self {
        Self(minutes * 60)
    }

    /// `hours` hours.
    pub const fn hours(hours: u32) -> Self {
        Self(hours * 3600)
    }
}
