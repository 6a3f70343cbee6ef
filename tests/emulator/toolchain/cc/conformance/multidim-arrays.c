/* Multi-dimensional arrays and pointers to arrays: indexing, decay, row pointers, passing to functions, matrix multiply. */
#include <stdio.h>
#define N 4
static void matmul(int (*a)[N], int b[][N], int c[N][N]) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            c[i][j] = 0;
            for (int k = 0; k < N; k++) c[i][j] += a[i][k] * b[k][j];
        }
}
static int sum3(int t[2][3][4]) { int s = 0; for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 4; k++) s += t[i][j][k]; return s; }
int main(void) {
    int a[N][N], b[N][N], c[N][N];
    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { a[i][j] = i + j; b[i][j] = i == j ? 2 : (i - j); }
    matmul(a, b, c);
    for (int i = 0; i < N; i++) printf("%d %d %d %d\n", c[i][0], c[i][1], c[i][2], c[i][3]);
    int (*row)[N] = a + 1;
    printf("%d %d %d\n", (*row)[2], row[1][3], *(*(a + 2) + 1));
    int *flat = &a[0][0];
    printf("%d %td\n", flat[N * 3 + 3], &a[3][0] - &a[0][0]);
    int t[2][3][4];
    int v = 0;
    for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 4; k++) t[i][j][k] = v++;
    printf("%d %d %zu %zu\n", sum3(t), t[1][2][3], sizeof t[1], sizeof t[1][2]);
    char names[3][4] = { "ab", "cde", "f" };
    char (*pn)[4] = names;
    pn++;
    printf("%s %c\n", *pn, pn[1][0]);
    int (*pa)[3][4] = &t[1];
    printf("%d\n", (*pa)[1][1]);
    return 0;
}
