/* Union type punning: float/double bits, byte order, overlapping members, union in struct. */
#include <stdio.h>
#include <stdint.h>
union fbits { float f; uint32_t u; unsigned char b[4]; };
union dbits { double d; uint64_t u; int32_t half[2]; };
struct tagged { int kind; union { long l; double d; char s[8]; } v; };
int main(void) {
    union fbits f = { .f = 1.0f };
    printf("%08x %02x %02x\n", (unsigned)f.u, f.b[0], f.b[3]);
    f.u = 0xc0490fdbu;
    printf("%.6f\n", (double)f.f);
    union dbits d = { .d = -0.0 };
    printf("%016llx %d %d\n", (unsigned long long)d.u, d.half[0], d.half[1] < 0);
    d.u = 0x7ff0000000000000ULL;
    printf("%f %d\n", d.d, d.d > 1e308);
    struct tagged t[3] = { { 0, { .l = -5 } }, { 1, { .d = 2.5 } }, { 2, { .s = "union" } } };
    for (int i = 0; i < 3; i++) {
        if (t[i].kind == 0) printf("long %ld\n", t[i].v.l);
        else if (t[i].kind == 1) printf("double %.1f\n", t[i].v.d);
        else printf("str %s\n", t[i].v.s);
    }
    printf("%zu %zu\n", sizeof(union fbits), sizeof t[0]);
    return 0;
}
