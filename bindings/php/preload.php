<?php
// opcache.preload script for php-fpm and any server where PHP's default ffi.enable=preload
// forbids FFI::cdef in requests: it compiles the package's classes at server start. The library
// itself comes from ffi.preload, which loads include/ticketshare_ffi.h as the FFI scope
// "ticketshare" (its FFI_LIB, libticketshare.so.0.1, found by the dynamic loader); Engine then
// uses FFI::scope('ticketshare'). (FFI::load here would not do: PHP refuses it together with
// opcache.preload_user, which a server started as root needs.) php.ini:
//
//   ffi.enable=preload
//   ffi.preload=/path/to/bindings/php/include/ticketshare_ffi.h
//   opcache.enable=1
//   opcache.preload=/path/to/bindings/php/preload.php
//   opcache.preload_user=www-data
//
// Shared hosting that allows neither FFI nor preloading cannot use this package.
declare(strict_types=1);

foreach (['Operations', 'TicketShareException', 'LinkClaims', 'Engine'] as $class) {
    opcache_compile_file(__DIR__ . "/src/$class.php");
}
