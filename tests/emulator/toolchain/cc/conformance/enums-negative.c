/* Enumerations: negative and large values, implicit increments, enum as array index and switch, sizeof. */
#include <stdio.h>
enum color { RED = -3, GREEN, BLUE, ALPHA = 10, BETA, MINUS = -2147483647 - 1, MAXI = 2147483647 };
enum small { A, B, C, COUNT };
enum big { HUGE = 0x7fffffffffffffffL, NEG = -5 };
static const char *names[COUNT] = { [A] = "A", [B] = "B", [C] = "C" };
int main(void) {
    printf("%d %d %d %d %d\n", RED, GREEN, BLUE, ALPHA, BETA);
    printf("%d %d\n", MINUS, MAXI);
    enum color c = BLUE;
    c++;
    printf("%d %d\n", c, c < 0);
    for (enum small s = A; s < COUNT; s++) printf("%s", names[s]);
    printf("\n%zu %zu\n", sizeof(enum color), sizeof(enum small));
    printf("%ld %d %d\n", (long)HUGE, NEG < 0, (int)sizeof(enum big));
    switch (c) { case RED: printf("red\n"); break; case GREEN: printf("green\n"); break; default: printf("other %d\n", c); }
    enum { LOCAL = GREEN * 10 } l = LOCAL;
    printf("%d\n", l);
    return 0;
}
