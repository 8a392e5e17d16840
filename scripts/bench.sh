#!/usr/bin/env bash
# Runs every benchmark and prints ONE table: each figure beside its reference measured in the
# same run, as a ratio, with its goal: the Rust core against bare HMAC-SHA256, jsonwebtoken and
# pasetors; link verifies on 1 and 2 threads; every domain decision; the C ABI against Rust;
# Python against itsdangerous; a django-helpdesk page view; PHP and Ruby against the bare FFI
# call and their own HMAC-SHA256; Node against jose; the .wasm size.
# Usage: ./scripts/bench.sh   (the table goes in docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
{ cargo bench --bench links -- --warm-up-time 2 --measurement-time 5 &&
  cargo bench --bench decisions -- --warm-up-time 2 --measurement-time 5 &&
  cargo bench -p ticketshare-c --bench abi -- --warm-up-time 2 --measurement-time 5; } >/tmp/ticketshare-bench.log 2>&1 || {
  cat /tmp/ticketshare-bench.log
  exit 1
}

# The release wheel, as a host installs it.
./scripts/python-release.sh build >/dev/null
venv=target/python-bench-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --force-reinstall target/dist/python/ticketshare-*manylinux*.whl itsdangerous
"$venv/bin/python" bindings/python/bench/bench_verify.py >/tmp/ticketshare-bench-python.txt

# The django-helpdesk app: one collaborator page view through Django's test client.
./scripts/test-django.sh setup >/dev/null
./scripts/test-django.sh bench 500 >/tmp/ticketshare-bench-django.txt

# PHP and Ruby: the typed verify against the bare FFI call and each language's HMAC-SHA256.
cargo build --release --quiet -p ticketshare-c
TICKETSHARE_LIB="$PWD/target/release/libticketshare_c.so" php -d ffi.enable=1 -d opcache.enable_cli=1 \
  bindings/php/bench/bench_verify.php >/tmp/ticketshare-bench-php.txt
TICKETSHARE_LIB="$PWD/target/release/libticketshare_c.so" ruby -Ibindings/ruby/lib \
  bindings/ruby/bench/bench_verify.rb >/tmp/ticketshare-bench-ruby.txt
TICKETSHARE_LIB="$PWD/target/release/libticketshare_c.so" ruby --yjit -Ibindings/ruby/lib \
  bindings/ruby/bench/bench_verify.rb >/tmp/ticketshare-bench-ruby-yjit.txt

# The npm package against jose, in the consumer directory test-wasm.sh installs.
./scripts/build-wasm.sh >/tmp/ticketshare-bench-wasm.txt 2>&1 || true
./scripts/test-wasm.sh example >/dev/null
(cd target/npm-consumer && npm install --silent --no-audit --no-fund jose@6 >/dev/null 2>&1 &&
  cp ../../bindings/wasm/bench/bench.mjs . && node bench.mjs) >/tmp/ticketshare-bench-node.txt

python3 - <<'PY'
import json, pathlib, re
root = pathlib.Path("target/criterion")
def ns(group, name=None):
    path = root / group / (name or "") / "new" / "estimates.json"
    return json.loads(path.read_text())["median"]["point_estimate"]
def table_ns(path):
    out = {}
    for line in pathlib.Path(path).read_text().splitlines():
        m = re.match(r"\| (.*?) \| (\d+) ns \|", line)
        if m:
            out[m.group(1)] = float(m.group(2))
    return out
def t(v):
    if v >= 1_000_000:
        return f"{v / 1e6:.2f} ms"
    return f"{v / 1000:.1f} us" if v >= 10_000 else f"{v:.0f} ns" if v >= 100 else f"{v:.1f} ns"

