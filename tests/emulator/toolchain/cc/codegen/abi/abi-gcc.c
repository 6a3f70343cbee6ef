/* abi-gcc.c: the gcc-compiled half of the ABI interop test (see abi.h). */
#include <stdarg.h>
#include "abi.h"
long g_ten(long a, long b, long c, long d, long e, long f, long g, long h, long i, long j) {
    return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j;
}
double g_floats(double a, float b, int c, double d, double e, double f, double g, double h, double i, double j, double k, int l) {
    return a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 + j * 10 + k * 11 + l * 12;
}
long g_structs(struct pair p, struct tri t, struct large l, struct mixed m) {
    long s = p.a + 2 * p.b + 3 * t.x + 4 * t.y + 5 * t.z + m.c * 6 + m.i * 7;
    for (int k = 0; k < 5; k++) s += l.v[k] * (k + 10);
    l.v[0] = 99999; /* the callee owns the copy */
    return s;
}
struct pair g_mkpair(long a, long b) { struct pair p = {a, b}; return p; }
struct tri g_mktri(int x) { struct tri t = {x, -x, x * 3}; return t; }
struct large g_mklarge(long x) { struct large l = {{x, x + 1, x + 2, x + 3, x + 4}}; return l; }
double g_vsum(int n, ...) {
    va_list ap; va_start(ap, n);
    double s = 0;
    for (int i = 0; i < n; i++) s += (i % 2) ? va_arg(ap, int) : va_arg(ap, double);
    va_end(ap);
    return s;
}
long g_callback(long (*f)(long, double, struct pair, struct large), long x) {
    struct pair p = {x, 2 * x};
    struct large l = {{1, 2, 3, 4, 5}};
    return f(x, 0.5, p, l) + l.v[0];
}
long g_vcall(long (*f)(int, ...)) { return f(4, 1L, 2.5, 3L, 4.5) + f(9, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L); }
unsigned g_narrow(unsigned char a, signed char b, unsigned short c, short d, unsigned e) { return a + b + c + d + e; }
double g_fstructs(struct dd a, struct fi b, struct ff c, struct id d, struct d1 e) {
    return a.x + 2 * a.y + 3 * b.f + 4 * b.i + 5 * c.a[0] + 6 * c.a[1] + 7 * d.c + 8 * d.d + 9 * e.in.v;
}
struct dd g_mkdd(double x) { struct dd r = {x, x / 2}; return r; }
struct fi g_mkfi(float f, int i) { struct fi r = {f, i}; return r; }
struct id g_mkid(char c, double d) { struct id r = {c, d}; return r; }
double g_fcallback(struct dd (*f)(struct dd, struct fi, struct id)) {
    struct dd a = {1.5, 2.5}; struct fi b = {0.25f, 7}; struct id c = {3, 0.125};
    struct dd r = f(a, b, c);
    return r.x * 1000 + r.y;
}
