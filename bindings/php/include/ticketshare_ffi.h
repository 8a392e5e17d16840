#define FFI_SCOPE "ticketshare"
#define FFI_LIB "libticketshare.so.0.1"
/* Generated from include/ticketshare.h for FFIs that read no preprocessor (PHP's FFI::cdef
 * and ffi.preload). Do not edit: run `UPDATE_HEADER=1 cargo test -p ticketshare-c --test header`.
 * The two defines above are read by PHP's ffi.preload and FFI::load (only there, at the
 * very start); every other FFI skips them. */
/*
 * ticketshare: the rules engine behind helpdesk ticket sharing, C ABI.
 *
 * Ownership: every `char *` the library returns through an out-parameter is owned by the caller
 * and must be released with ts_string_free() exactly once (a second free is detected and
 * reported as TS_INVALID_HANDLE). Every `const char *` the library returns (ts_version and
 * the ts_reason_* names) is static: never free it.
 * Errors come one way: TS_OK, and nothing else, means success. Whatever else a function returns,
 * it writes a reason number to its `uint32_t *reason_out` (the engine's reason on TS_REFUSED,
 * else engine_closed, invalid_request or internal_error), which ts_reason_code, ts_reason_category,
 * ts_reason_family and ts_reason_message name; a function that returns JSON also gives the error
 * envelope {"ok":false,"error":{...}}, whose message carries the field path.
 * An engine is a handle (a slot and a generation, not an address): ts_engine_new() makes one,
 * ts_engine_free() frees it, and from then on every copy of it is refused with
 * TS_INVALID_HANDLE, even after a new engine reuses the slot. Engines are thread-safe; freeing
 * one while another thread is inside a call on it is safe (the call finishes first).
 * Input strings are borrowed for the duration of the call only; sizes are checked before
 * anything is read past them.
 *
 * The seeded constructor and the panic probe exist only in the test build of the library (the
 * `testing` feature) and are declared only when TICKETSHARE_TESTING is defined.
 */




/*
 The JSON API version this library speaks (`"v"` in requests).
 */
enum { TS_API_VERSION = 1 };

/*
 The largest request accepted, in bytes: a longer one is refused (`request_too_large`)
 without being read, so a binding can pass its length without copying it.
 */
enum { TS_MAX_REQUEST_BYTES = 4194304 };

/*
 The largest configuration accepted, in bytes (`invalid_config` beyond).
 */
enum { TS_MAX_CONFIG_BYTES = 65536 };

/*
 The longest token looked at, in bytes (`token_oversized` beyond, without being read).
 */
enum { TS_MAX_TOKEN_BYTES = 512 };

/*
 The library's major version.
 */
enum { TS_VERSION_MAJOR = 0 };

/*
 The library's minor version.
 */
enum { TS_VERSION_MINOR = 1 };

/*
 The library's patch version.
 */
enum { TS_VERSION_PATCH = 0 };

/*
 What a call did. Values are stable; a retired value is never reused.

 `TS_OK`, and nothing else, means the call did what it was asked. Every engine function also
 takes `uint32_t *reason_out` and, whatever the failure, writes a reason number there: the
 engine's for `TS_REFUSED`, and for the other statuses `engine_closed`, `invalid_request`
 (another caller's mistake) or `internal_error`. A binding raises one exception from that
 number (`ts_reason_code`, `ts_reason_category`, `ts_reason_family`, `ts_reason_message`); a
 function that returns JSON also gives the error envelope, whose message carries the field
 path.
 */
enum ts_result
 {
  /*
   Success.
   */
  TS_OK = 0,
  /*
   The engine refused: `*reason_out` says why (and the error envelope, for JSON functions).
   */
  TS_REFUSED = 1,
  /*
   A required pointer was NULL.
   */
  TS_NULL_ARGUMENT = 2,
  /*
   A string that must be UTF-8 (a `ts_json_get` path or document) was not. Engine input
   never gets this: the engine itself refuses it with a reason.
   */
  TS_INVALID_UTF8 = 3,
  /*
   A bug inside the library was caught at the boundary; nothing was changed.
   */
  TS_PANIC = 4,
  /*
   The engine handle was never made, or was freed (any copy of it, even after a new engine
   took its slot); or the string was not made by this library, or was already freed.
   */
  TS_INVALID_HANDLE = 5,
  /*
   A `ts_json_get` input was longer than its bound. Engine input never gets this: the
   engine itself refuses it (`request_too_large`, `token_oversized`, ...).
   */
  TS_TOO_LARGE = 6,
  /*
   `ts_json_get`: no value at that path.
   */
  TS_NOT_FOUND = 7,
  /*
   65,536 engines are alive: free one before making another.
   */
  TS_TOO_MANY_ENGINES = 8,
};
typedef uint32_t ts_result;

/*
 The outcome of `ts_code_check`.
 */
