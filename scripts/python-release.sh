#!/usr/bin/env bash
# The Python package as PyPI would carry it, tested as a user installs it: no Rust needed.
#   build    target/dist/python: the manylinux2014 wheel (maturin, with zig as the linker so
#            that it needs only glibc 2.17; auditwheel-checked; no test constructor in it), the
#            sdist, `twine check` of both; and target/dist/python-testing: the same wheel of
#            the test build (the seeded constructor the golden vectors need). One abi3 wheel
#            serves CPython 3.9 and later.
#   sdist    the sdist builds a wheel (this one needs Rust, as any sdist of a Rust library)
#   release  the release wheel in a fresh virtual environment on a PATH without cargo or
#            rustc: it cannot make a seeded engine (the wheel a host installs never makes
#            predictable codes), the quickstart, the threads test
#   testing  the test-build wheel the same way, into target/python-venv (with pytest, mypy and
#            vermin), then every Python test
#   versions the test-build wheel and every Python test again on each other CPython from 3.9 on
#            that the machine has (pyenv's or the system's): the one abi3 wheel serves them all
# Usage: ./scripts/python-release.sh build|sdist|release|testing|versions
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tools=target/python-tools
dist=target/dist/python

tools() {
  [ -x "$tools/bin/maturin" ] || {
    python3 -m venv "$tools" && "$tools/bin/pip" install --quiet --upgrade pip &&
      "$tools/bin/pip" install --quiet "maturin>=1.9,<2" auditwheel twine ziglang
  }
}

# A PATH with python3 ($PYTHON, else the one on the PATH) and nothing of Rust: what a Python
# shop without a toolchain has. One per Python version: a venv's python links to the python3
# it was made with, so that link must not change under it.
no_rust_path() {
  local python version bin
  # The interpreter itself, not a shim (pyenv's are bash scripts that search the PATH).
  python=$("${PYTHON:-python3}" -c 'import sys; print(sys.executable)')
  version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  bin=target/no-rust/$version/bin
  rm -rf "$bin" && mkdir -p "$bin"
  ln -s "$python" "$bin/python3"
  for tool in sh bash env uname cat ls rm mkdir; do ln -s "$(command -v $tool)" "$bin/$tool"; done
  if PATH="$root/$bin" command -v cargo >/dev/null || PATH="$root/$bin" command -v rustc >/dev/null; then
    echo "python-release: cargo or rustc is still on the PATH" >&2
    return 1
  fi
  echo "$root/$bin"
}

# fresh_venv <dir> <wheel> <more packages...>: a new venv with the wheel, binaries only.
fresh_venv() {
  local venv="$1" wheel="$2"
  shift 2
  local path
  path=$(no_rust_path)
  rm -rf "$venv"
  PATH="$path" python3 -m venv "$venv"
  PATH="$venv/bin:$path" "$venv/bin/pip" install --quiet --upgrade pip
  PATH="$venv/bin:$path" "$venv/bin/pip" install --quiet --only-binary :all: "$wheel" "$@"
}

wheel_of() { ls "$1"/ticketshare-*manylinux*.whl; }

# The interpreter of CPython 3.<minor> on this machine, if it has one that runs.
interpreter() {
  local candidate
  for candidate in "$(command -v "python3.$1" 2>/dev/null)" "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3."$1".*/bin/python3."$1"; do
    if [ -x "$candidate" ] && "$candidate" -c 'import sys, venv; assert sys.implementation.name == "cpython"' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

case "${1:-}" in
  build)
    tools
    rm -rf "$dist" "$dist-testing"
    # zig links against glibc 2.17's symbols, so the wheel is manylinux2014 (maturin checks it).
    (cd bindings/python &&
      PATH="$root/$tools/bin:$PATH" "$root/$tools/bin/maturin" build --quiet --release --zig \
        --compatibility manylinux_2_17 --out "$root/$dist" &&
      PATH="$root/$tools/bin:$PATH" "$root/$tools/bin/maturin" build --quiet --release --zig \
        --compatibility manylinux_2_17 --features testing --out "$root/$dist-testing" &&
      "$root/$tools/bin/maturin" sdist --out "$root/$dist" >/dev/null)
    for wheel in "$(wheel_of "$dist")" "$(wheel_of "$dist-testing")"; do
      "$tools/bin/auditwheel" show "$wheel" | tr '\n' ' ' | grep -q 'consistent with the following platform tag: "manylinux_2_17_x86_64"'
    done
    "$tools/bin/twine" check --strict "$dist"/*
    ls -l "$dist" "$dist-testing" | grep -E "\.whl|\.tar\.gz" ;;
  sdist)
    tools
    rm -rf target/sdist-wheel
    "$tools/bin/pip" wheel --quiet --no-deps "$dist"/ticketshare-*.tar.gz -w target/sdist-wheel
    ls target/sdist-wheel ;;
  release)
    venv=target/python-release-venv
    fresh_venv "$venv" "$(wheel_of "$dist")" pytest
    path=$(no_rust_path)
    PATH="$venv/bin:$path" "$venv/bin/python" -c '
import ticketshare
try:
    ticketshare.Engine.seeded_for_tests({}, 1)
    raise SystemExit("the release wheel made a seeded engine")
except ticketshare.InternalError as refused:
    assert "no test constructors" in refused.message, refused.message
print("ticketshare", ticketshare.__version__, "from", ticketshare.__file__)'
    PATH="$venv/bin:$path" "$venv/bin/python" examples/python/quickstart.py >/dev/null
    PATH="$venv/bin:$path" "$venv/bin/python" -m pytest -q -p no:cacheprovider bindings/python/tests/test_threads.py ;;
  testing)
    venv=target/python-venv
    fresh_venv "$venv" "$(wheel_of "$dist-testing")" pytest mypy vermin
    path=$(no_rust_path)
    PATH="$venv/bin:$path" "$venv/bin/python" -m pytest -q -p no:cacheprovider bindings/python/tests ;;
  versions)
    main=$(python3 -c 'import sys; print(sys.version_info[1])')
    ran=() missing=()
    for minor in 9 10 11 12 13 14; do
      [ "$minor" = "$main" ] && continue
      if ! py=$(interpreter "$minor"); then
        missing+=("3.$minor")
        continue
      fi
      venv=target/python-venv-3.$minor
      PYTHON=$py fresh_venv "$venv" "$(wheel_of "$dist-testing")" pytest
      path=$(PYTHON=$py no_rust_path)
      PATH="$venv/bin:$path" "$venv/bin/python" -m pytest -q -p no:cacheprovider bindings/python/tests
      ran+=("$("$venv/bin/python" -c 'import platform; print(platform.python_version())')")
    done
    echo "python-release: every Python test passed on CPython ${ran[*]:-(none)} besides 3.$main;" \
      "not on this machine: ${missing[*]:-none}" ;;
  *)
    echo "usage: $0 build|sdist|release|testing|versions" >&2
    exit 2 ;;
esac
