/* float and double arithmetic, comparisons, conversions (int<->float with truncation toward zero,
 * unsigned, float<->double), printf of doubles, float/double arguments and returns. */
#include "test.h"
static double half(double x) { return x / 2; }
static float fmix(float a, double b, int c, float d) { return a + (float)b + c + d; }
static double many(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j) {
    return a + b + c + d + e + f + g + h + i * 100 + j * 1000;
}
int main(void) {
    double d = 3.75;
    float f = 2.5f;
    ASSERT(3, (int)d); ASSERT(-3, (int)-d); ASSERT(6, (int)(d + f)); ASSERT(9, (int)(d * 2.4));
    ASSERT(1, d > f); ASSERT(0, d < f); ASSERT(1, d != f); ASSERT(1, f == 2.5); ASSERT(1, d >= 3.75); ASSERT(1, f <= 2.5f);
    ASSERT(1, half(5.0) == 2.5); ASSERT(12, (int)fmix(1.5f, 2.5, 3, 5.0f));
    ASSERT(56, (int)(many(1, 2, 3, 4, 5, 6, 7, 8, 0.1, 0.01) + 0.5));
    unsigned long big = 18446744073709551615UL; double bd = (double)big; ASSERT(1, bd > 1.8e19);
    ASSERT(4000000000L, (long)(unsigned)4000000000.0); ASSERT(-7, (long)-7.9);
    float g = 1e10f; double gd = g; ASSERT(1, gd == 1e10);
    int i = 7; double di = i; ASSERT(1, di == 7.0); ASSERT(1, (float)i / 2 == 3.5f);
    d += 1; ASSERT(1, d == 4.75); d++; ASSERT(1, d == 5.75); f *= 2; ASSERT(5, (int)f);
    ASSERT(1, !0.0); ASSERT(0, !0.5); ASSERT(1, 0.5 && 1); ASSERT(1, -d < 0);
    char out[64]; snprintf(out, sizeof out, "%.2f %g %e", 3.14159, 0.5, 12345.678);
    printf("%s\n", out);
    ASSERT(1, out[0] == '3' && out[3] == '4');
    DONE();
}
