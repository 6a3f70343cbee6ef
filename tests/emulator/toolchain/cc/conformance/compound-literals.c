/* Compound literals: scalars, arrays, structs, at file scope and in loops, as lvalues. */
#include <stdio.h>
struct point { int x, y; };
static int *gp = (int[]){ 10, 20, 30 };
static int sum(const int *a, int n) { int s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
static int dist(struct point p) { return p.x * p.x + p.y * p.y; }
int main(void) {
    int bad = 0;
    int *p = (int[4]){ 1, 2, 3 };
    p[3] = 4;
    printf("%d %d\n", sum(p, 4), sum(gp, 3));
    printf("%d\n", dist((struct point){ .y = 4, .x = 3 }));
    struct point *pp = &(struct point){ 7, 8 };
    pp->x += 1;
    printf("%d %d\n", pp->x, pp->y);
    for (int i = 0; i < 3; i++) {
        int *q = (int[]){ i, i * 2 };
        if (q[1] != 2 * q[0]) bad++;
    }
    char *s = (char[]){ "hello" };
    s[0] = 'j';
    printf("%s %zu\n", s, sizeof (char[]){ "hello" });
    (int){ 5 } = 6; /* an lvalue */
    double d = (double){ 2.5 } * 2;
    printf("%.1f\n", d);
    return bad;
}
