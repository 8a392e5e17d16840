#!/usr/bin/env bash
# The PHP package (bindings/php) through PHP 8.2's FFI, with Debian's php-cli and phpunit:
# the golden vectors on the test build of the library, the package's own tests and the
# quickstart on the library a host installs.
# Usage: ./scripts/test-php.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# The test build (the seeded constructor), kept apart; then the release build in target/release.
cargo build --release --quiet -p ticketshare-c --features testing
mkdir -p target/php-testing
cp target/release/libticketshare_c.so target/php-testing/libticketshare_c.so
cargo build --release --quiet -p ticketshare-c
export TICKETSHARE_LIB="$PWD/target/release/libticketshare_c.so"
export TICKETSHARE_TEST_LIB="$PWD/target/php-testing/libticketshare_c.so"
php -d ffi.enable=1 "$(command -v phpunit)" -c bindings/php/phpunit.xml
php -d ffi.enable=1 examples/php/quickstart.php
