/* long double in the ways rvos cc supports (objects, not values): size and alignment (128-bit quad on lp64d),
 * static initialization (exact IEEE quad bits), addresses, memcpy copies, pointer arithmetic, struct layout.
 * Loads/stores of long double values, arithmetic, conversions and long double arguments are diagnosed. */
#include <stdio.h>
#include <string.h>
struct holder { char c; long double v; };
static long double gv = 1.5L;
static long double garr[4] = { 0.0L, 1.0L, 2.5L, 0x1p-1074 };
static struct holder gh = { 'x', 0.375L };
int main(void) {
    long double local;
    memcpy(&local, &gv, sizeof local);
    printf("%zu %zu %zu %zu\n", sizeof(long double), _Alignof(long double), sizeof(struct holder), sizeof garr);
    printf("%d\n", memcmp(&local, &gv, sizeof local) == 0);
    unsigned char bytes[16];
    memcpy(bytes, &gv, 16);
    printf("%02x %02x %02x\n", bytes[15], bytes[14], bytes[13]);
    memcpy(bytes, &garr[2], 16);
    printf("%02x %02x\n", bytes[15], bytes[14]);
    memcpy(bytes, &gh.v, 16);
    for (int i = 15; i >= 0; i--) printf("%02x", bytes[i]);
    printf("\n");
    long double *p = &garr[1];
    p++;
    memcpy(bytes, &garr[3], 16);
    for (int i = 15; i >= 0; i--) printf("%02x", bytes[i]);
    printf("\n");
    printf("%d %d\n", (int)(p - garr), (int)((char *)p - (char *)garr));
    return 0;
}
