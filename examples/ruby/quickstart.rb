# frozen_string_literal: true

# The seed-000 story through the Ruby gem: share, open the link, a wrong code then the right
# one, view the thread, reply, cancel. Run: ruby examples/ruby/quickstart.rb (with the gem
# installed, or -Ibindings/ruby/lib; TICKETSHARE_LIB=path/to/libticketshare.so.0.1 unless the
# library is installed).
require "ticketshare"

engine = TicketShare::Engine.new(
  # In production the key comes from a secret store: 32+ random bytes, unpadded base64url.
  keyring: { active: 1, keys: [{ id: 1, secret: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8" }] },
  view_url: "https://help.acme.example/shared/"
)
agent = { id: "agent-7", name: "Ana Agent", role: "agent" }
account = { company_name: "Acme Shoes", plan: "enterprise" }
t0 = Time.utc(2026, 11, 23, 9, 0, 0)

created = engine.create_share(agent, account, { ticket_id: "T-1001", recipient: "orders@supplier.example",
                                                subject: "Trainers labelled 42 are far smaller",
                                                message: "Could you check batch B-17?" }, t0)
share, token = created["share"], created["link_token"]
puts "1. shared: #{created['link_url']}"

claims = engine.verify_link(token, t0 + 10)
puts "2. link verified for share #{claims.share_id}"

opened = engine.open_link(token, share, account, t0 + 60)
puts "3. link opened: #{opened['outcome']}"
code = opened["email"]["text_body"][/\d{6}/]

rejected = engine.check_code(token, share, opened["challenge"], code.tr("0-9", "1-90"), t0 + 70)
puts "4. wrong code #{rejected['outcome']}, #{rejected['attempts_left']} tries left"
accepted = engine.check_code(token, rejected["share"], rejected["challenge"], code, t0 + 80)
share, session = accepted["share"], accepted["session_token"]
puts "   right code #{accepted['outcome']}"

thread = {
  ticket_id: "T-1001",
  items: [
    { id: "m1", kind: { type: "incoming" }, author: { role: "customer", name: "Carla" },
      body: "They are tiny!", at: "2026-11-22T09:00:00Z" },
    { id: "n1", kind: { type: "internal_note" }, author: { role: "agent", name: "Ana Agent" },
      body: "VIP: refund if slow", at: "2026-11-22T10:00:00Z" }
  ]
}
view = engine.view(session, share, thread, t0 + 100)
first = view["items"].first
puts "5. the collaborator sees #{view['items'].size} message(s): #{first['author']['name']}: #{first['body']}"

replied = engine.reply(session, share, { body: "Batch B-17 was mislabelled." }, account, t0 + 200)
puts "6. reply stored as #{replied['note']['kind']['type']}"

cancelled = engine.cancel_share(agent, share, t0 + 300)
begin
  engine.open_link(token, cancelled["share"], account, t0 + 301)
rescue TicketShare::LinkError => refused
  puts "7. after cancelling: #{refused.code} (the collaborator sees: #{refused.category})"
end
begin
  engine.verify_link(token, t0 + 72 * 3600)
rescue TicketShare::LinkError => refused
  puts "8. 72 h later: #{refused.code} (#{refused.category})"
end
