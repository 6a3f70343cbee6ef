/* Constant folding and immediate operands (-O1): folded integer arithmetic wraps like the run-time
 * instructions, floating folds round exactly once, x*0 keeps side effects, 12-bit immediate
 * boundaries, compare-and-branch with signed/unsigned limits, && || ! ?: on constants. */
#include "test.h"
#include <limits.h>

static int calls;
static int side(int v) { calls++; return v; }
static int id(int v) { return v; }
static unsigned uid(unsigned v) { return v; }
static long lid(long v) { return v; }

int main(void) {
    ASSERT(10, 2 * 3 + 4);
    ASSERT(INT_MIN, INT_MAX + id(1));
    ASSERT(0, UINT_MAX + 1u);
    ASSERT(0xfffffffeu, 0xffffffffu * 2u);
    ASSERT(-1, -1 >> 31);
    ASSERT(1, 0x80000000u >> 31);
    ASSERT(-3, -7 / 2);
    ASSERT(-1, -7 % 2);
    ASSERT(3, 7 % -4);
    ASSERT(1, (unsigned char)257);
    ASSERT(-1, (signed char)255);
    ASSERT(44, (unsigned char)300);
    ASSERT(1, (_Bool)256);
    ASSERT(3, (int)3.99);
    ASSERT(-3, (int)-3.99);
    ASSERT(16777216, (long)(float)16777217);
    ASSERT(1, 0.1 + 0.2 != 0.3);
    ASSERT(1, 0.1f + 0.2f == 0.3f);
    ASSERT(1, (double)(1.0f / 3.0f) != 1.0 / 3.0);
    ASSERT(0, 0.0 / 0.0 == 0.0 / 0.0);
    ASSERT(1, 1e308 * 10 > 1e308);
    ASSERT(1, !0);
    ASSERT(0, !5);
    ASSERT(1, 3 && 4);
    ASSERT(0, 0 && side(1));
    ASSERT(1, 1 || side(1));
    ASSERT(0, calls);
    ASSERT(7, 1 ? 7 : side(8));
    ASSERT(0, side(5) * 0);
    ASSERT(1, calls);
    ASSERT(0, 0 & side(5));
    ASSERT(2, calls);
    int x = id(100);
    ASSERT(100, x + 0);
    ASSERT(100, x * 1);
    ASSERT(100, 0 + x);
    ASSERT(0, x * 0);
    ASSERT(2147, x + 2047);
    ASSERT(2148, x + 2048);
    ASSERT(-1948, x - 2048);
    ASSERT(-1949, x - 2049);
    ASSERT(1, x < 2047);
    ASSERT(1, x <= 100);
    ASSERT(0, x <= 99);
    ASSERT(1, x > 99);
    ASSERT(0, x > 100);
    ASSERT(1, x >= 100);
    ASSERT(1, x == 100);
    ASSERT(0, x != 100);
    ASSERT(100 ^ 2047, x ^ 2047);
    ASSERT(100 | -2048, x | -2048);
    ASSERT(100 & 0x7f0, x & 0x7f0);
    ASSERT(100 << 3, x << 3);
    ASSERT(100 * 8, x * 8);
    ASSERT(100 * 7, x * 7);
    unsigned u = uid(0xffffffffu);
    ASSERT(1, u > 5);
    ASSERT(1, u >= 0xffffffffu);
    ASSERT(1, u <= 0xffffffffu);
    ASSERT(0, u < 0xffffffffu);
    ASSERT(0x7fffffff, u / 2);
    ASSERT(0x1fffffff, u / 8);
    ASSERT(7, u % 8);
    ASSERT(0xffffffe0u, u & -32);
    ASSERT(0, u + 1 > 0);
    long l = lid(-5);
    ASSERT(1, l < 0);
    ASSERT(1, (unsigned long)l > 5);
    ASSERT(-5L * 1024, l << 10);
    ASSERT(-3, l >> 1);
    int hits = 0;
    for (int i = -3; i <= 3; i++) {
        if (i < 0) hits += 1;
        if (i >= 2) hits += 10;
        if (i == 0 || i == 1) hits += 100;
        if (!(i > -2 && i < 2)) hits += 1000;
        if (i) hits += 10000;
    }
    ASSERT(64223, hits);
    unsigned cnt = 0;
    for (unsigned v = 0; v < 5u; v++) cnt += v;
    ASSERT(10, cnt);
    int down = 0;
    for (unsigned v = 5; v-- > 0;) down++;
    ASSERT(5, down);
    if (0) ASSERT(1, 0);
    while (0) ASSERT(1, 0);
    DONE();
}
