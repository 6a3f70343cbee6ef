/* Recursion: Ackermann, mutual recursion, Towers of Hanoi, recursive descent parser, permutations. */
#include <stdio.h>
static int ack(int m, int n) { return m == 0 ? n + 1 : n == 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1)); }
static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }
static long moves;
static void hanoi(int n, int from, int to, int via) { if (n == 0) return; hanoi(n - 1, from, via, to); moves++; hanoi(n - 1, via, to, from); }
static const char *src;
static long expr(void);
static long atom(void) {
    if (*src == '(') { src++; long v = expr(); src++; return v; }
    long v = 0;
    while (*src >= '0' && *src <= '9') v = v * 10 + (*src++ - '0');
    return v;
}
static long term(void) { long v = atom(); while (*src == '*' || *src == '/') { char op = *src++; long r = atom(); v = op == '*' ? v * r : v / r; } return v; }
static long expr(void) { long v = term(); while (*src == '+' || *src == '-') { char op = *src++; long r = term(); v = op == '+' ? v + r : v - r; } return v; }
static int count;
static void permute(char *s, int k, int n) {
    if (k == n) { if (count++ < 3) printf("%s ", s); return; }
    for (int i = k; i < n; i++) { char t = s[k]; s[k] = s[i]; s[i] = t; permute(s, k + 1, n); t = s[k]; s[k] = s[i]; s[i] = t; }
}
int main(void) {
    printf("ack %d %d\n", ack(2, 3), ack(3, 3));
    printf("even %d %d\n", is_even(1000), is_odd(777));
    hanoi(12, 1, 3, 2);
    printf("hanoi %ld\n", moves);
    src = "2*(3+4)*5-100/(7-2)";
    printf("expr %ld\n", expr());
    char s[] = "abcde";
    permute(s, 0, 5);
    printf("\nperms %d\n", count);
    return 0;
}
