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
failure_logs=()
# Each step's output is kept in its own file and printed when the step ends; the end of the run
# repeats the end of every failed step's output beside the summary (CI shows a run's last part).
logs=target/test-logs
rm -rf "$logs"
mkdir -p "$logs"

step() {
  local name="$1"
  shift
  echo
  echo "==> $name"
  local start=$SECONDS
  local log
  log="$logs/$((passed + failed + 1)).log"
  # Into a file, not a pipe: a server a step leaves running must not hold the step open.
  local status=0
  "$@" >"$log" 2>&1 || status=$?
  cat "$log"
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1))
    echo "--- ok: $name ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    failure_logs+=("$log")
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
step "rust tests (unit, integration, properties, conformance, layers, doc)" cargo test --workspace
step "generated files: regenerated from scratch, no difference (scripts/regenerate.sh --check)" ./scripts/regenerate.sh --check
step "rustdoc (-D warnings)" env RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet
step "quickstart example" cargo run --quiet --example quickstart
step "crates: rust-version is the toolchain in use, packaged files, cargo publish --dry-run" ./scripts/crates.sh
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
need_apt php php-cli
php_ffi_header() {
  local version
  version=$(sed -n '/^\[workspace.package\]/,/^\[/ s/^version = "\(.*\)"/\1/p' Cargo.toml)
  php -d ffi.enable=1 bindings/c/tests/php/load_ffi_header.php include/ticketshare_ffi.h \
    "$PWD/target/release/libticketshare_c.so" "$version"
}
step "FFI header (include/ticketshare_ffi.h) loaded by PHP's FFI::cdef" php_ffi_header
need_apt pkg-config pkg-config
step "C release archive: make install PREFIX=..., the quickstart built with pkg-config (shared, static)" ./scripts/c-release.sh --check

# --- PHP (the C ABI through FFI) -----------------------------------------------------------
need_apt phpunit phpunit
need_apt php-fpm8.2 php-fpm
need_apt cgi-fcgi libfcgi-bin
need_apt composer composer
step "PHP package: PHPUnit (vectors and hostile inputs on the test build, the package, the quickstart) on the CLI, composer install from the path, then under php-fpm with preload" ./scripts/test-php.sh

# --- Ruby (the C ABI through the ffi gem) ----------------------------------------------------
need_apt ruby ruby ruby-ffi ruby-minitest
need_apt bundle ruby-bundler
step "Ruby gem: gem build, installed in a clean GEM_HOME; vectors, hostile inputs, the table against the FFI header, the quickstart; bundle exec rake test" ./scripts/test-ruby.sh

# --- Go (the C ABI through cgo) --------------------------------------------------------------
need_apt go golang-go
go_quickstart() {
  (cd examples/go && test -z "$(gofmt -l .)" && go vet . && GODEBUG=cgocheck=2 go run .)
}
step "Go quickstart (cgo over the C ABI: gofmt, go vet, the story with cgo's pointer checks)" go_quickstart

# --- Python package (over the C ABI) ------------------------------------------------------
need_apt python3 python3 python3-venv python3-pip
venv=target/python-venv
step "Python packages: manylinux2014 wheels (auditwheel), the sdist, twine check; no test constructor in the release wheel" ./scripts/python-release.sh build
step "Python sdist builds a wheel" ./scripts/python-release.sh sdist
step "Python release wheel, fresh venv, no Rust on the PATH: quickstart, threads, cannot seed" ./scripts/python-release.sh release
step "Python test-build wheel, fresh venv, no Rust on the PATH: every Python test" ./scripts/python-release.sh testing
step "Python test-build wheel on every other CPython from 3.9 on this machine (pyenv's): every Python test" ./scripts/python-release.sh versions
step "Python sources need at most Python 3.9 (vermin)" "$venv/bin/vermin" -t=3.9- --violations \
  --no-tips --eval-annotations -q bindings/python/python examples/python bindings/python/tests \
  integrations/django-helpdesk
step "Python types (mypy --strict, package and example)" "$venv/bin/mypy" --strict --no-error-summary \
  bindings/python/python/ticketshare examples/python/quickstart.py

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
step "npm package: publint and arethetypeswrong on the packed tarball" ./scripts/test-wasm.sh lint
step "Node quickstart" ./scripts/test-wasm.sh example

echo
if [ "$failed" -gt 0 ]; then
  for i in "${!failures[@]}"; do
    printf '=== the end of what the failed step printed: %s\n' "${failures[$i]}"
    tail -n 40 "${failure_logs[$i]}"
    echo
  done
  printf 'failed steps:\n'
  printf ' - %s\n' "${failures[@]}"
fi
echo "checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
