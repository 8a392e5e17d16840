#!/usr/bin/env bash
# Tests the npm package the way a user gets it: `npm pack` the built package, install the tarball
# in a fresh directory, then run the Node tests (node --test), the TypeScript check (tsc) and the
# browser test (headless Chromium) and the Node example.
# Usage: ./scripts/test-wasm.sh [node|types|browser|example|all]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
what="${1:-all}"
consumer=target/npm-consumer

if [ ! -f "$consumer/.installed" ] || [ bindings/wasm/pkg/glue/ticketshare_bg.wasm -nt "$consumer/.installed" ] ||
  [ -n "$(find bindings/wasm/pkg -newer "$consumer/.installed" -type f 2>/dev/null | head -1)" ]; then
  rm -rf "$consumer" target/npm-pack && mkdir -p "$consumer" target/npm-pack
  tarball=$(cd bindings/wasm/pkg && npm pack --silent --pack-destination "$root/target/npm-pack")
  cd "$consumer"
  printf '{"name":"ticketshare-consumer","private":true,"type":"module"}\n' > package.json
  npm install --silent --no-audit --no-fund "$root/target/npm-pack/$tarball" typescript@5 >/dev/null
  touch .installed
  cd "$root"
fi
rm -rf "$consumer/test" && cp -r bindings/wasm/tests-js "$consumer/test"
cp examples/node/quickstart.mjs "$consumer/quickstart.mjs"

if [ "$what" = node ] || [ "$what" = all ]; then
  (cd "$consumer" && TICKETSHARE_VECTORS="$root/tests/vectors" node --test test/)
fi
if [ "$what" = types ] || [ "$what" = all ]; then
  (cd "$consumer" && npx --no-install tsc --noEmit --strict --target es2022 --module nodenext \
    --moduleResolution nodenext --skipLibCheck false test/typecheck.ts)
fi
if [ "$what" = browser ] || [ "$what" = all ]; then
  node bindings/wasm/browser-test/run.mjs "$root/$consumer/node_modules/ticketshare"
fi
if [ "$what" = example ] || [ "$what" = all ]; then
  (cd "$consumer" && node quickstart.mjs)
fi
