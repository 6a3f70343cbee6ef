/* sieve-sort.c: integer CPU benchmark for rvos cc -O0 vs -O1: a sieve of Eratosthenes, a
 * shell sort of pseudo-random numbers and a checksum loop; prints the results. */
#include <stdio.h>

#define N 60000
static unsigned char composite[N];
static int values[8000];

static int sieve(void) {
    int count = 0;
    for (int i = 2; i < N; i++) {
        if (composite[i]) continue;
        count++;
        for (int j = i + i; j < N; j += i) composite[j] = 1;
    }
    return count;
}

static void shell_sort(int *a, int n) {
    for (int gap = n / 2; gap > 0; gap /= 2)
        for (int i = gap; i < n; i++) {
            int v = a[i], j = i;
            while (j >= gap && a[j - gap] > v) { a[j] = a[j - gap]; j -= gap; }
            a[j] = v;
        }
}

int main(void) {
    unsigned seed = 12345;
    int n = sizeof values / sizeof values[0];
    for (int i = 0; i < n; i++) { seed = seed * 1103515245u + 12345u; values[i] = (int)(seed >> 8) % 100000; }
    shell_sort(values, n);
    unsigned long sum = 0;
    for (int i = 0; i < n; i++) sum = sum * 31 + (unsigned long)values[i];
    int sorted = 1;
    for (int i = 1; i < n; i++) if (values[i - 1] > values[i]) sorted = 0;
    printf("primes %d sorted %d checksum %lu\n", sieve(), sorted, sum);
    return 0;
}
