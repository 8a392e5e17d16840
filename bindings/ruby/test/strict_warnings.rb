# frozen_string_literal: true

# Loaded first by every test file: Ruby's verbose warnings and deprecation warnings are on, and
# a warning about one of this gem's files (its library, tests or example) fails the run, so the
# gem stays quiet under `ruby -w`. Warnings about other gems' files are left to print.
$VERBOSE = true
Warning[:deprecated] = true

# Raises on a warning that names a file of the gem.
module TicketShareStrictWarnings
  OURS = %r{/(?:lib/ticketshare|ticketshare-[^/]+/lib|bindings/ruby|examples/ruby)}.freeze

  def warn(message, *args, **options)
    raise "Ruby warned about the gem: #{message}" if message.match?(OURS)

    super
  end
end
Warning.singleton_class.prepend(TicketShareStrictWarnings)
