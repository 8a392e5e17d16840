# frozen_string_literal: true

# The shared corpus of hostile inputs (tests/bad-inputs/corpus.json) through the gem, on the test
# build of the library (TICKETSHARE_LIB points at it): each refused with the code it must get, as
# in Rust, C, Python, Node and PHP; the message at most 512 characters, with no control or
# invisible character (SEC-03, SEC-06).
require_relative "strict_warnings"
require "minitest/autorun"
require "json"
require "ticketshare"

class TestBadInputs < Minitest::Test
  CORPUS = JSON.parse(File.read(File.expand_path("../../../tests/bad-inputs/corpus.json", __dir__)))

  def test_every_input_is_refused_with_its_code_and_a_clean_message
    inputs = CORPUS["inputs"]
    assert_operator inputs.size, :>=, 200
    engine = TicketShare::Engine.seeded_for_tests(JSON.generate(CORPUS["config"]), CORPUS["seed"])
    inputs.each do |entry|
      request = entry.key?("text") ? entry["text"] : [entry["hex"]].pack("H*")
      response = JSON.parse(engine.call_json(request))
      assert_equal false, response["ok"], entry["name"]
      assert_equal entry["code"], response["error"]["code"], entry["name"]
      message = response["error"]["message"]
      assert_operator message.length, :<=, 512, entry["name"]
      refute_match(/[\p{Cc}\u202e\u2028\u2029\u200b]/, message, entry["name"])
    end
  ensure
    engine&.close
  end
end
