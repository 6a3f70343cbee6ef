/* char arrays initialized from strings: exact fit without NUL, padding with zeros, 2D arrays of strings, wide chars. */
#include <stdio.h>
#include <string.h>
#include <stddef.h>
static char exact[5] = "hello";
static char padded[10] = "hi";
static char table[][8] = { "one", "two", "three", "" };
static const char *ptrs[] = { "alpha", "beta", 0 };
struct named { int id; char name[6]; };
static struct named people[] = { { 1, "ann" }, { 2, "bobby" }, { 3, { 'c', 'y' } } };
int main(void) {
    printf("%.5s %zu\n", exact, sizeof exact);
    int zeros = 0;
    for (int i = 2; i < 10; i++) zeros += padded[i] == 0;
    printf("%s %d\n", padded, zeros);
    for (unsigned i = 0; i < sizeof table / sizeof table[0]; i++) printf("[%s]", table[i]);
    printf(" %zu\n", sizeof table);
    for (const char **p = ptrs; *p; p++) printf("%s ", *p);
    printf("\n");
    for (int i = 0; i < 3; i++) printf("%d:%s ", people[i].id, people[i].name);
    printf("\n");
    char local[] = { "braced" };
    char partial[8] = { 'a', 'b' };
    wchar_t wide[] = L"wide";
    printf("%s %zu %s %d %zu %d\n", local, sizeof local, partial, partial[7], sizeof wide / sizeof wide[0], (int)wide[1]);
    unsigned char bytes[] = "\xff\x80";
    printf("%d %d %zu\n", bytes[0], bytes[1], strlen((char *)bytes));
    return 0;
}
