/* Shifts and bit manipulation: arithmetic vs logical right shift, shifts by variable amounts, popcount, rotates, masks. */
#include <stdio.h>
#include <stdint.h>
static unsigned popcount(uint64_t x) { unsigned n = 0; while (x) { x &= x - 1; n++; } return n; }
static uint32_t rotl32(uint32_t x, unsigned r) { return (x << (r & 31)) | (x >> ((32 - r) & 31)); }
static uint64_t reverse64(uint64_t x) { uint64_t r = 0; for (int i = 0; i < 64; i++) { r = (r << 1) | (x & 1); x >>= 1; } return r; }
int main(void) {
    int neg = -100;
    unsigned uneg = (unsigned)-100;
    printf("%d %u %d\n", neg >> 2, uneg >> 2, neg << 3);
    long long l = -1;
    for (int s = 0; s < 64; s += 21) printf("%lld %llu ", l >> s, (unsigned long long)l >> s);
    printf("\n");
    printf("%u %u %u\n", popcount(0), popcount(0xffffffffffffffffULL), popcount(0x8040201008040201ULL));
    printf("%08x %08x\n", rotl32(0x12345678u, 8), rotl32(0x80000001u, 1));
    printf("%016llx\n", (unsigned long long)reverse64(0x1ULL));
    uint8_t b = 0xb5;
    printf("%02x %02x %02x\n", (uint8_t)(b << 4), b >> 4, (uint8_t)~b);
    int16_t h = -32768;
    printf("%d %d\n", h >> 15, (int16_t)(h << 1));
    uint32_t mask = 0;
    for (int bit = 3; bit < 30; bit += 5) mask |= 1u << bit;
    printf("%08x %d\n", mask, (mask & (1u << 13)) != 0);
    int amount = 40;
    printf("%llx\n", 1ULL << amount);
    printf("%d\n", (int)((0x80000000u >> 31) + (0x7fffffff >> 30)));
    return 0;
}
