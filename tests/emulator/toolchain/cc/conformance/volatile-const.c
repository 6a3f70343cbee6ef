/* Qualifiers: const objects and pointers, volatile accesses kept, const-qualified struct members, restrict parameters. */
#include <stdio.h>
struct config { const int id; const char *const name; int value; };
static void add_arrays(int *restrict out, const int *restrict a, const int *restrict b, int n) { for (int i = 0; i < n; i++) out[i] = a[i] + b[i]; }
int main(void) {
    const int c = 10;
    const int *pc = &c;
    int x = 5;
    int *const cp = &x;
    *cp = 6;
    volatile int v = 0;
    for (int i = 0; i < 100; i++) v++;
    printf("%d %d %d\n", *pc, x, v);
    struct config cfg = { 1, "cfg", 3 };
    cfg.value++;
    printf("%d %s %d\n", cfg.id, cfg.name, cfg.value);
    int a[4] = { 1, 2, 3, 4 }, b[4] = { 10, 20, 30, 40 }, out[4];
    add_arrays(out, a, b, 4);
    printf("%d %d %d %d\n", out[0], out[1], out[2], out[3]);
    const char *const words[] = { "const", "volatile" };
    printf("%s %s\n", words[0], words[1]);
    volatile unsigned char buf[4] = { 1, 2, 3, 4 };
    unsigned s = 0;
    for (int i = 0; i < 4; i++) s = s * 10 + buf[i];
    printf("%u\n", s);
    return 0;
}
