<?php
// Run by php-fpm in scripts/test-php.sh: the whole PHPUnit suite inside one web request, as a
// helpdesk's requests run. The package's classes come from opcache.preload and the library from
// ffi.preload (ffi.enable=preload, PHP's default, forbids FFI::cdef outside preloaded code);
// the golden vectors load the test build with FFI::cdef from the preloaded Engine class, which
// that setting allows. Debian's PHPUnit 9.6, from the include path.
declare(strict_types=1);

header('Content-Type: text/plain');
require 'PHPUnit/Autoload.php';
$_SERVER['argv'] = ['phpunit', '-c', dirname(__DIR__, 2) . '/phpunit.xml'];
$status = PHPUnit\TextUI\Command::main(false);
echo "\nphpunit exit=$status sapi=", PHP_SAPI, ' ffi.enable=', ini_get('ffi.enable'),
    ' preloaded=', isset(opcache_get_status(false)['preload_statistics']) ? 'yes' : 'no', "\n";
