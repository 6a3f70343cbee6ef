/* GNU inline asm with operands: outputs, inputs, "+r", "i" immediates, memory operands and clobbers, more than four operands. */
#include <stdio.h>
static long add5(long a, long b, long c, long d, long e) {
    long r;
    __asm__("add %0, %1, %2\n\tadd %0, %0, %3\n\tadd %0, %0, %4\n\tadd %0, %0, %5" : "=&r"(r) : "r"(a), "r"(b), "r"(c), "r"(d), "r"(e));
    return r;
}
static void swap_pair(long *x, long *y) {
    __asm__ volatile("ld t0, %0\n\tld t1, %1\n\tsd t1, %0\n\tsd t0, %1" : "+m"(*x), "+m"(*y) : : "t0", "t1", "memory");
}
int main(void) {
    long v = 10;
    __asm__("addi %0, %0, %1" : "+r"(v) : "i"(32));
    printf("%ld\n", v);
    printf("%ld\n", add5(1, 20, 300, 4000, 50000));
    long x = 1, y = 2;
    swap_pair(&x, &y);
    printf("%ld %ld\n", x, y);
    unsigned long hi, lo;
    unsigned long p = 0xffffffffffffffffUL, q = 3;
    __asm__("mulhu %0, %2, %3\n\tmul %1, %2, %3" : "=&r"(hi), "=&r"(lo) : "r"(p), "r"(q));
    printf("%lu %lu\n", hi, lo);
    double d = 2.0, s;
    __asm__("fsqrt.d %0, %1" : "=f"(s) : "f"(d));
    printf("%.6f\n", s);
    int out1, out2, out3;
    __asm__("li %0, 1\n\tli %1, 2\n\tli %2, 3" : "=r"(out1), "=r"(out2), "=r"(out3));
    printf("%d %d %d\n", out1, out2, out3);
    return 0;
}
