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
    private const SEEDED = 'ts_result ts_engine_new_seeded_for_tests(const char *config, size_t config_len, '
        . 'uint64_t seed, struct ts_engine *engine_out, uint32_t *reason_out, char **error_out);';

    /** @var array<string, FFI> loaded libraries, by path and build */
    private static array $loaded = [];

    private FFI $ffi;
    private FFI\CData $engine;
    private bool $closed = true;
    /** The typed verify's out-parameters, made once (a PHP engine is used by one thread). */
    private FFI\CData $claims;
    private FFI\CData $reason;
    private FFI\CData $claimsOut;
    private FFI\CData $reasonOut;

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
     * An engine holds one native handle, freed once: share the object instead. Private, so PHP
     * refuses `clone` before copying (a copy that then threw would be destructed, freeing the
     * handle under the original).
     */
    private function __clone()
    {
    }

    /** @return array<mixed> never: an engine is built from its configuration, not serialized */
    public function __serialize(): array
    {
        throw new \LogicException('a TicketShare\\Engine cannot be serialized: build one from its configuration');
    }

    /** @param array<mixed> $data never: an engine is built from its configuration, not unserialized */
    public function __unserialize(array $data): void
    {
        throw new \LogicException('a TicketShare\\Engine cannot be unserialized: build one from its configuration');
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
        [$status, $reason, $response] = $this->send(self::json($request));
        if ($status !== self::OK) {
            throw $this->failure($status, $reason, $response);
        }
        return json_decode($response, true, 512, JSON_THROW_ON_ERROR)['result'];
    }

    /**
     * Sends a raw JSON request and returns the raw JSON response, a result or a refusal (the
     * golden vectors use it); throws only when there is no response (a closed engine).
     */
    public function callJson(string $request): string
    {
        [$status, $reason, $response] = $this->send($request);
        if ($response === null) {
            throw $this->failure($status, $reason, null);
        }
        return $response;
    }

    /**
     * The hot path: checks a link token alone, before any database look-up (link.verify).
     * `$now` is a DateTimeInterface, RFC 3339 text, or an int of Unix nanoseconds.
     */
    public function verifyLink(string $token, \DateTimeInterface|string|int $now): LinkClaims
    {
        $status = $this->ffi->ts_link_verify(
            $this->engine,
            $token,
            strlen($token),
            // Inline for the common DateTimeInterface: a method call costs the hot path ~100 ns.
            $now instanceof \DateTimeInterface ? (int) $now->format('Uu') * 1000 : (is_int($now) ? $now : $this->parseNow($now)),
            $this->claimsOut,
            $this->reasonOut,
        );
        if ($status === self::OK) {
            $claims = $this->claims;
            return new LinkClaims(FFI::string($claims->share_id_text, 36), $claims->expires_at_unix_nanos, $claims->key_id);
        }
        throw $this->failure($status, $this->reason->cdata, null);
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
        $text = is_string($config) ? $config : self::json($config, 'invalid_config');
        if ($seed !== null && $seed < 0) {
            // FFI would turn it into 2**64 + seed without a word.
            throw new TicketShareException('invalid_request', 'bad_request', 'the seed must be from 0 to PHP_INT_MAX');
        }
        $engine = $this->ffi->new('ts_engine');
        $reason = $this->ffi->new('uint32_t');
        $error = $this->ffi->new('char *');
        $status = $seed === null
            ? $this->ffi->ts_engine_new($text, strlen($text), FFI::addr($engine), FFI::addr($reason), FFI::addr($error))
            : $this->ffi->ts_engine_new_seeded_for_tests(
                $text,
                strlen($text),
                $seed,
                FFI::addr($engine),
                FFI::addr($reason),
                FFI::addr($error),
            );
        if ($status !== self::OK) {
            throw $this->failure($status, $reason->cdata, $this->take($error));
        }
        $this->engine = $engine;
        $this->claims = $this->ffi->new('ts_link_claims');
        $this->reason = $this->ffi->new('uint32_t');
        $this->claimsOut = FFI::addr($this->claims);
        $this->reasonOut = FFI::addr($this->reason);
        $this->closed = false;
    }

    /** @return array{int, int, ?string} the status, the reason and the response (if any) */
    private function send(string $request): array
    {
        $response = $this->ffi->new('char *');
        $reason = $this->ffi->new('uint32_t');
        $status = $this->ffi->ts_engine_call_n(
            $this->engine,
            $request,
            strlen($request),
            FFI::addr($response),
            FFI::addr($reason),
        );
        return [$status, $reason->cdata, $this->take($response)];
    }

    /** Unix nanoseconds of RFC 3339 text, parsed by the engine as every `now` is. */
    private function parseNow(string $now): int
    {
        $nanos = $this->ffi->new('int64_t');
        $reason = $this->ffi->new('uint32_t');
        $status = $this->ffi->ts_now_parse($now, strlen($now), FFI::addr($nanos), FFI::addr($reason));
        if ($status === self::OK) {
            return $nanos->cdata;
        }
        throw $this->failure($status, $reason->cdata, null);
    }

    /** A library string, copied, then freed; null for NULL. */
    private function take(FFI\CData $text): ?string
    {
        if (FFI::isNull($text)) {
            return null;
        }
        $copy = FFI::string($text);
        $this->ffi->ts_string_free($text);
        return $copy;
    }

    /**
     * The exception for any failed call: the C ABI gives a reason number with every status but
     * TS_OK, and a function that returns JSON the error envelope too, whose message is more
     * precise (the field path) than the reason's meaning.
     */
    private function failure(int $status, int $reason, ?string $envelope): TicketShareException
    {
        $message = $envelope === null
            ? $this->ffi->ts_reason_message($reason) . ($status === self::REFUSED ? '' : " (C status $status)")
            : json_decode($envelope, true, 512, JSON_THROW_ON_ERROR)['error']['message'];
        return new TicketShareException(
            $this->ffi->ts_reason_code($reason),
            $this->ffi->ts_reason_category($reason),
            $message,
        );
    }

    /**
     * JSON text of `$value`; a value json_encode cannot write (invalid UTF-8, NAN, a resource) is
     * refused with `$code`.
     *
     * @param array<mixed> $value
     */
    private static function json(array $value, string $code = 'invalid_request'): string
    {
        try {
            return json_encode($value, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION);
        } catch (\JsonException $error) {
            throw new TicketShareException($code, 'bad_request', 'not JSON: ' . $error->getMessage());
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
