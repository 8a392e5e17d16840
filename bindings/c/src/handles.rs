//! Engine handles that cannot be confused: a `ts_engine` is a slot index and a generation, never
//! an address. Freeing a handle bumps its slot's generation, so the old handle, and every copy
//! of it, is `TS_INVALID_HANDLE` from then on, even after a new engine takes the slot (the
//! generational slab of `slotmap` and `sharded-slab`). An address registry cannot do this:
//! a new engine at a freed engine's address looks just like it.
//!
//! Engines are reference-counted, so `ts_engine_free` while another thread is still inside a
//! call on the same engine is safe: the call keeps the engine alive until it returns, and the
//! engine (keys wiped) is dropped when the last call ends. Looking a handle up takes no lock:
//! the slot's engine is read through `arc-swap`, whose reads cost a few atomic operations and
//! never wait for a writer.
//!
//! This module is safe Rust: no pointer is ever handed out.

use arc_swap::ArcSwapOption;
use std::sync::atomic::{AtomicU32, Ordering::SeqCst};
use std::sync::{Arc, Mutex, OnceLock};
use ticketshare::api::Api;

/// Slots per chunk; chunks are allocated as engines are made, and never freed.
const CHUNK: usize = 64;
/// Chunks: at most `CHUNK * CHUNKS` (65,536) engines alive at once.
const CHUNKS: usize = 1024;
/// The most engines alive at once.
pub(crate) const CAPACITY: usize = CHUNK * CHUNKS;

struct Slot {
    /// Bumped by every free: a handle is live only while its generation is the slot's.
    generation: AtomicU32,
    engine: ArcSwapOption<Api>,
}

struct Table {
    chunks: [OnceLock<Box<[Slot; CHUNK]>>; CHUNKS],
    /// Slots never used so far start here.
    next: AtomicU32,
    /// Freed slots, reused before new ones.
    free: Mutex<Vec<u32>>,
}

static TABLE: Table = Table {
    chunks: [const { OnceLock::new() }; CHUNKS],
    next: AtomicU32::new(0),
    free: Mutex::new(Vec::new()),
};

/// A handle's 64 bits: the generation above, the slot index plus one below (so no live handle
/// is 0, the value of a zeroed or never-set handle).
fn encode(index: u32, generation: u32) -> u64 {
    (u64::from(generation) << 32) | (u64::from(index) + 1)
}

fn decode(id: u64) -> Option<(u32, u32)> {
    let index = u32::try_from(id & 0xFFFF_FFFF).ok()?.checked_sub(1)?;
    let generation = u32::try_from(id >> 32).ok()?;
    Some((index, generation))
}

fn slot(index: u32) -> Option<&'static Slot> {
    let index = usize::try_from(index).ok()?;
    let chunk = TABLE.chunks.get(index / CHUNK)?.get()?;
    chunk.get(index % CHUNK)
}

fn slot_or_new(index: u32) -> Option<&'static Slot> {
    let index = usize::try_from(index).ok()?;
    let chunk = TABLE.chunks.get(index / CHUNK)?.get_or_init(|| {
        Box::new(std::array::from_fn(|_| Slot {
            generation: AtomicU32::new(0),
            engine: ArcSwapOption::empty(),
        }))
    });
    chunk.get(index % CHUNK)
}

fn free_list() -> std::sync::MutexGuard<'static, Vec<u32>> {
    TABLE
        .free
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Stores an engine and returns its handle; `None` when [`CAPACITY`] engines are alive.
pub(crate) fn insert(api: Api) -> Option<u64> {
    let index = match free_list().pop() {
        Some(index) => index,
        None => {
            let index = TABLE.next.fetch_add(1, SeqCst);
            if usize::try_from(index).ok()? >= CAPACITY {
                TABLE.next.fetch_sub(1, SeqCst);
                return None;
            }
            index
        }
    };
    let slot = slot_or_new(index)?;
    slot.engine.store(Some(Arc::new(api)));
    Some(encode(index, slot.generation.load(SeqCst)))
}

/// Runs `f` with the engine of a live handle; `None` for a handle that was never made, was
/// freed, or is a stale copy of a freed one.
pub(crate) fn with<R>(id: u64, f: impl FnOnce(&Api) -> R) -> Option<R> {
    let (index, generation) = decode(id)?;
    let slot = slot(index)?;
    // Load first, then check the generation: if the slot was freed (and perhaps reused) since
    // the handle was made, the generation has moved on and the loaded engine is not used.
    let engine = slot.engine.load();
    if slot.generation.load(SeqCst) != generation {
        return None;
    }
    engine.as_deref().map(f)
}

/// Frees a live handle's engine; `false` for any other handle. The engine is dropped now, or
/// when the last call still inside it returns.
pub(crate) fn remove(id: u64) -> bool {
    let Some((index, generation)) = decode(id) else {
        return false;
    };
    let Some(slot) = slot(index) else {
        return false;
    };
    let next = generation.wrapping_add(1);
    if slot
        .generation
        .compare_exchange(generation, next, SeqCst, SeqCst)
        .is_err()
    {
        return false;
    }
    let engine = slot.engine.swap(None);
    drop(engine);
    // A slot whose generation would wrap around is retired, so no handle ever comes back.
    if next != u32::MAX {
        free_list().push(index);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_round_trip_and_zero_is_never_live() {
        assert_eq!(decode(encode(0, 0)), Some((0, 0)));
        assert_eq!(decode(encode(7, u32::MAX - 1)), Some((7, u32::MAX - 1)));
        assert_eq!(decode(0), None);
        assert_ne!(encode(0, 0), 0);
    }
}
