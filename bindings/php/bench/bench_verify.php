<?php
// The PHP package's typed link verify against the bare FFI call it wraps and against PHP's own
// HMAC-SHA256 over the same token bytes, in one run, with opcache on as under php-fpm. Each figure is the best of 7 rounds of
// 200,000 calls (the loop included, alike for all). Run by ./scripts/bench.sh, or:
//   TICKETSHARE_LIB=target/release/libticketshare_c.so php -d ffi.enable=1 -d opcache.enable_cli=1 bindings/php/bench/bench_verify.php
declare(strict_types=1);

require __DIR__ . '/../tests/bootstrap.php';

use TicketShare\Engine;

const CONFIG = '{"keyring":{"active":1,"keys":[{"id":1,"secret":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"}]},'
    . '"view_url":"https://help.example.com/shared/"}';

/** Nanoseconds per call of $body, best of $rounds rounds of $count calls. */
function best(callable $body, int $count = 200_000, int $rounds = 7): float
{
    $best = PHP_FLOAT_MAX;
    for ($round = 0; $round < $rounds; $round++) {
        $start = hrtime(true);
        $body($count);
        $best = min($best, (hrtime(true) - $start) / $count);
    }
    return $best;
}

$engine = new Engine(CONFIG);
$created = $engine->createShare(
    ['id' => 'a', 'name' => 'Ana', 'role' => 'agent'],
    ['company_name' => 'Acme', 'plan' => 'enterprise'],
    ['ticket_id' => 'T-1', 'recipient' => 's@example.com', 'subject' => 's', 'message' => 'm'],
    '2026-11-23T09:00:00Z',
);
$token = $created['link_token'];
$now = new DateTimeImmutable('2026-11-23T10:00:00Z');
$nanos = 1795424400 * 1_000_000_000;
if ($engine->verifyLink($token, $now)->shareId !== $created['share']['id']) {
    throw new RuntimeException('the wrapped verify disagrees');
}

// The bare call: the same library, its own engine, the out-parameters made once.
$ffi = FFI::cdef(file_get_contents(__DIR__ . '/../include/ticketshare_ffi.h'), getenv('TICKETSHARE_LIB') ?: 'libticketshare.so.0.1');
$raw = $ffi->new('ts_engine');
if ($ffi->ts_engine_new(CONFIG, strlen(CONFIG), FFI::addr($raw), null, null) !== 0) {
    throw new RuntimeException('ts_engine_new');
}
$claims = $ffi->new('ts_link_claims');
$reason = $ffi->new('uint32_t');
[$claimsOut, $reasonOut] = [FFI::addr($claims), FFI::addr($reason)];
if ($ffi->ts_link_verify($raw, $token, strlen($token), $nanos, $claimsOut, $reasonOut) !== 0) {
    throw new RuntimeException('the bare verify refused');
}
$key = base64_decode(strtr('AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8', '-_', '+/'));

$bare = best(function (int $n) use ($ffi, $raw, $token, $nanos, $claimsOut, $reasonOut): void {
    $length = strlen($token);
    for ($i = 0; $i < $n; $i++) {
        $ffi->ts_link_verify($raw, $token, $length, $nanos, $claimsOut, $reasonOut);
    }
});
$wrapped = best(function (int $n) use ($engine, $token, $nanos): void {
    for ($i = 0; $i < $n; $i++) {
        $engine->verifyLink($token, $nanos);
    }
});
$wrappedDate = best(function (int $n) use ($engine, $token, $now): void {
    for ($i = 0; $i < $n; $i++) {
        $engine->verifyLink($token, $now);
    }
});
$hmac = best(function (int $n) use ($token, $key): void {
    for ($i = 0; $i < $n; $i++) {
        hash_hmac('sha256', $token, $key, true);
    }
});
$json = best(function (int $n) use ($engine, $token): void {
    for ($i = 0; $i < $n; $i++) {
        $engine->call('link.verify', ['token' => $token, 'now' => '2026-11-23T10:00:00Z']);
    }
}, 50_000);

printf("| operation | best of 7 | ratio |\n| --- | --- | --- |\n");
printf("| PHP bare FFI ts_link_verify (reference) | %.0f ns | 1.00x |\n", $bare);
printf("| PHP Engine::verifyLink (typed, now as int nanoseconds) | %.0f ns | %.2fx |\n", $wrapped, $wrapped / $bare);
printf("| PHP Engine::verifyLink (typed, now as DateTimeImmutable) | %.0f ns | %.2fx |\n", $wrappedDate, $wrappedDate / $bare);
printf("| PHP hash_hmac sha256 over the token | %.0f ns | %.2fx |\n", $hmac, $hmac / $bare);
printf("| PHP Engine::call('link.verify') (JSON) | %.0f ns | %.2fx |\n", $json, $json / $bare);
printf("PHP %s, opcache %s, JIT %s\n", PHP_VERSION, ini_get('opcache.enable_cli') ? 'on' : 'off', ini_get('opcache.jit') ?: 'off');
