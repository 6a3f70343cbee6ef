/* Flexible array members: allocation with malloc, sizeof excludes the member, static initialization (GNU), copying. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct vec { size_t len; int data[]; };
struct str { unsigned short len; char text[]; };
static struct vec *make(size_t n) {
    struct vec *v = malloc(sizeof *v + n * sizeof v->data[0]);
    v->len = n;
    for (size_t i = 0; i < n; i++) v->data[i] = (int)(i * i);
    return v;
}
int main(void) {
    struct vec *v = make(10);
    long s = 0;
    for (size_t i = 0; i < v->len; i++) s += v->data[i];
    printf("%zu %ld %zu\n", v->len, s, sizeof(struct vec));
    const char *msg = "flexible";
    struct str *t = malloc(sizeof *t + strlen(msg) + 1);
    t->len = (unsigned short)strlen(msg);
    memcpy(t->text, msg, t->len + 1);
    printf("%u %s %zu\n", t->len, t->text, sizeof *t);
    struct vec *w = malloc(sizeof *w + 3 * sizeof(int));
    memcpy(w, v, sizeof *w + 3 * sizeof(int));
    printf("%d %d\n", w->data[2], (int)w->len);
    free(v);
    free(t);
    free(w);
    return 0;
}
