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

# Installs Debian packages when a command is missing (CI runs as root).
need_apt() {
  local command="$1"
  shift
  command -v "$command" >/dev/null 2>&1 && return 0
  echo "installing $* (for $command)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# --- Rust core ---------------------------------------------------------------------------
step "rustfmt" cargo fmt --all --check
step "clippy (-D warnings)" cargo clippy --workspace --all-targets -- -D warnings
step "rust tests (unit, integration, properties, conformance, doc)" cargo test --workspace
step "rustdoc (-D warnings)" env RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet
step "quickstart example" cargo run --quiet --example quickstart
step "fuzz targets compile" cargo check --quiet --manifest-path fuzz/Cargo.toml --bins
step "fuzz smoke (every target, libFuzzer with AddressSanitizer, 20,000 inputs each)" ./scripts/fuzz-smoke.sh

# --- C ABI -------------------------------------------------------------------------------
need_apt cc gcc
need_apt make make
need_apt valgrind valgrind
step "C library (release)" cargo build --release --quiet -p ticketshare-c
step "C quickstart (-Wall -Wextra -Werror)" make -s -C examples/c run
step "C quickstart under valgrind" make -s -C examples/c valgrind
step "C quickstart under AddressSanitizer" make -s -C examples/c asan
step "C ABI tests (vectors, boundary, handles, free while calling)" make -s -C bindings/c/tests/c test
step "C ABI tests under valgrind" make -s -C bindings/c/tests/c valgrind
step "C ABI tests under AddressSanitizer" make -s -C bindings/c/tests/c asan

# --- Python package (over the C ABI) ------------------------------------------------------
need_apt python3 python3 python3-venv python3-pip
need_apt nm binutils
venv=target/python-venv
python_setup() {
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --upgrade pip &&
    "$venv/bin/pip" install --quiet cffi pytest vermin mypy &&
    # The tests use the test build (the seeded constructor of the golden vectors).
    MATURIN_PEP517_ARGS="--features testing" "$venv/bin/pip" install --quiet --force-reinstall --no-deps ./bindings/python
}
# The wheel a host installs has no way to make predictable codes.
release_wheel() {
  rm -rf target/wheel && "$venv/bin/pip" wheel --quiet --no-deps ./bindings/python -w target/wheel &&
    (cd target/wheel && rm -rf unpacked && mkdir unpacked && cd unpacked && python3 -m zipfile -e ../*.whl . &&
      ! nm -D --defined-only ticketshare/_native/lib_native.so | grep -E "seeded|test_panic")
}
step "Python package: pip install ./bindings/python (test build)" python_setup
step "Python wheel a host installs has no test constructor" release_wheel
# The package declares Python 3.9+ but this machine has one Python: vermin proves the sources
# use nothing newer (syntax, library calls and annotations).
step "Python sources need at most Python 3.9 (vermin)" "$venv/bin/vermin" -t=3.9- --violations \
  --no-tips --eval-annotations -q bindings/python/python examples/python bindings/python/tests \
  integrations/django-helpdesk
step "Python types (mypy --strict, package and example)" "$venv/bin/mypy" --strict --no-error-summary \
  bindings/python/python/ticketshare examples/python/quickstart.py
step "Python tests (vectors, surface, story, threads, bad input)" "$venv/bin/python" -m pytest -q bindings/python/tests
step "Python quickstart" "$venv/bin/python" examples/python/quickstart.py

# --- The django-helpdesk integration (the release wheel inside a real helpdesk) ---------------
need_apt chromium chromium
need_apt curl curl
step "django-helpdesk app: pip install (release wheel, the app, django-helpdesk, Playwright)" ./scripts/test-django.sh setup
step "django-helpdesk app: pytest on SQLite (models, views, the race, Chromium end to end)" ./scripts/test-django.sh sqlite
step "django-helpdesk app: the same suite on PostgreSQL (Debian's, started here)" ./scripts/test-django.sh postgres
step "django-helpdesk demo: migrate, seed, runserver answers" ./scripts/test-django.sh demo

# --- WebAssembly and the npm package --------------------------------------------------------
need_apt node nodejs npm
need_apt chromium chromium
step "WASM build (Debian rustc-web, pinned wasm-bindgen, wasm-opt; fails over 700 KB)" ./scripts/build-wasm.sh
step "WASM test build (the seeded constructor of the golden vectors)" ./scripts/build-wasm.sh --testing
step "npm package: Node tests (vectors, surface, story, bad input), test build" ./scripts/test-wasm.sh node
step "npm package: TypeScript declarations (tsc --strict)" ./scripts/test-wasm.sh types
step "npm package: headless Chromium (link verify, code check)" ./scripts/test-wasm.sh browser
step "npm package a host installs: no test constructor" ./scripts/test-wasm.sh release
step "Node quickstart" ./scripts/test-wasm.sh example

echo
if [ "$failed" -gt 0 ]; then
  printf 'failed steps:\n'
  printf ' - %s\n' "${failures[@]}"
fi
echo "checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
