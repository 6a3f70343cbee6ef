/* sizeof of expressions and types: no evaluation of the operand, arrays vs pointers, struct padding, parameters. */
#include <stdio.h>
#include <stddef.h>
struct pad { char c; double d; short s; };
struct packed { char c; int i; } __attribute__((packed));
static int counter;
static int bump(void) { return ++counter; }
static size_t param_size(int a[10]) { return sizeof a; }
int main(void) {
    int arr[7];
    int *p = arr;
    printf("%zu %zu %zu %zu\n", sizeof arr, sizeof p, sizeof *p, sizeof arr / sizeof arr[0]);
    printf("%zu %zu\n", sizeof(bump()), sizeof bump());
    printf("counter %d\n", counter);
    printf("%zu %zu %zu\n", sizeof(struct pad), offsetof(struct pad, d), offsetof(struct pad, s));
    printf("%zu %zu\n", sizeof(struct packed), offsetof(struct packed, i));
    printf("%zu %zu %zu %zu\n", sizeof(char), sizeof(short), sizeof(long), sizeof(long long));
    printf("%zu %zu %zu\n", sizeof(float), sizeof(double), sizeof(void *));
    printf("%zu %zu\n", sizeof 'a', sizeof "hello");
    printf("%zu\n", param_size(arr));
    int m[3][5];
    printf("%zu %zu %zu\n", sizeof m, sizeof m[0], sizeof m[0][0]);
    printf("%zu %zu\n", sizeof(int (*)[5]), sizeof(int[2][3]));
    printf("%zu %zu\n", sizeof(arr[counter++]), sizeof(1 ? 'a' : 2.0));
    printf("counter %d\n", counter);
    return 0;
}
