<?php

declare(strict_types=1);

namespace TicketShare\Tests;

use PHPUnit\Framework\TestCase;
use TicketShare\Engine;
use TicketShare\TicketShareException;

/**
 * Replays every golden vector (tests/vectors/) through the PHP package, on the test build of
 * the library (TICKETSHARE_TEST_LIB): the same requests, the same responses as in Rust, C,
 * Python and JavaScript.
 */
final class VectorsTest extends TestCase
{
    private static function files(): array
    {
        $root = dirname(__DIR__, 3) . '/tests/vectors';
        $files = array_merge(glob("$root/*.json"), glob("$root/*/*.json"));
        sort($files);
        return $files;
    }

    public function testTheVectorsArePresent(): void
    {
        $files = self::files();
        $this->assertGreaterThanOrEqual(15, count($files));
        $this->assertNotEmpty(array_filter($files, fn ($f) => basename(dirname($f)) === 'nhd'));
    }

    public static function vectors(): array
    {
        $cases = [];
        foreach (self::files() as $file) {
            $cases[basename(dirname($file)) . '/' . basename($file, '.json')] = [$file];
        }
        return $cases;
    }

    /** @dataProvider vectors */
    public function testVector(string $file): void
    {
        $text = file_get_contents($file);
        // Requests keep their exact JSON ({} stays an object); responses compare as values.
        $vector = json_decode($text, false, 512, JSON_THROW_ON_ERROR);
        $library = getenv('TICKETSHARE_TEST_LIB') ?: null;
        if ($library === null) {
            // ./scripts/test-php.sh always sets it, and fails on a skipped test.
            $this->markTestSkipped('TICKETSHARE_TEST_LIB is not set: the vectors need the test build of the library');
        }
        $config = json_encode($vector->config, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES);
        if (isset($vector->config_error)) {
            try {
                Engine::seededForTests($config, $vector->seed, $library);
                $this->fail('the configuration was accepted');
            } catch (TicketShareException $refused) {
                $this->assertSame($vector->config_error, $refused->getCode());
            }
            return;
        }
        $engine = Engine::seededForTests($config, $vector->seed, $library);
        foreach ($vector->steps as $step) {
            $request = $step->request->raw
                ?? json_encode($step->request->json, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
            $this->assertEquals(
                json_decode(json_encode($step->response), true),
                json_decode($engine->callJson($request), true),
                $step->note,
            );
        }
    }
}
