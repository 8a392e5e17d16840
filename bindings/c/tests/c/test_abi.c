/*
 * C tests of the ABI, built against the test build of the library (TICKETSHARE_TESTING): replays
 * every golden vector (tests/vectors/) and hostile input (tests/bad-inputs/) through the header,
 * then runs the checks of boundary.c (NULLs, invalid UTF-8, sizes before content, clocks in the
 * wrong unit, double frees, foreign pointers, a caught panic, the engine handles, freeing an engine
 * while another thread calls it). Prints "N passed, N failed"; exits non-zero on any failure.
 * Usage: test_abi <vectors dir> [race rounds]
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

int passed, failed;

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

char *get(const char *json, const char *path) {
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