hmac = ns("link_verify", "bare_hmac_sha256_prekeyed")
token = ns("link_verify", "ticketshare_token_only")
record = ns("link_verify", "ticketshare_with_record")
jwt = ns("link_verify", "jsonwebtoken_hs256_decode")
paseto = ns("link_verify", "pasetors_v4_local_decrypt")
one = ns("link_verify_threads", "1_threads")
two = ns("link_verify_threads", "2_threads")
right = ns("code_check", "right_code_with_session")
wrong = ns("code_check", "wrong_code")
perm = ns("decision_reference", "permission_decision")
access3 = ns("agent_access_decision", "3_shares")
access20 = ns("agent_access_decision", "20_shares")
notify = ns("cc_48_ccs_50_followers", "notification_plan")
inbound = ns("cc_48_ccs_50_followers", "inbound_decision")
status_map = ns("agreement", "status_map")
field_plan = ns("agreement", "field_plan_200_fields")
nhd_ticket = ns("nhd", "parse_ticket_1000_comments")
nhd_value = ns("nhd", "serde_json_value_same_body")
nhd_receive = ns("nhd", "receive_ticket_1000_comments")
rust = ns("link_verify_across_the_abi", "rust_engine_verify_link")
c_typed = ns("link_verify_across_the_abi", "c_abi_ts_link_verify")
json_api = ns("link_verify_across_the_abi", "json_api_call")
c_json = ns("link_verify_across_the_abi", "c_abi_ts_engine_call_json")
py = table_ns("/tmp/ticketshare-bench-python.txt")
node = table_ns("/tmp/ticketshare-bench-node.txt")
dj = table_ns("/tmp/ticketshare-bench-django.txt")
dj_page, dj_engine, dj_trivial = dj["django collaborator page view"], dj["django page view, in the engine"], dj["django trivial view"]
py_ref = py["itsdangerous URLSafeTimedSerializer.loads, HMAC-SHA256 (reference)"]
py_typed = py["ticketshare Engine.verify_link (typed, C ABI)"]
py_json = py["ticketshare Engine.call('link.verify') (JSON)"]
php = table_ns("/tmp/ticketshare-bench-php.txt")
ruby = table_ns("/tmp/ticketshare-bench-ruby.txt")
yjit = table_ns("/tmp/ticketshare-bench-ruby-yjit.txt")
php_bare, php_int = php["PHP bare FFI ts_link_verify (reference)"], php["PHP Engine::verifyLink (typed, now as int nanoseconds)"]
php_date, php_hmac = php["PHP Engine::verifyLink (typed, now as DateTimeImmutable)"], php["PHP hash_hmac sha256 over the token"]
rb_bare, rb_int = ruby["Ruby bare FFI ts_link_verify (reference)"], ruby["Ruby Engine#verify_link (typed, now as Integer nanoseconds)"]
rb_time, rb_hmac = ruby["Ruby Engine#verify_link (typed, now as Time)"], ruby["Ruby OpenSSL::HMAC.digest SHA256 over the token"]
yj_bare, yj_int = yjit["Ruby bare FFI ts_link_verify (reference)"], yjit["Ruby Engine#verify_link (typed, now as Integer nanoseconds)"]
yj_time = yjit["Ruby Engine#verify_link (typed, now as Time)"]
node_ref = node["jose 6 jwtVerify HS256, pre-imported CryptoKey (reference)"]
node_wasm = node["ticketshare Engine.verifyLink (WebAssembly)"]
wasm = re.search(r"wasm: (\d+) bytes raw, (\d+) bytes gzipped", pathlib.Path("/tmp/ticketshare-bench-wasm.txt").read_text())

