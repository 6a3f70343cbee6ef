/* Pointer arithmetic: differences, comparisons, void* and char* casts, pointer to pointer, walking arrays backwards, NULL. */
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
int main(void) {
    long arr[10];
    for (int i = 0; i < 10; i++) arr[i] = i * 11;
    long *p = arr, *q = &arr[9];
    printf("%td %td %d %d\n", q - p, p - q, p < q, p + 9 == q);
    printf("%ld %ld %ld\n", *(p + 3), q[-2], *(q - 9));
    char *c = (char *)p;
    printf("%td\n", (char *)q - c);
    void *v = q;
    printf("%ld\n", *(long *)v);
    long sum = 0;
    for (long *r = q; r >= arr; r--) sum += *r;
    printf("%ld\n", sum);
    long **pp = &p;
    (*pp)++;
    printf("%ld %ld\n", **pp, (*pp)[1]);
    int *nul = NULL;
    printf("%d %d\n", nul == 0, !nul);
    uintptr_t u = (uintptr_t)&arr[1];
    printf("%d\n", (long *)(u + sizeof(long)) == &arr[2]);
    struct s { int a; double b; } ss[4];
    struct s *sp = ss;
    printf("%td %td\n", &sp[3] - sp, (char *)&sp[3] - (char *)sp);
    const char *text = "pointer";
    const char *e = text;
    while (*e) e++;
    printf("%td %c\n", e - text, *(e - 1));
    int matrix[2][3] = { { 1, 2, 3 }, { 4, 5, 6 } };
    int *m = *matrix;
    printf("%d %d\n", m[4], *(*(matrix + 1) + 2));
    return 0;
}
