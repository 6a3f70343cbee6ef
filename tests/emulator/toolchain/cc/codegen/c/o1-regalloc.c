/* Register allocation corner cases (-O1 keeps scalar locals in s1-s11/fs0-fs11): address-taken
 * locals, setjmp, more live locals than registers, float locals, calls in loops, narrow types
 * wrapping, INT_MAX arithmetic, shifts, volatile, bit-fields, varargs, structs by value. */
#include "test.h"
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>

static int bump(int *p) { return ++*p; }
static int addr_taken(void) {
    int x = 1, y = 2;
    int *p = &x;
    for (int i = 0; i < 5; i++) { bump(p); y += x; }
    return x * 100 + y;
}

static jmp_buf env;
static void jump(int v) { longjmp(env, v); }
static int with_setjmp(void) {
    volatile int tries = 0;
    int local = 10;
    int r = setjmp(env);
    local++;
    if (r < 3) { tries++; jump(r + 1); }
    return tries * 100 + r * 10 + (local > 10);
}

/* 14 integer and 14 double locals live across a loop with calls: more than the saved registers. */
static int identity(int v) { return v; }
static long many_live(int n) {
    int a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8, i = 9, j = 10, k = 11, l = 12, m = 13, o = 14;
    for (int t = 0; t < n; t++) {
        a += identity(b); b += c; c += d; d += e; e += f; f += g; g += h;
        h += i; i += j; j += k; k += l; l += m; m += o; o += identity(a);
    }
    return (long)a + b + c + d + e + f + g + h + i + j + k + l + m + o;
}
static double twice(double v) { return 2 * v; }
static double many_doubles(int n) {
    double a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8, i = 9, j = 10, k = 11, l = 12, m = 13, o = 14;
    for (int t = 0; t < n; t++) {
        a += twice(b); b += c; c += d; d += e; e += f; f += g; g += h;
        h += i; i += j; j += k; k += l; l += m; m += o; o += a / 8;
    }
    return a + b + c + d + e + f + g + h + i + j + k + l + m + o;
}

static float fsum(const float *v, int n) { float s = 0; for (int i = 0; i < n; i++) s += v[i] * 0.5f; return s; }

static int sum_va(int n, ...) {
    va_list ap;
    int s = 0;
    va_start(ap, n);
    for (int i = 0; i < n; i++) s += va_arg(ap, int);
    va_end(ap);
    return s;
}

struct pt { int x, y; };
struct big { long a, b, c; };
static struct pt move(struct pt p, int dx) { p.x += dx; p.y -= dx; return p; }
static long big_sum(struct big b) { long s = b.a; s += b.b; s += b.c; return s; }
struct flags { unsigned lo : 3; int mid : 5; unsigned hi : 8; };

static int mixed(int a, double b, int c, float d, long e, double f, char g, unsigned short h, int i) {
    return a + (int)b + c + (int)d + (int)e + (int)f + g + h + i;
}

int main(void) {
    unsigned char c = 255;
    c++;
    ASSERT(0, c);
    signed char sc = 127;
    sc++;
    ASSERT(-128, sc);
    unsigned short us = 0;
    us--;
    ASSERT(65535, us);
    c = 250;
    c += 10;
    ASSERT(4, c);
    int big = INT_MAX;
    big = big - 1 + 1;
    ASSERT(INT_MAX, big);
    unsigned u = UINT_MAX;
    u += 2;
    ASSERT(1, u);
    unsigned w = 0x80000000u;
    ASSERT(1, w > 5);
    ASSERT(0x40000000, w >> 1);
    int neg = -8;
    ASSERT(-2, neg >> 2);
    ASSERT(-16, neg << 1);
    long lg = 1;
    lg <<= 40;
    ASSERT(1L << 40, lg);
    int sh = 33;
    ASSERT(1L << 33, 1L << sh);
    unsigned long ul = ~0UL;
    ASSERT(1, ul >> 63);
    ASSERT(0x7fffffffffffffffL, ul / 2);
    ASSERT(7, ul % 8);

    ASSERT(622, addr_taken());
    ASSERT(331, with_setjmp());
    ASSERT(many_live(3), many_live(3));
    ASSERT(870, many_live(3));
    ASSERT(852, (long)many_doubles(3));
    float fv[4] = { 1, 2, 3, 4.5f };
    ASSERT(5, (int)fsum(fv, 4));
    ASSERT(60, sum_va(3, 10, 20, 30));
    struct pt p = { 1, 2 };
    p = move(p, 5);
    ASSERT(6, p.x);
    ASSERT(-3, p.y);
    struct big b = { 1, 2, 3 };
    ASSERT(6, big_sum(b));
    struct flags fl = { 7, -3, 200 };
    fl.lo++;
    fl.mid--;
    fl.hi += 100;
    ASSERT(0, fl.lo);
    ASSERT(-4, fl.mid);
    ASSERT(44, fl.hi);
    volatile int vol = 5;
    vol += 2;
    ASSERT(7, vol);
    ASSERT(45, mixed(1, 2.5, 3, 4.5f, 5, 6.9, 7, 8, 9));
    int calls = 0;
    for (int k = 0; k < 10; k++) calls += identity(k) > 4 ? identity(k) : 0;
    ASSERT(35, calls);
    long prod = 1;
    for (int k = 1; k <= 15; k++) prod *= k;
    ASSERT(1307674368000L, prod);
    int div = -7;
    ASSERT(-3, div / 2);
    ASSERT(-1, div % 2);
    unsigned ud = 4000000000u;
    ASSERT(2000000000, ud / 2);
    ASSERT(0, ud % 4);
    DONE();
}
