//! Randomness comes in through [`RandomSource`]: the operating system's in production
//! ([`OsRandom`]), a predictable seeded one in tests and golden vectors (`SeededRandom`, with
//! the `testing` feature only). Nothing in the configuration selects the seeded source, and a
//! build without the `testing` feature (every library, wheel and npm package a host installs)
//! does not contain it.

use crate::base::error::{Error, Reason, Result};
#[cfg(feature = "testing")]
use sha2::{Digest, Sha256};

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

/// Predictable "randomness" for tests and golden vectors: SHA-256 of a seed and a counter.
///
/// Anyone who knows the seed knows every code and id it yields. Never use it in production.
#[cfg(feature = "testing")]
#[derive(Debug, Clone)]
pub struct SeededRandom {
    seed: u64,
    counter: u64,
}

#[cfg(feature = "testing")]
impl SeededRandom {
    /// A source that yields the same stream for the same seed.
    pub const fn new(seed: u64) -> Self {
        Self { seed, counter: 0 }
    }
}

#[cfg(feature = "testing")]
impl RandomSource for SeededRandom {
    fn fill(&mut self, buf: &mut [u8]) -> Result<()> {
        for chunk in buf.chunks_mut(32) {
            let mut hasher = Sha256::new();
            hasher.update(self.seed.to_le_bytes());
            hasher.update(self.counter.to_le_bytes());
            self.counter = self.counter.wrapping_add(1);
            let block = hasher.finalize();
            for (out, byte) in chunk.iter_mut().zip(block.iter()) {
                *out = *byte;
            }
        }
        Ok(())
    }
}
