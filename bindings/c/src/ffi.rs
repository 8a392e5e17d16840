//! The only place raw pointers from C are touched. Every exported function goes through
//! [`guard`] (a panic becomes `TS_PANIC`, never an unwind into C) and reads its pointers through
//! the helpers here, each with its NULL check and bound in one place, as rustls-ffi's
//! `try_ref_from_ptr!` family does. A pointer a caller hands in must be what its header
//! documentation says (a NUL-terminated string, `len` readable bytes, a writable out-parameter):
//! that is the `unsafe` contract of every export, and these helpers rely on nothing more.

use crate::ts_result;
use std::ffi::c_char;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs `body`, turning a panic into `on_panic`. Every exported function goes through here.
pub(crate) fn guard<T>(on_panic: T, body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(on_panic)
}

/// Runs an engine function that reports a reason: `body` gets the place for the engine's reason
/// (set it on `TS_REFUSED`). Whenever the status is not `TS_OK`, `*reason_out` (if not NULL)
/// gets a reason number: the engine's, or the status's own ([`ts_result::reason`]) for a
/// failure at the boundary, a panic included. So a binding raises from the reason alone.
pub(crate) fn reasoned(
    reason_out: *mut u32,
    body: impl FnOnce(&mut u32) -> ts_result,
) -> ts_result {
    put(reason_out, 0);
    let mut reason = 0;
    let status = guard(ts_result::TS_PANIC, || body(&mut reason));
    if status != ts_result::TS_OK {
        put(
            reason_out,
            if status == ts_result::TS_REFUSED && reason != 0 {
                reason
            } else {
                status.reason()
            },
        );
    }
    status
}

/// What a bounded read found.
pub(crate) enum Input<'a> {
    /// The bytes, at most the bound.
    Bytes(&'a [u8]),
    /// More than the bound: the bytes were not read past it.
    TooLarge,
}

/// Reads a NUL-terminated string, looking at no more than `max + 1` bytes (so a huge input is
/// refused without being walked). NULL is `TS_NULL_ARGUMENT`.
pub(crate) fn c_str<'a>(ptr: *const c_char, max: usize) -> Result<Input<'a>, ts_result> {
    if ptr.is_null() {
        return Err(ts_result::TS_NULL_ARGUMENT);
    }
    let bound = max.saturating_add(1);
    // SAFETY: the caller promises a NUL-terminated string; strnlen reads at most `bound` bytes
    // of it and stops at its NUL.
    let len = unsafe { libc::strnlen(ptr, bound) };
    if len > max {
        return Ok(Input::TooLarge);
    }
    // SAFETY: strnlen found `len` bytes before a NUL, all readable.
    Ok(Input::Bytes(unsafe {
        std::slice::from_raw_parts(ptr.cast::<u8>(), len)
    }))
}

/// Reads `len` bytes at `ptr`, refusing a length over `max` before anything is read. NULL is
/// `TS_NULL_ARGUMENT` (but NULL with `len == 0` is the empty input).
pub(crate) fn bytes<'a>(
    ptr: *const std::ffi::c_char,
    len: usize,
    max: usize,
) -> Result<Input<'a>, ts_result> {
    if len > max {
        return Ok(Input::TooLarge);
    }
    if len == 0 {
        return Ok(Input::Bytes(&[]));
    }
    if ptr.is_null() {
        return Err(ts_result::TS_NULL_ARGUMENT);
    }
    // SAFETY: the caller promises `len` readable bytes at `ptr`.
    Ok(Input::Bytes(unsafe {
        std::slice::from_raw_parts(ptr.cast::<u8>(), len)
    }))
}

/// A C string that must be UTF-8 (`TS_INVALID_UTF8` otherwise) and at most `max` bytes
/// (`TS_TOO_LARGE`), for arguments that are not engine input: paths and the like.
pub(crate) fn utf8<'a>(ptr: *const c_char, max: usize) -> Result<&'a str, ts_result> {
    match c_str(ptr, max)? {
        Input::Bytes(bytes) => std::str::from_utf8(bytes).map_err(|_| ts_result::TS_INVALID_UTF8),
        Input::TooLarge => Err(ts_result::TS_TOO_LARGE),
    }
}

/// An out-parameter: the place to write, or `TS_NULL_ARGUMENT`.
pub(crate) fn out<'a, T>(ptr: *mut T) -> Result<&'a mut std::mem::MaybeUninit<T>, ts_result> {
    // SAFETY: the caller promises a pointer valid for a write of `T` (or NULL, refused here);
    // MaybeUninit makes no claim about what is there now.
    unsafe { ptr.cast::<std::mem::MaybeUninit<T>>().as_mut() }.ok_or(ts_result::TS_NULL_ARGUMENT)
}

/// An optional out-parameter: writes `value` when `ptr` is not NULL.
pub(crate) fn put<T>(ptr: *mut T, value: T) {
    if let Ok(slot) = out(ptr) {
        slot.write(value);
    }
}

/// The struct behind a `ts_code_check_result *` the caller fills and frees: a mutable
/// reference, or NULL.
pub(crate) fn existing<'a, T>(ptr: *mut T) -> Option<&'a mut T> {
    // SAFETY: the caller promises NULL or a valid, initialised `T` (one the library filled).
    unsafe { ptr.as_mut() }
}

/// Returns early with the status of an `Err` from a helper above.
macro_rules! try_ffi {
    ($e:expr) => {
        match $e {
            Ok(value) => value,
            Err(status) => return status,
        }
    };
}

pub(crate) use try_ffi;
