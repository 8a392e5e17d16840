<?php
// The seed-000 story through the PHP package: share, open the link, a wrong code then the right
// one, view the thread, reply, cancel. Run: php -d ffi.enable=1 examples/php/quickstart.php
// (with TICKETSHARE_LIB=path/to/libticketshare.so.0.1 unless the library is installed).
declare(strict_types=1);

require __DIR__ . '/../../bindings/php/tests/bootstrap.php'; // or Composer's vendor/autoload.php

use TicketShare\Engine;
use TicketShare\TicketShareException;

$engine = new Engine([
    // In production the key comes from a secret store: 32+ random bytes, unpadded base64url.
    'keyring' => ['active' => 1, 'keys' => [['id' => 1, 'secret' => 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8']]],
    'view_url' => 'https://help.acme.example/shared/',
]);
$agent = ['id' => 'agent-7', 'name' => 'Ana Agent', 'role' => 'agent'];
$account = ['company_name' => 'Acme Shoes', 'plan' => 'enterprise'];
$t0 = new DateTimeImmutable('2026-11-23T09:00:00Z');
$at = fn (int $seconds) => $t0->modify("+$seconds seconds");

$created = $engine->createShare($agent, $account, [
    'ticket_id' => 'T-1001',
    'recipient' => 'orders@supplier.example',
    'subject' => 'Trainers labelled 42 are far smaller',
    'message' => 'Could you check batch B-17?',
], $at(0));
[$share, $token] = [$created['share'], $created['link_token']];
echo "1. shared: {$created['link_url']}\n";

$claims = $engine->verifyLink($token, $at(10));
echo "2. link verified for share {$claims->shareId}\n";

$opened = $engine->openLink($token, $share, $account, $at(60));
echo "3. link opened: {$opened['outcome']}\n";
preg_match('/\d{6}/', $opened['email']['text_body'], $found);
$code = $found[0];

$wrong = strtr($code, '0123456789', '1234567890');
$rejected = $engine->checkCode($token, $share, $opened['challenge'], $wrong, $at(70));
echo "4. wrong code {$rejected['outcome']}, {$rejected['attempts_left']} tries left\n";
$accepted = $engine->checkCode($token, $rejected['share'], $rejected['challenge'], $code, $at(80));
[$share, $session] = [$accepted['share'], $accepted['session_token']];
echo "   right code {$accepted['outcome']}\n";

$thread = [
    'ticket_id' => 'T-1001',
    'items' => [
        ['id' => 'm1', 'kind' => ['type' => 'incoming'], 'author' => ['role' => 'customer', 'name' => 'Carla'],
         'body' => 'They are tiny!', 'at' => '2026-11-22T09:00:00Z'],
        ['id' => 'n1', 'kind' => ['type' => 'internal_note'], 'author' => ['role' => 'agent', 'name' => 'Ana Agent'],
         'body' => 'VIP: refund if slow', 'at' => '2026-11-22T10:00:00Z'],
    ],
];
$view = $engine->view($session, $share, $thread, $at(100));
echo '5. the collaborator sees ' . count($view['items']) . " message(s): {$view['items'][0]['author']['name']}: {$view['items'][0]['body']}\n";

$replied = $engine->reply($session, $share, ['body' => 'Batch B-17 was mislabelled.'], $account, $at(200));
echo "6. reply stored as {$replied['note']['kind']['type']}\n";

$cancelled = $engine->cancelShare($agent, $share, $at(300));
try {
    $engine->openLink($token, $cancelled['share'], $account, $at(301));
} catch (TicketShareException $refused) {
    echo "7. after cancelling: {$refused->getCode()} (the collaborator sees: {$refused->getCategory()})\n";
}
try {
    $engine->verifyLink($token, $at(72 * 3600));
} catch (TicketShareException $refused) {
    echo "8. 72 h later: {$refused->getCode()} ({$refused->getCategory()})\n";
}
