<?php

declare(strict_types=1);

namespace TicketShare\Tests;

use PHPUnit\Framework\TestCase;
use TicketShare\Engine;
use TicketShare\TicketShareException;

/**
 * The shared corpus of hostile inputs (tests/bad-inputs/corpus.json) through the package, on the
 * test build of the library (TICKETSHARE_TEST_LIB): each refused with the code it must get, as
 * in Rust, C, Python, Node and Ruby; the message at most 512 characters, with no control or
 * invisible character (SEC-03, SEC-06).
 */
final class BadInputsTest extends TestCase
{
    public function testEveryInputIsRefusedWithItsCodeAndACleanMessage(): void
    {
        $library = getenv('TICKETSHARE_TEST_LIB') ?: null;
        if ($library === null) {
            // ./scripts/test-php.sh always sets it, and fails on a skipped test.
            $this->markTestSkipped('TICKETSHARE_TEST_LIB is not set: the corpus needs the test build of the library');
        }
        $text = file_get_contents(dirname(__DIR__, 3) . '/tests/bad-inputs/corpus.json');
        $corpus = json_decode($text, true, 512, JSON_THROW_ON_ERROR);
        $this->assertGreaterThanOrEqual(200, count($corpus['inputs']));
        $config = json_encode($corpus['config'], JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES);
        $engine = Engine::seededForTests($config, $corpus['seed'], $library);
        foreach ($corpus['inputs'] as $entry) {
            $request = $entry['text'] ?? hex2bin($entry['hex']);
            $response = json_decode($engine->callJson($request), true, 512, JSON_THROW_ON_ERROR);
            $this->assertFalse($response['ok'], $entry['name']);
            $this->assertSame($entry['code'], $response['error']['code'], $entry['name']);
            $message = $response['error']['message'];
            $this->assertLessThanOrEqual(512, preg_match_all('/./su', $message), $entry['name']);
            $this->assertDoesNotMatchRegularExpression('/[\p{Cc}\x{202E}\x{2028}\x{2029}\x{200B}]/u', $message, $entry['name']);
        }
    }

    /**
     * What PHP cannot hand to the library (a value json_encode cannot write, a negative seed that
     * FFI would wrap around) is refused with the library's codes, never a JsonException or a
     * silent change (SEC-03), as in Python and Ruby. Arguments of the wrong PHP type meet the
     * declared types first: PHP's own TypeError.
     */
    public function testValuesPhpCannotHandOverAreRefusedWithCodes(): void
    {
        $library = getenv('TICKETSHARE_TEST_LIB') ?: null;
        if ($library === null) {
            $this->markTestSkipped('TICKETSHARE_TEST_LIB is not set: the seed case needs the test build of the library');
        }
        $config = [
            'keyring' => ['active' => 1, 'keys' => [['id' => 1, 'secret' => 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8']]],
            'view_url' => 'https://help.example.com/shared/',
        ];
        $engine = new Engine($config);
        $now = '2026-11-23T09:00:00Z';
        $cases = [
            'invalid UTF-8' => ['invalid_request', fn () => $engine->call('link.verify', ['token' => "\xff", 'now' => $now])],
            'NAN' => ['invalid_request', fn () => $engine->call('link.verify', ['token' => NAN, 'now' => $now])],
            'a resource' => ['invalid_request', fn () => $engine->call('link.verify', ['token' => fopen('php://memory', 'r')])],
            'a config of invalid UTF-8' => ['invalid_config', fn () => new Engine(['view_url' => "\xff"])],
            'a config with INF' => ['invalid_config', fn () => new Engine(['view_url' => INF])],
            'a negative seed' => ['invalid_request', fn () => Engine::seededForTests($config, -1, $library)],
            'a date beyond 64-bit nanoseconds' => ['invalid_time', fn () => $engine->verifyLink('x', new \DateTimeImmutable('2300-01-01'))],
        ];
        foreach ($cases as $name => [$code, $call]) {
            try {
                $call();
                $this->fail("$name: accepted");
            } catch (TicketShareException $refused) {
                $this->assertSame($code, $refused->getCode(), "$name: {$refused->getMessage()}");
            }
        }
        $this->expectException(\TypeError::class);
        $engine->verifyLink(null, 1); // @phpstan-ignore-line
    }
}
