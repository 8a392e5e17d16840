#!/usr/bin/env bash
# Runs every check and every test of every language, exactly as CI does (.ci/run calls this).
# Installs what it needs when missing. Usage: ./scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

passed=0
failed=0
failures=()

step() {
  local name="$1"
  shift
  echo
  echo "==> $name"
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    echo "--- ok: $name ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "--- FAILED: $name ($((SECONDS - start)) s)"
  fi
}

need_cargo() {
  if ! command -v cargo >/dev/null 2>&1; then
    echo "cargo is missing: this project needs a Rust toolchain (rustup) on PATH" >&2
    exit 1
  fi
}

need_cargo

# --- Rust core ---------------------------------------------------------------------------
step "rustfmt" cargo fmt --all --check
step "clippy (-D warnings)" cargo clippy --workspace --all-targets -- -D warnings
step "rust tests (unit, integration, properties, conformance, doc)" cargo test --workspace
step "rustdoc (-D warnings)" env RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet
step "quickstart example" cargo run --quiet --example quickstart
step "fuzz targets compile" cargo check --quiet --manifest-path fuzz/Cargo.toml --bins

echo
if [ "$failed" -gt 0 ]; then
  printf 'failed steps:\n'
  printf ' - %s\n' "${failures[@]}"
fi
echo "checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
