/* _Generic selection: type names, default, qualifiers dropped from the controlling expression, pointers, in macros. */
#include <stdio.h>
#define TYPE_NAME(x) _Generic((x), \
    char: "char", signed char: "schar", unsigned char: "uchar", short: "short", int: "int", unsigned: "unsigned", \
    long: "long", unsigned long: "ulong", long long: "llong", float: "float", double: "double", \
    char *: "char*", const char *: "const char*", int *: "int*", default: "other")
#define ABS(x) _Generic((x), int: abs_i, double: abs_d, long: abs_l)(x)
static int abs_i(int x) { return x < 0 ? -x : x; }
static long abs_l(long x) { return x < 0 ? -x : x; }
static double abs_d(double x) { return x < 0 ? -x : x; }
int main(void) {
    const int ci = 1;
    char c = 'a';
    short sh = 1;
    struct { int x; } s;
    printf("%s %s %s %s\n", TYPE_NAME(ci), TYPE_NAME(c), TYPE_NAME(c + 1), TYPE_NAME(sh));
    printf("%s %s %s %s\n", TYPE_NAME(1u), TYPE_NAME(1L), TYPE_NAME(1UL), TYPE_NAME(1LL));
    printf("%s %s %s %s\n", TYPE_NAME(1.0f), TYPE_NAME(1.0), TYPE_NAME("lit"), TYPE_NAME((const char *)"c"));
    printf("%s %s %s\n", TYPE_NAME(&ci), TYPE_NAME(s), TYPE_NAME((int *)0));
    printf("%d %ld %.1f\n", ABS(-3), ABS(-4L), ABS(-2.5));
    printf("%d\n", _Generic(1, default: 0, int: 1));
    return 0;
}
