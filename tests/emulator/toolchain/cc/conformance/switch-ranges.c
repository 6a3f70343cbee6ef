/* switch: fallthrough, GNU case ranges, default in the middle, nested switches, Duff's device, sparse and dense cases. */
#include <stdio.h>
static const char *classify(int c) {
    switch (c) {
    case '0' ... '9': return "digit";
    case 'a' ... 'z': case 'A' ... 'Z': return "letter";
    case ' ': case '\t': case '\n': return "space";
    default: return "other";
    case -1000 ... -1: return "negative";
    }
}
static int fall(int n) {
    int r = 0;
    switch (n) { case 0: r += 1; case 1: r += 10; /* fallthrough */ case 2: r += 100; break; default: r = -1; case 5: r += 1000; }
    return r;
}
static void duff(char *to, const char *from, int count) {
    int n = (count + 7) / 8;
    switch (count % 8) {
    case 0: do { *to++ = *from++;
    case 7: *to++ = *from++;
    case 6: *to++ = *from++;
    case 5: *to++ = *from++;
    case 4: *to++ = *from++;
    case 3: *to++ = *from++;
    case 2: *to++ = *from++;
    case 1: *to++ = *from++;
            } while (--n > 0);
    }
}
static long sparse(long v) {
    switch (v) { case 1: return 1; case 1000: return 2; case 1000000: return 3; case -5: return 4; case 0x7fffffffffffL: return 5; }
    return 0;
}
int main(void) {
    const int samples[] = { '5', 'q', 'Q', ' ', '#', -7, -1001 };
    for (unsigned i = 0; i < sizeof samples / sizeof *samples; i++) printf("%d:%s ", samples[i], classify(samples[i]));
    printf("\n");
    for (int n = 0; n < 7; n++) printf("%d ", fall(n));
    printf("\n");
    char buf[32] = { 0 };
    duff(buf, "abcdefghijklmnopqrstuvwxyz", 19);
    printf("%s\n", buf);
    printf("%ld %ld %ld %ld %ld %ld\n", sparse(1), sparse(1000), sparse(1000000), sparse(-5), sparse(0x7fffffffffffL), sparse(2));
    int x = 2, y = 3, out = 0;
    switch (x) { case 2: switch (y) { case 3: out = 23; break; default: out = -1; } out++; break; case 3: out = 99; }
    printf("%d\n", out);
    unsigned char u = 200;
    switch (u) { case 200: printf("u200\n"); break; case (unsigned char)-55: printf("never\n"); }
    return 0;
}
