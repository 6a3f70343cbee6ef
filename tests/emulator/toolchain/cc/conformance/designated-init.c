/* Designated initializers in nested arrays and structs, out of order, overriding, with brace elision. */
#include <stdio.h>
struct inner { int a; char tag[4]; };
struct outer { int id; struct inner in[3]; double w; };
static struct outer g = { .in[1].tag = "xy", .id = 7, .in[2] = { 5, "zz" }, .in[0].a = 3, .w = 1.5 };
static int arr[10] = { [9] = 9, [2] = 2, 3, 4, [0] = 100, [0] = 1 };
static int grid[3][3] = { [1] = { [2] = 12 }, [2][0] = 20, 21 };
struct s2 { int x; struct { int p, q; } n; int z[2]; };
int main(void) {
    struct s2 l = { .n.q = 4, .z = { [1] = 8 }, .x = 1 };
    struct inner li[] = { [2].a = 2, [0] = { .tag = "ab" } };
    printf("%d %d %s %d %s %.2f\n", g.id, g.in[0].a, g.in[1].tag, g.in[2].a, g.in[2].tag, g.w);
    for (int i = 0; i < 10; i++) printf("%d ", arr[i]);
    printf("\n");
    for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) printf("%d%c", grid[i][j], j == 2 ? '\n' : ' ');
    printf("%d %d %d %d %d\n", l.x, l.n.p, l.n.q, l.z[0], l.z[1]);
    printf("%zu %s %d\n", sizeof li / sizeof li[0], li[0].tag, li[2].a);
    return arr[4] == 4 && grid[2][1] == 21 ? 0 : 1;
}
