/* Comma and conditional operators: sequencing, as lvalue-ish forms via pointers, nested ternaries, void and struct operands. */
#include <stdio.h>
struct p { int a, b; };
static int calls;
static int tick(int v) { calls++; return v; }
int main(void) {
    int x = 1, y = 2, z;
    z = (x++, y++, x + y);
    printf("%d %d %d\n", x, y, z);
    *(x > y ? &x : &y) = 100;
    printf("%d %d\n", x, y);
    int a = 0, b = 0;
    (a < b ? a : b) == 0 ? (void)(a = 5) : (void)(b = 5);
    printf("%d %d\n", a, b);
    struct p s1 = { 1, 2 }, s2 = { 3, 4 };
    struct p s3 = x > 0 ? s1 : s2;
    printf("%d %d %d\n", s3.a, s3.b, (x < 0 ? s1 : s2).b);
    int r = tick(0) ? tick(1) : tick(2) ? tick(3) : tick(4);
    printf("%d calls %d\n", r, calls);
    for (int i = 0, j = 10; i < j; i += 3, j -= 2) printf("(%d,%d)", i, j);
    printf("\n");
    const char *s = x ? "yes" : 0;
    void *v = y ? (void *)s : 0;
    printf("%s %d\n", (char *)v, (x, y, 7));
    long wide = 1 ? 3000000000u : -1;
    double mixed = 0 ? 1 : 2.5;
    printf("%ld %.1f\n", wide, mixed);
    int k = 0;
    k = k ? k : (k = 9, k + 1);
    printf("%d\n", k);
    return 0;
}
