/* GNU extensions common in torture tests: statement expressions, __typeof__, __builtin_expect, __builtin_constant_p, ranges. */
#include <stdio.h>
#define MAX(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
#define SWAP(x, y) do { __typeof__(x) _t = (x); (x) = (y); (y) = _t; } while (0)
static int calls;
static int next(void) { return ++calls; }
int main(void) {
    int m = MAX(next(), 0);
    printf("%d %d\n", m, calls);
    double d = MAX(2.5, 1);
    printf("%.1f\n", d);
    long a = 1, b = 2;
    SWAP(a, b);
    printf("%ld %ld\n", a, b);
    int r = ({ int t = 0; for (int i = 1; i <= 10; i++) t += i; t; });
    printf("%d\n", r);
    if (__builtin_expect(r == 55, 1)) printf("expected\n");
    printf("%d\n", __builtin_constant_p(3 * 4));
    __typeof__(int[3]) arr = { 7, 8, 9 };
    __typeof__(arr[0]) last = arr[2];
    printf("%d %zu\n", last, sizeof arr);
    return 0;
}
