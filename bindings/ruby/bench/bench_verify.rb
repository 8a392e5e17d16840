# frozen_string_literal: true

# The gem's typed link verify against the bare FFI call it wraps and against Ruby's own
# HMAC-SHA256 (OpenSSL::HMAC) over the same token bytes, in one run. Each figure is the best of 7
# rounds of 100,000 calls (the loop included, alike for all). Run by ./scripts/bench.sh, or:
#   TICKETSHARE_LIB=target/release/libticketshare_c.so ruby -Ibindings/ruby/lib bindings/ruby/bench/bench_verify.rb
require "base64"
require "openssl"
require "ticketshare"

CONFIG = {
  "keyring" => { "active" => 1, "keys" => [{ "id" => 1, "secret" => "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8" }] },
  "view_url" => "https://help.example.com/shared/"
}.freeze

# Nanoseconds per call of the block, best of `rounds` rounds of `count` calls.
def best(count = 100_000, rounds = 7)
  (1..rounds).map do
    start = Process.clock_gettime(Process::CLOCK_MONOTONIC, :nanosecond)
    yield count
    (Process.clock_gettime(Process::CLOCK_MONOTONIC, :nanosecond) - start).fdiv(count)
  end.min
end

engine = TicketShare::Engine.new(CONFIG)
created = engine.create_share(
  { "id" => "a", "name" => "Ana", "role" => "agent" },
  { "company_name" => "Acme", "plan" => "enterprise" },
  { "ticket_id" => "T-1", "recipient" => "s@example.com", "subject" => "s", "message" => "m" },
  "2026-11-23T09:00:00Z"
)
token = created["link_token"]
now = Time.utc(2026, 11, 23, 10)
nanos = 1_795_424_400 * 1_000_000_000
raise "the wrapped verify disagrees" unless engine.verify_link(token, now).share_id == created["share"]["id"]

# The bare call: the same library, its own engine, the out-parameters made once.
native = TicketShare::Native
text = JSON.generate(CONFIG)
raw = native::Engine.new
raise "ts_engine_new" unless native.ts_engine_new(text, text.bytesize, raw, nil, nil).zero?

claims = native::LinkClaims.new
reason = FFI::MemoryPointer.new(:uint32)
raise "the bare verify refused" unless native.ts_link_verify(raw, token, token.bytesize, nanos, claims, reason).zero?

key = Base64.urlsafe_decode64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
length = token.bytesize

bare = best { |n| n.times { native.ts_link_verify(raw, token, length, nanos, claims, reason) } }
wrapped = best { |n| n.times { engine.verify_link(token, nanos) } }
wrapped_time = best { |n| n.times { engine.verify_link(token, now) } }
hmac = best { |n| n.times { OpenSSL::HMAC.digest("SHA256", key, token) } }
json = best(20_000) { |n| n.times { engine.call("link.verify", { "token" => token, "now" => "2026-11-23T10:00:00Z" }) } }

puts "| operation | best of 7 | ratio |"
puts "| --- | --- | --- |"
puts format("| Ruby bare FFI ts_link_verify (reference) | %.0f ns | 1.00x |", bare)
puts format("| Ruby Engine#verify_link (typed, now as Integer nanoseconds) | %.0f ns | %.2fx |", wrapped, wrapped / bare)
puts format("| Ruby Engine#verify_link (typed, now as Time) | %.0f ns | %.2fx |", wrapped_time, wrapped_time / bare)
puts format("| Ruby OpenSSL::HMAC.digest SHA256 over the token | %.0f ns | %.2fx |", hmac, hmac / bare)
puts format("| Ruby Engine#call('link.verify') (JSON) | %.0f ns | %.2fx |", json, json / bare)
puts "Ruby #{RUBY_VERSION}, ffi #{FFI::VERSION}, YJIT #{defined?(RubyVM::YJIT) && RubyVM::YJIT.enabled? ? 'on' : 'off'}"
