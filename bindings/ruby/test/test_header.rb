# frozen_string_literal: true

# The gem's function table (TicketShare::Native::FUNCTIONS) checked against the header the
# library ships for FFIs, include/ticketshare_ffi.h: every function there, with its types.
require_relative "strict_warnings"
require "minitest/autorun"
require "ticketshare"

class TestHeader < Minitest::Test
  HEADER = File.read(File.expand_path("../../../include/ticketshare_ffi.h", __dir__))

  # The ffi gem's type for a C type.
  def ruby_type(c_type, result:)
    c_type = c_type.strip
    return :string if result && c_type == "const char *"
    return TicketShare::Native::Engine.by_value if c_type == "struct ts_engine"
    return :pointer if c_type.end_with?("*")

    { "ts_result" => :uint32, "uint32_t" => :uint32, "size_t" => :size_t, "int64_t" => :int64,
      "uint64_t" => :uint64, "void" => nil }.fetch(c_type) { flunk "unknown C type #{c_type}" }
  end

  def prototype(name)
    match = HEADER.match(/^([\w ]+?\s*\*?)\s*\b#{name}\(([^)]*)\);/m)
    assert match, "#{name} is not declared in include/ticketshare_ffi.h"
    params = match[2].split(",").map { |p| p.strip.sub(/\w+\z/, "") }.reject { |p| p.strip == "void" || p.empty? }
    [params, match[1]]
  end

  def test_every_function_matches_the_header
    TicketShare::Native::FUNCTIONS.each do |name, args, result|
      params, c_result = prototype(name)
      assert_equal params.map { |p| ruby_type(p, result: false) }, args, "#{name}: parameters"
      assert_equal ruby_type(c_result, result: true), result, "#{name}: result"
    end
  end

  def test_owned_strings_are_pointers_never_string
    # `:string` on a char* the library allocates would copy it and leak the original.
    TicketShare::Native::FUNCTIONS.each do |name, args, result|
      params, = prototype(name)
      params.each_with_index do |p, i|
        assert_equal :pointer, args[i], "#{name}: #{p}" if p.include?("char **")
      end
      _, c_result = prototype(name)
      assert_equal :pointer, result, "#{name}: an allocated char * result" if c_result.strip == "char *"
    end
  end
end
