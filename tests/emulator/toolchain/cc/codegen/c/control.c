/* Control flow: if/else, loops with break/continue, switch with fallthrough and ranges, goto,
 * logical operators with short-circuit, ?:, comma, recursion, static locals. */
#include "test.h"
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static int counter(void) { static int n = 10; return n++; }
static int sw(int x) {
    switch (x) {
    case 1: return 10;
    case 2: case 3: x += 100; /* fallthrough */
    case 4: return x;
    case 10 ... 20: return -1;
    default: return 0;
    }
}
static int side;
static int bump(void) { side++; return 1; }
int main(void) {
    int i, sum = 0;
    for (i = 0; i < 10; i++) { if (i == 3) continue; if (i == 8) break; sum += i; }
    ASSERT(25, sum);
    i = 0; while (i < 100) i += 7; ASSERT(105, i);
    i = 0; do i++; while (i < 5); ASSERT(5, i);
    for (int j = 0; j < 3; j++) sum += j; ASSERT(28, sum);
    ASSERT(10, sw(1)); ASSERT(102, sw(2)); ASSERT(103, sw(3)); ASSERT(4, sw(4)); ASSERT(-1, sw(15)); ASSERT(0, sw(99));
    ASSERT(55, fib(10));
    ASSERT(10, counter()); ASSERT(11, counter());
    i = 0;
again:
    i++;
    if (i < 4) goto again;
    ASSERT(4, i);
    side = 0; ASSERT(0, 0 && bump()); ASSERT(1, 1 || bump()); ASSERT(0, side);
    ASSERT(1, 2 && bump()); ASSERT(1, side);
    ASSERT(3, (1, 2, 3)); ASSERT(7, 0 ? 5 : 7);
    int k = 0; for (;;) { if (++k == 6) break; } ASSERT(6, k);
    int n = 0; for (i = 0; i < 4; i++) { int m = 0; while (1) { if (++m > i) break; n++; } } ASSERT(6, n);
    unsigned v = 3; switch (v) { case 3u: n = 1; break; default: n = 2; } ASSERT(1, n);
    ASSERT(15, ({ int t = 5; t * 3; }));
    DONE();
}
