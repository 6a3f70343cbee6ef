/* setjmp/longjmp: non-local exit from nested calls, returned values, volatile locals preserved, repeated jumps. */
#include <stdio.h>
#include <setjmp.h>
static jmp_buf env;
static int depth;
static void dive(int n) { depth = n; if (n == 5) longjmp(env, n * 10); dive(n + 1); }
int main(void) {
    volatile int attempts = 0;
    int r = setjmp(env);
    attempts++;
    if (r == 0) dive(0);
    printf("r %d depth %d attempts %d\n", r, depth, attempts);
    jmp_buf again;
    volatile int count = 0;
    if (setjmp(again) < 3) { count++; longjmp(again, count); }
    printf("count %d\n", count);
    jmp_buf zero;
    int z = setjmp(zero);
    if (z == 0) longjmp(zero, 0);
    printf("zero becomes %d\n", z);
    return 0;
}
