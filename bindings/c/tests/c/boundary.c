/*
 * The boundary of the C ABI, checked from C: NULLs, invalid UTF-8, sizes before content, clocks
 * in the wrong unit, double frees, foreign pointers, a caught panic; the engine handles (free
 * twice, use after free, free then reuse of the slot); and freeing an engine while another thread
 * is inside a call on it. Run by test_abi.c.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char *CONFIG =
    "{\"keyring\": {\"active\": 1, \"keys\": [{\"id\": 1, \"secret\": "
    "\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\"}]},"
    " \"view_url\": \"https://help.example.com/shared/\"}";

static int error_code_is(const char *response, const char *code) {
    char *got = get(response, "error.code");
    char quoted[64];
    snprintf(quoted, sizeof quoted, "\"%s\"", code);
    int same = got != NULL && strcmp(got, quoted) == 0;
    ts_string_free(got);
    return same;
}

static const char *INFO = "{\"v\":1,\"op\":\"engine.info\"}";

static ts_result new_engine(const char *config, ts_engine *engine_out, char **error_out) {
    return ts_engine_new(config, strlen(config), engine_out, NULL, error_out);
}

/* A status and the reason it came with, by code (read through the pointer, after the call). */
static int refused_as(ts_result status, ts_result want, const uint32_t *reason, const char *code) {
    return status == want && strcmp(ts_reason_code(*reason), code) == 0;
}

