/* abi-main.c: the half of the ABI interop test compiled by our compiler (see abi.h). */
#include <stdarg.h>
#include "../c/test.h"
#include "abi.h"
static long ours(long a, double d, struct pair p, struct large l) {
    long s = a + (long)(d * 10) + p.a + p.b;
    for (int k = 0; k < 5; k++) s += l.v[k];
    l.v[0] = 1000;
    return s;
}
static long our_variadic(int n, ...) {
    va_list ap; va_start(ap, n);
    long s = 0;
    if (n == 4) { s += va_arg(ap, long); s += (long)(va_arg(ap, double) * 10); s += va_arg(ap, long); s += (long)(va_arg(ap, double) * 10); }
    else for (int i = 0; i < n; i++) s += va_arg(ap, long);
    va_end(ap);
    return s;
}
static struct dd our_f(struct dd a, struct fi b, struct id c) {
    struct dd r = {a.x + a.y + b.f + b.i, c.c + c.d};
    return r;
}
int main(void) {
    ASSERT(385, g_ten(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    ASSERT(1 + 3 + 9 + 16 + 25 + 36 + 49 + 64 + 81 + 100 + 121 + 144, (long)g_floats(1, 1.5f, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
    struct pair p = {1, 2}; struct tri t = {3, 4, 5}; struct large l = {{1, 2, 3, 4, 5}}; struct mixed m = {7, 8};
    ASSERT(1 + 4 + 9 + 16 + 25 + 42 + 56 + 10 + 22 + 36 + 52 + 70, g_structs(p, t, l, m));
    ASSERT(1, l.v[0]);
    struct pair q = g_mkpair(5, -6); ASSERT(5, q.a); ASSERT(-6, q.b);
    struct tri r = g_mktri(7); ASSERT(7, r.x); ASSERT(-7, r.y); ASSERT(21, r.z);
    struct large big = g_mklarge(10); ASSERT(10, big.v[0]); ASSERT(14, big.v[4]);
    ASSERT(1, g_vsum(4, 1.5, 2, 3.25, 4) == 10.75);
    ASSERT(3 + 5 + 3 + 6 + 15 + 1, g_callback(ours, 3));
    ASSERT(1 + 25 + 3 + 45 + 45, g_vcall(our_variadic));
    ASSERT(200 - 3 + 60000 - 2 + 7, g_narrow(200, -3, 60000, -2, 7));
    struct dd a = {1, 2}; struct fi b = {3, 4}; struct ff c = {{5, 6}}; struct id d = {7, 8}; struct d1 e = {{9}};
    ASSERT(1 + 4 + 9 + 16 + 25 + 36 + 49 + 64 + 81, (long)g_fstructs(a, b, c, d, e));
    struct dd rd = g_mkdd(3); ASSERT(1, rd.x == 3 && rd.y == 1.5);
    struct fi rf = g_mkfi(2.5f, -9); ASSERT(1, rf.f == 2.5f && rf.i == -9);
    struct id ri = g_mkid('z', 0.75); ASSERT(1, ri.c == 'z' && ri.d == 0.75);
    ASSERT(1, g_fcallback(our_f) == 11250 + 3.125);
    DONE();
}
