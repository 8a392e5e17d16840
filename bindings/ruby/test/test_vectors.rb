# frozen_string_literal: true

# Replays every golden vector (tests/vectors/) through the gem, on the test build of the
# library (TICKETSHARE_LIB points at it): the same requests and responses as every language.
require_relative "strict_warnings"
require "minitest/autorun"
require "json"
require "ticketshare"

class TestVectors < Minitest::Test
  ROOT = File.expand_path("../../../tests/vectors", __dir__)
  FILES = (Dir["#{ROOT}/*.json"] + Dir["#{ROOT}/*/*.json"]).sort

  def test_the_vectors_are_present
    assert_operator FILES.size, :>=, 15
    assert(FILES.any? { |f| File.basename(File.dirname(f)) == "nhd" })
  end

  FILES.each do |file|
    name = "#{File.basename(File.dirname(file))}_#{File.basename(file, '.json')}".gsub(/\W/, "_")
    define_method("test_vector_#{name}") do
      vector = JSON.parse(File.read(file))
      config = JSON.generate(vector["config"])
      if vector.key?("config_error")
        error = assert_raises(TicketShare::Error) { TicketShare::Engine.seeded_for_tests(config, vector["seed"]) }
        assert_equal vector["config_error"], error.code
        next
      end
      engine = TicketShare::Engine.seeded_for_tests(config, vector["seed"])
      vector["steps"].each do |step|
        request = step["request"].key?("raw") ? step["request"]["raw"] : JSON.generate(step["request"]["json"])
        assert_equal step["response"], JSON.parse(engine.call_json(request)), step["note"]
      end
      engine.close
    end
  end
end
