/* printf conversions and flags as conformance suites use them: widths, precision, padding, signs, bases, strings. */
#include <stdio.h>
#include <stddef.h>
int main(void) {
    printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d]\n", 42, 42, 42, 42, 42, 42);
    printf("[%i] [%u] [%x] [%X] [%o] [%#x] [%#o]\n", -7, 3000000000u, 255, 255, 8, 255, 8);
    printf("[%ld] [%lu] [%lld] [%llx] [%hd] [%hhu]\n", -1L, 18446744073709551615UL, -9223372036854775807LL - 1, 0xdeadbeefcafeULL, (short)-2, (unsigned char)300);
    printf("[%c] [%3c] [%-3c] [%s] [%8s] [%-8s] [%.3s]\n", 'x', 'y', 'z', "str", "right", "left", "truncate");
    printf("[%f] [%.2f] [%10.3f] [%-10.1f] [%+.0f] [%e] [%.3E]\n", 3.14159, 2.675, -1.5, 9.99, 2.5, 12345.678, 0.000123);
    printf("[%g] [%g] [%g] [%.3g] [%G]\n", 100000.0, 1000000.0, 0.0001, 3.14159, 1e-10);
    printf("[%*d] [%-*d] [%.*f] [%%]\n", 6, 7, 6, 7, 2, 1.0 / 3);
    printf("[%zu] [%td] [%.0e] [%#.0f]\n", sizeof(int), (ptrdiff_t)-3, 5e10, 3.0);
    printf("[%5.2s] [%.0d] [%.3d] [%08.3f]\n", "abc", 0, 7, -3.14159);
    char buf[16];
    int n = snprintf(buf, sizeof buf, "%s-%d", "truncated output", 12345);
    printf("%d [%s]\n", n, buf);
    return 0;
}
