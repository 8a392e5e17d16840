<?php

declare(strict_types=1);

namespace TicketShare;

use FFI;

/**
 * The ticket-sharing rules engine, through PHP's FFI and the library's C ABI. Build it once from
 * the configuration (docs/api.md); every operation method (generated, `Operations`) takes and
 * returns arrays and throws TicketShareException on a refusal. The engine is freed when the
 * object goes, or by close(). Nothing is decided here: every rule is the library's.
 *
 * The library is found at `$library`, else `TICKETSHARE_LIB`, else `libticketshare.so.0.1` on
 * the loader's path; under php-fpm with `ffi.enable=preload`, preload.php loads it once.
 */
final class Engine
{
    use Operations;

    /** The JSON API version this package speaks. */
    public const API_VERSION = 1;

    private const OK = 0;
    private const REFUSED = 1;
    private const INVALID_HANDLE = 5;
    private const TOO_MANY_ENGINES = 8;
    private const SEEDED = 'ts_result ts_engine_new_seeded_for_tests(const char *config, size_t config_len, '
        . 'uint64_t seed, struct ts_engine *engine_out, char **error_out);';

    /** @var array<string, FFI> loaded libraries, by path and build */
    private static array $loaded = [];

    private FFI $ffi;
    private FFI\CData $engine;
    private bool $closed = true;

    /** @param array<mixed>|string $config the configuration, as an array or JSON text */
    public function __construct(array|string $config, ?string $library = null)
    {
        $this->ffi = self::library($library, false);
        $this->open($config, null);
    }

    /**
     * **For tests and golden vectors only**, with the test build of the library: an engine whose
     * codes and ids come from a predictable stream. A library a host installs has no such
     * constructor, and this throws.
     *
     * @param array<mixed>|string $config
     */
    public static function seededForTests(array|string $config, int $seed, ?string $library = null): self
    {
        $engine = (new \ReflectionClass(self::class))->newInstanceWithoutConstructor();
        $engine->ffi = self::library($library, true);
        $engine->open($config, $seed);
        return $engine;
    }

    /** The library's version (the one version of every package). */
    public static function version(?string $library = null): string
    {
        return self::library($library, false)->ts_version();
    }

    /** Frees the engine; later calls throw. Closing twice is safe. */
    public function close(): void
    {
        if (!$this->closed) {
            $this->closed = true;
            $this->ffi->ts_engine_free($this->engine);
        }
    }

    public function __destruct()
    {
        $this->close();
    }

    /**
     * Runs one operation (docs/api.md) and returns its result, or throws.
     *
     * @param array<string, mixed> $args
     */
    public function call(string $op, array $args = []): mixed
    {
        $request = ['v' => self::API_VERSION, 'op' => $op];
        if ($args !== []) {
            $request['args'] = $args;
        }
        $response = json_decode($this->callJson(self::json($request)), true, 512, JSON_THROW_ON_ERROR);
        if ($response['ok']) {
            return $response['result'];
        }
        $error = $response['error'];
        throw new TicketShareException($error['code'], $error['category'], $error['message']);
    }

    /** Sends a raw JSON request and returns the raw JSON response (the golden vectors use it). */
    public function callJson(string $request): string
    {
        $response = $this->ffi->new('char *');
        $status = $this->ffi->ts_engine_call_n($this->handle(), $request, strlen($request), FFI::addr($response));
        if ($status !== self::OK) {
            throw self::statusError($status);
        }
        return $this->take($response);
    }

    /** The hot path: checks a link token alone, before any database look-up (link.verify). */
    public function verifyLink(string $token, \DateTimeInterface|string $now): LinkClaims
    {
        $claims = $this->ffi->new('ts_link_claims');
        $reason = $this->ffi->new('uint32_t');
        $status = $this->ffi->ts_link_verify(
            $this->handle(),
            $token,
            strlen($token),
            $this->nanos($now),
            FFI::addr($claims),
            FFI::addr($reason),
        );
        if ($status === self::OK) {
            $hex = bin2hex(FFI::string($claims->share_id, 16));
            $id = substr($hex, 0, 8) . '-' . substr($hex, 8, 4) . '-' . substr($hex, 12, 4) . '-'
                . substr($hex, 16, 4) . '-' . substr($hex, 20);
            return new LinkClaims($id, $claims->expires_at_unix_nanos, $claims->key_id);
        }
        if ($status === self::REFUSED) {
            throw $this->refused($reason->cdata, 'link refused');
        }
        throw self::statusError($status);
    }

