//! The protocol's timestamps (NHD-02): written `YYYY-MM-DD HH:MM:SS +HHMM` (the gem's
//! `strftime('%Y-%m-%d %H:%M:%S %z')`), in UTC; read in that form with any offset, with the
//! offset's colon too (`-08:00`, as Ruby's `Time#to_s` on some versions and RT write it,
//! NHD-09), or as RFC 3339 (`2026-11-23T09:00:00Z`, `+01:00`). They compare as instants, to the second: the
//! written form has no fractions, so a fraction read is dropped.

use crate::base::error::{Error, Reason, Result};
use crate::base::time::Timestamp;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An instant on the wire, to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NhdTime(i64);

fn invalid() -> Error {
    Error::new(
        Reason::InvalidTime,
        "not a timestamp: YYYY-MM-DD HH:MM:SS +HHMM or RFC 3339",
    )
}

/// Reads `digits` ASCII digits as a number.
fn number<T: std::str::FromStr>(text: &str, digits: usize) -> Option<T> {
    (text.len() == digits && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

impl NhdTime {
    /// The instant `secs` seconds after the Unix epoch.
    pub const fn from_unix_seconds(secs: i64) -> Self {
        Self(secs)
    }

    /// Seconds since the Unix epoch.
    pub const fn unix_seconds(self) -> i64 {
        self.0
    }

    /// The instant, to the second (a fraction of `at` is dropped).
    pub const fn from_timestamp(at: Timestamp) -> Self {
        Self(at.unix_seconds())
    }

    /// The instant as a [`Timestamp`].
    pub fn timestamp(self) -> Result<Timestamp> {
        Timestamp::from_unix_seconds(self.0)
    }

    /// Reads the protocol's form or RFC 3339.
    pub fn parse(text: &str) -> Result<Self> {
        let text = text.trim();
        if text.len() > 64 {
            return Err(invalid());
        }
        if let Some(parsed) = Self::parse_protocol(text) {
            return Ok(parsed);
        }
        Timestamp::parse_rfc3339(text)
            .map(Self::from_timestamp)
            .map_err(|_| invalid())
    }

    /// `YYYY-MM-DD HH:MM:SS +HHMM` (or `-HHMM`, or either with a colon: `+HH:MM`): the numbers
    /// are split out here, the calendar and the offset are `time`'s.
    fn parse_protocol(text: &str) -> Option<Self> {
        let mut parts = text.split(' ');
        let (date, clock, offset) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let colonless;
        let offset = match offset.len() {
            5 => offset,
            6 if offset.get(3..4) == Some(":") => {
                colonless = format!("{}{}", offset.get(..3)?, offset.get(4..)?);
                colonless.as_str()
            }
            _ => return None,
        };
        let mut d = date.split('-');
        let (year, month, day) = (
            number::<i32>(d.next()?, 4)?,
            number::<u8>(d.next()?, 2)?,
            number::<u8>(d.next()?, 2)?,
        );
        let mut c = clock.split(':');
        let (hour, minute, second) = (
            number::<u8>(c.next()?, 2)?,
            number::<u8>(c.next()?, 2)?,
            number::<u8>(c.next()?, 2)?,
        );
        if d.next().is_some() || c.next().is_some() {
            return None;
        }
        let (sign, digits) = offset.split_at(1);
        let sign: i8 = match sign {
            "+" => 1,
            "-" => -1,
            _ => return None,
        };
        let (oh, om) = digits.split_at(2);
        let (oh, om) = (number::<i8>(oh, 2)?, number::<i8>(om, 2)?);
        let date =
            time::Date::from_calendar_date(year, time::Month::try_from(month).ok()?, day).ok()?;
        let clock = time::Time::from_hms(hour, minute, second).ok()?;
        let offset = time::UtcOffset::from_hms(sign * oh, sign * om, 0).ok()?;
        Some(Self(
            time::PrimitiveDateTime::new(date, clock)
                .assume_offset(offset)
                .unix_timestamp(),
        ))
    }
}

impl fmt::Display for NhdTime {
    /// `YYYY-MM-DD HH:MM:SS +0000`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Ok(at) = time::OffsetDateTime::from_unix_timestamp(self.0) else {
            return Err(fmt::Error);
        };
        write!(
            f,
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02} +0000",
            at.year(),
            u8::from(at.month()),
            at.day(),
            at.hour(),
            at.minute(),
            at.second()
        )
    }
}

impl Serialize for NhdTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for NhdTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for NhdTime {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "NhdTime".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "YYYY-MM-DD HH:MM:SS +HHMM (written in UTC), or RFC 3339 on input."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<i64> {
        NhdTime::parse(text).ok().map(NhdTime::unix_seconds)
    }

    #[test]
    fn nhd_02_timestamps_in_the_protocols_form_and_rfc_3339_compare_as_instants() {
        let utc = at("2011-01-02 18:01:01 +0000");
        assert_eq!(utc, Some(1_293_991_261));
        assert_eq!(at("2011-01-02 13:01:01 -0500"), utc);
        assert_eq!(at("2011-01-02T18:01:01Z"), utc);
        assert_eq!(at("2011-01-02T19:01:01+01:00"), utc);
        assert_eq!(at("2011-01-02T18:01:01.999Z"), utc, "a fraction is dropped");
        assert_eq!(
            NhdTime::from_unix_seconds(1_293_991_261).to_string(),
            "2011-01-02 18:01:01 +0000"
        );
        for bad in [
            "2011-01-02 18:01:01",
            "2011-01-02 18:01:01 UTC",
            "2011-02-30 18:01:01 +0000",
            "2011-01-02 24:01:01 +0000",
            "2011-01-02  18:01:01 +0000",
            "2011-01-02 18:01:01 +000",
            "2011-01-02 18:01:01 *0000",
            "2011-01-02",
            "",
            "yesterday",
        ] {
            assert_eq!(at(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn nhd_09_a_protocol_timestamp_may_write_its_offset_with_a_colon() {
        let utc = at("2010-11-24 22:13:54 +0000");
        assert_eq!(at("2010-11-24 14:13:54 -08:00"), utc);
        assert_eq!(at("2010-11-25 03:43:54 +05:30"), utc);
        for bad in [
            "2010-11-24 14:13:54 -08:0",
            "2010-11-24 14:13:54 -0:800",
            "2010-11-24 14:13:54 -08-00",
            "2010-11-24 14:13:54 -08:000",
            "2010-11-24 14:13:54 08:00",
        ] {
            assert_eq!(at(bad), None, "{bad:?}");
        }
    }
}
