#!/usr/bin/env bash
# The crates as crates.io would get them: `cargo publish --dry-run` of ticketshare and
# ticketshare-c (packaged together, the C crate against the packaged core), their file lists
# holding nothing the crates do not need, and the toolchain of the tests being the declared
# `rust-version`.
# Usage: ./scripts/crates.sh
set -euo pipefail
cd "$(dirname "$0")/.."

declared=$(sed -n '/^\[workspace.package\]/,/^\[/ s/^rust-version = "\(.*\)"/\1/p' Cargo.toml)
running=$(rustc --version | sed -E 's/^rustc ([0-9]+\.[0-9]+).*/\1/')
if [ "$declared" != "$running" ]; then
  echo "crates: rust-version is $declared but the tests run with rustc $running" >&2
  exit 1
fi
echo "crates: rust-version $declared is the toolchain every test of this run used"

for crate in ticketshare ticketshare-c; do
  extra=$(cargo package --list --allow-dirty -p "$crate" 2>/dev/null |
    grep -Ev '^(src/|benches/[a-z_]+\.rs$|include/ticketshare\.h$|build\.rs$|cbindgen\.toml$|Cargo\.(toml|toml\.orig|lock)$|\.cargo_vcs_info\.json$|README\.md$|CHANGELOG\.md$|LICENSE(-APACHE|-MIT)?$)' || true)
  if [ -n "$extra" ]; then
    printf 'crates: %s would publish files it does not need:\n%s\n' "$crate" "$extra" >&2
    exit 1
  fi
  echo "crates: $crate packages $(cargo package --list --allow-dirty -p "$crate" 2>/dev/null | wc -l) files"
done
mkdir -p target
log=target/crates-dry-run.log
version=$(sed -n '/^\[workspace.package\]/,/^\[/ s/^version = "\(.*\)"/\1/p' Cargo.toml)
# The dry run builds ticketshare-c against the packaged core, served from a local registry in
# <target>/package. Cargo takes a registry crate of a given version to be immutable: it reuses
# the core it unpacked under $CARGO_HOME/registry/src/-<hash of the path>/ and the core it
# compiled, whatever changed since. A checkout at the same path (CI's) with the same version
# would then build against the core of an earlier run. So the dry run has its own target
# directory, and our own crates (unpacked, compiled, packaged) leave it and $CARGO_HOME first;
# the other crates stay built.
export CARGO_TARGET_DIR=target/crates-dry-run
fresh() {
  rm -rf "$CARGO_TARGET_DIR/package"
  if [ -d "$CARGO_TARGET_DIR" ]; then
    find "$CARGO_TARGET_DIR" -name '*ticketshare*' -prune -exec rm -rf {} +
  fi
  rm -rf "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/ticketshare-"$version" \
    "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/ticketshare-c-"$version"
  rmdir "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-* 2>/dev/null || true
}
dry_run() { fresh && cargo publish --dry-run --allow-dirty -p ticketshare -p ticketshare-c >"$log" 2>&1; }
# The dry run reads the crates.io index over the network: a failure gets one more try, and a
# second failure prints the end of its log and the free disk space.
if ! dry_run; then
  echo "crates: the dry run failed; trying once more. Its log ended:" >&2
  tail -n 20 "$log" >&2
  sleep 10
  if ! dry_run; then
    tail -n 60 "$log" >&2
    df -h target >&2
    exit 1
  fi
fi
echo "crates: cargo publish --dry-run passed for ticketshare and ticketshare-c"
