/*
 * C tests of the ABI: replays every golden vector (tests/vectors/) through the header, then
 * checks the boundary: NULLs, invalid UTF-8, double frees, foreign pointers, a caught panic, an
 * oversized request. Prints "N passed, N failed"; exits non-zero on any failure.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ticketshare.h"

static int passed, failed;

#define CHECK(cond, ...)                                  \
    do {                                                  \
        if (cond) {                                       \
            passed++;                                     \
        } else {                                          \
            failed++;                                     \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
            fprintf(stderr, __VA_ARGS__);                 \
            fprintf(stderr, "\n");                        \
        }                                                 \
    } while (0)

static const char *CONFIG =
    "{\"keyring\": {\"active\": 1, \"keys\": [{\"id\": 1, \"secret\": "
    "\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\"}]},"
    " \"view_url\": \"https://help.example.com/shared/\"}";

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)size + 1);
    if (text != NULL && fread(text, 1, (size_t)size, f) == (size_t)size) {
        text[size] = '\0';
    } else {
        free(text);
        text = NULL;
    }
    fclose(f);
    return text;
}

/* The value at path, canonical JSON, or NULL (free with ts_string_free). */
static char *get(const char *json, const char *path) {
    char *value = NULL;
    return ts_json_get(json, path, &value) == TS_OK ? value : NULL;
}

/* Unquotes a JSON string holding only \" and \\ escapes (enough for the raw vector requests). */
static char *unquote(const char *quoted) {
    size_t len = strlen(quoted);
    char *out = malloc(len);
    size_t n = 0;
    for (size_t i = 1; i + 1 < len; i++) {
        if (quoted[i] == '\\' && i + 2 < len) i++;
        out[n++] = quoted[i];
    }
    out[n] = '\0';
    return out;
}

static void replay(const char *path) {
    char *file = read_file(path);
    CHECK(file != NULL, "read %s", path);
    if (file == NULL) return;
    char *config = get(file, "config");
    char *seed_text = get(file, "seed");
    unsigned long long seed = strtoull(seed_text, NULL, 10);
    struct ts_engine *engine = NULL;
    char *error = NULL;
    ts_result built = ts_engine_new_seeded_for_tests(config, seed, &engine, &error);
    char *config_error = get(file, "config_error");
    if (config_error != NULL) {
        char *code = get(error, "error.code");
        CHECK(built == TS_REFUSED && code != NULL && strcmp(code, config_error) == 0, "%s: config error %s", path,
              config_error);
        ts_string_free(code);
    } else {
        CHECK(built == TS_OK, "%s: engine", path);
        for (int i = 0;; i++) {
            char step_path[64];
            snprintf(step_path, sizeof step_path, "steps.%d", i);
            char *step = get(file, step_path);
            if (step == NULL) break;
            char *request = get(step, "request.json");
            if (request == NULL) {
                char *raw = get(step, "request.raw");
                request = unquote(raw);
                ts_string_free(raw);
            }
            char *expected = get(step, "response");
            char *response = NULL;
            CHECK(ts_engine_call(engine, request, &response) == TS_OK, "%s step %d: call", path, i);
            char *canonical = get(response, "");
            CHECK(canonical != NULL && strcmp(canonical, expected) == 0, "%s step %d:\n got  %s\n want %s", path, i,
                  canonical, expected);
            /* request came from get() or unquote(): free whichever owns it. */
            if (ts_string_free(request) != TS_OK) free(request);
            ts_string_free(step);
            ts_string_free(expected);
            ts_string_free(response);
            ts_string_free(canonical);
        }
    }
    ts_string_free(config_error);
    ts_string_free(error);
    ts_engine_free(engine);
    ts_string_free(config);
    ts_string_free(seed_text);
    free(file);
}

static void replay_all(const char *dir) {
    DIR *d = opendir(dir);
    CHECK(d != NULL, "open %s", dir);
    if (d == NULL) return;
    int files = 0;
    struct dirent *entry;
    while ((entry = readdir(d)) != NULL) {
        size_t len = strlen(entry->d_name);
        if (len < 5 || strcmp(entry->d_name + len - 5, ".json") != 0) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, entry->d_name);
        replay(path);
        files++;
    }
    closedir(d);
    CHECK(files >= 8, "expected the vector files, found %d", files);
}

