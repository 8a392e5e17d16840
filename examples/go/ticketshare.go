package main

// A small Go binding over the C ABI (include/ticketshare.h), as a Go host would write it: cgo,
// encoding/json for the requests and results, one error type built from the reason number
// every failed call comes with. The library is the static one `cargo build --release -p
// ticketshare-c` makes; no rule is decided here.

/*
#cgo CFLAGS: -I${SRCDIR}/../../include
#cgo LDFLAGS: ${SRCDIR}/../../target/release/libticketshare_c.a -lm -ldl -lpthread
#include "ticketshare.h"
*/
import "C"

import (
	"encoding/json"
	"runtime"
	"time"
	"unsafe"
)

// Error is a refusal or a fault: Code is the stable reason code, Category what may be shown to
// the collaborator, Message a detail for logs.
type Error struct {
	Code, Category, Message string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// failure is the one way a failed call becomes an error: the reason number names the code and
// the category; the error envelope, when the call returned JSON, gives the precise message.
func failure(reason C.uint32_t, envelope *C.char) error {
	message := C.GoString(C.ts_reason_message(reason))
	if envelope != nil {
		var body struct {
			Error struct{ Message string } `json:"error"`
		}
		if json.Unmarshal([]byte(C.GoString(envelope)), &body) == nil {
			message = body.Error.Message
		}
		C.ts_string_free(envelope)
	}
	return &Error{C.GoString(C.ts_reason_code(reason)), C.GoString(C.ts_reason_category(reason)), message}
}

// text is a Go string's bytes for the C ABI, which takes a pointer and a length and reads them
// only during the call.
func text(s []byte) (*C.char, C.size_t) {
	if len(s) == 0 {
		return nil, 0
	}
	return (*C.char)(unsafe.Pointer(&s[0])), C.size_t(len(s))
}

// Engine is the rules engine; Close frees it (every later call fails with engine_closed).
type Engine struct{ handle C.ts_engine }

// NewEngine builds an engine from its configuration (docs/api.md).
func NewEngine(config any) (*Engine, error) {
	body, err := json.Marshal(config)
	if err != nil {
		return nil, err
	}
	var engine Engine
	var reason C.uint32_t
	var envelope *C.char
	data, size := text(body)
	if C.ts_engine_new(data, size, &engine.handle, &reason, &envelope) != C.TS_OK {
		return nil, failure(reason, envelope)
	}
	runtime.KeepAlive(body)
	return &engine, nil
}

// Close frees the engine.
func (e *Engine) Close() { C.ts_engine_free(e.handle) }

// Call runs one operation and decodes its result into out.
func (e *Engine) Call(op string, args any, out any) error {
	request, err := json.Marshal(map[string]any{"v": C.TS_API_VERSION, "op": op, "args": args})
	if err != nil {
		return err
	}
	var response *C.char
	var reason C.uint32_t
	data, size := text(request)
	status := C.ts_engine_call_n(e.handle, data, size, &response, &reason)
	runtime.KeepAlive(request)
	if status != C.TS_OK {
		return failure(reason, response)
	}
	defer C.ts_string_free(response)
	var body struct {
		Result json.RawMessage `json:"result"`
	}
	if err := json.Unmarshal([]byte(C.GoString(response)), &body); err != nil {
		return err
	}
	return json.Unmarshal(body.Result, out)
}

// LinkClaims is what a verified link says.
type LinkClaims struct {
	ShareID   string
	ExpiresAt time.Time
	KeyID     uint32
}

// VerifyLink is the typed hot path: the token alone, before any database look-up.
func (e *Engine) VerifyLink(token string, now time.Time) (LinkClaims, error) {
	var claims C.ts_link_claims
	var reason C.uint32_t
	data, size := text([]byte(token))
	if C.ts_link_verify(e.handle, data, size, C.int64_t(now.UnixNano()), &claims, &reason) != C.TS_OK {
		return LinkClaims{}, failure(reason, nil)
	}
	return LinkClaims{
		ShareID:   C.GoString(&claims.share_id_text[0]),
		ExpiresAt: time.Unix(0, int64(claims.expires_at_unix_nanos)).UTC(),
		KeyID:     uint32(claims.key_id),
	}, nil
}

// Version is the library's version.
func Version() string { return C.GoString(C.ts_version()) }

// Record is a record the engine returns and takes back unchanged: the host stores it as it is.
type Record = json.RawMessage
