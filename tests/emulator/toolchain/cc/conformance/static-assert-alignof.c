/* _Static_assert, _Alignof/_Alignas, alignment of members and objects, max_align_t. */
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
_Static_assert(sizeof(int) == 4, "int is 32-bit");
_Static_assert(sizeof(long) == 8 && sizeof(void *) == 8, "lp64");
struct aligned { char c; _Alignas(16) int x; };
_Static_assert(offsetof(struct aligned, x) == 16, "alignas moves x");
static _Alignas(64) char buffer[10];
int main(void) {
    _Static_assert(_Alignof(double) == 8, "double alignment");
    printf("%zu %zu %zu %zu\n", _Alignof(char), _Alignof(short), _Alignof(int), _Alignof(long long));
    printf("%zu %zu %zu\n", _Alignof(struct aligned), sizeof(struct aligned), _Alignof(max_align_t));
    _Alignas(16) int local = 5;
    printf("%d %d\n", (int)((uintptr_t)&local % 16), (int)((uintptr_t)buffer % 64));
    struct { char a; long b; } s;
    printf("%zu %zu\n", _Alignof(s), (size_t)((char *)&s.b - (char *)&s));
    printf("%zu\n", _Alignof(int[3]));
    return local - 5;
}
