#!/usr/bin/env bash
# Tests the npm package the way a user gets it: `npm pack` the built package, install the tarball
# in a fresh directory, then run the tests there. Two packages are built (scripts/build-wasm.sh):
# the one a host installs (bindings/wasm/pkg) and the test build (bindings/wasm/pkg-test), which
# adds the seeded constructor the golden vectors need.
#   node     the Node tests (vectors, surface, story, bad input), on the test build
#   browser  headless Chromium, on the test build
#   types    the TypeScript declarations (tsc --strict), on the published package
#   example  the Node quickstart, on the published package
#   release  the published package has no test constructor and works with OS randomness
#   lint     the published tarball passes publint and @arethetypeswrong/cli (ESM-only profile)
# Usage: ./scripts/test-wasm.sh [node|types|browser|example|release|lint|all]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
what="${1:-all}"

# install <package dir> <consumer dir>: packs and installs the package when it changed.
install() {
  local pkg="$1" consumer="$2"
  if [ ! -f "$consumer/.installed" ] || [ -n "$(find "$pkg" -newer "$consumer/.installed" -type f 2>/dev/null | head -1)" ]; then
    rm -rf "$consumer" "$consumer-pack" && mkdir -p "$consumer" "$consumer-pack"
    local tarball
    tarball=$(cd "$pkg" && npm pack --silent --pack-destination "$root/$consumer-pack")
    (cd "$consumer" &&
      printf '{"name":"ticketshare-consumer","private":true,"type":"module"}\n' > package.json &&
      npm install --silent --no-audit --no-fund "$root/$consumer-pack/$tarball" typescript@5 >/dev/null)
    touch "$consumer/.installed"
  fi
  rm -rf "$consumer/test" && cp -r bindings/wasm/tests-js "$consumer/test"
  cp examples/node/quickstart.mjs "$consumer/quickstart.mjs"
}

published=target/npm-consumer
testing=target/npm-consumer-test
case "$what" in node | browser | all) install bindings/wasm/pkg-test "$testing" ;; esac
case "$what" in types | example | release | lint | all) install bindings/wasm/pkg "$published" ;; esac

if [ "$what" = node ] || [ "$what" = all ]; then
  (cd "$testing" && TICKETSHARE_VECTORS="$root/tests/vectors" node --throw-deprecation --test test/*.test.mjs)
fi
if [ "$what" = types ] || [ "$what" = all ]; then
  (cd "$published" && npx --no-install tsc --noEmit --strict --target es2022 --module nodenext \
    --moduleResolution nodenext --skipLibCheck false test/typecheck.ts)
fi
if [ "$what" = browser ] || [ "$what" = all ]; then
  node bindings/wasm/browser-test/run.mjs "$root/$testing/node_modules/ticketshare"
fi
if [ "$what" = example ] || [ "$what" = all ]; then
  (cd "$published" && node --throw-deprecation quickstart.mjs)
fi
if [ "$what" = release ] || [ "$what" = all ]; then
  (cd "$published" && node test/release.mjs)
fi
if [ "$what" = lint ] || [ "$what" = all ]; then
  tools=target/npm-tools
  if [ ! -x "$tools/node_modules/.bin/attw" ]; then
    mkdir -p "$tools"
    (cd "$tools" && printf '{"name":"ticketshare-tools","private":true}\n' > package.json &&
      npm install --silent --no-audit --no-fund publint@0.3 @arethetypeswrong/cli@0.18 >/dev/null)
  fi
  tarball=$(ls "$published-pack"/ticketshare-*.tgz)
  (cd bindings/wasm/pkg && "$root/$tools/node_modules/.bin/publint" --strict)
  # ESM only, by design: CommonJS callers use import(); every entry point has its types.
  "$tools/node_modules/.bin/attw" --profile esm-only "$tarball"
fi
