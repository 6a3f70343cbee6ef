/* csmith seed 200188 (--no-argc): `#pragma pack(1)` was ignored, so packed
 * structs (and the unions holding them) got natural layout; and a packed
 * bit-field reaching past a unit of its type was loaded and stored wrongly. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#pragma pack(push)
#pragma pack(1)
struct S0 { int8_t f0; volatile int32_t f1; volatile int16_t f2; uint32_t f3; uint32_t f4; volatile int32_t f5; int32_t f6; };
struct A { char a : 4; int b : 29; char c; };
#pragma pack(pop)
#pragma pack(push, 2)
struct D { char a; int b : 20; int c : 20; char d; long e; };
#pragma pack(4)
struct E { char a; long b; short c : 9; int d : 30; };
#pragma pack(pop)
union U5 { struct S0 f0; unsigned f1 : 5; int8_t f2; int32_t f3; volatile uint32_t f4; };
#pragma pack()
struct H { char a; int b; };

static volatile union U5 g[2] = {{{1, 0xD5804491, 0x8298, 0xFFFFFFF9, 0x0165708B, 7, 5}}, {{0xB8, 2, 0, 0xFD1EB6EE, 0, 0xA49AB7D6, 0}}};
static struct A ga = {3, -5, 9};

static void dump(const char *name, const void *p, unsigned n) {
    const unsigned char *c = p;
    printf("%s %u:", name, n);
    for (unsigned i = 0; i < n; i++) printf(" %02x", c[i]);
    printf("\n");
}

int main(void) {
    struct A a;
    struct D d;
    struct E e;
    memset(&a, 0, sizeof a);
    a.b = -1;
    a.c = 5;
    dump("A", &a, sizeof a);
    a.b = 0x0abcdef1;
    a.a = 3;
    printf("%x %d %d %d %d\n", a.b, a.a, a.c, ga.b, ga.c);
    memset(&d, 0, sizeof d);
    d.c = -1;
    d.e = -1;
    dump("D", &d, sizeof d);
    memset(&e, 0, sizeof e);
    e.c = -1;
    e.b = 0x1122334455667788;
    e.d = -1;
    dump("E", &e, sizeof e);
    printf("%d %d\n", e.c, e.d);
    printf("align %d %d %d %d %d\n", (int)_Alignof(struct S0), (int)_Alignof(union U5), (int)_Alignof(struct D), (int)_Alignof(struct E), (int)_Alignof(struct H));
    printf("size %d %d %d\n", (int)sizeof(struct S0), (int)sizeof(union U5), (int)sizeof(struct H));
    for (int i = 0; i < 2; i++) printf("%X %X %d %d\n", g[i].f3, g[i].f4, g[i].f0.f0, g[i].f0.f1);
    return 0;
}
