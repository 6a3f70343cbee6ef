/* csmith seed 400026 (--no-argc): `if (l_52 > g_258.f1)` with int l_52 = -1 and
 * `unsigned f1 : 4` compared as unsigned int; a bit-field narrower than int
 * promotes to int (6.3.1.1p2; GCC does the same for long and char bit-fields). */
#include <stdio.h>

struct S0 { volatile unsigned f0 : 27; unsigned f1 : 4; volatile unsigned f2 : 22; const unsigned f3 : 10; };
struct W { unsigned long a : 32; long b : 32; unsigned long c : 33; unsigned char d : 8; _Bool e : 1; unsigned short f : 16; unsigned g : 31; int h : 32; unsigned i : 32; };

static struct S0 g_258 = {9437, 0, 317, 8};
static struct W w = {1, 2, 3, 4, 1, 5, 6, 7, 8};

int main(void) {
    int l_52 = -1;
    unsigned u = 3;
    if (l_52 > g_258.f1) printf("unsigned compare\n");
    else printf("int compare\n");
    printf("%d %d %d %d %d %d %d %d %d\n", l_52 > w.a, l_52 > w.b, l_52 > w.c, l_52 > w.d, l_52 > w.e, l_52 > w.f, l_52 > w.g, l_52 > w.h, l_52 > w.i);
    printf("%d %d %d\n", (int)sizeof(w.a + 0), (int)sizeof(w.c + 0), (int)sizeof(w.g + 0));
    printf("%d %d\n", (g_258.f3 - 9) < 0, (g_258.f1 - u) < 0);
    g_258.f1 = 3;
    g_258.f1 /= -1;
    w.e = 2;
    w.d = 300;
    printf("%u %d %d %d\n", g_258.f1, w.e, w.d, (w.e = 4));
    switch (g_258.f0 - 10000) {
    case -563: printf("switch int\n"); break;
    default: printf("switch other\n"); break;
    }
    return 0;
}
