//! Randomness comes in through [`RandomSource`]: the operating system's in production
//! ([`OsRandom`]), a seeded one in tests (`testing::SeededRandom`, behind the
//! `testing` feature so a production build cannot pick it up by accident).

use crate::error::{Error, Reason, Result};

/// A source of cryptographically secure random bytes.
pub trait RandomSource {
    /// Fills `buf` entirely with random bytes.
    fn fill(&mut self, buf: &mut [u8]) -> Result<()>;
}

/// Randomness from the operating system (`getrandom`).
#[cfg(feature = "os-random")]
#[derive(Debug, Clone, Copy, Default)]
pub struct OsRandom;

#[cfg(feature = "os-random")]
impl RandomSource for OsRandom {
    fn fill(&mut self, buf: &mut [u8]) -> Result<()> {
        getrandom::fill(buf)
            .map_err(|_| Error::new(Reason::RandomnessUnavailable, "the OS random source failed"))
    }
}

/// Draws a uniformly random number in `0..bound` (rejection sampling, no modulo bias).
pub(crate) fn uniform_below(rng: &mut dyn RandomSource, bound: u32) -> Result<u32> {
    if bound == 0 {
        return Err(Error::new(Reason::InvalidConfig, "empty range"));
    }
    // Largest multiple of `bound` that fits; draws at or above it are rejected.
    let zone = u32::MAX - (u32::MAX % bound);
    loop {
        let mut bytes = [0u8; 4];
        rng.fill(&mut bytes)?;
        let draw = u32::from_le_bytes(bytes);
        if draw < zone {
            return Ok(draw % bound);
        }
    }
}
