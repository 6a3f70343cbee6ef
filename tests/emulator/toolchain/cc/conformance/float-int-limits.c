/* Float <-> integer conversions at the limits: truncation toward zero, large values, unsigned, rounding of long to float. */
#include <stdio.h>
#include <limits.h>
#include <float.h>
int main(void) {
    double ds[] = { 2.9, -2.9, 0.5, -0.5, 2147483647.0, -2147483648.0, 4294967295.0, 1e18, -1e18, 9.2e18 };
    for (unsigned i = 0; i < sizeof ds / sizeof ds[0]; i++) {
        double d = ds[i];
        if (d >= INT_MIN && d <= INT_MAX) printf("%d ", (int)d);
        if (d >= 0 && d <= UINT_MAX) printf("u%u ", (unsigned)d);
        printf("l%ld ", (long)d);
        if (d >= 0) printf("ul%lu", (unsigned long)d);
        printf("\n");
    }
    printf("%.1f %.1f\n", (double)LONG_MAX, (double)(unsigned long)ULONG_MAX);
    printf("%.1f %.1f\n", (double)(float)16777217, (double)(float)16777219L);
    printf("%.17g %.9g\n", (double)(long)9007199254740993L, (double)(float)0.1);
    printf("%lu\n", (unsigned long)(double)(1UL << 63));
    printf("%d %d\n", (int)(float)2147483520.0f, (int)-0.999999);
    printf("%.6e %.6e\n", FLT_MAX, (double)FLT_MIN);
    printf("%.10e %.10e\n", DBL_MAX, DBL_MIN);
    printf("%d %d %d\n", FLT_MANT_DIG, DBL_MANT_DIG, DBL_DIG);
    unsigned char uc = (unsigned char)200.7;
    signed char sc = (signed char)-100.9;
    short sh = (short)32767.99;
    printf("%d %d %d\n", uc, sc, sh);
    float f = 3.999999f;
    printf("%d %d\n", (int)f, (int)(f * 10));
    return 0;
}
