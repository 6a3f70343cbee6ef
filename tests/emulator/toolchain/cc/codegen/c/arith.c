/* Integer arithmetic, truncation, sign/zero extension, shifts, division and comparisons. */
#include "test.h"
int main(void) {
    int a = 7, b = -3;
    unsigned u = 0xffffffffu;
    long l = -1L;
    unsigned long ul = 1UL << 63;
    signed char sc = -5;
    unsigned char uc = 250;
    short s = -30000;
    unsigned short us = 65535;
    char c = 200;
    ASSERT(4, a + b); ASSERT(10, a - b); ASSERT(-21, a * b); ASSERT(-2, a / b); ASSERT(1, a % b);
    ASSERT(-2, -7 / 3); ASSERT(-1, -7 % 3);
    ASSERT(0, u + 1); ASSERT(1, u > 0); ASSERT(4294967295L, (long)u); ASSERT(-1, (int)u);
    ASSERT(1, l < 0); ASSERT(0, ul < 5); ASSERT(1, (long)(ul >> 63));
    ASSERT(-5, sc); ASSERT(250, uc); ASSERT(-30000, s); ASSERT(65535, us); ASSERT(200, c);
    ASSERT(-6, (signed char)(sc - 1)); ASSERT(4, (unsigned char)(uc + 10)); ASSERT(0, (unsigned short)(us + 1));
    ASSERT(1, (char)-1 > 0); ASSERT(-1, (signed char)255);
    ASSERT(2147483647, u >> 1); ASSERT(-1, b >> 5); ASSERT(134217727, (unsigned)-1 >> 5);
    ASSERT(-2147483648L, (int)(1u << 31)); ASSERT(4294967296L, 1L << 32);
    ASSERT(2147483647u / 3u, 2147483647u / 3u); ASSERT(1431655765, u / 3u); ASSERT(0, u % 3u);
    ASSERT(1, -1 < 0); ASSERT(0, -1 < 0u); ASSERT(1, 5 >= 5); ASSERT(0, 5 > 5); ASSERT(1, 4 <= 5); ASSERT(1, 4 != 5);
    ASSERT(-8, ~7); ASSERT(6, 7 & 14); ASSERT(15, 7 | 8); ASSERT(9, 3 ^ 10); ASSERT(1, !0); ASSERT(0, !5);
    ASSERT(-2147483648L, (int)0x80000000u); ASSERT(0x7fffffff + 1L, 2147483648L);
    int big = 2147483647; big++; ASSERT(-2147483648L, big);
    long long ll = 1LL << 40; ASSERT(1099511627776LL, ll); ASSERT(1, (ll * 3) / (ll) == 3);
    unsigned char w = 255; w++; ASSERT(0, w);
    ASSERT(1, (_Bool)5); ASSERT(0, (_Bool)0); _Bool bo = 256; ASSERT(1, bo);
    DONE();
}
