/* Nested and mixed calls: calls inside arguments, more than 8 float and integer arguments (stack),
 * struct results used as arguments, function pointers in structs, large frames (offsets > 2 KiB),
 * recursion returning structs, and calls inside conditions and compound assignments. */
#include "test.h"
struct vec { double x, y; };
struct ops { int (*f)(int); const char *name; };
static int twice(int x) { return 2 * x; }
static int inc(int x) { return x + 1; }
static struct vec vadd(struct vec a, struct vec b) { struct vec r = {a.x + b.x, a.y + b.y}; return r; }
static struct vec vscale(struct vec a, double k) { struct vec r = {a.x * k, a.y * k}; return r; }
static struct vec vpow(struct vec a, int n) { return n == 0 ? a : vadd(a, vpow(a, n - 1)); }
static double mix(int a, double b, int c, double d, int e, double f, int g, double h, int i, double j,
                  int k, double l, int m, double n, int o, double p, int q, double r, int s, double t) {
    return a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p + q + r + s + t;
}
static long deep(long a, long b, long c) { return a * 100 + b * 10 + c; }
int main(void) {
    char pad[3000];
    pad[0] = 1; pad[2999] = 2;
    int local_after_pad = 5;
    struct ops table[2] = {{twice, "twice"}, {inc, "inc"}};
    ASSERT(10, table[0].f(5)); ASSERT(6, table[1].f(5)); ASSERT('i', table[1].name[0]);
    ASSERT(15, twice(inc(twice(3))) + 1 - inc(-1));
    ASSERT(123, deep(inc(0), twice(1), deep(0, 0, 3)));
    struct vec a = {1, 2}, b = {3, 4};
    struct vec c = vadd(vscale(a, 2), vadd(b, a));
    ASSERT(1, c.x == 6 && c.y == 10);
    struct vec d = vpow(a, 3); ASSERT(1, d.x == 4 && d.y == 8);
    ASSERT(210, (long)mix(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20));
    int acc = 1; acc += twice(acc) + inc(acc); ASSERT(5, acc);
    if (twice(local_after_pad) == 10 && inc(pad[0]) == 2) acc = 0;
    ASSERT(0, acc); ASSERT(3, pad[0] + pad[2999]);
    int n = 0; for (int i = 0; twice(i) < 20; i = inc(i)) n += i; ASSERT(45, n);
    printf("%s %s %.1f %.1f\n", table[0].name, table[1].name, c.x, d.y);
    DONE();
}