void boundary(void) {
    ts_engine engine = {0};
    char *error = NULL;
    char *response = NULL;

    /* NULLs and never-made handles never crash, and every failure comes with a reason. */
    uint32_t reason = 0;
    CHECK(refused_as(ts_engine_new(NULL, 3, &engine, &reason, &error), TS_NULL_ARGUMENT, &reason, "invalid_request"),
          "null config");
    CHECK(new_engine(CONFIG, NULL, NULL) == TS_NULL_ARGUMENT, "null engine out");
    ts_engine zero = {0};
    CHECK(refused_as(ts_engine_call(zero, "{}", &response, &reason), TS_INVALID_HANDLE, &reason, "engine_closed") &&
              response == NULL,
          "zero handle");
    ts_engine forged = {0x0000000500000001ULL};
    CHECK(ts_engine_call(forged, "{}", &response, NULL) == TS_INVALID_HANDLE, "forged handle");
    CHECK(new_engine(CONFIG, &engine, &error) == TS_OK, "engine");
    CHECK(refused_as(ts_engine_call(engine, NULL, &response, &reason), TS_NULL_ARGUMENT, &reason, "invalid_request"),
          "null request");
    CHECK(ts_engine_call(engine, "{}", NULL, &reason) == TS_NULL_ARGUMENT, "null response out");
    CHECK(ts_string_free(NULL) == TS_OK, "free NULL string");
    CHECK(ts_engine_free(zero) == TS_OK, "free zero handle");

    /* A bad config is refused with the error envelope, which never echoes the secret. */
    const char *secret_config = "{\"keyring\": {\"active\": \"c2VjcmV0LWtleS1tYXRlcmlhbA\", \"keys\": []}}";
    ts_engine none = {0};
    CHECK(new_engine(secret_config, &none, &error) == TS_REFUSED && none.id == 0, "bad config refused");
    CHECK(error != NULL && strstr(error, "c2VjcmV0") == NULL, "error echoes no secret: %s", error);
    CHECK(error != NULL && strncmp(error, "{\"ok\":false,\"error\":{", 21) == 0, "error envelope: %s", error);
    ts_string_free(error);

    /* Invalid UTF-8 is the engine's to refuse, with a reason, like any bad input. */
    CHECK(refused_as(ts_engine_call(engine, "{\"v\":1,\"op\":\"\xff\"}", &response, &reason), TS_REFUSED, &reason,
                     "invalid_request") &&
              error_code_is(response, "invalid_request"),
          "invalid utf-8 request: %s", response);
    ts_string_free(response);
    CHECK(new_engine("{\"\xc3\x28\": 1}", &none, &error) == TS_REFUSED && strstr(error, "invalid_config") != NULL,
          "invalid utf-8 config: %s", error);
    ts_string_free(error);
    ts_link_claims claims;
    const char bad_token[] = "\xff\xfe\x41";
    CHECK(ts_link_verify(engine, bad_token, sizeof bad_token - 1, 1795424400000000000LL, &claims, &reason) == TS_REFUSED &&
              strcmp(ts_reason_code(reason), "token_malformed") == 0,
          "invalid utf-8 token: %s", ts_reason_code(reason));
    CHECK(ts_link_verify(engine, NULL, 3, 0, &claims, &reason) == TS_NULL_ARGUMENT, "null token");

    /* Sizes first: 600 bytes of 0xFF are too long before they are anything else. */
    char long_token[600];
    memset(long_token, 0xff, sizeof long_token);
    CHECK(ts_link_verify(engine, long_token, sizeof long_token, 1795424400000000000LL, &claims, &reason) == TS_REFUSED &&
              strcmp(ts_reason_code(reason), "token_oversized") == 0,
          "600 bytes: %s", ts_reason_code(reason));

    /* A clock in the wrong unit never verifies: seconds, milliseconds and -1 are refused. */
    const int64_t wrong_units[] = {1795424400LL, 1795424400000LL, 1795424400000000LL, -1, 0};
    for (size_t i = 0; i < sizeof wrong_units / sizeof wrong_units[0]; i++) {
        CHECK(ts_link_verify(engine, long_token, 83, wrong_units[i], &claims, &reason) == TS_REFUSED &&
                  strcmp(ts_reason_code(reason), "invalid_time") == 0,
              "now %lld: %s", (long long)wrong_units[i], ts_reason_code(reason));
    }
    int64_t nanos = 0;
    CHECK(ts_now_parse("2026-11-23T09:00:00Z", 20, &nanos, &reason) == TS_OK &&
              nanos == 1795424400000000000LL,
          "now parse: %lld", (long long)nanos);
    CHECK(ts_now_parse("2026-02-30T09:00:00Z", 20, &nanos, &reason) == TS_REFUSED &&
              strcmp(ts_reason_code(reason), "invalid_time") == 0,
          "now parse refuses 30 February");

    /* Garbage and oversized requests are refused as data, the oversized without being read. */
    CHECK(ts_engine_call(engine, "not json", &response, NULL) == TS_REFUSED && error_code_is(response, "invalid_request"),
          "garbage: %s", response);
    ts_string_free(response);
    size_t huge_len = 4 * 1024 * 1024 + 64;
    char *huge = malloc(huge_len + 1);
    memset(huge, ' ', huge_len);
    memcpy(huge, INFO, strlen(INFO));
    huge[huge_len] = '\0';
    CHECK(refused_as(ts_engine_call_n(engine, huge, huge_len, &response, &reason), TS_REFUSED, &reason,
                     "request_too_large") &&
              error_code_is(response, "request_too_large"),
          "huge call_n");
    ts_string_free(response);
    CHECK(ts_engine_call(engine, huge, &response, NULL) == TS_REFUSED && error_code_is(response, "request_too_large"),
          "huge call");
    ts_string_free(response);
    huge[128 * 1024] = '\0';
    CHECK(new_engine(huge, &none, &error) == TS_REFUSED && strstr(error, "invalid_config") != NULL,
          "128 KiB config: %s", error);
    ts_string_free(error);
    free(huge);

    /* Typed code check: records are read as the JSON surface reads them, path and all. */
    ts_code_check_result result;
    CHECK(ts_code_check(engine, "x", "[\"s\"]", "{}", "123456", 1795424400000000000LL, &result, &reason, &error) ==
                  TS_REFUSED &&
              strcmp(ts_reason_code(reason), "invalid_request") == 0 && strstr(error, "share") != NULL,
          "a share as an array: %s", error);
    ts_string_free(error);
    CHECK(ts_code_check_result_free(&result) == TS_OK, "free empty result");

    /* Strings: a double free and a foreign pointer are refused, not undefined. */
    CHECK(ts_engine_call(engine, INFO, &response, &reason) == TS_OK && reason == 0, "info");
    CHECK(ts_string_free(response) == TS_OK, "free string");
    CHECK(ts_string_free(response) == TS_INVALID_HANDLE, "double free string");
    char *foreign = malloc(8);
    CHECK(ts_string_free(foreign) == TS_INVALID_HANDLE, "foreign string");
    free(foreign);
    CHECK(ts_engine_free(engine) == TS_OK, "free engine");

    /* The typed verify on a freed engine: the status and its reason. */
    ts_link_claims claims_after;
    CHECK(refused_as(ts_link_verify(engine, "x", 1, 1795424400000000000LL, &claims_after, &reason), TS_INVALID_HANDLE,
                     &reason, "engine_closed"),
          "verify on a freed engine");

    /* A panic inside never crosses into C (Rust prints the panic it catches on stderr). */
    fprintf(stderr, "(the panic printed next is ts_test_panic_is_caught's, expected)\n");
    CHECK(ts_test_panic_is_caught() == TS_PANIC, "panic caught");

    /* Reason names. */
    CHECK(strcmp(ts_reason_code(9999), "unknown") == 0, "unknown reason");
    CHECK(strcmp(ts_reason_code(7), "link_cancelled") == 0, "reason 7 is %s", ts_reason_code(7));
    CHECK(strcmp(ts_reason_family(7), "link") == 0, "family of 7 is %s", ts_reason_family(7));
    CHECK(strstr(ts_reason_message(7), "cancel") != NULL, "meaning of 7: %s", ts_reason_message(7));
    CHECK(strcmp(ts_reason_message(9999), "unknown") == 0, "meaning of an unknown reason");
    CHECK(ts_json_get("{\"a\":[1,2]}", "a.5", &response) == TS_NOT_FOUND, "json path absent");
    CHECK(ts_json_get("{", "", &response) == TS_REFUSED, "json invalid");
}

