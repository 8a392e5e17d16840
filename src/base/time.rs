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

/// The current time as the host's clock gives it: an instant on or after 2000-01-01.
///
/// Every operation that depends on time takes a `Now`; the engine never reads a clock. The lower
/// bound turns a clock read in the wrong unit (seconds or milliseconds where nanoseconds are
/// expected, or `-1`) into an `invalid_time` refusal, in every language, instead of a time in
/// 1970 at which every link is still valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Now(Timestamp);

impl Now {
    /// The earliest time accepted as the current time: 2000-01-01T00:00:00Z.
    pub const EARLIEST: Timestamp = Timestamp(946_684_800 * NANOS_PER_SECOND);

    /// The current time, refused with `invalid_time` before [`Now::EARLIEST`].
    pub fn new(at: Timestamp) -> Result<Self> {
        if at < Self::EARLIEST {
            return Err(Error::new(
                Reason::InvalidTime,
                "now is before 2000-01-01: a clock in the wrong unit?",
            ));
        }
        Ok(Self(at))
    }

    /// The current time from Unix nanoseconds.
    pub fn from_unix_nanos(nanos: i64) -> Result<Self> {
        Self::new(Timestamp::from_unix_nanos(nanos))
    }

    /// The current time from RFC 3339 text.
    pub fn parse_rfc3339(text: &str) -> Result<Self> {
        Timestamp::parse_rfc3339(text).and_then(Self::new)
    }

    /// The current time from RFC 3339 text a binding received as bytes (invalid UTF-8 is
    /// `invalid_time` like any other text that is no time).
    pub fn parse_rfc3339_bytes(text: &[u8]) -> Result<Self> {
        std::str::from_utf8(text)
            .map_err(|_| Error::new(Reason::InvalidTime, "not an RFC 3339 timestamp"))
            .and_then(Self::parse_rfc3339)
    }

    /// The instant.
    pub const fn timestamp(self) -> Timestamp {
        self.0
    }
}

impl fmt::Display for Now {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl Serialize for Now {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Now {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Timestamp::deserialize(deserializer)
            .and_then(|at| Self::new(at).map_err(serde::de::Error::custom))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Timestamp {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Timestamp".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date-time",
            "description": "An instant as RFC 3339 text, years 1678 to 2262; any offset on input, UTC on output."
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Now {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Now".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date-time",
            "description": "The current time as RFC 3339 text, on or after 2000-01-01 (earlier is refused as invalid_time)."
        })
    }
}

/// A duration in whole seconds (configuration values: TTLs, cooldowns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

    #[test]
    fn sec_03_now_before_2000_is_a_clock_in_the_wrong_unit() {
        let seconds = 1_795_424_400_i64; // 2026-11-23T09:00:00Z in seconds, not nanoseconds
        for wrong in [seconds, seconds * 1000, seconds * 1_000_000, -1, 0] {
            let err = Now::from_unix_nanos(wrong).unwrap_err();
            assert_eq!(err.reason(), Reason::InvalidTime, "{wrong}");
        }
        assert!(Now::from_unix_nanos(seconds * 1_000_000_000).is_ok());
        assert_eq!(Now::new(Now::EARLIEST).unwrap().timestamp(), Now::EARLIEST);
        assert_eq!(
            Now::parse_rfc3339("1999-12-31T23:59:59.999999999Z")
                .unwrap_err()
                .reason(),
            Reason::InvalidTime
        );
        assert!(serde_json::from_str::<Now>("\"1970-01-01T00:00:01Z\"").is_err());
        assert_eq!(Now::EARLIEST.to_rfc3339(), "2000-01-01T00:00:00Z");
    }
}
