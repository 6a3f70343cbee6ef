/* Calls: many integer args (stack), structs by value (small and large), struct returns, function
 * pointers, variadic functions with va_arg of int/long/double/pointers, printf with mixed args. */
#include "test.h"
#include <stdarg.h>
#include <string.h>
struct pair { long a, b; };
struct tri { int x, y, z; };
struct large { long v[4]; };
struct tiny { char c; short s; };
static long ten(long a, long b, long c, long d, long e, long f, long g, long h, long i, long j) {
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j;
}
static struct pair mkpair(long a, long b) { struct pair p = {a, b}; return p; }
static struct tri mktri(int x) { struct tri t = {x, x + 1, x + 2}; return t; }
static struct large mklarge(long x) { struct large l = {{x, x * 2, x * 3, x * 4}}; return l; }
static long sumlarge(struct large l, int k) { l.v[0] = 1000; return l.v[0] + l.v[1] + l.v[2] + l.v[3] + k; }
static long sumpair(struct pair p, struct tri t, struct tiny y) { return p.a + p.b + t.x + t.y + t.z + y.c + y.s; }
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static long vsum(int n, ...) {
    va_list ap; va_start(ap, n);
    long s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, long);
    va_end(ap);
    return s;
}
static double vmix(const char *fmt, ...) {
    va_list ap; va_start(ap, fmt);
    double s = 0;
    for (; *fmt; fmt++) {
        if (*fmt == 'i') s += va_arg(ap, int);
        else if (*fmt == 'd') s += va_arg(ap, double);
        else if (*fmt == 'p') s += *va_arg(ap, int *);
        else if (*fmt == 's') { struct pair p = va_arg(ap, struct pair); s += p.a * p.b; }
    }
    va_end(ap);
    return s;
}
static int vfwd(char *out, const char *fmt, ...) { va_list ap; va_start(ap, fmt); int n = vsprintf(out, fmt, ap); va_end(ap); return n; }
int main(void) {
    ASSERT(385, ten(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    struct pair p = mkpair(3, 4); ASSERT(7, p.a + p.b);
    struct tri t = mktri(5); ASSERT(18, t.x + t.y + t.z);
    struct large l = mklarge(2); ASSERT(20, l.v[0] + l.v[1] + l.v[2] + l.v[3]);
    ASSERT(1000 + 4 + 6 + 8 + 1, sumlarge(l, 1)); ASSERT(2, l.v[0]);
    struct tiny y = {9, -300}; ASSERT(7 + 18 - 291, sumpair(p, t, y));
    int (*fp)(int, int) = add; ASSERT(5, fp(2, 3)); fp = sub; ASSERT(-1, fp(2, 3));
    int (*ops[2])(int, int) = {add, sub}; ASSERT(9, ops[0](4, 5) + ops[1](5, 5));
    ASSERT(15, vsum(5, 1L, 2L, 3L, 4L, 5L)); ASSERT(55, vsum(10, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L));
    int seven = 7; struct pair sp = {3, 5};
    ASSERT(1, vmix("idpis", 1, 2.5, &seven, 10, sp) == 35.5);
    ASSERT(1, vmix("dddddddddd", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0) == 55.0);
    char out[80]; int n = vfwd(out, "%d-%ld-%s-%.1f-%c", 42, 1L << 40, "str", 2.25, 'q');
    printf("%s %d\n", out, n);
    ASSERT(0, strcmp(out, "42-1099511627776-str-2.2-q"));
    printf("%d %ld %u %x %s %c %5.3f %p\n", -1, -2L, 3u, 255, "s", 'c', 3.14159, (void *)0x1234);
    DONE();
}
