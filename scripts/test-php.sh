#!/usr/bin/env bash
# The PHP package (bindings/php) through PHP 8.2's FFI, with Debian's php-cli and phpunit:
# the golden vectors and the corpus of hostile inputs on the test build of the library, the
# package's own tests and the quickstart on the library a host installs; then under php-fpm,
# with the C release archive installed and the library preloaded (ffi.enable=preload, PHP's
# default), the story and then the whole PHPUnit suite, each in one request through FastCGI.
# Usage: ./scripts/test-php.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# The test build (the seeded constructor), kept apart; then the release build in target/release.
cargo build --release --quiet -p ticketshare-c --features testing
mkdir -p target/ffi-testing
cp target/release/libticketshare_c.so target/ffi-testing/libticketshare_c.so
cargo build --release --quiet -p ticketshare-c
export TICKETSHARE_LIB="$PWD/target/release/libticketshare_c.so"
export TICKETSHARE_TEST_LIB="$PWD/target/ffi-testing/libticketshare_c.so"
# `composer test`, as the package's developers run it (Debian's phpunit: Packagist is out of reach).
(cd bindings/php && COMPOSER_ALLOW_SUPERUSER=1 composer test) | tee target/php-composer-test.log
# PHPUnit 9 passes with skipped tests ("OK, but ..."): here every vector must have run.
grep -q '^OK (' target/php-composer-test.log
php -d ffi.enable=1 examples/php/quickstart.php

# As a Composer user gets it: `composer validate`, then a project that requires the package from
# its path (Packagist off: no network), and a first call through vendor/autoload.php.
COMPOSER_ALLOW_SUPERUSER=1 composer validate --quiet --strict --no-check-publish bindings/php/composer.json
consumer=target/php-composer-consumer
rm -rf "$consumer" && mkdir -p "$consumer"
cat >"$consumer/composer.json" <<JSON
{"require": {"ticketshare/ticketshare": "@dev"},
 "repositories": [{"type": "path", "url": "$PWD/bindings/php", "options": {"symlink": false}}, {"packagist.org": false}]}
JSON
COMPOSER_ALLOW_SUPERUSER=1 composer --working-dir="$consumer" install --quiet --no-interaction
php -d ffi.enable=1 -r '
require $argv[1] . "/vendor/autoload.php";
$engine = new TicketShare\Engine(["keyring" => ["active" => 1, "keys" => [["id" => 1, "secret" => "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"]]],
    "view_url" => "https://help.example.com/shared/"]);
foreach (["LICENSE-APACHE", "LICENSE-MIT", "include/ticketshare_ffi.h"] as $file) {
    if (!is_file($argv[1] . "/vendor/ticketshare/ticketshare/$file")) { fwrite(STDERR, "composer: no $file\n"); exit(1); }
}
echo "composer: ticketshare ", $engine->info()["library_version"], " through vendor/autoload.php\n";' "$consumer"

# php-fpm: the release archive installed in a prefix, preload.php, one FastCGI request.
./scripts/c-release.sh >/dev/null
tmp=$(mktemp -d)
fpm=""
trap '[ -n "$fpm" ] && kill "$fpm" 2>/dev/null; rm -rf "$tmp"' EXIT
tar -xzf target/dist/ticketshare-*-"$(rustc -vV | sed -n 's/^host: //p')".tar.gz -C "$tmp"
make -s -C "$tmp"/ticketshare-*/ install PREFIX="$tmp/prefix"
cat >"$tmp/php.ini" <<INI
ffi.enable=preload
ffi.preload=$PWD/bindings/php/include/ticketshare_ffi.h
opcache.enable=1
opcache.preload=$PWD/bindings/php/preload.php
opcache.preload_user=root
INI
cat >"$tmp/fpm.conf" <<CONF
[global]
pid = $tmp/fpm.pid
error_log = $tmp/fpm.log
[ticketshare]
user = root
listen = $tmp/fpm.sock
pm = static
pm.max_children = 1
clear_env = no
CONF
php_fpm=$(command -v php-fpm8.2 || command -v php-fpm)
# The package finds the installed library through the preloaded scope, not TICKETSHARE_LIB;
# the golden vectors still need the test build (TICKETSHARE_TEST_LIB).
env -u TICKETSHARE_LIB LD_LIBRARY_PATH="$tmp/prefix/lib" "$php_fpm" -R -F -y "$tmp/fpm.conf" -c "$tmp/php.ini" &
fpm=$!
for _ in $(seq 50); do [ -S "$tmp/fpm.sock" ] && break; sleep 0.1; done
request() {
  SCRIPT_FILENAME="$PWD/bindings/php/tests/fpm/$1" REQUEST_METHOD=GET \
    cgi-fcgi -bind -connect "$tmp/fpm.sock" | tr -d '\r' | sed '1,/^$/d'
}
answer=$(request story.php)
echo "php-fpm: $answer"
case "$answer" in
  "sapi=fpm-fcgi ffi.enable=preload version="*" verified=yes later=link_expired") ;;
  *) cat "$tmp/fpm.log" >&2; exit 1 ;;
esac
# The whole PHPUnit suite in one php-fpm request.
answer=$(request phpunit.php)
echo "$answer" | tail -n 4
case "$(echo "$answer" | tail -n 1)" in
  "phpunit exit=0 sapi=fpm-fcgi ffi.enable=preload preloaded=yes") ;;
  *) echo "$answer" >&2; cat "$tmp/fpm.log" >&2; exit 1 ;;
esac
echo "$answer" | grep -q '^OK (' || { echo "php-fpm: PHPUnit skipped tests" >&2; exit 1; }
