//! Test helpers, compiled only with the `testing` feature. Never use these in production.

use crate::error::Result;
use crate::random::RandomSource;
use sha2::{Digest, Sha256};

/// Reproducible "randomness" for tests and golden vectors: SHA-256 of a seed and a counter.
///
/// Anyone who knows the seed knows every code and id it yields. It exists so that tests and
/// vectors give the same bytes on every run; it is behind the `testing` feature so a production
/// build does not contain it.
#[derive(Debug, Clone)]
pub struct SeededRandom {
    seed: u64,
    counter: u64,
}

impl SeededRandom {
    /// A source that yields the same stream for the same seed.
    pub const fn new(seed: u64) -> Self {
        Self { seed, counter: 0 }
    }
}

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
