# frozen_string_literal: true

require "ffi"
require "json"
require "time"
require_relative "ticketshare/version"
require_relative "ticketshare/operations"

# The rules engine behind helpdesk ticket sharing, through Ruby's ffi gem and the library's C
# ABI. Every rule is decided by the library; this gem turns hashes into requests and answers
# into hashes or exceptions.
module TicketShare
  # A refusal or a fault: `code` is the stable reason code, `category` what may be shown to the
  # person in front of the page, the message a detail for logs.
  class Error < StandardError
    attr_reader :code, :category

    def initialize(code, category, message)
      super(message)
      @code = code
      @category = category
    end
  end

  # One class per family of reason codes (docs/api.md): rescue the family you handle.
  class LinkError < Error; end
  class CodeError < Error; end
  class PolicyError < Error; end
  class RecordError < Error; end
  class ValidationError < Error; end
  class RequestError < Error; end
  class ConfigError < Error; end
  class InternalError < Error; end

  CLASSES = {
    "link" => LinkError, "code" => CodeError, "policy" => PolicyError, "record" => RecordError,
    "validation" => ValidationError, "request" => RequestError, "config" => ConfigError,
    "internal" => InternalError
  }.freeze

  # The exception for a reason code.
  def self.error_for(code, category, message)
    CLASSES.fetch(FAMILIES[code], Error).new(code, category, message)
  end

  # The exception for any failed call: the C ABI gives a reason number with every status but
  # TS_OK, and a function that returns JSON the error envelope too, whose message is more precise
  # (the field path) than the reason's meaning.
  def self.failure(status, reason, envelope)
    message =
      if envelope
        JSON.parse(envelope)["error"]["message"]
      elsif status == Native::REFUSED
        Native.ts_reason_message(reason)
      else
        "#{Native.ts_reason_message(reason)} (C status #{status})"
      end
    error_for(Native.ts_reason_code(reason), Native.ts_reason_category(reason), message)
  end

  # A refusal the gem makes itself, before the library: an argument Ruby cannot hand over (not a
  # String, an Integer beyond 64 bits, a value JSON cannot write). The same codes as the library's.
  def self.bad_input(code, message)
    error_for(code, "bad_request", message)
  end

  # JSON text of `value`; a value JSON cannot write (invalid UTF-8, NaN) is refused with `code`.
  def self.json(value, code)
    JSON.generate(value)
  rescue JSON::GeneratorError, Encoding::UndefinedConversionError => e
    raise bad_input(code, "not JSON: #{e.message}")
  end

  # `now` as the engine reads it in JSON: RFC 3339 in UTC, or the caller's text as it is.
  def self.instant(now)
    return now if now.is_a?(String)
    raise RequestError.new("invalid_request", "bad_request", "now must be a Time or RFC 3339 text") unless now.respond_to?(:to_time)

    now.to_time.utc.iso8601(6)
  end

  # The C ABI's functions, as `include/ticketshare_ffi.h` declares them (test/test_header.rb
  # checks this table against it). Text goes in as a pointer and a length; strings the library
  # owns come back as pointers, freed with ts_string_free; static ones as `:string`.
  module Native
    extend FFI::Library

    # `struct ts_engine`: a handle, passed by value.
    class Engine < FFI::Struct
      layout :id, :uint64
    end

    # `struct ts_link_claims`.
    class LinkClaims < FFI::Struct
      layout :share_id, [:uint8, 16], :share_id_text, [:char, 37], :expires_at_unix_nanos, :int64, :key_id, :uint32
    end

    FUNCTIONS = [
      [:ts_engine_new, [:pointer, :size_t, :pointer, :pointer, :pointer], :uint32],
      [:ts_engine_free, [Engine.by_value], :uint32],
      [:ts_engine_call_n, [Engine.by_value, :pointer, :size_t, :pointer, :pointer], :uint32],
      [:ts_string_free, [:pointer], :uint32],
      [:ts_reason_code, [:uint32], :string],
      [:ts_reason_category, [:uint32], :string],
      [:ts_reason_message, [:uint32], :string],
      [:ts_version, [], :string],
      [:ts_link_verify, [Engine.by_value, :pointer, :size_t, :int64, :pointer, :pointer], :uint32],
      [:ts_now_parse, [:pointer, :size_t, :pointer, :pointer], :uint32]
    ].freeze
    # The test build's seeded constructor (never in a library a host installs).
    SEEDED = [:ts_engine_new_seeded_for_tests, [:pointer, :size_t, :uint64, :pointer, :pointer, :pointer], :uint32].freeze

    OK = 0
    REFUSED = 1

    ffi_lib ENV.fetch("TICKETSHARE_LIB", "libticketshare.so.0.1")
    FUNCTIONS.each { |name, args, result| attach_function(name, args, result) }
    begin
      attach_function(*SEEDED)
    rescue FFI::NotFoundError
      # The library a host installs: no seeded constructor.
    end

    # Copies a string the library returned, then frees it.
    def self.take(out)
      pointer = out.read_pointer
      return nil if pointer.null?

      text = pointer.read_string.force_encoding(Encoding::UTF_8)
      ts_string_free(pointer)
      text
    end
  end

  # What a verified link says (the typed hot path): a value, equal to another with the same
  # fields. A plain class, not a Struct: Ruby 3.1 builds it ~50 ns faster, a sixth of the wrapper.
  class LinkClaims
    # The share to load (UUID text), when the link expires (Unix nanoseconds), the key that signed it.
    attr_reader :share_id, :expires_at_unix_nanos, :key_id

    def initialize(share_id, expires_at_unix_nanos, key_id)
      @share_id = share_id
      @expires_at_unix_nanos = expires_at_unix_nanos
      @key_id = key_id
    end

    # The fields as a hash with symbol keys.
    def to_h
      { share_id: @share_id, expires_at_unix_nanos: @expires_at_unix_nanos, key_id: @key_id }
    end

    # Pattern matching: `in { share_id: }`.
    def deconstruct_keys(_keys)
      to_h
    end

    def ==(other)
      other.is_a?(LinkClaims) && to_h == other.to_h
    end
    alias eql? ==

    def hash
      to_h.hash
    end

    def inspect
      "#<TicketShare::LinkClaims share_id=#{@share_id.inspect} " \
        "expires_at_unix_nanos=#{@expires_at_unix_nanos} key_id=#{@key_id}>"
    end
    alias to_s inspect
  end

  # The engine. Build it once from the configuration (docs/api.md); every operation is a method
  # (Operations). It is freed when the object is garbage-collected, or by close.
  class Engine
    include Operations

    # The JSON API version this gem speaks.
    API_VERSION = 1

    # `config`: a hash, JSON text, or keywords (`Engine.new(keyring: ..., view_url: ...)`).
    def initialize(config = nil, seed: nil, **options)
      config ||= options
      text = config.is_a?(String) ? config : TicketShare.json(config, "invalid_config")
      unless seed.nil? || (seed.is_a?(Integer) && seed >= 0 && seed < 2**64)
        raise TicketShare.bad_input("invalid_request", "the seed must be an Integer from 0 to 2**64 - 1")
      end
      engine = Native::Engine.new
      reason = FFI::MemoryPointer.new(:uint32)
      error = FFI::MemoryPointer.new(:pointer)
      status =
        if seed.nil?
          Native.ts_engine_new(text, text.bytesize, engine, reason, error)
        else
          unless Native.respond_to?(:ts_engine_new_seeded_for_tests)
            raise InternalError.new("internal_error", "internal", "this build has no test constructors")
          end

          Native.ts_engine_new_seeded_for_tests(text, text.bytesize, seed, engine, reason, error)
        end
      raise TicketShare.failure(status, reason.read_uint32, Native.take(error)) unless status == Native::OK

      @engine = engine
      @state = { open: true }
      ObjectSpace.define_finalizer(self, Engine.finalizer(engine[:id], @state))
    end

    # An engine holds one native handle, freed once: share the object (it is thread-safe); a
    # copy (dup, clone) or a Marshal dump is refused.
    def initialize_copy(_source)
      raise TypeError, "a TicketShare::Engine cannot be copied: share the object instead"
    end

    def marshal_dump
      raise TypeError, "a TicketShare::Engine cannot be dumped: build one from its configuration"
    end

    # **For tests and golden vectors only**, with the test build of the library.
    def self.seeded_for_tests(config, seed)
      new(config, seed: seed)
    end

    # The library's version.
    def self.version
      Native.ts_version
    end

    # Frees the engine; later calls raise. Closing twice is safe.
    def close
      return unless @state[:open]

      @state[:open] = false
      Native.ts_engine_free(@engine)
    end

    # Runs one operation and returns its result, or raises.
    def call(op, args = {})
      request = { "v" => API_VERSION, "op" => op }
      request["args"] = args unless args.is_a?(Hash) && args.empty?
      status, reason, response = send_request(TicketShare.json(request, "invalid_request"))
      raise TicketShare.failure(status, reason, response) unless status == Native::OK

      JSON.parse(response)["result"]
    end

    # Sends a raw JSON request and returns the raw JSON response, a result or a refusal; raises
    # only when there is no response (a closed engine).
    def call_json(request)
      unless request.is_a?(String)
        raise TicketShare.bad_input("invalid_request", "the request must be a String, not #{request.class}")
      end

      status, reason, response = send_request(request)
      raise TicketShare.failure(status, reason, nil) if response.nil?

      response
    end

    # Where the typed verify's fields are in `struct ts_link_claims`.
    TEXT_AT = Native::LinkClaims.offset_of(:share_id_text)
    EXPIRES_AT = Native::LinkClaims.offset_of(:expires_at_unix_nanos)
    KEY_AT = Native::LinkClaims.offset_of(:key_id)
    private_constant :TEXT_AT, :EXPIRES_AT, :KEY_AT

    # The hot path: checks a link token alone, before any database look-up (link.verify).
    # `now` is a Time (or anything with to_time), RFC 3339 text, or an Integer of Unix
    # nanoseconds.
    def verify_link(token, now)
      # The out-parameters are made once per thread (fiber) and reused: nothing else runs on
      # this fiber between the call and the reads, and no other fiber sees them.
      claims, reason = Thread.current[:ticketshare_verify_out] ||=
        [FFI::MemoryPointer.new(Native::LinkClaims.size), FFI::MemoryPointer.new(:uint32)]
      # Integer and Time inline: a method call costs the interpreter ~40 ns of ~700.
      now = now.is_a?(Time) ? now.to_i * 1_000_000_000 + now.nsec : nanos(now) unless now.is_a?(Integer)
      status = Native.ts_link_verify(@engine, token, token.bytesize, now, claims, reason)
      if status == Native::OK
        id = claims.get_bytes(TEXT_AT, 36).force_encoding(Encoding::UTF_8)
        return LinkClaims.new(id, claims.get_int64(EXPIRES_AT), claims.get_uint32(KEY_AT))
      end

      raise TicketShare.failure(status, reason.read_uint32, nil)
    rescue NoMethodError, TypeError
      # Off the hot path: only a token that is not a String gets here (nothing else in the call
      # can raise these), so the check costs the verifies that succeed nothing.
      raise if token.is_a?(String)

      raise TicketShare.bad_input("invalid_request", "the token must be a String, not #{token.class}")
    rescue RangeError
      raise TicketShare.bad_input("invalid_time", "now is out of range: Unix nanoseconds must fit in 64 bits")
    end

    # The finalizer: frees the engine unless it was closed.
    def self.finalizer(id, state)
      proc do
        if state[:open]
          state[:open] = false
          engine = Native::Engine.new
          engine[:id] = id
          Native.ts_engine_free(engine)
        end
      end
    end

    private

    # The status, the reason and the response (nil when there is none).
    def send_request(request)
      out = FFI::MemoryPointer.new(:pointer)
      reason = FFI::MemoryPointer.new(:uint32)
      status = Native.ts_engine_call_n(@engine, request, request.bytesize, out, reason)
      [status, reason.read_uint32, Native.take(out)]
    end

    # Unix nanoseconds of a `now` other than an Integer or a Time (verify_link converts those
    # itself): arithmetic for anything with to_time, the engine's parser for text.
    def nanos(now)
      now = now.to_time if !now.is_a?(String) && now.respond_to?(:to_time)
      return now.to_i * 1_000_000_000 + now.nsec if now.is_a?(Time)

      text = now.to_s
      out = FFI::MemoryPointer.new(:int64)
      reason = FFI::MemoryPointer.new(:uint32)
      status = Native.ts_now_parse(text, text.bytesize, out, reason)
      return out.read_int64 if status == Native::OK

      raise TicketShare.failure(status, reason.read_uint32, nil)
    end
  end
end
