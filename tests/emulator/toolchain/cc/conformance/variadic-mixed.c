/* Variadic functions with mixed int/long/double/pointer arguments, va_copy, more than eight arguments, vsnprintf. */
#include <stdio.h>
#include <stdarg.h>
static double mix(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    double total = 0;
    for (const char *f = fmt; *f; f++) {
        switch (*f) {
        case 'i': total += va_arg(ap, int); break;
        case 'l': total += (double)va_arg(ap, long); break;
        case 'd': total += va_arg(ap, double); break;
        case 's': total += (double)(*va_arg(ap, const char *) - '0'); break;
        case 'c': total += va_arg(ap, int) - 'a'; break;
        }
    }
    va_end(ap);
    return total;
}
static int count_twice(int n, ...) {
    va_list ap, copy;
    va_start(ap, n);
    va_copy(copy, ap);
    int a = 0, b = 0;
    for (int i = 0; i < n; i++) a += va_arg(ap, int);
    for (int i = 0; i < n; i++) b += va_arg(copy, int) * 2;
    va_end(copy);
    va_end(ap);
    return a * 1000 + b;
}
static void say(char *buf, size_t n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, n, fmt, ap);
    va_end(ap);
}
int main(void) {
    printf("%.3f\n", mix("idlids", 1, 2.5, 3L, 4, 0.125, "7"));
    printf("%.3f\n", mix("ddddddddddi", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11));
    printf("%.3f\n", mix("cicicici", 'b', 1, 'c', 2, 'd', 3, 'e', 4));
    printf("%d\n", count_twice(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    char buf[64];
    say(buf, sizeof buf, "%s-%d-%.2f-%c-%ld-%x", "v", -3, 1.005, 'z', 1L << 40, 255u);
    printf("%s\n", buf);
    float f = 1.5f;
    short s = -2;
    printf("%.1f %d %s\n", f, s, "done");
    return 0;
}
