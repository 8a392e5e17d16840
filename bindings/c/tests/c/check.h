/*
 * What the two files of the C ABI tests share: the counters and CHECK, which counts a condition
 * and prints the failing ones, the JSON path helper, and the checks boundary.c runs.
 */
#ifndef TICKETSHARE_TEST_CHECK_H
#define TICKETSHARE_TEST_CHECK_H

#include <stdio.h>

#include "ticketshare.h"

/* Conditions that held and that failed, over the whole run. */
extern int passed, failed;

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

/* The value at path, canonical JSON, or NULL (free with ts_string_free). */
char *get(const char *json, const char *path);

/* boundary.c: NULLs, invalid UTF-8, sizes, clocks, frees and panics at the boundary. */
void boundary(void);
/* boundary.c: free twice, use after free, free then reuse of the slot. */
void handles(void);
/* boundary.c: freeing an engine while another thread calls it, `rounds` times. */
void free_while_calling(int rounds);

#endif
