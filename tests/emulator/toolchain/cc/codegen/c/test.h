/* test.h: ASSERT(expected, expr) for the code generator's feature tests: prints a line per
 * failure, counts checks; DONE() prints the summary and returns the failure count as the exit status. */
#include <stdio.h>
static int checks, failed;
#define ASSERT(x, y) assert_eq((long)(x), (long)(y), #y, __LINE__)
static void assert_eq(long expected, long actual, const char *code, int line) {
    checks++;
    if (expected != actual) { failed++; printf("FAIL line %d: %s => %ld, expected %ld\n", line, code, actual, expected); }
}
#define DONE() do { printf("%d checks, %d failed\n", checks, failed); return failed; } while (0)
