<?php

declare(strict_types=1);

namespace TicketShare;

/** What a verified link says (the typed hot path, Engine::verifyLink). */
final class LinkClaims
{
    public function __construct(
        /** The share to load, as a hyphenated UUID. */
        public readonly string $shareId,
        /** When the link expires, Unix nanoseconds. */
        public readonly int $expiresAtUnixNanos,
        /** The key that signed it. */
        public readonly int $keyId,
    ) {
    }
}
