/* Loops and control flow: nested break/continue, do-while with continue, for without clauses, early returns, sieve. */
#include <stdio.h>
#include <string.h>
static int first_dup(const int *a, int n) {
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (a[i] == a[j]) return a[i];
    return -1;
}
int main(void) {
    char sieve[200];
    memset(sieve, 1, sizeof sieve);
    int count = 0, last = 0;
    for (int i = 2; i < 200; i++) {
        if (!sieve[i]) continue;
        count++;
        last = i;
        for (int j = i * i; j < 200; j += i) sieve[j] = 0;
    }
    printf("primes %d last %d\n", count, last);
    int i = 0, odd = 0;
    do { i++; if (i % 2 == 0) continue; odd += i; } while (i < 15);
    printf("odd %d\n", odd);
    int n = 0;
    for (;;) { if (++n > 100) break; }
    printf("n %d\n", n);
    int outer = 0, inner = 0;
    for (int a = 0; a < 10; a++) {
        if (a == 7) break;
        outer++;
        for (int b = 0; b < 10; b++) { if (b > a) break; if (b % 2) continue; inner++; }
    }
    printf("%d %d\n", outer, inner);
    int data[] = { 5, 3, 9, 1, 3, 7 };
    printf("dup %d\n", first_dup(data, 6));
    unsigned k = 10;
    while (k--) if (k == 3) break;
    printf("k %u\n", k);
    long collatz = 27, steps = 0;
    while (collatz != 1) { collatz = collatz % 2 ? 3 * collatz + 1 : collatz / 2; steps++; }
    printf("collatz %ld\n", steps);
    return 0;
}
