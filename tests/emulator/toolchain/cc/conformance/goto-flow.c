/* goto: loops built from labels, jumps out of nested blocks and loops, backward jumps into a loop body, state machines. */
#include <stdio.h>
static int run(const unsigned char *code) {
    int stack[16], sp = 0, pc = 0;
dispatch:
    switch (code[pc]) {
    case 0: stack[sp++] = code[pc + 1]; pc += 2; goto dispatch;
    case 1: sp--; stack[sp - 1] += stack[sp]; pc++; goto dispatch;
    case 2: sp--; stack[sp - 1] *= stack[sp]; pc++; goto dispatch;
    case 3: printf("top %d\n", stack[sp - 1]); pc++; goto dispatch;
    default: break;
    }
    return stack[sp - 1];
}
static int count_words(const char *s) {
    int n = 0;
space:
    if (!*s) goto end;
    if (*s == ' ') { s++; goto space; }
    n++;
word:
    if (!*s) goto end;
    if (*s == ' ') goto space;
    s++;
    goto word;
end:
    return n;
}
int main(void) {
    int i = 0, sum = 0;
loop:
    if (i >= 10) goto done;
    sum += i++;
    goto loop;
done:
    printf("sum %d\n", sum);
    int found = -1;
    for (int r = 0; r < 5; r++)
        for (int c = 0; c < 5; c++)
            if (r * c == 12) { found = r * 10 + c; goto out; }
out:
    printf("found %d\n", found);
    static const unsigned char prog[] = { 0, 6, 0, 7, 2, 3, 0, 8, 1, 3, 4 };
    int r = run(prog);
    printf("words %d %d %d\n", count_words("  goto  considered harmful "), count_words(""), count_words("one"));
    int tries = 0;
    {
        int local = 3;
    retry:
        tries++;
        if (--local > 0) goto retry;
    }
    printf("tries %d\n", tries);
    if (r % 2 == 0) goto even;
    printf("odd %d\n", r);
    return 1;
even:
    printf("even %d\n", r);
    return 0;
}
