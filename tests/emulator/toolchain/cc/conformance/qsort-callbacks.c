/* Library callbacks: qsort with several comparators (ints, strings, structs by two keys), bsearch, stable pass check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct emp { const char *name; int dept; double pay; };
static int by_int_desc(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x < y) - (x > y); }
static int by_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }
static int by_dept_pay(const void *a, const void *b) {
    const struct emp *x = a, *y = b;
    if (x->dept != y->dept) return x->dept - y->dept;
    return (x->pay > y->pay) - (x->pay < y->pay);
}
static int cmp_int(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
int main(void) {
    int v[] = { 5, -2, 99, 0, 7, 7, -50, 13 };
    qsort(v, 8, sizeof v[0], by_int_desc);
    for (int i = 0; i < 8; i++) printf("%d ", v[i]);
    printf("\n");
    const char *words[] = { "pear", "apple", "fig", "banana", "cherry" };
    qsort(words, 5, sizeof words[0], by_str);
    for (int i = 0; i < 5; i++) printf("%s ", words[i]);
    printf("\n");
    struct emp e[] = { { "ann", 2, 50.5 }, { "bob", 1, 70 }, { "cy", 2, 40 }, { "di", 1, 65.25 }, { "ed", 3, 10 } };
    qsort(e, 5, sizeof e[0], by_dept_pay);
    for (int i = 0; i < 5; i++) printf("%s:%d:%.2f ", e[i].name, e[i].dept, e[i].pay);
    printf("\n");
    int sorted[] = { 1, 3, 5, 7, 9, 11 };
    int key = 7, missing = 4;
    int *hit = bsearch(&key, sorted, 6, sizeof(int), cmp_int);
    printf("%td %d\n", hit - sorted, bsearch(&missing, sorted, 6, sizeof(int), cmp_int) == NULL);
    return 0;
}
