<?php
// Loads include/ticketshare_ffi.h with FFI::cdef against the built library and checks what PHP
// reads from it: a function's result, the constants as enum values, a typed call with its
// struct, PHP strings passed as they are (the ABI takes text as `const char *` and a length). Usage: php -d ffi.enable=1 load_ffi_header.php <header> <library> <version>
[$script, $header, $library, $version] = $argv;
$ffi = FFI::cdef(file_get_contents($header), $library);
$fail = function (string $what) { fwrite(STDERR, "load_ffi_header: $what\n"); exit(1); };
if ($ffi->ts_version() !== $version) $fail("ts_version() is " . $ffi->ts_version());
if ($ffi->TS_API_VERSION !== 1 || $ffi->TS_MAX_TOKEN_BYTES !== 512 || $ffi->TS_REFUSED !== 1) $fail("constants");
$config = '{"keyring":{"active":1,"keys":[{"id":1,"secret":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}]},"view_url":"https://help.example.com/shared/"}';
$engine = $ffi->new("ts_engine");
if ($ffi->ts_engine_new($config, strlen($config), FFI::addr($engine), null, null) !== $ffi->TS_OK) $fail("ts_engine_new");
$claims = $ffi->new("ts_link_claims");
$reason = $ffi->new("uint32_t");
$status = $ffi->ts_link_verify($engine, "forged", 6, 1795424400000000000, FFI::addr($claims), FFI::addr($reason));
if ($status !== $ffi->TS_REFUSED || $ffi->ts_reason_code($reason->cdata) !== "token_malformed") $fail("link verify: $status");
$response = $ffi->new("char *");
$status = $ffi->ts_engine_call_n($engine, '{"v":1,"op":"nope"}', 19, FFI::addr($response), FFI::addr($reason));
if ($status !== $ffi->TS_REFUSED || $ffi->ts_reason_code($reason->cdata) !== "unknown_operation") $fail("call: $status");
if (!str_contains(FFI::string($response), '"unknown_operation"')) $fail("call: " . FFI::string($response));
$ffi->ts_string_free($response);
if ($ffi->ts_engine_free($engine) !== $ffi->TS_OK) $fail("ts_engine_free");
echo "PHP ", PHP_VERSION, " loaded ticketshare_ffi.h with FFI::cdef: ", $ffi->ts_version(), "\n";