enum ts_code_outcome
 {
  /*
   The right code: store `share_json` and `challenge_json`, give `session_token` to the browser.
   */
  TS_CODE_ACCEPTED = 1,
  /*
   A wrong code: store `challenge_json`; `attempts_left` tries remain (0: locked).
   */
  TS_CODE_REJECTED = 2,
};
typedef uint32_t ts_code_outcome;

/*
 An engine: built once from a configuration, then called from any thread. A handle, not a
 pointer: copy it freely. Once `ts_engine_free` has freed it, every copy is refused as
 `TS_INVALID_HANDLE`, even after a new engine reuses its slot. A zeroed handle is never live.
 */
typedef struct ts_engine {
  /*
   The slot and generation; opaque.
   */
  uint64_t id;
} ts_engine;

/*
 What a verified link says (`ts_link_verify`).
 */
typedef struct ts_link_claims {
  /*
   The share's id, the 16 bytes of its UUID.
   */
  uint8_t share_id[16];
  /*
   The same id as the records and the JSON surface write it: hyphenated lower-case text,
   NUL-terminated.
   */
  char share_id_text[37];
  /*
   When the link expires, Unix nanoseconds.
   */
  int64_t expires_at_unix_nanos;
  /*
   The id of the key that signed it.
   */
  uint32_t key_id;
} ts_link_claims;

/*
 What `ts_code_check` returns. Release with `ts_code_check_result_free`.
 */
typedef struct ts_code_check_result {
  /*
   Accepted or rejected.
   */
  ts_code_outcome outcome;
  /*
   Wrong codes still allowed (rejected only).
   */
  uint32_t attempts_left;
  /*
   The updated challenge record to store (JSON).
   */
  char *challenge_json;
  /*
   The share record to store with the challenge (JSON): verified when accepted, with one
   more wrong code in a row when rejected (SEC-02). Write both over the revisions read.
   */
  char *share_json;
  /*
   The session token; NULL when rejected.
   */
  char *session_token;
  /*
   When the session ends, Unix nanoseconds; 0 when rejected.
   */
  int64_t session_expires_at_unix_nanos;
  /*
   The verified-device token to keep in a cookie of this browser (EXT-09); NULL when
   rejected.
   */
  char *device_token;
  /*
   When the device token expires, Unix nanoseconds; 0 when rejected.
   */
  int64_t device_expires_at_unix_nanos;
  /*
   The audit events to store (a JSON array).
   */
  char *events_json;
} ts_code_check_result;


/*
 Builds an engine from its JSON configuration, `config_len` bytes at `config` (see
 docs/api.md), with randomness from the operating system. A configuration over 64 KiB is
 refused (`invalid_config`) without being read. On success `*engine_out` is the engine (free
 with `ts_engine_free`). Otherwise `*reason_out` (if not NULL) is the reason number, and on
 `TS_REFUSED` `*error_out` (if not NULL) the error envelope `{"ok":false,"error":{...}}`, to
 free with `ts_string_free`.

 # Safety
 `config` readable for `config_len` bytes; `engine_out` writable; `reason_out` and `error_out`
 NULL or writable.
 */
ts_result ts_engine_new(const char *config,
                        size_t config_len,
                        struct ts_engine *engine_out,
                        uint32_t *reason_out,
                        char **error_out);


/*
 Frees an engine. A zeroed handle is a no-op (`TS_OK`); a handle already freed, or never
 made, is `TS_INVALID_HANDLE` and frees nothing. Calls still running on the engine in other
 threads finish normally; the engine (its keys wiped) is dropped when the last one returns.
 */
ts_result ts_engine_free(struct ts_engine engine);

/*
 Runs one JSON request (see docs/api.md). `*response_out` is the response JSON, to free with
 `ts_string_free`: `{"ok":true,"result":...}` on `TS_OK`, the error envelope
 `{"ok":false,"error":...}` on `TS_REFUSED`, when `*reason_out` (if not NULL) is the reason
 number too. Any other status leaves `*response_out` NULL (and `*reason_out` set). A request
 over 4 MiB is refused (`request_too_large`) without being read past its bound.

 # Safety
 `request_json` NUL-terminated; `response_out` writable; `reason_out` NULL or writable.
 */
ts_result ts_engine_call(struct ts_engine engine,
                         const char *request_json,
                         char **response_out,
                         uint32_t *reason_out);

/*
 Like `ts_engine_call`, for a request of `request_len` bytes that need not end in NUL.

 # Safety
 `request` readable for `request_len` bytes; `response_out` writable; `reason_out` NULL or
 writable.
 */
ts_result ts_engine_call_n(struct ts_engine engine,
                           const char *request,
                           size_t request_len,
                           char **response_out,
                           uint32_t *reason_out);

