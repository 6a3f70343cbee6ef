/* Old-style declarations: functions declared without prototypes, implicit int-returning calls through them, register and auto. */
#include <stdio.h>
int twice();
long add3();
static double half();
int twice(int x) { return 2 * x; }
long add3(long a, long b, long c) { return a + b + c; }
static double half(double d) { return d / 2; }
int main(void) {
    register int r = 5;
    auto int a = 7;
    int (*fp)() = twice;
    printf("%d %ld %.2f %d\n", twice(r), add3(1L, 2L, (long)a), half(5.0), fp(21));
    unsigned u;
    u = 3;
    signed s = -1;
    short int si = 2;
    long int li = 4;
    unsigned long long int ulli = 5;
    printf("%u %d %d %ld %llu\n", u, s, si, li, ulli);
    return 0;
}
