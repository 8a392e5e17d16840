#!/usr/bin/env bash
# A short fuzzing smoke for ./scripts/test.sh: every target built with cargo-fuzz
# (libFuzzer, AddressSanitizer) and run for a few thousand inputs from its saved inputs.
# The long runs are ./scripts/fuzz.sh; their figures are in docs/security.md.
# Usage: ./scripts/fuzz-smoke.sh [runs per target]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
runs="${1:-20000}"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked --quiet
export RUSTC_BOOTSTRAP=1
cargo fuzz build 2>&1 | tail -1
for target in $(cargo fuzz list); do  # every [[bin]] of fuzz/Cargo.toml
  mkdir -p "corpus/$target"
  cp -n "regressions/$target"/* "corpus/$target/" 2>/dev/null || true
  if ! cargo fuzz run "$target" "corpus/$target" -- -runs="$runs" >"target/smoke-$target.log" 2>&1; then
    tail -30 "target/smoke-$target.log"
    echo "fuzz target $target failed: its input is in fuzz/artifacts/$target/" >&2
    exit 1
  fi
  echo "$target: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "target/smoke-$target.log")"
done
