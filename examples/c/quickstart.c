/*
 * The seed-000 story through the C ABI: share, open, wrong code, right code (typed call),
 * view, reply, cancel, and the refused link. Build and run: make run (see Makefile).
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ticketshare.h"

static const char *CONFIG =
    "{\"keyring\": {\"active\": 1, \"keys\": [{\"id\": 1, \"secret\": "
    "\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\"}]},"
    " \"view_url\": \"https://help.acme.example/shared/\"}";
static const char *ACTOR = "{\"id\": \"agent-7\", \"name\": \"Ana Agent\", \"role\": \"agent\"}";
static const char *ACCOUNT = "{\"company_name\": \"Acme Shoes\", \"plan\": \"enterprise\"}";

static ts_engine engine;

static void fail(const char *what) {
    fprintf(stderr, "quickstart failed: %s\n", what);
    exit(1);
}

/* Runs a request; returns the response, the result or the refusal (free with ts_string_free). */
static char *call(const char *request) {
    char *response = NULL;
    uint32_t reason = 0;
    ts_result status = ts_engine_call(engine, request, &response, &reason);
    if (status != TS_OK && status != TS_REFUSED) {
        fprintf(stderr, "status %u: %s\n", (unsigned)status, ts_reason_message(reason));
        fail("ts_engine_call");
    }
    return response;
}

/* The value at `path` of `json` as canonical JSON (free with ts_string_free). */
static char *get(const char *json, const char *path) {
    char *value = NULL;
    if (ts_json_get(json, path, &value) != TS_OK) {
        fprintf(stderr, "no %s in %s\n", path, json);
        fail("ts_json_get");
    }
    return value;
}

/* A JSON string value without its quotes (free with free). */
static char *get_text(const char *json, const char *path) {
    char *quoted = get(json, path);
    size_t len = strlen(quoted);
    char *text = malloc(len);
    if (text == NULL) fail("malloc");
    memcpy(text, quoted + 1, len - 2);
    text[len - 2] = '\0';
    ts_string_free(quoted);
    return text;
}

static char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *format(const char *fmt, ...) {
    va_list args;
    va_start(args, fmt);
    char probe[1];
    int len = vsnprintf(probe, sizeof probe, fmt, args);
    va_end(args);
    char *out = malloc((size_t)len + 1);
    if (out == NULL) fail("malloc");
    va_start(args, fmt);
    vsnprintf(out, (size_t)len + 1, fmt, args);
    va_end(args);
    return out;
}

/* 2026-11-23T09:00:00Z plus `secs`, as Unix nanoseconds and as RFC 3339. */
static const int64_t T0 = 1795424400;
static int64_t nanos(int64_t secs) { return (T0 + secs) * 1000000000LL; }
static char *when(int64_t secs) {
    int64_t t = secs;
    int64_t day = t / 86400, rem = t % 86400;
    return format("2026-11-%02" PRId64 "T%02" PRId64 ":%02" PRId64 ":%02" PRId64 "Z", 23 + day,
                  9 + rem / 3600, (rem % 3600) / 60, rem % 60);
}

