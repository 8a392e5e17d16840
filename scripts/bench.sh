#!/usr/bin/env bash
# Runs every benchmark and prints each figure as a ratio to its reference from the same run:
# the Rust core, the C ABI and JSON surface, and the Python package.
# Usage: ./scripts/bench.sh   (figures go in docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
{ cargo bench --bench links -- --warm-up-time 2 --measurement-time 5 &&
  cargo bench --bench decisions -- --warm-up-time 2 --measurement-time 5 &&
  cargo bench -p ticketshare-c --bench abi -- --warm-up-time 2 --measurement-time 5; } >/tmp/ticketshare-bench.log 2>&1 || {
  cat /tmp/ticketshare-bench.log
  exit 1
}
python3 - <<'PY'
import json, pathlib
root = pathlib.Path("target/criterion")
def ns(group, name=None):
    path = root / group / (name or "") / "new" / "estimates.json"
    return json.loads(path.read_text())["median"]["point_estimate"]
hmac = ns("link_verify", "bare_hmac_sha256_prekeyed")
token = ns("link_verify", "ticketshare_token_only")
record = ns("link_verify", "ticketshare_with_record")
jwt = ns("link_verify", "jsonwebtoken_hs256_decode")
right = ns("code_check", "right_code_with_session")
wrong = ns("code_check", "wrong_code")
perm = ns("permission_decision")
reference = ns("decision_reference", "permission_decision")
access3 = ns("agent_access_decision", "3_shares")
access20 = ns("agent_access_decision", "20_shares")
notify = ns("cc_48_ccs_50_followers", "notification_plan")
inbound = ns("cc_48_ccs_50_followers", "inbound_decision")
status_map = ns("agreement", "status_map")
field_plan = ns("agreement", "field_plan_200_fields")
nhd_ticket = ns("nhd", "parse_ticket_1000_comments")
nhd_value = ns("nhd", "serde_json_value_same_body")
nhd_receive = ns("nhd", "receive_ticket_1000_comments")
rows = [
    ("bare HMAC-SHA256, pre-keyed (reference)", hmac, "1.00x"),
    ("link verify, token only", token, f"{token / hmac:.2f}x the bare HMAC (target <= 1.3x)"),
    ("link verify with share record (revocation, expiry)", record, f"{record / hmac:.2f}x the bare HMAC (target <= 1.3x)"),
    ("jsonwebtoken 11 HS256 decode, same claims", jwt, f"ticketshare is {jwt / record:.1f}x faster (target >= 4x)"),
    ("code check, right code (verify link, hash, new session)", right, f"{right / hmac:.1f}x the bare HMAC"),
    ("code check, wrong code (verify link, hash, count)", wrong, f"{wrong / hmac:.1f}x the bare HMAC"),
    ("permission + plan decision", perm, "target < 100 ns"),
]
print("| operation | median | ratio |")
print("| --- | --- | --- |")
for name, value, ratio in rows:
    print(f"| {name} | {value:.0f} ns | {ratio} |")

print()
print("| decision | median | ratio |")
print("| --- | --- | --- |")
print(f"| permission + plan decision (reference) | {reference:.0f} ns | 1.00x |")
print(f"| agent access decision, ticket shared with 3 agents | {access3:.0f} ns | {access3 / reference:.2f}x (target < 100 ns) |")
print(f"| agent access decision, ticket shared with 20 agents | {access20:.0f} ns | {access20 / reference:.2f}x |")
print(f"| notification plan, 48 CCs + 50 followers | {notify / 1000:.1f} us | {notify / reference:.0f}x (target < 20 us) |")
print(f"| inbound email decision, Reply all keeping 47 of 48 CCs | {inbound / 1000:.1f} us | {inbound / reference:.0f}x (target < 20 us) |")
print(f"| status map, custom statuses on both sides | {status_map:.1f} ns | {status_map / reference:.2f}x (target < 20 ns) |")
print(f"| custom-field plan, 200 fields on each side | {field_plan / 1000:.1f} us | {field_plan / reference:.0f}x (target < 50 us) |")

print()
print("| reading a shared ticket | median | ratio |")
print("| --- | --- | --- |")
print(f"| `serde_json::Value` of the same body (reference) | {nhd_value / 1000:.0f} us | 1.00x |")
print(f"| NHD ticket, 1,000 comments (640 KB), typed and checked | {nhd_ticket / 1000:.0f} us | {nhd_ticket / nhd_value:.2f}x (target < 2 ms) |")
print(f"| the decision on `POST /tickets/<uuid>` with that body | {nhd_receive / 1000:.0f} us | {nhd_receive / nhd_value:.2f}x (target < 3 ms) |")

rust = ns("link_verify_across_the_abi", "rust_engine_verify_link")
c_typed = ns("link_verify_across_the_abi", "c_abi_ts_link_verify")
json_api = ns("link_verify_across_the_abi", "json_api_call")
c_json = ns("link_verify_across_the_abi", "c_abi_ts_engine_call_json")
print()
print("| operation | median | ratio |")
print("| --- | --- | --- |")
print(f"| Rust `Engine::verify_link` (reference) | {rust:.0f} ns | 1.00x |")
print(f"| C ABI `ts_link_verify` (typed) | {c_typed:.0f} ns | {c_typed / rust:.2f}x the Rust call (target <= 1.2x) |")
print(f"| JSON `Api::call` link.verify | {json_api:.0f} ns | {json_api / rust:.1f}x the Rust call |")
print(f"| C ABI `ts_engine_call` link.verify | {c_json:.0f} ns | {c_json / rust:.1f}x the Rust call |")
PY

venv=target/python-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet ./bindings/python itsdangerous
echo
"$venv/bin/python" bindings/python/bench/bench_verify.py | tail -n 5

# The npm package against jose, in the consumer directory test-wasm.sh installs.
./scripts/build-wasm.sh >/dev/null
./scripts/test-wasm.sh example >/dev/null
(cd target/npm-consumer && npm install --silent --no-audit --no-fund jose@6 >/dev/null 2>&1 &&
  cp ../../bindings/wasm/bench/bench.mjs . && echo && node bench.mjs)
