#!/usr/bin/env bash
# The C release archive, target/dist/ticketshare-<version>-<target>.tar.gz: lib/libticketshare.a,
# lib/libticketshare.so.<version> (SONAME libticketshare.so.0.<minor>), include/ticketshare.h (and
# ticketshare_ffi.h, for FFIs without a preprocessor),
# the pkg-config file, a Makefile whose `make install PREFIX=...` lays it all out, the licences
# and the changelog.
# Usage: ./scripts/c-release.sh [--check]
#   --check: install the archive into a temporary prefix, then build examples/c/quickstart.c
#   against the installed copy with `pkg-config --cflags --libs ticketshare` (shared, then
#   static) and run it.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n '/^\[workspace.package\]/,/^\[/ s/^version = "\(.*\)"/\1/p' Cargo.toml)
target=$(rustc -vV | sed -n 's/^host: //p')
cargo build --release --quiet -p ticketshare-c
so=target/release/libticketshare_c.so
soname=$(readelf -d "$so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
if [ -z "$soname" ]; then
  echo "c-release: $so has no SONAME" >&2
  exit 1
fi

name="ticketshare-$version-$target"
dist=target/dist
rm -rf "${dist:?}/$name" "$dist/$name.tar.gz"
mkdir -p "$dist/$name/lib/pkgconfig" "$dist/$name/include"
cp target/release/libticketshare_c.a "$dist/$name/lib/libticketshare.a"
cp "$so" "$dist/$name/lib/libticketshare.so.$version"
strip --strip-unneeded "$dist/$name/lib/libticketshare.so.$version"
strip --strip-debug "$dist/$name/lib/libticketshare.a"
cp include/ticketshare.h include/ticketshare_ffi.h "$dist/$name/include/"
cp packaging/c/ticketshare.pc.in "$dist/$name/lib/pkgconfig/"
cp packaging/c/Makefile bindings/c/README.md CHANGELOG.md LICENSE LICENSE-APACHE LICENSE-MIT "$dist/$name/"
echo "$version" >"$dist/$name/VERSION"
echo "$soname" >"$dist/$name/SONAME"
tar -C "$dist" -czf "$dist/$name.tar.gz" "$name"
echo "c-release: $dist/$name.tar.gz ($(du -k "$dist/$name.tar.gz" | cut -f1) KiB, SONAME $soname)"

[ "${1:-}" = "--check" ] || exit 0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$dist/$name.tar.gz" -C "$tmp"
make -s -C "$tmp/$name" install PREFIX="$tmp/prefix"
export PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig"
[ "$(pkg-config --modversion ticketshare)" = "$version" ]
flags="-std=c11 -O1 -Wall -Wextra -Werror -pedantic"
# shellcheck disable=SC2046,SC2086
cc $flags $(pkg-config --cflags ticketshare) -o "$tmp/quickstart" examples/c/quickstart.c $(pkg-config --libs ticketshare)
readelf -d "$tmp/quickstart" | grep -q "NEEDED.*\[$soname\]"
LD_LIBRARY_PATH="$tmp/prefix/lib" "$tmp/quickstart" >/dev/null
# shellcheck disable=SC2046,SC2086
cc $flags $(pkg-config --cflags ticketshare) -o "$tmp/quickstart-static" examples/c/quickstart.c \
  -L"$tmp/prefix/lib" -Wl,-Bstatic -lticketshare -Wl,-Bdynamic $(pkg-config --static --libs-only-l ticketshare | sed 's/-lticketshare//')
! readelf -d "$tmp/quickstart-static" | grep -q "libticketshare"
"$tmp/quickstart-static" >/dev/null
echo "c-release: installed with make install PREFIX=...; the quickstart built with pkg-config ran, shared ($soname) and static"