rows = [
    ("link verify, token only", t(token), "bare HMAC-SHA256, pre-keyed", t(hmac), f"{token / hmac:.2f}x", "<= 1.3x"),
    ("link verify with the share record", t(record), "bare HMAC-SHA256, pre-keyed", t(hmac), f"{record / hmac:.2f}x", "<= 1.3x"),
    ("link verify with the share record", t(record), "jsonwebtoken 11 HS256 decode", t(jwt), f"{jwt / record:.1f}x faster", ">= 4x faster"),
    ("link verify with the share record", t(record), "pasetors 0.7 v4.local decrypt", t(paseto), f"{paseto / record:.1f}x faster", "faster"),
    ("link verifies per second, 2 threads, one engine", f"{2e9 / two / 1e6:.2f} M/s", "1 thread", f"{1e9 / one / 1e6:.2f} M/s", f"{2 * one / two:.2f}x", ">= 1.9x"),
    ("code check, right code (new session and device token)", t(right), "bare HMAC-SHA256", t(hmac), f"{right / hmac:.1f}x", ""),
    ("code check, wrong code (counted on challenge and share)", t(wrong), "bare HMAC-SHA256", t(hmac), f"{wrong / hmac:.1f}x", ""),
    ("permission + plan decision", t(perm), "", "", "", "< 100 ns"),
    ("agent access decision, 3 shares", t(access3), "permission decision", t(perm), f"{access3 / perm:.2f}x", "< 100 ns"),
    ("agent access decision, 20 shares", t(access20), "permission decision", t(perm), f"{access20 / perm:.2f}x", ""),
    ("notification plan, 48 CCs + 50 followers", t(notify), "permission decision", t(perm), f"{notify / perm:.0f}x", "< 20 us"),
    ("inbound email decision, 47 of 48 CCs kept", t(inbound), "permission decision", t(perm), f"{inbound / perm:.0f}x", "< 20 us"),
    ("status map, custom statuses on both sides", t(status_map), "permission decision", t(perm), f"{status_map / perm:.2f}x", "< 20 ns"),
    ("custom-field plan, 200 fields each side", t(field_plan), "permission decision", t(perm), f"{field_plan / perm:.0f}x", "< 50 us"),
    ("NHD ticket of 1,000 comments (640 KB), read and checked", t(nhd_ticket), "serde_json::Value of the same body", t(nhd_value), f"{nhd_ticket / nhd_value:.2f}x", "< 2 ms"),
    ("NHD decision on POST /tickets with that body", t(nhd_receive), "serde_json::Value of the same body", t(nhd_value), f"{nhd_receive / nhd_value:.2f}x", "< 3 ms"),
    ("C ABI ts_link_verify (typed)", t(c_typed), "Rust Engine::verify_link", t(rust), f"{c_typed / rust:.2f}x", "<= 1.2x"),
    ("JSON Api::call link.verify (the call's overhead)", t(json_api), "Rust Engine::verify_link", t(rust), f"{json_api / rust:.1f}x", ""),
    ("C ABI ts_engine_call link.verify (JSON)", t(c_json), "Rust Engine::verify_link", t(rust), f"{c_json / rust:.1f}x", ""),
    ("Python Engine.verify_link (typed, C ABI)", t(py_typed), "itsdangerous loads, HMAC-SHA256", t(py_ref), f"{py_ref / py_typed:.1f}x faster", "< 1 us, >= 10x faster"),
    ("Python Engine.call('link.verify') (JSON)", t(py_json), "itsdangerous loads, HMAC-SHA256", t(py_ref), f"{py_ref / py_json:.1f}x faster", ""),
    ("django-helpdesk collaborator page view (test client, SQLite)", t(dj_page), "a trivial Django view, same client", t(dj_trivial), f"{dj_page / dj_trivial:.0f}x", "< 10 ms"),
    ("  of which in the engine (link.verify + share.view)", t(dj_engine), "the page view", t(dj_page), f"{100 * dj_engine / dj_page:.1f}%", ""),
    ("PHP Engine::verifyLink (now as int nanoseconds)", t(php_int), "bare FFI ts_link_verify from PHP", t(php_bare), f"{php_int / php_bare:.2f}x", "<= 2x"),
    ("PHP Engine::verifyLink (now as DateTimeImmutable)", t(php_date), "bare FFI ts_link_verify from PHP", t(php_bare), f"{php_date / php_bare:.2f}x", "<= 2x"),
    ("PHP Engine::verifyLink (now as DateTimeImmutable)", t(php_date), "hash_hmac sha256 over the token", t(php_hmac), f"{php_hmac / php_date:.2f}x faster", ""),
    ("Ruby Engine#verify_link (now as Integer nanoseconds)", t(rb_int), "bare FFI ts_link_verify from Ruby", t(rb_bare), f"{rb_int / rb_bare:.2f}x", "<= 2x"),
    ("Ruby Engine#verify_link (now as Time)", t(rb_time), "bare FFI ts_link_verify from Ruby", t(rb_bare), f"{rb_time / rb_bare:.2f}x", "<= 2x"),
    ("Ruby Engine#verify_link (now as Time)", t(rb_time), "OpenSSL::HMAC.digest SHA256 over the token", t(rb_hmac), f"{rb_hmac / rb_time:.1f}x faster", ""),
    ("Ruby with YJIT: Engine#verify_link (Integer nanoseconds)", t(yj_int), "bare FFI ts_link_verify, YJIT", t(yj_bare), f"{yj_int / yj_bare:.2f}x", "<= 2x"),
    ("Ruby with YJIT: Engine#verify_link (Time)", t(yj_time), "bare FFI ts_link_verify, YJIT", t(yj_bare), f"{yj_time / yj_bare:.2f}x", "<= 2x"),
    ("Node Engine.verifyLink (WebAssembly)", t(node_wasm), "jose 6 jwtVerify HS256", t(node_ref), f"{node_ref / node_wasm:.1f}x faster", "faster"),
]
if wasm:
    raw, gz = int(wasm.group(1)), int(wasm.group(2))
    rows.append((".wasm size, raw / gzip -9", f"{raw:,} B / {gz:,} B", "", "", "", "650,000 / 250,000 B (fails over 716,800 raw)"))
print("| measure | median | reference (same run) | reference median | ratio | goal |")
print("| --- | --- | --- | --- | --- | --- |")
for r in rows:
    print("| " + " | ".join(r) + " |")
PY
