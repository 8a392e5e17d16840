#!/usr/bin/env bash
# Regenerates every generated file of the repository, in the order they depend on each other:
#
#   1. the C headers (include/ticketshare.h, and the FFI header PHP loads) from the C crate;
#   2. the published surface from the operation registry: the JSON Schema, the TypeScript,
#      Python, PHP and Ruby signatures, docs/api.md's operation table, the agreement diagrams,
#      Engine's entry-point table, the crate's module list and where api's operations live;
#   3. the golden vectors (tests/vectors/) and the examples docs/api.md quotes from them;
#   4. the hostile-input corpus (tests/bad-inputs/corpus.json).
#
# Each step is the test that fails on drift, run with its UPDATE_ variable; the same tests,
# run without it (as ./scripts/test.sh does), fail until this script has been run and the
# result committed.
#
# Usage: ./scripts/regenerate.sh           regenerate in place
#        ./scripts/regenerate.sh --check   regenerate from scratch (every wholly generated file
#                                          deleted first), then fail if the tree differs from
#                                          what git has: nothing generated is stale or hand-made
set -euo pipefail
cd "$(dirname "$0")/.."

check=false
case "${1:-}" in
  "") ;;
  --check) check=true ;;
  *)
    echo "usage: $0 [--check]" >&2
    exit 2
    ;;
esac

# Files no one edits: each is written whole by one of the steps below.
wholly_generated=(
  include/ticketshare.h
  bindings/php/include/ticketshare_ffi.h
  schema/ticketshare.schema.json
  bindings/wasm/js/types.d.ts
  bindings/wasm/js/operations.js
  bindings/python/python/ticketshare/types.py
  bindings/python/python/ticketshare/_operations.py
  bindings/python/python/ticketshare/_reasons.py
  bindings/php/src/Operations.php
  bindings/ruby/lib/ticketshare/operations.rb
  tests/bad-inputs/corpus.json
)

if $check; then
  if [ -n "$(git status --porcelain)" ]; then
    echo "regenerate --check compares with git: commit or stash your changes first" >&2
    git status --short >&2
    exit 1
  fi
  rm -f "${wholly_generated[@]}"
  find tests/vectors -name '*.json' -delete
fi

run() {
  echo "==> $*"
  "$@"
}

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
run env UPDATE_HEADER=1 cargo test --quiet -p ticketshare-c --test header
run env UPDATE_SURFACE=1 cargo test --quiet -p ticketshare --test surface
run env UPDATE_VECTORS=1 cargo test --quiet -p ticketshare --test vectors
run env UPDATE_BAD_INPUTS=1 cargo test --quiet -p ticketshare --test bad_inputs

# Written once, read back: every drift test passes on what was just written.
run cargo test --quiet -p ticketshare-c --test header
run cargo test --quiet -p ticketshare --test surface --test vectors --test bad_inputs

if $check; then
  if [ -n "$(git status --porcelain)" ]; then
    echo "regenerating from scratch changed the tree:" >&2
    git status --short >&2
    git --no-pager diff --stat >&2
    exit 1
  fi
  echo "regenerated from scratch: no difference from git"
else
  git status --short
fi
