/* Aggregates in expressions (struct-valued ?:, members of returned structs, nested structs,
 * arrays in structs), static initializers with bit-fields and pointers into other objects,
 * switch on negative/long/unsigned values, char arrays from strings, sizeof. */
#include "test.h"
#include <string.h>
struct inner { short s; char name[6]; };
struct outer { int id; struct inner in; long tail[2]; };
struct flags { unsigned a : 1, b : 2, c : 5; int d : 4; };
struct node { int v; struct node *next; };
static struct flags gf = {1, 3, 17, -2};
static struct node n3 = {3, 0}, n2 = {2, &n3}, n1 = {1, &n2};
static int arr[4] = {10, 20, 30, 40};
static int *mid = arr + 2;
static char msg[] = "hi!";
static const char *strs[2] = {"one", "two" + 1};
static struct outer gout = {7, {-2, "abc"}, {5, 6}};
static struct inner make(short s) { struct inner in = {s, "xy"}; return in; }
static int classify(long v) {
    switch (v) { case -5: return 1; case 1L << 40: return 2; case 0: return 3; default: return 4; }
}
static int uclass(unsigned v) { switch (v) { case 0xffffffffu: return 1; case 2: return 2; } return 0; }
int main(void) {
    struct outer o = {1, {2, "name"}, {3, 4}};
    ASSERT(2, o.in.s); ASSERT('m', o.in.name[2]); ASSERT(4, o.tail[1]);
    struct outer o2 = o; o2.in.name[0] = 'N'; ASSERT('n', o.in.name[0]); ASSERT('N', o2.in.name[0]);
    struct inner a = make(1), b = make(2);
    struct inner c = o.id ? a : b; ASSERT(1, c.s);
    ASSERT(9, make(9).s); ASSERT('y', make(0).name[1]);
    ASSERT(1, gf.a); ASSERT(3, gf.b); ASSERT(17, gf.c); ASSERT(-2, gf.d);
    int sum = 0; for (struct node *p = &n1; p; p = p->next) sum += p->v; ASSERT(6, sum);
    ASSERT(30, *mid); ASSERT(40, mid[1]); ASSERT(3, (int)strlen(msg)); ASSERT('w', strs[1][0]);
    ASSERT(7, gout.id); ASSERT(-2, gout.in.s); ASSERT('c', gout.in.name[2]); ASSERT(6, gout.tail[1]);
    ASSERT(1, classify(-5)); ASSERT(2, classify(1L << 40)); ASSERT(3, classify(0)); ASSERT(4, classify(7));
    ASSERT(1, uclass(0xffffffffu)); ASSERT(2, uclass(2)); ASSERT(0, uclass(3));
    ASSERT(32, sizeof(struct outer)); ASSERT(8, sizeof(o.in)); ASSERT(4, sizeof(struct flags));
    struct outer *po = &o; po->in = make(5); ASSERT(5, o.in.s); ASSERT('x', o.in.name[0]);
    long big[300]; big[299] = 5; big[0] = 1; ASSERT(6, big[0] + big[299]);
    char blk[3000] = {1}; blk[2999] = 2; ASSERT(3, blk[0] + blk[2999]); ASSERT(0, blk[1500]);
    DONE();
}
