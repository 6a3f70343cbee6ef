/* Hexadecimal floating constants: exact values, subnormals, float suffix, printing with %a-free checks. */
#include <stdio.h>
int main(void) {
    double a = 0x1p0, b = 0x1.8p1, c = 0x.8p-1, d = 0x1p-1074, e = 0x1.fffffffffffffp1023, f = 0xAp-2;
    float g = 0x1.fffffep127f, h = 0x1p-149f;
    printf("%g %g %g %g\n", a, b, c, f);
    printf("%.17g %.17g\n", d, e);
    printf("%.9g %.9g\n", (double)g, (double)h);
    printf("%d %d\n", d > 0, d / 2 == 0);
    printf("%.17g\n", 0x1.999999999999ap-4);
    printf("%d\n", 0x1.999999999999ap-4 == 0.1);
    printf("%.3f\n", 0x10.8p0 + 0X1P+2);
    return 0;
}
