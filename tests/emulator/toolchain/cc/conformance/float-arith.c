/* Floating point: float vs double precision, NaN comparisons, signed zero, infinities, fused-free rounding, math.h. */
#include <stdio.h>
#include <math.h>
int main(void) {
    float f = 0.1f;
    double d = 0.1;
    printf("%.10f %.17f %d\n", (double)f, d, f == d);
    float acc = 0;
    for (int i = 0; i < 10; i++) acc += 0.1f;
    printf("%.9g %d\n", (double)acc, acc == 1.0f);
    double nan = 0.0 / 0.0, inf = 1.0 / 0.0, nz = -0.0;
    printf("%d %d %d %d\n", nan == nan, nan != nan, nan < 1, isnan(nan) != 0);
    printf("%f %f %d %d\n", inf, -inf, inf > 1e308, isinf(-inf) != 0);
    printf("%d %.1f %.1f\n", nz == 0.0, 1 / nz < 0 ? -1.0 : 1.0, copysign(3.0, nz));
    printf("%.6f %.6f %.6f %.6f\n", sqrt(2.0), floor(-2.5), ceil(-2.5), fabs(-7.25));
    printf("%.6f %.6f %.6f\n", fmod(10.5, 3.0), pow(2.0, 10.5), exp(1.0));
    printf("%.6f %.6f\n", sin(1.0), atan2(1.0, -1.0));
    float big = 16777216.0f;
    printf("%.1f %.1f\n", (double)(big + 1.0f), big + 1.0);
    double third = 1.0 / 3.0;
    printf("%.17g %d\n", third * 3.0, third * 3.0 == 1.0);
    printf("%d %d\n", (float)1e40 > 1e38f, -(float)1e-50 == 0.0f);
    return 0;
}
