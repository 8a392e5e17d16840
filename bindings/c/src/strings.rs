//! Strings handed to C. Each is allocated here and registered by address, and
//! `ts_string_free` frees only a registered address, once.
//!
//! What that guarantees, exactly: a pointer the library never returned (a string literal, a
//! pointer into the middle of a string, one from `malloc`) is refused as `TS_INVALID_HANDLE`,
//! and so is a second free of the same string *as long as no later string got the same address*.
//! After the allocator reuses the address for a new string, a stale pointer cannot be told from
//! the new one (it is the same pointer), so a double free is a caller bug the library catches
//! in the common case, not in every case. Engine handles have no such gap (see `handles`).

use std::collections::BTreeSet;
use std::ffi::{c_char, CString};
use std::sync::Mutex;

/// Addresses of live strings. (A B-tree: its nodes are pointed at from their start, so leak
/// checkers see the process-long registry as reachable.)
static LIVE: Mutex<BTreeSet<usize>> = Mutex::new(BTreeSet::new());

fn live() -> std::sync::MutexGuard<'static, BTreeSet<usize>> {
    LIVE.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Hands a string to C: allocated here, registered, freed only by `ts_string_free`.
pub(crate) fn give(text: String) -> *mut c_char {
    // JSON and tokens never hold a NUL; drop any defensively rather than fail.
    let c = CString::new(text).unwrap_or_else(|e| {
        let mut bytes = e.into_vec();
        bytes.retain(|b| *b != 0);
        CString::new(bytes).unwrap_or_default()
    });
    let ptr = c.into_raw();
    live().insert(ptr as usize);
    ptr
}

/// Frees a string from [`give`]: `false` (and nothing freed) for any pointer not live.
pub(crate) fn free(ptr: *mut c_char) -> bool {
    if !live().remove(&(ptr as usize)) {
        return false;
    }
    // SAFETY: registered by `give` (so made by CString::into_raw) and removed just now, so this
    // is its only free.
    drop(unsafe { CString::from_raw(ptr) });
    true
}
