/* Struct and union layout: padding, nested and anonymous members, offsetof, arrays of structs, packed and aligned attributes. */
#include <stdio.h>
#include <stddef.h>
struct a { char c; int i; char d; };
struct b { char c; short s; char d; long l; };
struct anon { int kind; union { int i; float f; }; struct { short x, y; }; };
struct __attribute__((packed)) pk { char c; long l; short s; };
struct al { char c; } __attribute__((aligned(8)));
struct nest { struct a first; char tail[3]; struct b second; };
int main(void) {
    printf("%zu %zu %zu %zu\n", sizeof(struct a), offsetof(struct a, i), offsetof(struct a, d), _Alignof(struct a));
    printf("%zu %zu %zu %zu\n", sizeof(struct b), offsetof(struct b, s), offsetof(struct b, d), offsetof(struct b, l));
    struct anon an = { .kind = 1, .i = 5, .x = 3, .y = 4 };
    printf("%zu %zu %zu %d %d %d\n", sizeof an, offsetof(struct anon, f), offsetof(struct anon, y), an.i, an.x, an.y);
    printf("%zu %zu %zu\n", sizeof(struct pk), offsetof(struct pk, l), offsetof(struct pk, s));
    printf("%zu %zu\n", sizeof(struct al), _Alignof(struct al));
    printf("%zu %zu %zu\n", sizeof(struct nest), offsetof(struct nest, tail), offsetof(struct nest, second.l));
    struct a arr[3];
    printf("%td %zu\n", (char *)&arr[2] - (char *)arr, sizeof arr);
    struct pk p = { 'p', 0x1122334455667788L, 7 };
    printf("%lx %d\n", p.l, p.s);
    return 0;
}