    /** `now` as the engine reads it in JSON: RFC 3339 in UTC, or the caller's text as it is. */
    public static function instant(\DateTimeInterface|string $now): string
    {
        if (is_string($now)) {
            return $now;
        }
        return \DateTimeImmutable::createFromInterface($now)
            ->setTimezone(new \DateTimeZone('UTC'))
            ->format('Y-m-d\TH:i:s.u\Z');
    }

    /** @param array<mixed>|string $config */
    private function open(array|string $config, ?int $seed): void
    {
        $text = is_string($config) ? $config : self::json($config);
        $engine = $this->ffi->new('ts_engine');
        $error = $this->ffi->new('char *');
        $status = $seed === null
            ? $this->ffi->ts_engine_new($text, strlen($text), FFI::addr($engine), FFI::addr($error))
            : $this->ffi->ts_engine_new_seeded_for_tests($text, strlen($text), $seed, FFI::addr($engine), FFI::addr($error));
        if ($status === self::REFUSED) {
            $body = json_decode($this->take($error), true, 512, JSON_THROW_ON_ERROR)['error'];
            throw new TicketShareException($body['code'], $body['category'], $body['message']);
        }
        if ($status !== self::OK) {
            throw self::statusError($status);
        }
        $this->engine = $engine;
        $this->closed = false;
    }

    private function handle(): FFI\CData
    {
        if ($this->closed) {
            throw new TicketShareException('invalid_request', 'bad_request', 'the engine is closed');
        }
        return $this->engine;
    }

    /** Unix nanoseconds: arithmetic for a DateTimeInterface, the engine's parser for text. */
    private function nanos(\DateTimeInterface|string $now): int
    {
        if ($now instanceof \DateTimeInterface) {
            return (int) $now->format('U') * 1_000_000_000 + (int) $now->format('u') * 1000;
        }
        $nanos = $this->ffi->new('int64_t');
        $reason = $this->ffi->new('uint32_t');
        $status = $this->ffi->ts_now_parse($now, strlen($now), FFI::addr($nanos), FFI::addr($reason));
        if ($status === self::OK) {
            return $nanos->cdata;
        }
        if ($status === self::REFUSED) {
            throw $this->refused($reason->cdata, 'not an RFC 3339 time on or after 2000-01-01');
        }
        throw self::statusError($status);
    }

    /** A library string, copied, then freed. */
    private function take(FFI\CData $text): string
    {
        if (FFI::isNull($text)) {
            return '';
        }
        $copy = FFI::string($text);
        $this->ffi->ts_string_free($text);
        return $copy;
    }

    private function refused(int $reason, string $message): TicketShareException
    {
        return new TicketShareException(
            $this->ffi->ts_reason_code($reason),
            $this->ffi->ts_reason_category($reason),
            $message,
        );
    }

    private static function statusError(int $status): TicketShareException
    {
        return match ($status) {
            self::INVALID_HANDLE => new TicketShareException('invalid_request', 'bad_request', 'the engine is closed'),
            self::TOO_MANY_ENGINES => new TicketShareException('internal_error', 'internal', '65,536 engines are alive: close one first'),
            default => new TicketShareException('internal_error', 'internal', "the library answered status $status; nothing was changed"),
        };
    }

    /** @param array<mixed> $value */
    private static function json(array $value): string
    {
        try {
            return json_encode($value, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION);
        } catch (\JsonException $error) {
            throw new TicketShareException('invalid_request', 'bad_request', 'arguments are not JSON: ' . $error->getMessage());
        }
    }

    /** The library: the preloaded scope when there is one, else loaded once per process. */
    private static function library(?string $path, bool $testing): FFI
    {
        $path ??= getenv('TICKETSHARE_LIB') ?: null;
        $key = ($path ?? '') . ($testing ? '#testing' : '');
        if (isset(self::$loaded[$key])) {
            return self::$loaded[$key];
        }
        if ($path === null && !$testing && ini_get('ffi.enable') === 'preload') {
            try {
                return self::$loaded[$key] = FFI::scope('ticketshare');
            } catch (FFI\Exception) {
                // Not preloaded: php-fpm needs preload.php (README); the CLI may load it below.
            }
        }
        $header = file_get_contents(__DIR__ . '/../include/ticketshare_ffi.h');
        if ($header === false) {
            throw new TicketShareException('internal_error', 'internal', 'include/ticketshare_ffi.h is missing');
        }
        $declarations = $testing ? $header . "\n" . self::SEEDED . "\n" : $header;
        try {
            return self::$loaded[$key] = FFI::cdef($declarations, $path ?? 'libticketshare.so.0.1');
        } catch (FFI\Exception $error) {
            $what = $testing ? ' (the test build, with the seeded constructor)' : '';
            throw new TicketShareException('internal_error', 'internal', 'cannot load the ticketshare library' . $what . ': ' . $error->getMessage());
        }
    }
}