static void boundary(void) {
    struct ts_engine *engine = NULL;
    char *error = NULL;
    char *response = NULL;

    /* NULLs never crash. */
    CHECK(ts_engine_new(NULL, &engine, &error) == TS_NULL_ARGUMENT, "null config");
    CHECK(ts_engine_new(CONFIG, NULL, NULL) == TS_NULL_ARGUMENT, "null engine out");
    CHECK(ts_engine_call(NULL, "{}", &response) == TS_NULL_ARGUMENT, "null engine");
    CHECK(ts_engine_new(CONFIG, &engine, &error) == TS_OK, "engine");
    CHECK(ts_engine_call(engine, NULL, &response) == TS_NULL_ARGUMENT, "null request");
    CHECK(ts_engine_call(engine, "{}", NULL) == TS_NULL_ARGUMENT, "null response out");
    CHECK(ts_string_free(NULL) == TS_OK, "free NULL string");
    CHECK(ts_engine_free(NULL) == TS_OK, "free NULL engine");

    /* A bad config is refused with an error JSON that never echoes the secret. */
    const char *secret_config = "{\"keyring\": {\"active\": \"c2VjcmV0LWtleS1tYXRlcmlhbA\", \"keys\": []}}";
    struct ts_engine *none = NULL;
    CHECK(ts_engine_new(secret_config, &none, &error) == TS_REFUSED && none == NULL, "bad config refused");
    CHECK(error != NULL && strstr(error, "c2VjcmV0") == NULL, "error echoes no secret: %s", error);
    ts_string_free(error);

    /* Invalid UTF-8. */
    CHECK(ts_engine_call(engine, "{\"v\":1,\"op\":\"\xff\"}", &response) == TS_INVALID_UTF8, "invalid utf-8 request");
    CHECK(ts_engine_new("{\"\xc3\x28\": 1}", &none, NULL) == TS_INVALID_UTF8, "invalid utf-8 config");
    ts_link_claims claims;
    uint32_t reason = 0;
    const uint8_t bad_token[] = {0xff, 0xfe, 0x41};
    CHECK(ts_link_verify(engine, bad_token, sizeof bad_token, 0, &claims, &reason) == TS_REFUSED &&
              strcmp(ts_reason_code(reason), "token_malformed") == 0,
          "invalid utf-8 token: %s", ts_reason_code(reason));
    CHECK(ts_link_verify(engine, NULL, 0, 0, &claims, &reason) == TS_NULL_ARGUMENT, "null token");

    /* Garbage and oversized requests are refused as data. */
    CHECK(ts_engine_call(engine, "not json", &response) == TS_OK, "garbage call");
    char *code = get(response, "error.code");
    CHECK(code != NULL && strcmp(code, "\"invalid_request\"") == 0, "garbage: %s", response);
    ts_string_free(code);
    ts_string_free(response);
    size_t huge_len = 4 * 1024 * 1024 + 64;
    char *huge = malloc(huge_len + 1);
    memset(huge, ' ', huge_len);
    memcpy(huge, "{\"v\":1,\"op\":\"engine.info\"}", 26);
    huge[huge_len] = '\0';
    CHECK(ts_engine_call_n(engine, (const uint8_t *)huge, huge_len, &response) == TS_OK, "huge call");
    code = get(response, "error.code");
    CHECK(code != NULL && strcmp(code, "\"request_too_large\"") == 0, "huge: %s", code);
    ts_string_free(code);
    ts_string_free(response);
    free(huge);

    /* Typed code check with records that are not records. */
    ts_code_check_result result;
    CHECK(ts_code_check(engine, "x", "{}", "{}", "123456", 0, &result, &reason) == TS_REFUSED &&
              strcmp(ts_reason_code(reason), "invalid_request") == 0,
          "bad records: %s", ts_reason_code(reason));
    CHECK(ts_code_check_result_free(&result) == TS_OK, "free empty result");

    /* Double frees and foreign pointers are detected, not undefined. */
    CHECK(ts_engine_call(engine, "{\"v\":1,\"op\":\"engine.info\"}", &response) == TS_OK, "info");
    CHECK(ts_string_free(response) == TS_OK, "free string");
    CHECK(ts_string_free(response) == TS_INVALID_HANDLE, "double free string");
    char *foreign = malloc(8);
    CHECK(ts_string_free(foreign) == TS_INVALID_HANDLE, "foreign string");
    free(foreign);
    CHECK(ts_engine_free(engine) == TS_OK, "free engine");
    CHECK(ts_engine_free(engine) == TS_INVALID_HANDLE, "double free engine");

    /* A panic inside never crosses into C. */
    CHECK(ts_test_panic_is_caught() == TS_PANIC, "panic caught");

    /* Reason names. */
    CHECK(strcmp(ts_reason_code(9999), "unknown") == 0, "unknown reason");
    CHECK(strcmp(ts_reason_category(7), "expired") == 0 || strcmp(ts_reason_code(7), "link_cancelled") == 0,
          "reason 7 is %s", ts_reason_code(7));
    CHECK(ts_json_get("{\"a\":[1,2]}", "a.5", &response) == TS_NOT_FOUND, "json path absent");
    CHECK(ts_json_get("{", "", &response) == TS_REFUSED, "json invalid");
}

int main(int argc, char **argv) {
    const char *vectors = argc > 1 ? argv[1] : "../../../../tests/vectors";
    replay_all(vectors);
    boundary();
    printf("c abi: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
