#!/usr/bin/env bash
# The Ruby gem (bindings/ruby) with Debian's ruby 3.1, ruby-ffi and minitest: `gem build`, the
# gem installed into a clean GEM_HOME, then, from the installed gem, the golden vectors and the
# corpus of hostile inputs on the test build of the library, the gem's tests (its function table
# checked against include/ticketshare_ffi.h) and the quickstart on the library a host installs;
# then, from the source tree, `bundle exec rake test` as the gem's developers run it.
# Usage: ./scripts/test-ruby.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
cargo build --release --quiet -p ticketshare-c --features testing
mkdir -p target/ffi-testing
cp target/release/libticketshare_c.so target/ffi-testing/libticketshare_c.so
cargo build --release --quiet -p ticketshare-c

out=target/ruby
rm -rf "$out" && mkdir -p "$out"
(cd bindings/ruby && gem build --silent ticketshare.gemspec --output "$root/$out/ticketshare.gem")
export GEM_HOME="$root/$out/gems"
gem install --local --no-document --silent "$out/ticketshare.gem"
installed=$(TICKETSHARE_LIB="$root/target/release/libticketshare_c.so" \
  ruby -e 'require "ticketshare"; print $LOADED_FEATURES.grep(/ticketshare\.rb$/).first')
case "$installed" in
  "$GEM_HOME"/*) echo "ruby: the tests load $installed" ;;
  *) echo "ruby: ticketshare was not loaded from the installed gem ($installed)" >&2; exit 1 ;;
esac
for licence in LICENSE-APACHE LICENSE-MIT; do
  cmp -s "$GEM_HOME"/gems/ticketshare-*/"$licence" "$licence" || { echo "ruby: the gem lacks $licence" >&2; exit 1; }
done
TICKETSHARE_LIB="$root/target/ffi-testing/libticketshare_c.so" \
  ruby -e 'ARGV.each { |f| require File.expand_path(f) }' bindings/ruby/test/test_vectors.rb bindings/ruby/test/test_bad_inputs.rb
export TICKETSHARE_LIB="$root/target/release/libticketshare_c.so"
ruby -e 'ARGV.each { |f| require File.expand_path(f) }' bindings/ruby/test/test_engine.rb bindings/ruby/test/test_header.rb
# The quickstart under `ruby -w`: anything on its standard error (a warning) fails the run.
ruby -w examples/ruby/quickstart.rb 2>"$out/quickstart.stderr"
if [ -s "$out/quickstart.stderr" ]; then
  echo "ruby: the quickstart printed warnings under ruby -w:" >&2
  cat "$out/quickstart.stderr" >&2
  exit 1
fi

# As the gem's developers work: `bundle install` (--local: from the gems installed here, as
# rubygems.org is out of reach) and `bundle exec rake test` from the source tree, vectors included.
(cd bindings/ruby && bundle install --local --quiet &&
  TICKETSHARE_TEST_LIB="$root/target/ffi-testing/libticketshare_c.so" bundle exec rake test)
