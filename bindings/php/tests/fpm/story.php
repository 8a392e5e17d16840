<?php
// Run by php-fpm in scripts/test-php.sh: the engine through the preloaded FFI scope, as a web
// request of a helpdesk would use it (no FFI::cdef, no library path).
declare(strict_types=1);

use TicketShare\Engine;
use TicketShare\TicketShareException;

header('Content-Type: text/plain');
$engine = new Engine([
    'keyring' => ['active' => 1, 'keys' => [['id' => 1, 'secret' => 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8']]],
    'view_url' => 'https://help.example.com/shared/',
]);
$now = new DateTimeImmutable('2026-11-23T09:00:00Z');
$created = $engine->createShare(
    ['id' => 'agent-7', 'name' => 'Ana Agent', 'role' => 'agent'],
    ['company_name' => 'Acme Shoes', 'plan' => 'enterprise'],
    ['ticket_id' => 'T-1', 'recipient' => 's@supplier.example', 'subject' => 'Size', 'message' => 'Check'],
    $now,
);
$claims = $engine->verifyLink($created['link_token'], $now);
try {
    $engine->verifyLink($created['link_token'], $now->modify('+72 hours'));
} catch (TicketShareException $refused) {
    echo 'sapi=', PHP_SAPI, ' ffi.enable=', ini_get('ffi.enable'), ' version=', Engine::version(),
        ' verified=', $claims->shareId === $created['share']['id'] ? 'yes' : 'no',
        ' later=', $refused->getCode(), "\n";
}
