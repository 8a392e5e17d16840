//! Instants and durations. The engine never reads a clock: every operation takes `now`.

use crate::base::error::{Error, Reason, Result};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

const NANOS_PER_SECOND: i64 = 1_000_000_000;

/// An instant, held as Unix nanoseconds (years 1678 to 2262), serialised as an RFC 3339 string
/// in UTC (`"2026-11-23T18:00:00Z"`, fractions kept). Any offset is accepted on input and the
/// instant is kept exactly; output is always UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
pub struct Timestamp(i64);

fn out_of_range() -> Error {
    Error::new(
        Reason::InvalidTime,
        "timestamp outside the years 1678 to 2262",
    )
}

impl Timestamp {
    /// The instant `secs` seconds after the Unix epoch.
    pub fn from_unix_seconds(secs: i64) -> Result<Self> {
        secs.checked_mul(NANOS_PER_SECOND)
            .map(Self)
            .ok_or_else(out_of_range)
    }

    /// The instant `nanos` nanoseconds after the Unix epoch.
    pub const fn from_unix_nanos(nanos: i64) -> Self {
        Self(nanos)
    }

    /// Parses an RFC 3339 string.
    pub fn parse_rfc3339(text: &str) -> Result<Self> {
        let parsed = OffsetDateTime::parse(text, &Rfc3339)
            .map_err(|_| Error::new(Reason::InvalidTime, "not an RFC 3339 timestamp"))?;
        i64::try_from(parsed.unix_timestamp_nanos())
            .map(Self)
            .map_err(|_| out_of_range())
    }

    /// Nanoseconds since the Unix epoch.
    pub const fn unix_nanos(self) -> i64 {
        self.0
    }

    /// Whole seconds since the Unix epoch (rounded down).
    pub const fn unix_seconds(self) -> i64 {
        self.0.div_euclid(NANOS_PER_SECOND)
    }

    /// `self + duration`, refused outside the range.
    pub fn plus(self, duration: Seconds) -> Result<Self> {
        self.0
            .checked_add(duration.nanos())
            .map(Self)
            .ok_or_else(out_of_range)
    }

    /// `self - duration`, refused outside the range.
    pub fn minus(self, duration: Seconds) -> Result<Self> {
        self.0
            .checked_sub(duration.nanos())
            .map(Self)
            .ok_or_else(out_of_range)
    }

    /// The earlier of two instants.
    pub fn min(self, other: Self) -> Self {
        std::cmp::min(self, other)
    }

    /// RFC 3339 text in UTC.
    pub fn to_rfc3339(self) -> String {
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.0))
            .ok()
            .and_then(|t| t.format(&Rfc3339).ok())
            .unwrap_or_else(|| format!("@{}ns", self.0))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Self::parse_rfc3339(&text).map_err(serde::de::Error::custom)
    }
}

/// A duration in whole seconds (configuration values: TTLs, cooldowns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

    const fn nanos(self) -> i64 {
        // u32 seconds in nanoseconds stay far below i64::MAX.
        self.0 as i64 * NANOS_PER_SECOND
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sec_03_timestamps_round_trip_and_refuse_out_of_range() {
        let t = Timestamp::parse_rfc3339("2026-11-23T10:00:00.5+02:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-23T08:00:00.5Z");
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(serde_json::from_str::<Timestamp>(&json).unwrap(), t);
        for bad in ["2026-11-23", "yesterday", "2300-01-01T00:00:00Z", ""] {
            let err = Timestamp::parse_rfc3339(bad).unwrap_err();
            assert_eq!(err.reason(), Reason::InvalidTime, "{bad:?}");
        }
        assert!(Timestamp::from_unix_nanos(i64::MAX)
            .plus(Seconds(1))
            .is_err());
        assert_eq!(Timestamp::from_unix_nanos(-1).unix_seconds(), -1);
    }
}
