<?php

declare(strict_types=1);

namespace TicketShare;

/**
 * A refusal by the engine, or a fault of the library. `getCode()` is the stable reason code
 * (`link_expired`), as PDOException carries SQLSTATE; `getCategory()` is what may be shown to
 * the person in front of the page (`expired`); the message is a detail for logs.
 */
final class TicketShareException extends \RuntimeException
{
    public function __construct(string $code, private readonly string $category, string $message)
    {
        parent::__construct($message);
        $this->code = $code;
    }

    /** The public category of the refusal (docs/api.md, "What a collaborator's page may show"). */
    public function getCategory(): string
    {
        return $this->category;
    }
}
