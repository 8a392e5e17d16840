<?php

declare(strict_types=1);

namespace TicketShare\Tests;

use PHPUnit\Framework\TestCase;
use TicketShare\Engine;
use TicketShare\TicketShareException;

/** The package's own behaviour, on the library a host installs (TICKETSHARE_LIB). */
final class StoryTest extends TestCase
{
    private const CONFIG = [
        'keyring' => ['active' => 1, 'keys' => [['id' => 1, 'secret' => 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8']]],
        'view_url' => 'https://help.example.com/shared/',
    ];
    private const AGENT = ['id' => 'agent-7', 'name' => 'Ana Agent', 'role' => 'agent'];
    private const ACCOUNT = ['company_name' => 'Acme Shoes', 'plan' => 'enterprise'];

    private function share(Engine $engine, \DateTimeInterface $now): array
    {
        return $engine->createShare(self::AGENT, self::ACCOUNT, [
            'ticket_id' => 'T-1', 'recipient' => 's@supplier.example', 'subject' => 'Size', 'message' => 'Check',
        ], $now);
    }

    public function testTheTypedHotPathAgreesWithTheJsonCall(): void
    {
        $engine = new Engine(self::CONFIG);
        $now = new \DateTimeImmutable('2026-11-23T09:00:00Z');
        $created = $this->share($engine, $now);
        $claims = $engine->verifyLink($created['link_token'], $now);
        $this->assertSame($created['share']['id'], $claims->shareId);
        $json = $engine->call('link.verify', ['token' => $created['link_token'], 'now' => Engine::instant($now)]);
        $this->assertSame($json['share_id'], $claims->shareId);
        $this->assertSame(1, $claims->keyId);
        // The same instant in another zone, or as text, is the same instant.
        $paris = $now->setTimezone(new \DateTimeZone('Europe/Paris'));
        $this->assertEquals($claims, $engine->verifyLink($created['link_token'], $paris));
        $this->assertEquals($claims, $engine->verifyLink($created['link_token'], '2026-11-23T10:00:00+01:00'));
        // As Unix nanoseconds, to the nanosecond: one before the expiry verifies, the expiry does not.
        $expiry = $claims->expiresAtUnixNanos;
        $this->assertEquals($claims, $engine->verifyLink($created['link_token'], $expiry - 1));
        $this->assertEquals($claims, $engine->verifyLink($created['link_token'], new \DateTimeImmutable('@1795683599.999999')));
        try {
            $engine->verifyLink($created['link_token'], $expiry);
            $this->fail('verified at its expiry');
        } catch (TicketShareException $refused) {
            $this->assertSame('link_expired', $refused->getCode());
        }
        // The claims returned earlier are the caller's: a later call does not change them.
        $this->assertSame($created['share']['id'], $claims->shareId);
    }

    public function testRefusalsCarryTheCodeAndTheCategory(): void
    {
        $engine = new Engine(self::CONFIG);
        $now = new \DateTimeImmutable('2026-11-23T09:00:00Z');
        $created = $this->share($engine, $now);
        $cases = [
            [fn () => $engine->verifyLink($created['link_token'], $now->modify('+72 hours')), 'link_expired', 'expired'],
            [fn () => $engine->verifyLink('forged', $now), 'token_malformed', 'invalid_link'],
            [fn () => $engine->verifyLink($created['link_token'], 'yesterday'), 'invalid_time', 'bad_request'],
            [fn () => $engine->cancelShare(['id' => 'v', 'name' => 'V', 'role' => 'viewer'], $created['share'], $now), 'permission_denied', 'forbidden'],
            [fn () => $engine->call('no.such', []), 'unknown_operation', 'bad_request'],
            [fn () => new Engine(['keyring' => ['active' => 1, 'keys' => []], 'view_url' => 'https://x.example/']), 'invalid_keyring', 'bad_request'],
        ];
        foreach ($cases as [$call, $code, $category]) {
            try {
                $call();
                $this->fail("expected $code");
            } catch (TicketShareException $refused) {
                $this->assertSame([$code, $category], [$refused->getCode(), $refused->getCategory()], $refused->getMessage());
            }
        }
    }

    /** One engine, one handle: no copy that could free it under the original, no serialized form. */
    public function testAnEngineCannotBeClonedOrSerialized(): void
    {
        $engine = new Engine(self::CONFIG);
        try {
            $copy = clone $engine;
            $this->fail('an engine was cloned');
        } catch (\Error $refused) {
            $this->assertStringContainsString('__clone', $refused->getMessage());
        }
        $this->assertSame(1, $engine->info()['api_version'], 'the original still answers');
        try {
            serialize($engine);
            $this->fail('an engine was serialized');
        } catch (\LogicException $refused) {
            $this->assertStringContainsString('cannot be serialized', $refused->getMessage());
        }
        try {
            unserialize('O:18:"TicketShare\\Engine":1:{s:6:"closed";b:0;}');
            $this->fail('an engine was unserialized');
        } catch (\LogicException $refused) {
            $this->assertStringContainsString('cannot be unserialized', $refused->getMessage());
        }
        $this->assertSame(1, $engine->info()['api_version'], 'the original still answers');
    }

    public function testAClosedEngineRefusesAndTheReleaseLibraryCannotSeed(): void
    {
        $engine = new Engine(self::CONFIG);
        $engine->close();
        $engine->close();
        try {
            $engine->info();
            $this->fail('a closed engine answered');
        } catch (TicketShareException $refused) {
            $this->assertSame(['engine_closed', 'bad_request'], [$refused->getCode(), $refused->getCategory()]);
        }
        try {
            $engine->verifyLink('x', '2026-11-23T09:00:00Z');
            $this->fail('a closed engine verified');
        } catch (TicketShareException $refused) {
            $this->assertSame('engine_closed', $refused->getCode());
        }
        try {
            Engine::seededForTests(self::CONFIG, 1);
            $this->fail('the library a host installs made a seeded engine');
        } catch (TicketShareException $refused) {
            $this->assertSame('internal_error', $refused->getCode());
        }
        $this->assertSame(Engine::version(), (new Engine(self::CONFIG))->info()['library_version']);
    }

    public function testTheQuickstartTellsTheWholeStory(): void
    {
        // Under php-fpm (scripts/test-php.sh runs this suite there too) PHP_BINARY is the server.
        $php = PHP_SAPI === 'cli' ? PHP_BINARY : PHP_BINDIR . '/php';
        // Every error level reported: a deprecation, warning or notice fails the test.
        $output = shell_exec(sprintf('%s -d ffi.enable=1 -d error_reporting=-1 -d display_errors=stderr %s 2>&1', $php, escapeshellarg(dirname(__DIR__, 3) . '/examples/php/quickstart.php')));
        $this->assertDoesNotMatchRegularExpression('/^(PHP )?(Deprecated|Warning|Notice|Fatal error):/m', $output);
        $this->assertStringContainsString('5. the collaborator sees 1 message(s): Customer: They are tiny!', $output);
        $this->assertStringContainsString('7. after cancelling: link_cancelled (the collaborator sees: invalid_link)', $output);
    }
}
