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
#        ./scripts/regenerate.sh --check   delete every wholly generated file, regenerate from
#                                          scratch, fail if any file of the working tree then
#                                          differs (nothing generated is stale or made by hand),
#                                          and put the working tree back as it was (a test.sh step)
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
  # In place, with every file of the working tree saved first and put back on the way out, so
  # the check changes nothing (and builds nothing again: a copy elsewhere would share this
  # target directory's artifacts, which cargo names without the checkout's path).
  here=$PWD
  saved=$(mktemp -d)
  git ls-files -z --cached --others --exclude-standard |
    xargs -0 cp -P -p --parents -t "$saved"
  restore() {
    (cd "$saved" && find . \( -type f -o -type l \) -print0 | xargs -0 cp -P -p --parents -t "$here")
    rm -rf "$saved"
  }
  trap restore EXIT
  rm -f "${wholly_generated[@]}"
  find tests/vectors -name '*.json' -delete
fi

run() {
  echo "==> $*"
  "$@"
}

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# Only the tests that write (others of the same file read what is being written).
run env UPDATE_HEADER=1 cargo test --quiet -p ticketshare-c --test header -- header_matches_the_code ffi_header_has_no_preprocessor_branches_and_matches_the_main_header
run env UPDATE_SURFACE=1 cargo test --quiet -p ticketshare --test surface -- --exact surface_is_up_to_date
run env UPDATE_VECTORS=1 cargo test --quiet -p ticketshare --test vectors -- --exact vectors_are_up_to_date
run env UPDATE_BAD_INPUTS=1 cargo test --quiet -p ticketshare --test bad_inputs -- --exact corpus_is_up_to_date

# Written once, read back: every drift test passes on what was just written.
run cargo test --quiet -p ticketshare-c --test header
run cargo test --quiet -p ticketshare --test surface --test vectors --test bad_inputs

if $check; then
  # Every saved file must have come back byte for byte.
  different=$(cd "$saved" && find . \( -type f -o -type l \) | sed 's|^\./||' | sort |
    while IFS= read -r file; do
      if ! cmp -s "$file" "$here/$file"; then echo "$file"; fi
    done)
  if [ -n "$different" ]; then
    echo "regenerating from scratch does not give these files back (stale, edited by hand," >&2
    echo "or no longer generated); run ./scripts/regenerate.sh and commit what it writes:" >&2
    echo "$different" >&2
    exit 1
  fi
  echo "regenerated from scratch: every generated file is what the code makes"
else
  git status --short
fi
