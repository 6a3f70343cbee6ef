/* GNU labels as values: a static dispatch table of &&label, goto *expr, label addresses compared and stored. */
#include <stdio.h>
static int run(const unsigned char *code) {
    static void *const table[] = { &&op_push, &&op_add, &&op_mul, &&op_print, &&op_halt };
    int stack[16], sp = 0, pc = 0;
    goto *table[code[pc]];
op_push: stack[sp++] = code[pc + 1]; pc += 2; goto *table[code[pc]];
op_add: sp--; stack[sp - 1] += stack[sp]; pc++; goto *table[code[pc]];
op_mul: sp--; stack[sp - 1] *= stack[sp]; pc++; goto *table[code[pc]];
op_print: printf("top %d\n", stack[sp - 1]); pc++; goto *table[code[pc]];
op_halt: return stack[sp - 1];
}
static int state_machine(const char *s) {
    void *state = &&start;
    int count = 0;
    for (; *s; s++) {
        goto *state;
    start: if (*s == 'a') { state = &&seen_a; } continue;
    seen_a: if (*s == 'b') { count++; state = &&start; } else if (*s != 'a') state = &&start; continue;
    }
    return count;
}
int main(void) {
    static const unsigned char prog[] = { 0, 6, 0, 7, 2, 3, 0, 8, 1, 3, 4 };
    int r = run(prog);
    printf("run %d\n", r);
    printf("ab count %d\n", state_machine("abxaab_ab aaab"));
    void *here = &&finish, *there = &&finish;
    printf("same %d\n", here == there);
    goto *here;
    printf("skipped\n");
finish:
    return r == 50 ? 0 : 1;
}
