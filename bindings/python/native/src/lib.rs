//! `ticketshare._native`: the Python package's way into the C ABI. Every function here calls
//! the `ts_*` function of `ticketshare-c` that C, PHP or Ruby would call, and hands back what
//! it wrote; the package's Python code (`_engine.py`) turns the reason that comes with every
//! failure into an exception. No rule is decided here. Compiled (PyO3, the stable ABI of
//! CPython 3.9+) rather than cffi's ABI mode, whose per-call marshalling cost more than the
//! engine's whole work on the hot path (docs/benchmarks.md).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyString, PyType};
use std::ffi::{c_char, CStr};
use std::ptr::null_mut;
use ticketshare_c::{
    ts_engine, ts_engine_call_n, ts_engine_free, ts_engine_new, ts_link_claims, ts_link_verify,
    ts_now_parse, ts_reason_category, ts_reason_code, ts_reason_message, ts_result, ts_string_free,
    ts_version, TS_MAX_CONFIG_BYTES, TS_MAX_REQUEST_BYTES, TS_MAX_TOKEN_BYTES,
};

/// The class `verify_link` returns (`ticketshare.LinkClaims`, a named tuple) and `tuple.__new__`,
/// which makes one without running the class's Python-level `__new__`; registered at import.
static CLAIMS: PyOnceLock<(Py<PyType>, Py<PyAny>)> = PyOnceLock::new();

/// Text the library returned, copied, then freed with `ts_string_free`.
fn take_string(text: *mut c_char) -> Option<String> {
    if text.is_null() {
        return None;
    }
    // SAFETY: a non-NULL string from the library is NUL-terminated UTF-8 until freed.
    let copied = unsafe { CStr::from_ptr(text) }
        .to_string_lossy()
        .into_owned();
    // SAFETY: freed once, here, after the copy.
    unsafe { ts_string_free(text) };
    Some(copied)
}

/// A static string of the library (never freed).
fn static_str(text: *const c_char) -> String {
    if text.is_null() {
        return String::new();
    }
    // SAFETY: the library's static strings are NUL-terminated and live forever.
    unsafe { CStr::from_ptr(text) }
        .to_string_lossy()
        .into_owned()
}

/// Bytes for the C ABI: `data`, or, when the caller knows the text is over its bound, NULL
/// with the length (refused by size before anything is read).
fn pointer(data: Option<&[u8]>) -> *const c_char {
    data.map_or(std::ptr::null(), |bytes| bytes.as_ptr().cast())
}

/// `ts_engine_new` (or, in the test build and with a seed, the seeded constructor): the
/// status, the engine's id, the reason and the error envelope of a refusal.
#[pyfunction]
#[pyo3(signature = (config, size, seed=None))]
fn engine_new(
    config: Option<&[u8]>,
    size: usize,
    seed: Option<u64>,
) -> PyResult<(u32, u64, u32, Option<String>)> {
    let mut engine = ts_engine { id: 0 };
    let mut reason = 0u32;
    let mut error: *mut c_char = null_mut();
    let status = match seed {
        // SAFETY: `config` is readable for `size` bytes (or NULL, refused by size); the out
        // pointers are writable.
        None => unsafe {
            ts_engine_new(pointer(config), size, &mut engine, &mut reason, &mut error)
        },
        Some(seed) => seeded(
            pointer(config),
            size,
            seed,
            (&mut engine, &mut reason, &mut error),
        )?,
    };
    Ok((status as u32, engine.id, reason, take_string(error)))
}

/// The out-parameters of a constructor: the engine, the reason, the error envelope.
type EngineOut<'a> = (&'a mut ts_engine, &'a mut u32, &'a mut *mut c_char);

#[cfg(feature = "testing")]
fn seeded(
    config: *const c_char,
    size: usize,
    seed: u64,
    (engine, reason, error): EngineOut<'_>,
) -> PyResult<ts_result> {
    // SAFETY: as for `ts_engine_new`.
    Ok(unsafe {
        ticketshare_c::ts_engine_new_seeded_for_tests(config, size, seed, engine, reason, error)
    })
}

#[cfg(not(feature = "testing"))]
fn seeded(_: *const c_char, _: usize, _: u64, _: EngineOut<'_>) -> PyResult<ts_result> {
    Err(pyo3::exceptions::PyRuntimeError::new_err(
        "this build has no test constructors",
    ))
}

/// Whether this is the test build (the seeded constructor exists).
#[pyfunction]
fn has_test_constructor() -> bool {
    cfg!(feature = "testing")
}

/// `ts_engine_free`: the status.
#[pyfunction]
fn engine_free(engine: u64) -> u32 {
    ts_engine_free(ts_engine { id: engine }) as u32
}

/// `ts_engine_call_n`, without the GIL (other threads run, and may close the engine, while
/// it works): the status, the reason and the response (the result, or the error envelope).
#[pyfunction]
fn engine_call(
    py: Python<'_>,
    engine: u64,
    request: Option<&[u8]>,
    size: usize,
) -> (u32, u32, Option<String>) {
    let (status, reason, response) = py.detach(|| {
        let mut response: *mut c_char = null_mut();
        let mut reason = 0u32;
        // SAFETY: `request` is readable for `size` bytes (or NULL, refused by size) and
        // stays alive: the caller holds the bytes object for the whole call.
        let status = unsafe {
            ts_engine_call_n(
                ts_engine { id: engine },
                pointer(request),
                size,
                &mut response,
                &mut reason,
            )
        };
        (status, reason, take_string(response))
    });
    (status as u32, reason, response)
}

