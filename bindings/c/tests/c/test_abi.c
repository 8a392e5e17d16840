/*
 * C tests of the ABI, built against the test build of the library (TICKETSHARE_TESTING): replays
 * every golden vector (tests/vectors/) through the header, then checks the boundary (NULLs,
 * invalid UTF-8, sizes before content, clocks in the wrong unit, double frees, foreign pointers,
 * a caught panic), the engine handles (free twice, use after free, free then reuse of the slot)
 * and freeing an engine while another thread calls it. Prints "N passed, N failed"; exits
 * non-zero on any failure. Usage: test_abi <vectors dir> [race rounds]
 */
#include <dirent.h>
#include <pthread.h>
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

/* Appends code point cp to out as UTF-8. */
static size_t put_utf8(unsigned char *out, unsigned long cp) {
    if (cp < 0x80) { out[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) { out[0] = (unsigned char)(0xC0 | (cp >> 6)); out[1] = (unsigned char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (cp >> 12)); out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F)); return 3;
    }
    out[0] = (unsigned char)(0xF0 | (cp >> 18)); out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F)); out[3] = (unsigned char)(0x80 | (cp & 0x3F)); return 4;
}

/* The bytes of a canonical JSON string (quotes included), every escape decoded, NUL-terminated;
 * *len_out is their length (they may hold NUL themselves). Free with free(). */
static unsigned char *json_string_bytes(const char *quoted, size_t *len_out) {
    size_t len = strlen(quoted);
    unsigned char *out = malloc(len + 4);
    size_t n = 0;
    for (size_t i = 1; i + 1 < len; i++) {
        if (quoted[i] != '\\') { out[n++] = (unsigned char)quoted[i]; continue; }
        char e = quoted[++i];
        switch (e) {
        case 'n': out[n++] = '\n'; break;
        case 'r': out[n++] = '\r'; break;
        case 't': out[n++] = '\t'; break;
        case 'b': out[n++] = '\b'; break;
        case 'f': out[n++] = '\f'; break;
        case 'u': {
            unsigned long cp = strtoul((char[]){quoted[i + 1], quoted[i + 2], quoted[i + 3], quoted[i + 4], 0}, NULL, 16);
            i += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && quoted[i + 1] == '\\' && quoted[i + 2] == 'u') {
                unsigned long low = strtoul((char[]){quoted[i + 3], quoted[i + 4], quoted[i + 5], quoted[i + 6], 0}, NULL, 16);
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 6;
            }
            n += put_utf8(out + n, cp);
            break;
        }
        default: out[n++] = (unsigned char)e; break;
        }
    }
    out[n] = '\0';
    *len_out = n;
    return out;
}

