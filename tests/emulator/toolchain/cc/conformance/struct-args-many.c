/* Calls with many arguments: more than eight integer and float arguments, mixed orders, small structs, stack arguments. */
#include <stdio.h>
struct pair { int a, b; };
struct fpair { float x; double y; };
static long many_ints(int a, long b, short c, char d, unsigned e, long f, int g, long h, int i, long j) {
    return a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 + j * 10;
}
static double many_floats(double a, float b, double c, float d, double e, double f, double g, double h, double i, float j) {
    return a + b + c + d + e + f + g + h + i * 2 + j * 3;
}
static double mixed(int a, double b, long c, float d, struct pair p, struct fpair q, int e, double f, int g, int h, int i, double k) {
    return a + b + (double)c + d + p.a * 10 + p.b * 100 + q.x + q.y + e + f + g + h + i + k;
}
int main(void) {
    printf("%ld\n", many_ints(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    printf("%.3f\n", many_floats(1.5, 2.5f, 3.5, 4.5f, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5f));
    struct pair p = { 3, 4 };
    struct fpair q = { 0.5f, 0.25 };
    printf("%.3f\n", mixed(1, 2.0, 3, 4.0f, p, q, 5, 6.0, 7, 8, 9, 10.0));
    return 0;
}
