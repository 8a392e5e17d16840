#!/usr/bin/env bash
# Fuzzes every target for a while (not part of ./scripts/test.sh). Usage: ./scripts/fuzz.sh [seconds per target]
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP lets the installed stable toolchain use them.
# A crash lands in fuzz/artifacts/<target>/: copy it to fuzz/regressions/<target>/ so `cargo test` replays it.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-60}"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
for target in $(cargo fuzz list); do  # every [[bin]] of fuzz/Cargo.toml
  mkdir -p "corpus/$target"
  cp -n "regressions/$target"/* "corpus/$target/" 2>/dev/null || true
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds"
done
