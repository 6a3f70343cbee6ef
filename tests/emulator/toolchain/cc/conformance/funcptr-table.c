/* Tables of function pointers, pointers to functions returning pointers to functions, callbacks. */
#include <stdio.h>
typedef int (*binop)(int, int);
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int divi(int a, int b) { return b ? a / b : 0; }
static const struct { char sym; binop fn; } ops[] = { { '+', add }, { '-', sub }, { '*', mul }, { '/', divi } };
static binop pick(char c) { for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++) if (ops[i].sym == c) return ops[i].fn; return 0; }
static int (*(*getter(void))(char))(int, int) { return pick; }
static void apply(int *a, int n, int (*f)(int)) { for (int i = 0; i < n; i++) a[i] = f(a[i]); }
static int square(int x) { return x * x; }
static int neg(int x) { return -x; }
int main(void) {
    for (unsigned i = 0; i < 4; i++) printf("%c %d\n", ops[i].sym, ops[i].fn(12, 4));
    printf("%d %d\n", pick('*')(6, 7), getter()('-')(10, 3));
    int a[4] = { 1, 2, 3, 4 };
    int (*fs[])(int) = { square, neg, square };
    for (int k = 0; k < 3; k++) apply(a, 4, fs[k]);
    printf("%d %d %d %d\n", a[0], a[1], a[2], a[3]);
    binop f = &add;
    printf("%d %d\n", (*f)(1, 2), (**f)(3, 4));
    return pick('%') == 0 ? 0 : 1;
}
