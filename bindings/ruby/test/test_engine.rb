# frozen_string_literal: true

# The gem's own behaviour, on the library a host installs (TICKETSHARE_LIB).
require_relative "strict_warnings"
require "minitest/autorun"
require "ticketshare"

class TestEngine < Minitest::Test
  CONFIG = {
    "keyring" => { "active" => 1, "keys" => [{ "id" => 1, "secret" => "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8" }] },
    "view_url" => "https://help.example.com/shared/"
  }.freeze
  AGENT = { "id" => "agent-7", "name" => "Ana Agent", "role" => "agent" }.freeze
  ACCOUNT = { "company_name" => "Acme Shoes", "plan" => "enterprise" }.freeze
  T0 = Time.utc(2026, 11, 23, 9, 0, 0)

  def share(engine)
    engine.create_share(AGENT, ACCOUNT, { "ticket_id" => "T-1", "recipient" => "s@supplier.example",
                                          "subject" => "Size", "message" => "Check" }, T0)
  end

  def test_the_typed_hot_path_agrees_with_the_json_call_in_any_zone
    engine = TicketShare::Engine.new(CONFIG)
    created = share(engine)
    claims = engine.verify_link(created["link_token"], T0)
    assert_equal created["share"]["id"], claims.share_id
    assert_equal 1, claims.key_id
    json = engine.call("link.verify", { "token" => created["link_token"], "now" => TicketShare.instant(T0) })
    assert_equal json["share_id"], claims.share_id
    assert_equal claims, engine.verify_link(created["link_token"], T0.getlocal("+01:00"))
    assert_equal claims, engine.verify_link(created["link_token"], "2026-11-23T10:00:00+01:00")
    assert_equal Encoding::UTF_8, claims.share_id.encoding
    # A value: equal and hashed by its fields, a hash of them, pattern-matched by key.
    assert_equal({ share_id: created["share"]["id"], expires_at_unix_nanos: claims.expires_at_unix_nanos, key_id: 1 },
                 claims.to_h)
    assert_equal :found, { claims => :found }[engine.verify_link(created["link_token"], T0)]
    refute_equal claims, engine.verify_link(share(engine)["link_token"], T0)
    refute_equal claims, claims.to_h
    case claims
    in { share_id: String => id, key_id: 1 } then assert_equal created["share"]["id"], id
    end
    assert_includes claims.inspect, created["share"]["id"]
    # As Unix nanoseconds, to the nanosecond: one before the expiry verifies, the expiry does not.
    assert_equal claims, engine.verify_link(created["link_token"], claims.expires_at_unix_nanos - 1)
    seconds, nanos = (claims.expires_at_unix_nanos - 1).divmod(1_000_000_000)
    assert_equal claims, engine.verify_link(created["link_token"], Time.at(seconds, nanos, :nsec, in: "UTC"))
    expired = assert_raises(TicketShare::LinkError) { engine.verify_link(created["link_token"], claims.expires_at_unix_nanos) }
    assert_equal "link_expired", expired.code
  end

  # The typed verify reuses its out-parameters per thread: threads verifying different links at
  # once each get their own share back. Ruby switches threads every 100 ms, so they run for a
  # second (out-parameters shared by the engine fail this within it).
  def test_threads_verifying_at_once_get_their_own_claims
    engine = TicketShare::Engine.new(CONFIG)
    links = Array.new(4) { share(engine) }.map { |created| [created["link_token"], created["share"]["id"]] }
    deadline = Process.clock_gettime(Process::CLOCK_MONOTONIC) + 1.0
    wrong = links.map do |token, id|
      Thread.new do
        misses = 0
        while Process.clock_gettime(Process::CLOCK_MONOTONIC) < deadline
          misses += 1 unless engine.verify_link(token, T0).share_id == id
        end
        misses
      end
    end.sum(&:value)
    assert_equal 0, wrong
  end

  def test_refusals_raise_the_family_class_with_code_and_category
    engine = TicketShare::Engine.new(CONFIG)
    created = share(engine)
    cases = [
      [TicketShare::LinkError, "link_expired", "expired", -> { engine.verify_link(created["link_token"], T0 + 72 * 3600) }],
      [TicketShare::LinkError, "token_malformed", "invalid_link", -> { engine.verify_link("forged", T0) }],
      [TicketShare::PolicyError, "permission_denied", "forbidden",
       -> { engine.cancel_share({ "id" => "v", "name" => "V", "role" => "viewer" }, created["share"], T0) }],
      [TicketShare::RequestError, "unknown_operation", "bad_request", -> { engine.call("no.such") }]
    ]
    cases.each do |klass, code, category, call|
      error = assert_raises(klass) { call.call }
      assert_equal [code, category], [error.code, error.category]
    end
  end

  # What Ruby cannot hand to the library (nil, another type, an Integer beyond 64 bits, a value
  # JSON cannot write) is refused with the library's codes, never a NoMethodError, TypeError,
  # RangeError or JSON::GeneratorError (SEC-03), as in Python.
  def test_nil_wrong_types_and_unwritable_values_are_refused_with_codes
    engine = TicketShare::Engine.new(CONFIG)
    cases = {
      "verify_link(nil)" => ["invalid_request", -> { engine.verify_link(nil, T0) }],
      "verify_link(Integer)" => ["invalid_request", -> { engine.verify_link(12_345, T0) }],
      "now beyond 64 bits" => ["invalid_time", -> { engine.verify_link("x", 2**70) }],
      "a Time beyond 64-bit nanoseconds" => ["invalid_time", -> { engine.verify_link("x", Time.at(2**40)) }],
      "now of no time type" => ["invalid_time", -> { engine.verify_link("x", Object.new) }],
      "call_json(nil)" => ["invalid_request", -> { engine.call_json(nil) }],
      "args nil" => ["invalid_request", -> { engine.call("link.verify", nil) }],
      "args an Integer" => ["invalid_request", -> { engine.call("link.verify", 5) }],
      "invalid UTF-8" => ["invalid_request", -> { engine.call("link.verify", { "token" => "\xff", "now" => "2026-11-23T09:00:00Z" }) }],
      "NaN" => ["invalid_request", -> { engine.call("link.verify", { "token" => Float::NAN }) }],
      "actor nil" => ["invalid_request", -> { engine.create_share(nil, ACCOUNT, {}, T0) }],
      "config invalid UTF-8" => ["invalid_config", -> { TicketShare::Engine.new({ "view_url" => "\xff" }) }],
      "config an Integer" => ["invalid_config", -> { TicketShare::Engine.new(123) }],
      "seed negative" => ["invalid_request", -> { TicketShare::Engine.seeded_for_tests(CONFIG, -1) }]
    }
    cases.each do |name, (code, call)|
      error = assert_raises(TicketShare::Error, name) { call.call }
      assert_equal code, error.code, "#{name}: #{error.message}"
    end
  end

  # One engine, one handle: no copy that could free it under the original, no dumped form.
  def test_an_engine_cannot_be_copied_or_dumped
    engine = TicketShare::Engine.new(CONFIG)
    assert_raises(TypeError) { engine.dup }
    assert_raises(TypeError) { engine.clone }
    assert_match(/cannot be dumped/, assert_raises(TypeError) { Marshal.dump(engine) }.message)
    assert_equal 1, engine.info["api_version"], "the original still answers"
  end

  def test_a_closed_engine_refuses_and_the_release_library_cannot_seed
    engine = TicketShare::Engine.new(CONFIG)
    engine.close
    engine.close
    assert_equal "engine_closed", assert_raises(TicketShare::RequestError) { engine.info }.code
    assert_equal "engine_closed", assert_raises(TicketShare::RequestError) { engine.verify_link("x", Time.now) }.code
    assert_raises(TicketShare::InternalError) { TicketShare::Engine.seeded_for_tests(CONFIG, 1) }
    assert_equal TicketShare::VERSION, TicketShare::Engine.version
  end

  def test_optional_arguments_are_keywords
    engine = TicketShare::Engine.new(CONFIG)
    first = share(engine)
    again = engine.create_share(AGENT, ACCOUNT, { "ticket_id" => "T-1", "recipient" => "s@supplier.example",
                                                  "subject" => "Size", "message" => "Again" }, T0 + 60,
                                previous_shares: [first["share"]])
    assert_equal "required", again["share"]["verification"]["state"]
  end
end
