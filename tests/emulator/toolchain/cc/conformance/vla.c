/* Variable length arrays: run-time sizeof, use in loops without leaking stack (break/continue too), VLA parameters,
 * VLAs of structs and doubles, nested blocks, several VLAs in one block, alongside calls with stack temporaries. */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
struct pt { int x, y; };
static long sum(int n, const long a[n]) { long s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
static uintptr_t stack_pointer(void) { char c; uintptr_t p = (uintptr_t)&c; return p; }
static int fill(int n) {
    int v[n];
    for (int i = 0; i < n; i++) v[i] = i * i;
    int s = 0;
    for (int i = 0; i < n; i++) s += v[i];
    return s + (int)(sizeof v / sizeof v[0]);
}
int main(void) {
    int n = 10;
    long a[n];
    printf("%zu %zu\n", sizeof a, sizeof a / sizeof a[0]);
    for (int i = 0; i < n; i++) a[i] = i + 1;
    printf("%ld\n", sum(n, a));
    uintptr_t before = stack_pointer();
    long total = 0;
    for (int k = 1; k <= 1000; k++) {
        char buf[k * 16];
        memset(buf, k & 0x7f, sizeof buf);
        total += buf[k * 16 - 1];
        if (k % 3 == 0) continue;
        double d[k % 7 + 1];
        d[0] = 1.5;
        total += (long)(d[0] * 2);
        if (k == 999) break;
    }
    uintptr_t after = stack_pointer();
    printf("total %ld same stack %d\n", total, after == before);
    for (int m = 1; m < 5; m++) {
        struct pt ps[m];
        for (int i = 0; i < m; i++) ps[i] = (struct pt){ i, m };
        int x = 0, y[m + 1];
        for (int i = 0; i < m; i++) x += ps[i].x * ps[i].y;
        y[m] = x;
        printf("%d:%d:%zu ", m, y[m], sizeof ps + sizeof y);
    }
    printf("\n");
    printf("%d %d %d\n", fill(1), fill(5), fill(100));
    int rows = 3;
    {
        int first[rows], second[rows * 2];
        for (int i = 0; i < rows; i++) { first[i] = i; second[i * 2] = i * 10; second[i * 2 + 1] = -i; }
        printf("%d %d %zu %zu\n", first[2], second[5], sizeof first, sizeof second);
    }
    after = stack_pointer();
    printf("back %d\n", after == before);
    return 0;
}
