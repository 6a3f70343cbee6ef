/* Static locals: persistence across calls, initialization once, static arrays and pointers to them, shadowing. */
#include <stdio.h>
static int counter(void) { static int n; return ++n; }
static int *cell(void) { static int box = 40; return &box; }
static const char *name(int i) { static const char *table[] = { "zero", "one", "two" }; return table[i]; }
static int fib_memo(int n) {
    static long memo[64];
    if (n < 2) return n;
    if (memo[n]) return (int)memo[n];
    return (int)(memo[n] = fib_memo(n - 1) + fib_memo(n - 2));
}
static int shadow(void) {
    static int x = 1;
    { static int x = 100; x++; if (x > 102) return x; }
    return x++;
}
int main(void) {
    for (int i = 0; i < 4; i++) counter();
    printf("%d\n", counter());
    *cell() += 2;
    printf("%d\n", *cell());
    printf("%s %s\n", name(2), name(0));
    printf("%d\n", fib_memo(40));
    int a = shadow(), b = shadow(), c = shadow();
    printf("%d %d %d\n", a, b, c);
    return 0;
}
