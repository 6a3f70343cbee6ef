/* Integer promotions and usual arithmetic conversions: char/short arithmetic, unsigned vs signed comparisons, ~ on small types. */
#include <stdio.h>
int main(void) {
    unsigned char uc = 255;
    signed char sc = -1;
    unsigned short us = 65535;
    short ss = -32768;
    printf("%d %d %d\n", uc + 1, sc + 1, us + 1);
    printf("%d %d\n", ~uc, (unsigned char)~uc);
    printf("%d %d\n", uc == sc, (unsigned char)sc == uc);
    printf("%d %d\n", -1 < 0u, -1 < (unsigned short)0);
    printf("%d %ld\n", sizeof(uc + uc) == sizeof(int), (long)sizeof(sc << 1));
    printf("%d\n", ss - 1);
    printf("%u %lu\n", (unsigned)-ss, (unsigned long)(unsigned)-1);
    unsigned u = 1;
    long l = -2;
    printf("%ld %d\n", u + l, u + l > 0);
    unsigned int ui = 3;
    int si = -4;
    printf("%u %d\n", ui + si, (int)(ui + si));
    char c = 'a';
    printf("%d %c %zu\n", c * 2, c + 1, sizeof(c + 0));
    unsigned short m = 40000;
    printf("%d\n", m * m > 0);
    printf("%u\n", (unsigned)(m * m));
    _Bool t = 7;
    printf("%d %d\n", t + t, (int)sizeof t);
    int shift = 31;
    printf("%u %d\n", 1u << shift, (short)0x12345);
    long long ll = ui * -1;
    printf("%lld\n", ll);
    return 0;
}
