/* Structs by value: copy, assignment, arguments and returns of small (register) and large (memory) structs. */
#include <stdio.h>
#include <string.h>
struct small { int a; short b; };
struct two_doubles { double x, y; };
struct mixed { int i; float f; };
struct big { long v[6]; char name[16]; };
static struct small mk_small(int a) { struct small s = { a, (short)(a * 2) }; return s; }
static struct two_doubles scale(struct two_doubles p, double k) { p.x *= k; p.y *= k; return p; }
static struct mixed mk_mixed(int i, float f) { return (struct mixed){ i, f }; }
static struct big mk_big(long base) {
    struct big b;
    for (int i = 0; i < 6; i++) b.v[i] = base + i;
    strcpy(b.name, "big");
    return b;
}
static long sum_big(struct big b) { long s = 0; for (int i = 0; i < 6; i++) s += b.v[i]; b.v[0] = -1; return s; }
int main(void) {
    struct small s = mk_small(21);
    struct two_doubles t = scale((struct two_doubles){ 1.5, -2 }, 3);
    struct mixed m = mk_mixed(4, 0.25f);
    struct big b = mk_big(100), c;
    c = b;
    c.v[0] = 0;
    long total = sum_big(b);
    printf("%d %d | %.2f %.2f | %d %.2f | %ld %ld %ld %s\n", s.a, s.b, t.x, t.y, m.i, (double)m.f, total, b.v[0], c.v[0], c.name);
    struct big arr[2] = { mk_big(1), mk_big(2) };
    arr[0] = arr[1];
    printf("%ld %ld\n", arr[0].v[5], mk_big(50).v[3]);
    struct small x = { 1, 2 }, y = { 1, 2 };
    return memcmp(&x, &y, sizeof x) == 0 && b.v[0] == 100 ? 0 : 1;
}