static void replay(const char *path) {
    char *file = read_file(path);
    CHECK(file != NULL, "read %s", path);
    if (file == NULL) return;
    char *config = get(file, "config");
    char *seed_text = get(file, "seed");
    unsigned long long seed = strtoull(seed_text, NULL, 10);
    ts_engine engine = {0};
    char *error = NULL;
    uint32_t reason = 0;
    ts_result built = ts_engine_new_seeded_for_tests(config, strlen(config), seed, &engine, &reason, &error);
    char *config_error = get(file, "config_error");
    if (config_error != NULL) {
        char *code = get(error, "error.code");
        char named[64];
        snprintf(named, sizeof named, "\"%s\"", ts_reason_code(reason));
        CHECK(built == TS_REFUSED && code != NULL && strcmp(code, config_error) == 0 && strcmp(named, code) == 0,
              "%s: config error %s, reason %s", path, config_error, named);
        ts_string_free(code);
    } else {
        CHECK(built == TS_OK, "%s: engine", path);
        for (int i = 0;; i++) {
            char step_path[64];
            snprintf(step_path, sizeof step_path, "steps.%d", i);
            char *step = get(file, step_path);
            if (step == NULL) break;
            char *request = get(step, "request.json");
            size_t request_len = request ? strlen(request) : 0;
            if (request == NULL) {
                char *raw = get(step, "request.raw");
                request = (char *)json_string_bytes(raw, &request_len);
                ts_string_free(raw);
            }
            char *expected = get(step, "response");
            char *response = NULL;
            ts_result status = ts_engine_call_n(engine, request, request_len, &response, &reason);
            /* One channel: TS_OK exactly for a result, TS_REFUSED with the envelope's reason. */
            char *code = get(response, "error.code");
            char named[64];
            snprintf(named, sizeof named, "\"%s\"", ts_reason_code(reason));
            CHECK(code == NULL ? status == TS_OK && reason == 0 : status == TS_REFUSED && strcmp(named, code) == 0,
                  "%s step %d: status %u, reason %s, envelope %s", path, i, (unsigned)status, named,
                  code ? code : "(none)");
            ts_string_free(code);
            char *canonical = get(response, "");
            CHECK(canonical != NULL && strcmp(canonical, expected) == 0, "%s step %d:\n got  %s\n want %s", path, i,
                  canonical, expected);
            /* request came from get() or json_string_bytes(): free whichever owns it. */
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

/* The times of tests/vectors/times.json through the typed path: ts_now_parse and
 * ts_link_verify give the engine's answer for every text, as the JSON call does. */
static void times(const char *dir) {
    char path[4096];
    snprintf(path, sizeof path, "%s/times.json", dir);
    char *file = read_file(path);
    CHECK(file != NULL, "read %s", path);
    if (file == NULL) return;
    char *config = get(file, "config");
    ts_engine engine = {0};
    CHECK(ts_engine_new_seeded_for_tests(config, strlen(config), 17, &engine, NULL, NULL) == TS_OK, "engine");
    char *token = NULL;
    int typed = 0;
    for (int i = 0;; i++) {
        char step_path[64];
        snprintf(step_path, sizeof step_path, "steps.%d", i);
        char *step = get(file, step_path);
        if (step == NULL) break;
        char *request = get(step, "request.json");
        char *op = get(request, "op");
        char *now = get(request, "args.now");
        if (token == NULL) {
            char *response = NULL;
            CHECK(ts_engine_call(engine, request, &response, NULL) == TS_OK, "share");
            char *quoted = get(response, "result.link_token");
            size_t len;
            token = (char *)json_string_bytes(quoted, &len);
            ts_string_free(quoted);
            ts_string_free(response);
        } else if (strcmp(op, "\"link.verify\"") == 0 && now != NULL && now[0] == '"') {
            size_t text_len;
            char *text = (char *)json_string_bytes(now, &text_len);
            char *ok = get(step, "response.ok");
            char *code = get(step, "response.error.code");
            char *share_id = get(step, "response.result.share_id");
            int64_t nanos = 0;
            uint32_t reason = 0;
            ts_link_claims claims;
            ts_result status = ts_now_parse(text, text_len, &nanos, &reason);
            if (status == TS_OK)
                status = ts_link_verify(engine, token, strlen(token), nanos, &claims, &reason);
            if (strcmp(ok, "true") == 0) {
                char got[64], bytes[16];
                snprintf(got, sizeof got, "\"%s\"", claims.share_id_text);
                snprintf(bytes, sizeof bytes, "%02x%02x%02x%02x-", claims.share_id[0], claims.share_id[1],
                         claims.share_id[2], claims.share_id[3]);
                CHECK(status == TS_OK && strcmp(share_id, got) == 0 && strncmp(claims.share_id_text, bytes, 9) == 0,
                      "times %s: verified %s", text, got);
            } else {
                char want[64];
                snprintf(want, sizeof want, "\"%s\"", ts_reason_code(reason));
                CHECK(status == TS_REFUSED && strcmp(code, want) == 0, "times %s: %s, want %s", text,
                      ts_reason_code(reason), code);
            }
            typed++;
            free(text);
            ts_string_free(ok);
            ts_string_free(code);
            ts_string_free(share_id);
        }
        ts_string_free(step);
        ts_string_free(request);
        ts_string_free(op);
        ts_string_free(now);
    }
    CHECK(typed >= 10, "the times vector holds the typed cases: %d", typed);
    free(token);
    ts_string_free(config);
    ts_engine_free(engine);
    free(file);
}

/* Replays every .json file of `dir` and of its folders one level down (tests/vectors/nhd/);
 * returns how many. */
static int replay_dir(const char *dir, int depth) {
    DIR *d = opendir(dir);
    CHECK(d != NULL, "open %s", dir);
    if (d == NULL) return 0;
    int files = 0;
    struct dirent *entry;
    while ((entry = readdir(d)) != NULL) {
        if (entry->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, entry->d_name);
        size_t len = strlen(entry->d_name);
        if (len >= 5 && strcmp(entry->d_name + len - 5, ".json") == 0) {
            replay(path);
            files++;
        } else if (depth == 0) {
            DIR *sub = opendir(path);
            if (sub != NULL) {
                closedir(sub);
                files += replay_dir(path, 1);
            }
        }
    }
    closedir(d);
    return files;
}

static void replay_all(const char *dir) {
    int files = replay_dir(dir, 0);
    CHECK(files >= 15, "expected the vector files with nhd/, found %d", files);
}

/* tests/bad-inputs/corpus.json: every hostile input refused with its code, in C as in Rust,
 * the message at most 512 bytes without control characters. */
static void bad_inputs(const char *vectors) {
    char path[4096];
    snprintf(path, sizeof path, "%s/../bad-inputs/corpus.json", vectors);
    char *file = read_file(path);
    CHECK(file != NULL, "read %s", path);
    if (file == NULL) return;
    char *config = get(file, "config");
    char *seed_text = get(file, "seed");
    ts_engine engine = {0};
    CHECK(ts_engine_new_seeded_for_tests(config, strlen(config), strtoull(seed_text, NULL, 10),
                                         &engine, NULL, NULL) == TS_OK, "corpus engine");
    int count = 0;
    for (int i = 0;; i++) {
        char at[64];
        snprintf(at, sizeof at, "inputs.%d", i);
        char *input = get(file, at);
        if (input == NULL) break;
        count++;
        char *name = get(input, "name");
        char *code = get(input, "code");
        char *text = get(input, "text");
        unsigned char *bytes;
        size_t len;
        if (text != NULL) {
            bytes = json_string_bytes(text, &len);
        } else {
            char *hex = get(input, "hex");
            size_t digits = strlen(hex) - 2;
            bytes = malloc(digits / 2 + 1);
            for (len = 0; len < digits / 2; len++) {
                char pair[3] = {hex[1 + 2 * len], hex[2 + 2 * len], 0};
                bytes[len] = (unsigned char)strtoul(pair, NULL, 16);
            }
            ts_string_free(hex);
        }
        char *response = NULL;
        uint32_t reason = 0;
        CHECK(ts_engine_call_n(engine, (const char *)bytes, len, &response, &reason) == TS_REFUSED, "%s: call", name);
        char *got = get(response, "error.code");
        char named[64];
        snprintf(named, sizeof named, "\"%s\"", ts_reason_code(reason));
        CHECK(got != NULL && strcmp(got, code) == 0 && strcmp(named, code) == 0, "%s: got %s (reason %s), want %s",
              name, got ? got : "(none)", named, code);
        char *message = get(response, "error.message");
        size_t message_len = 0;
        unsigned char *decoded = message ? json_string_bytes(message, &message_len) : NULL;
        int clean = decoded != NULL && message_len <= 4 * 512;
        for (size_t k = 0; clean && k < message_len; k++) clean = decoded[k] >= 0x20 && decoded[k] != 0x7f;
        CHECK(clean, "%s: message %s", name, message ? message : "(none)");
        free(decoded);
        ts_string_free(message);
        ts_string_free(got);
        ts_string_free(response);
        free(bytes);
        ts_string_free(text);
        ts_string_free(code);
        ts_string_free(name);
        ts_string_free(input);
    }
    CHECK(count >= 200, "corpus: %d inputs", count);
    ts_engine_free(engine);
    ts_string_free(config);
    ts_string_free(seed_text);
    free(file);
}

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

static void boundary(void) {
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
static void handles(void) {
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

static void free_while_calling(int rounds) {
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

int main(int argc, char **argv) {
    const char *vectors = argc > 1 ? argv[1] : "../../../../tests/vectors";
    int rounds = argc > 2 ? atoi(argv[2]) : 2000;
    replay_all(vectors);
    times(vectors);
    bad_inputs(vectors);
    boundary();
    handles();
    free_while_calling(rounds);
    printf("c abi: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
