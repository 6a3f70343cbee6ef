/* long long / unsigned long long: overflow wrap, division and remainder signs, shifts, mixed conversions, limits. */
#include <stdio.h>
#include <limits.h>
int main(void) {
    long long a = LLONG_MAX, b = LLONG_MIN;
    unsigned long long u = ULLONG_MAX;
    printf("%lld %lld %llu\n", a, b, u);
    printf("%llu %llu\n", u + 1, (unsigned long long)a + 1);
    printf("%lld %lld %lld %lld\n", -7LL / 2, -7LL % 2, 7LL / -2, 7LL % -2);
    printf("%llu %llu\n", u / 3, u % 1000);
    printf("%lld %lld\n", b / 2, b % 3);
    volatile long long m = -1;
    printf("%llx %llx %lld\n", (unsigned long long)m >> 4, (unsigned long long)(m << 63), m >> 63);
    long long big = 3037000499LL;
    printf("%lld %lld\n", big * big, (big + 1) * (big + 1));
    unsigned long long x = 0x123456789abcdef0ULL;
    printf("%llx %llx %llx\n", x >> 32, x << 28, x * 0x10001);
    int i = -1;
    unsigned int ui = 1;
    printf("%d %d %d\n", (long long)i < (long long)ui, i < (long long)ui, (unsigned long long)i > 1);
    long long p = 1;
    for (int k = 0; k < 62; k++) p *= 2;
    printf("%lld %lld\n", p, p + (p - 1));
    unsigned long long h = 14695981039346656037ULL;
    for (const char *s = "fnv hash"; *s; s++) { h ^= (unsigned char)*s; h *= 1099511628211ULL; }
    printf("%016llx\n", h);
    printf("%lld %llu\n", (long long)(double)a, (unsigned long long)1e19);
    return 0;
}
