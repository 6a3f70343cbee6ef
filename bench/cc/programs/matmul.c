/* matmul.c: floating-point CPU benchmark for rvos cc -O0 vs -O1: multiplies two 48x48 double
 * matrices three times and prints the trace. */
#include <stdio.h>

#define M 48
static double a[M][M], b[M][M], c[M][M];

static void multiply(void) {
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++) {
            double s = 0;
            for (int k = 0; k < M; k++) s += a[i][k] * b[k][j];
            c[i][j] = s;
        }
}

int main(void) {
    for (int i = 0; i < M; i++)
        for (int j = 0; j < M; j++) { a[i][j] = (i + j) % 7 - 3.5; b[i][j] = (i * j) % 5 + 0.25; }
    double trace = 0;
    for (int r = 0; r < 3; r++) {
        multiply();
        for (int i = 0; i < M; i++) { trace += c[i][i]; a[i][i] += 1; }
    }
    printf("trace %.6f\n", trace);
    return 0;
}
