/* Inline asm with "r"/"=r"/"f"/"=f" operands, compound assignment on all types, pre/post
 * increment of pointers and floats, static/global data in .data/.bss/.rodata. */
#include "test.h"
static long zero_init[100];
static const int ro[3] = {4, 5, 6};
static double dtable[2] = {1.5, -2.5};
static const char *names[] = {"alpha", "beta", 0};
int main(void) {
    long a = 20, b = 22, r;
    __asm__ volatile("add %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
    ASSERT(42, r);
    double x = 2.0, y;
    __asm__("fmul.d %0, %1, %1" : "=f"(y) : "f"(x));
    ASSERT(1, y == 4.0);
    long acc = 5;
    __asm__("addi %0, %0, %1" : "+r"(acc) : "i"(37));
    ASSERT(42, acc);
    __asm__("slli %[v], %[v], 1" : [v] "+r"(acc));
    ASSERT(84, acc);
    int i = 10; i += 5; i -= 3; i *= 2; i /= 4; i %= 4; i <<= 3; i >>= 1; i |= 1; i &= 7; i ^= 2;
    ASSERT(3, i);
    unsigned char c = 250; c += 10; ASSERT(4, c);
    double d = 1.0; d *= 3; d /= 2; d -= 0.5; ASSERT(1, d == 1.0);
    int arr[4] = {1, 2, 3, 4}; int *p = arr; p++; p += 2; ASSERT(4, *p); ASSERT(4, *p--); ASSERT(3, *p); ASSERT(2, *--p);
    ASSERT(0, zero_init[99]); zero_init[5] = 3; ASSERT(3, zero_init[5]);
    ASSERT(15, ro[0] + ro[1] + ro[2]); ASSERT(1, dtable[0] + dtable[1] == -1.0);
    ASSERT('b', names[1][0]); ASSERT(0, (long)names[2]);
    float f = 1.5f; f++; ASSERT(1, f == 2.5f);
    long long q = 5; q--; --q; ASSERT(3, q);
    DONE();
}