/*
 Frees a string the library returned. NULL is a no-op (`TS_OK`). A pointer the library did not
 return, or one already freed, is `TS_INVALID_HANDLE` and frees nothing, unless a later
 string got the same address (the allocator reuses it), which no library can tell apart: free
 each string exactly once.

 # Safety
 `text` must not be used after it is freed.
 */
ts_result ts_string_free(char *text);

/*
 Extracts the value at a dotted `path` of a JSON document (`"result.share"`,
 `"steps.0.request"`; `""` is the whole document) as compact JSON with sorted keys, so two
 documents compare equal as strings exactly when they are equal as JSON.

 A documented convenience for C hosts, which have no JSON parser in their standard library:
 it reads the ids, tokens and records out of a response (as `examples/c/quickstart.c` does)
 and is how the C tests compare responses. It decides nothing: hosts with a JSON library use
 that instead. On `TS_OK`, free `*value_out` with `ts_string_free`; `TS_NOT_FOUND` when the
 path is absent; `TS_REFUSED` when `json` is not JSON.

 # Safety
 `json`, `path` NUL-terminated; `value_out` writable.
 */
ts_result ts_json_get(const char *json, const char *path, char **value_out);

/*
 The stable code of a reason number, e.g. `"link_expired"`; `"unknown"` for an unknown number.
 Static: never free it.
 */
const char *ts_reason_code(uint32_t reason);

/*
 The public category of a reason number (`"invalid_link"`, `"expired"`, ...), safe to show the
 collaborator; `"unknown"` for an unknown number. Static: never free it.
 */
const char *ts_reason_category(uint32_t reason);

/*
 The family of a reason number (`"link"`, `"code"`, `"validation"`, ...), which a binding's
 error classes follow; `"unknown"` for an unknown number. Static: never free it.
 */
const char *ts_reason_family(uint32_t reason);

/*
 What a reason number means, in one sentence (for an exception's message when the call
 gave no envelope); `"unknown"` for an unknown number. Static: never free it.
 */
const char *ts_reason_message(uint32_t reason);

/*
 The library version, e.g. `"0.1.0"`. Static: never free it.
 */
const char *ts_version(void);


/*
 Verifies a link token with no records and no JSON (SEC-01): the hot path before any database
 look-up. `now_unix_nanos` is the current time in Unix **nanoseconds**; a time before
 2000-01-01 (seconds or milliseconds passed by mistake, `-1`) is refused as `invalid_time`.
 On `TS_OK`, `*claims_out` holds the share id to load. Otherwise `*reason_out` (if not NULL)
 is the reason number (`ts_reason_code` names it). A token over 512 bytes is refused
 (`token_oversized`) without being read.

 # Safety
 `token` readable for `token_len` bytes; `claims_out` writable; `reason_out` NULL or writable.
 */
ts_result ts_link_verify(struct ts_engine engine,
                         const char *token,
                         size_t token_len,
                         int64_t now_unix_nanos,
                         struct ts_link_claims *claims_out,
                         uint32_t *reason_out);

/*
 Parses the current time from RFC 3339 text, as every operation's `now` is parsed, into Unix
 nanoseconds for `ts_link_verify`. A host whose clock gives text uses this rather than parse it
 itself. Otherwise `*reason_out` (if not NULL) is the reason number: `invalid_time` when
 the text is not such a time.

 # Safety
 `text` readable for `text_len` bytes; `nanos_out` writable; `reason_out` NULL or writable.
 */
ts_result ts_now_parse(const char *text, size_t text_len, int64_t *nanos_out, uint32_t *reason_out);

/*
 Checks a code the collaborator entered (EXT-06, SEC-02) without building a request: the
 share and challenge records go in as the JSON the host stored (read exactly as the JSON
 surface reads them), the outcome comes out typed. `now_unix_nanos` as for `ts_link_verify`.
 On `TS_OK`, `*result_out` says accepted or rejected (free it with
 `ts_code_check_result_free`). Otherwise nothing needs storing and `*reason_out` (if not NULL)
 is the reason number; on `TS_REFUSED` (bad records, expired or locked challenge, ...)
 `*error_out` (if not NULL) is the error envelope with the field path, to free with
 `ts_string_free`.

 # Safety
 `link_token`, `share_json`, `challenge_json` and `code` NUL-terminated; `result_out`
 writable; `reason_out` and `error_out` NULL or writable.
 */
ts_result ts_code_check(struct ts_engine engine,
                        const char *link_token,
                        const char *share_json,
                        const char *challenge_json,
                        const char *code,
                        int64_t now_unix_nanos,
                        struct ts_code_check_result *result_out,
                        uint32_t *reason_out,
                        char **error_out);

/*
 Frees the strings of a `ts_code_check_result` and resets it. NULL is a no-op.

 # Safety
 `result` NULL or a result filled by `ts_code_check`.
 */
ts_result ts_code_check_result_free(struct ts_code_check_result *result);