/// `ts_link_verify`, the hot path: a `LinkClaims` when the link verifies, else the status and
/// the reason packed as `status << 32 | reason` (an int: no tuple to build on either path).
#[pyfunction]
fn link_verify(
    py: Python<'_>,
    engine: u64,
    token: &Bound<'_, PyString>,
    now_unix_nanos: i64,
) -> PyResult<Py<PyAny>> {
    let encoded;
    let text = token.to_cow();
    let (data, size) = match &text {
        // Over the bound in characters is over it in bytes: refused by size, never read.
        Ok(text) if text.len() > TS_MAX_TOKEN_BYTES => (std::ptr::null(), text.len()),
        Ok(text) => (text.as_ptr().cast::<c_char>(), text.len()),
        // Lone surrogates: their bytes as Python writes them, which the engine refuses.
        Err(_) => {
            encoded = token.call_method1("encode", ("utf-8", "surrogatepass"))?;
            let bytes = encoded.cast::<PyBytes>()?.as_bytes();
            (bytes.as_ptr().cast::<c_char>(), bytes.len())
        }
    };
    let mut claims = ts_link_claims::default();
    let mut reason = 0u32;
    // SAFETY: `data` is readable for `size` bytes (or NULL, refused by size); the out pointers
    // are writable.
    let status = unsafe {
        ts_link_verify(
            ts_engine { id: engine },
            data,
            size,
            now_unix_nanos,
            &mut claims,
            &mut reason,
        )
    };
    if status != ts_result::TS_OK {
        return Ok(((u64::from(status as u32) << 32) | u64::from(reason))
            .into_pyobject(py)?
            .into_any()
            .unbind());
    }
    let text = claims.share_id_text.map(|c| c as u8);
    let share_id = std::str::from_utf8(text.get(..36).unwrap_or_default())
        .map_err(|_| pyo3::exceptions::PyRuntimeError::new_err("share id is not text"))?;
    let (class, tuple_new) = CLAIMS
        .get(py)
        .ok_or_else(|| pyo3::exceptions::PyRuntimeError::new_err("LinkClaims not registered"))?;
    let fields = (share_id, claims.expires_at_unix_nanos, claims.key_id);
    Ok(tuple_new.bind(py).call1((class, fields))?.unbind())
}

/// `ts_now_parse`: the status, the Unix nanoseconds and the reason.
#[pyfunction]
fn now_parse(text: Option<&[u8]>, size: usize) -> (u32, i64, u32) {
    let (mut nanos, mut reason) = (0i64, 0u32);
    // SAFETY: `text` is readable for `size` bytes (or NULL, refused by size); the out
    // pointers are writable.
    let status = unsafe { ts_now_parse(pointer(text), size, &mut nanos, &mut reason) };
    (status as u32, nanos, reason)
}

/// `ts_reason_code`, `ts_reason_category` and `ts_reason_message` of a reason number.
#[pyfunction]
fn reason(number: u32) -> (String, String, String) {
    (
        static_str(ts_reason_code(number)),
        static_str(ts_reason_category(number)),
        static_str(ts_reason_message(number)),
    )
}

/// `ts_version`: the library's version.
#[pyfunction]
fn version() -> String {
    static_str(ts_version())
}

/// Registers the class `link_verify` returns (a subclass of `tuple`).
#[pyfunction]
fn register_claims(py: Python<'_>, class: Bound<'_, PyType>) -> PyResult<()> {
    if !class.is_subclass_of::<pyo3::types::PyTuple>()? {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "LinkClaims must be a tuple",
        ));
    }
    let tuple_new = py.get_type::<pyo3::types::PyTuple>().getattr("__new__")?;
    let _ = CLAIMS.set(py, (class.unbind(), tuple_new.unbind()));
    Ok(())
}

/// The module: the functions above and the C ABI's constants.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    for (name, status) in [
        ("TS_OK", ts_result::TS_OK),
        ("TS_REFUSED", ts_result::TS_REFUSED),
    ] {
        m.add(name, status as u32)?;
    }
    m.add("TS_MAX_CONFIG_BYTES", TS_MAX_CONFIG_BYTES)?;
    m.add("TS_MAX_REQUEST_BYTES", TS_MAX_REQUEST_BYTES)?;
    m.add("TS_MAX_TOKEN_BYTES", TS_MAX_TOKEN_BYTES)?;
    m.add_function(wrap_pyfunction!(engine_new, m)?)?;
    m.add_function(wrap_pyfunction!(engine_free, m)?)?;
    m.add_function(wrap_pyfunction!(engine_call, m)?)?;
    m.add_function(wrap_pyfunction!(link_verify, m)?)?;
    m.add_function(wrap_pyfunction!(now_parse, m)?)?;
    m.add_function(wrap_pyfunction!(reason, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add_function(wrap_pyfunction!(has_test_constructor, m)?)?;
    m.add_function(wrap_pyfunction!(register_claims, m)?)?;
    Ok(())
}