/* Free twice, use after free, free then reuse: with the slot reused, every stale copy of a
 * handle is refused, and the new engine is untouched. */
void handles(void) {
    char *response = NULL;
    for (int round = 0; round < 100; round++) {
        ts_engine first = {0}, second = {0};
        CHECK(new_engine(CONFIG, &first, NULL) == TS_OK, "first");
        ts_engine copy = first;
        CHECK(ts_engine_free(first) == TS_OK, "free first");
        CHECK(ts_engine_free(first) == TS_INVALID_HANDLE, "free twice");
        CHECK(ts_engine_call(copy, INFO, &response, NULL) == TS_INVALID_HANDLE && response == NULL, "use after free");
        CHECK(new_engine(CONFIG, &second, NULL) == TS_OK, "second");
        /* The freed slot is reused: same slot, new generation. */
        CHECK((second.id & 0xffffffffULL) == (first.id & 0xffffffffULL) && second.id != first.id,
              "slot reused: %llx then %llx", (unsigned long long)first.id, (unsigned long long)second.id);
        CHECK(ts_engine_call(copy, INFO, &response, NULL) == TS_INVALID_HANDLE, "stale copy after reuse");
        CHECK(ts_engine_free(copy) == TS_INVALID_HANDLE, "stale free after reuse");
        CHECK(ts_engine_call(second, INFO, &response, NULL) == TS_OK, "the new engine still works");
        ts_string_free(response);
        response = NULL;
        CHECK(ts_engine_free(second) == TS_OK, "free second");
    }
}

/* Freeing an engine while another thread is inside a call on it: every call gets a whole
 * response or TS_INVALID_HANDLE, never memory that was freed (ASan and valgrind run this). */
struct race {
    ts_engine engine;
    int ok, invalid, other;
};

static void *caller(void *arg) {
    struct race *race = arg;
    for (int i = 0; i < 40; i++) {
        char *response = NULL;
        ts_result status = ts_engine_call(race->engine, INFO, &response, NULL);
        if (status == TS_OK && response != NULL && strstr(response, "\"ok\":true") != NULL) {
            race->ok++;
        } else if (status == TS_INVALID_HANDLE) {
            race->invalid++;
        } else {
            race->other++;
        }
        ts_string_free(response);
    }
    return NULL;
}

void free_while_calling(int rounds) {
    int ok = 0, invalid = 0, other = 0;
    for (int round = 0; round < rounds; round++) {
        struct race race = {{0}, 0, 0, 0};
        CHECK(new_engine(CONFIG, &race.engine, NULL) == TS_OK, "engine");
        pthread_t thread;
        pthread_create(&thread, NULL, caller, &race);
        for (volatile int spin = 0; spin < round % 50; spin++) {
        }
        CHECK(ts_engine_free(race.engine) == TS_OK, "free while calling");
        pthread_join(thread, NULL);
        ok += race.ok;
        invalid += race.invalid;
        other += race.other;
    }
    CHECK(other == 0, "every call answered whole or refused: %d ok, %d refused, %d other", ok, invalid, other);
    CHECK(invalid > 0, "some calls came after the free");
}
