/* Pointers, arrays, pointer arithmetic and differences, structs, unions, bit-fields, struct copy,
 * globals with initializers pointing at other globals and string literals, compound literals. */
#include "test.h"
#include <string.h>
struct point { int x, y; };
struct big { long a[5]; char tag; };
union u { int i; unsigned char b[4]; float f; };
struct bits { unsigned a : 3; int b : 5; unsigned c : 12; };
int table[5] = {1, 2, 3, 4, 5};
int *tp = &table[2];
const char *greeting = "hello";
struct point origin = {3, 4};
struct point *op = &origin;
char buf[4][8];
static long sum_array(const long *p, int n) { long s = 0; while (n--) s += *p++; return s; }
int main(void) {
    int a[10];
    for (int i = 0; i < 10; i++) a[i] = i * i;
    int *p = a + 3;
    ASSERT(9, *p); ASSERT(16, p[1]); ASSERT(4, *(p - 1)); ASSERT(7, &a[10] - p); ASSERT(3, p - a);
    ASSERT(3, *tp); ASSERT(5, tp[2]); ASSERT('e', greeting[1]); ASSERT(5, (int)strlen(greeting));
    ASSERT(4, op->y); ASSERT(40, sizeof(a)); ASSERT(8, sizeof(struct point));
    struct point q = {1, 2}, r;
    r = q; r.x = 10; ASSERT(1, q.x); ASSERT(10, r.x); ASSERT(2, r.y);
    struct big b1 = {{1, 2, 3, 4, 5}, 'z'}, b2;
    b2 = b1; ASSERT(5, b2.a[4]); ASSERT('z', b2.tag);
    union u un; un.i = 0x01020304; ASSERT(4, un.b[0]); ASSERT(1, un.b[3]);
    un.f = 1.0f; ASSERT(0x3f800000, un.i);
    struct bits bf = {5, -3, 1000};
    ASSERT(5, bf.a); ASSERT(-3, bf.b); ASSERT(1000, bf.c);
    bf.b = 7; bf.a++; ASSERT(6, bf.a); ASSERT(7, bf.b); ASSERT(1000, bf.c);
    bf.a = 9; ASSERT(1, bf.a);
    bf.c += 5; ASSERT(1005, bf.c);
    strcpy(buf[2], "abc"); ASSERT('c', buf[2][2]); ASSERT(16, buf[2] - buf[0]);
    long la[] = {10, 20, 30}; ASSERT(60, sum_array(la, 3));
    int *cp = (int[]){7, 8, 9}; ASSERT(8, cp[1]);
    struct point *pp = &(struct point){5, 6}; ASSERT(11, pp->x + pp->y);
    int x = 1; int *xp = &x; *xp += 41; ASSERT(42, x);
    int **xpp = &xp; **xpp = 7; ASSERT(7, x);
    char s[] = "xyz"; ASSERT(4, sizeof(s)); ASSERT('y', s[1]);
    int m[3][4]; m[2][3] = 99; ASSERT(99, *(*(m + 2) + 3));
    struct point arr[3] = {{1, 2}, {3, 4}, {5, 6}}; struct point *ap = arr; ap++; ASSERT(4, ap->y); ASSERT(1, ap - arr);
    DONE();
}
