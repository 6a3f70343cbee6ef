/* String literals: adjacent concatenation, escapes, embedded NULs, sizeof, macro stringizing, wide literals' sizes. */
#include <stdio.h>
#include <string.h>
#define STR(x) #x
#define XSTR(x) STR(x)
#define VERSION 3
static const char banner[] = "rvos " "conformance " XSTR(VERSION) "\n";
int main(void) {
    printf("%s", banner);
    printf("%zu %zu\n", sizeof banner, strlen(banner));
    const char *multi = "line1\n"
                        "line2\t(tab)\n"
                        "\x41\102\x43" "D" "\n";
    printf("%s", multi);
    char nul[] = "ab\0cd";
    printf("%zu %zu %c\n", sizeof nul, strlen(nul), nul[3]);
    printf("%s|%s\n", STR(a + b), STR("quoted" 'c'));
    printf("%zu %zu %zu\n", sizeof(L"wide"), sizeof(u"ab"), sizeof(U"abc"));
    printf("%d %d %d\n", "abc"[1], *"xyz", "\377"[0] < 0);
    printf("%s\n", "\"quotes\" and \\backslash\\ and \?");
    const char *hexesc = "\x7f" "f";
    printf("%zu %d\n", strlen(hexesc), hexesc[1]);
    printf("%c%c%c\n", "?\?="[0], '\'', '\"');
    return 0;
}
