#!/usr/bin/env bash
# Runs the Rust benchmarks and prints each figure as a ratio to its reference from the same run.
# Usage: ./scripts/bench.sh [criterion args]   (figures go in docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --bench links -- --warm-up-time 2 --measurement-time 5 "$@" >/tmp/ticketshare-bench.log 2>&1 || {
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
PY
