/* char signedness on RISC-V (unsigned by default), signed char and unsigned char conversions, ctype-style table lookups. */
#include <stdio.h>
#include <limits.h>
int main(void) {
    char c = (char)0xf0;
    signed char s = (signed char)0xf0;
    unsigned char u = 0xf0;
    printf("%d %d %d\n", c, s, u);
    printf("%d %d %d\n", CHAR_MIN, CHAR_MAX, SCHAR_MIN);
    printf("%d %d\n", c > 0, s > 0);
    int table[256] = { 0 };
    const char *text = "h\xe9llo w\xf6rld";
    for (const char *p = text; *p; p++) table[(unsigned char)*p]++;
    printf("%d %d %d\n", table['l'], table[0xe9], table[0xf6]);
    char back = (char)300;
    printf("%d\n", back);
    printf("%d %d\n", (signed char)200 + 1, (unsigned char)-1 + 1);
    return 0;
}
