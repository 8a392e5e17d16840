# frozen_string_literal: true

module TicketShare
  # The gem's version: the library's one version (tests/versions.rs checks it).
  VERSION = "0.1.0"
end