int main(void) {
    char *error = NULL;
    uint32_t reason = 0;
    /* The engine is a handle: copy it freely; ts_engine_free invalidates every copy. */
    if (ts_engine_new(CONFIG, strlen(CONFIG), &engine, &reason, &error) != TS_OK) {
        fprintf(stderr, "%s: %s\n", ts_reason_code(reason), error ? error : ts_reason_message(reason));
        ts_string_free(error);
        return 1;
    }
    printf("ticketshare %s (API v%d)\n", ts_version(), TS_API_VERSION);

    /* 1. The agent shares the ticket. */
    char *now = when(0);
    char *request = format(
        "{\"v\":1,\"op\":\"share.create\",\"args\":{\"actor\":%s,\"account\":%s,\"request\":"
        "{\"ticket_id\":\"T-1001\",\"recipient\":\"orders@supplier.example\",\"subject\":\"Trainers "
        "labelled 42 are far smaller\",\"message\":\"Could you check batch B-17?\"},\"now\":\"%s\"}}",
        ACTOR, ACCOUNT, now);
    char *created = call(request);
    char *share = get(created, "result.share");
    char *token = get_text(created, "result.link_token");
    char *link = get_text(created, "result.link_url");
    printf("1. shared; email link: %s\n", link);

    /* 2. The typed hot path: verify the link before any database look-up. */
    ts_link_claims claims;
    if (ts_link_verify(engine, token, strlen(token), nanos(10), &claims, &reason) != TS_OK)
        fail("link verify");
    printf("2. link verified: share %s, key %u, expires at %" PRId64 " ns\n", claims.share_id_text,
           claims.key_id, claims.expires_at_unix_nanos);

    /* 3. The collaborator opens the link: a code is emailed. */
    free(now);
    free(request);
    now = when(60);
    request = format("{\"v\":1,\"op\":\"link.open\",\"args\":{\"token\":\"%s\",\"share\":%s,\"account\":%s,\"now\":\"%s\"}}",
                     token, share, ACCOUNT, now);
    char *opened = call(request);
    char *outcome = get_text(opened, "result.outcome");
    char *challenge = get(opened, "result.challenge");
    char *body = get_text(opened, "result.email.text_body");
    char code[7] = {0};
    for (size_t i = 0, n = 0; body[i] && n < 6; i++)
        if (body[i] >= '0' && body[i] <= '9') code[n++] = body[i];
    printf("3. link opened: %s\n", outcome);

    /* 4. A wrong code, then the right one, through the typed code check. */
    char wrong[7];
    for (int i = 0; i < 6; i++) wrong[i] = code[i] == '0' ? '1' : '0';
    wrong[6] = '\0';
    ts_code_check_result result;
    if (ts_code_check(engine, token, share, challenge, wrong, nanos(70), &result, &reason, NULL) != TS_OK) fail("code check");
    printf("4. wrong code: %s, %u tries left\n", result.outcome == TS_CODE_REJECTED ? "rejected" : "accepted",
           result.attempts_left);
    char *counted = format("%s", result.challenge_json);
    ts_code_check_result_free(&result);
    if (ts_code_check(engine, token, share, counted, code, nanos(80), &result, &reason, NULL) != TS_OK) fail("code check");
    if (result.outcome != TS_CODE_ACCEPTED) fail("right code refused");
    printf("   right code: accepted; session until %" PRId64 " ns\n", result.session_expires_at_unix_nanos);
    char *verified = format("%s", result.share_json);
    char *session = format("%s", result.session_token);
    ts_code_check_result_free(&result);

    /* 5. The collaborator replies: an external note, never sent to the customer. */
    free(now);
    free(request);
    now = when(200);
    request = format("{\"v\":1,\"op\":\"share.reply\",\"args\":{\"session_token\":\"%s\",\"share\":%s,\"reply\":"
                     "{\"body\":\"Batch B-17 was mislabelled.\"},\"account\":%s,\"now\":\"%s\"}}",
                     session, verified, ACCOUNT, now);
    char *replied = call(request);
    char *kind = get(replied, "result.note.kind.type");
    printf("5. reply stored as %s\n", kind);

    /* 6. The agent cancels; the link is refused as an invalid link. */
    free(now);
    free(request);
    now = when(300);
    request = format("{\"v\":1,\"op\":\"share.cancel\",\"args\":{\"actor\":%s,\"share\":%s,\"now\":\"%s\"}}", ACTOR,
                     verified, now);
    char *cancelled = call(request);
    char *cancelled_share = get(cancelled, "result.share");
    free(request);
    request = format("{\"v\":1,\"op\":\"link.open\",\"args\":{\"token\":\"%s\",\"share\":%s,\"account\":%s,\"now\":\"%s\"}}",
                     token, cancelled_share, ACCOUNT, now);
    char *refused = call(request);
    char *code_name = get_text(refused, "error.code");
    char *category = get_text(refused, "error.category");
    printf("6. after cancelling: %s (the collaborator sees: %s)\n", code_name, category);

    /* 7. Three days after sharing, the typed verify refuses the link as expired. */
    if (ts_link_verify(engine, token, strlen(token), nanos(72 * 3600), &claims, &reason) != TS_REFUSED)
        fail("expired link accepted");
    printf("7. 72 h later: %s (%s)\n", ts_reason_code(reason), ts_reason_category(reason));

    char *owned[] = {created, share, opened, challenge, replied, kind, cancelled, cancelled_share, refused};
    for (size_t i = 0; i < sizeof owned / sizeof owned[0]; i++) ts_string_free(owned[i]);
    char *mine[] = {now, request, token, link, outcome, body, counted, verified, session, code_name, category};
    for (size_t i = 0; i < sizeof mine / sizeof mine[0]; i++) free(mine[i]);
    return ts_engine_free(engine) == TS_OK ? 0 : 1;
}
