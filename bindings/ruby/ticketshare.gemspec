# frozen_string_literal: true

require_relative "lib/ticketshare/version"

Gem::Specification.new do |spec|
  spec.name = "ticketshare"
  spec.version = TicketShare::VERSION
  spec.summary = "The rules engine behind helpdesk ticket sharing, through the ffi gem and its C ABI."
  spec.description = "Share links for external collaborators, verification codes, agent shares, CCs, " \
                     "sharing agreements and the Networked Help Desk protocol, decided by the ticketshare library."
  spec.authors = ["The ticketshare developers"]
  spec.license = "MIT OR Apache-2.0"
  spec.homepage = "https://github.com/ticketshare/ticketshare"
  spec.required_ruby_version = ">= 3.0"
  spec.files = Dir["lib/**/*.rb"] + ["README.md", "LICENSE-APACHE", "LICENSE-MIT"]
  spec.require_paths = ["lib"]
  spec.add_dependency "ffi", "~> 1.15"
  spec.metadata = { "source_code_uri" => spec.homepage, "rubygems_mfa_required" => "true" }
end
