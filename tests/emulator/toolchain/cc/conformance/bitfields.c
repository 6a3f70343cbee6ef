/* Bit-fields of every width 1..32 and 33..64, signed and unsigned: wrap-around, sign extension, packing. */
#include <stdio.h>
struct u { unsigned a : 1, b : 3, c : 7, d : 13, e : 8; };
struct s { signed a : 1; int b : 3; int c : 7; int d : 15; long long e : 33; long long f : 63; };
struct mixed { char c; int x : 5; int : 0; int y : 4; unsigned long long z : 40; };
int main(void) {
    struct u u = { 1, 7, 127, 8191, 255 };
    u.b += 1; u.c++; u.e += 2;
    printf("u: %u %u %u %u %u size %zu\n", u.a, u.b, u.c, u.d, u.e, sizeof u);
    struct s s = { -1, -4, -64, -16384, -4294967296LL, -4611686018427387904LL };
    printf("s: %d %d %d %d %lld %lld\n", s.a, s.b, s.c, s.d, s.e, s.f);
    s.b = 3; s.b++;
    s.e = 4294967295LL; s.e++;
    printf("wrap: %d %lld size %zu\n", s.b, s.e, sizeof s);
    struct mixed m = { 'q', -16, 7, 0xffffffffffULL };
    m.z++;
    printf("m: %c %d %d %llu size %zu\n", m.c, m.x, m.y, m.z, sizeof m);
    unsigned total = 0;
    for (int w = 0; w < 32; w++) { struct { unsigned v : 5; } t = { w }; total += t.v; }
    printf("total %u\n", total);
    int neg = 0;
    for (int i = -4; i < 4; i++) { struct { int v : 3; } t; t.v = i; if (t.v != i) neg++; }
    return neg;
}
