<?php
// Loads the package's classes as Composer's PSR-4 autoloader would (the tests run without
// Composer: Debian's phpunit and this directory).
declare(strict_types=1);

spl_autoload_register(static function (string $class): void {
    $prefix = 'TicketShare\\';
    if (str_starts_with($class, $prefix)) {
        $file = __DIR__ . '/../src/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});
