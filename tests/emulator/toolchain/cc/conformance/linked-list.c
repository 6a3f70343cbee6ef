/* Dynamic data structures with malloc/free: singly linked list reversal, binary search tree, in-order traversal, freeing. */
#include <stdio.h>
#include <stdlib.h>
struct node { int v; struct node *next; };
struct tree { int key; struct tree *l, *r; };
static struct node *push(struct node *h, int v) { struct node *n = malloc(sizeof *n); n->v = v; n->next = h; return n; }
static struct node *reverse(struct node *h) { struct node *prev = NULL; while (h) { struct node *n = h->next; h->next = prev; prev = h; h = n; } return prev; }
static struct tree *insert(struct tree *t, int k) {
    if (!t) { t = calloc(1, sizeof *t); t->key = k; return t; }
    if (k < t->key) t->l = insert(t->l, k); else t->r = insert(t->r, k);
    return t;
}
static void walk(const struct tree *t) { if (!t) return; walk(t->l); printf("%d ", t->key); walk(t->r); }
static int height(const struct tree *t) { if (!t) return 0; int a = height(t->l), b = height(t->r); return 1 + (a > b ? a : b); }
static void drop(struct tree *t) { if (!t) return; drop(t->l); drop(t->r); free(t); }
int main(void) {
    struct node *h = NULL;
    for (int i = 1; i <= 6; i++) h = push(h, i * i);
    h = reverse(h);
    for (struct node *n = h; n; n = n->next) printf("%d ", n->v);
    printf("\n");
    while (h) { struct node *n = h->next; free(h); h = n; }
    struct tree *t = NULL;
    int keys[] = { 50, 30, 70, 20, 40, 60, 80, 35, 45, 65 };
    for (unsigned i = 0; i < sizeof keys / sizeof keys[0]; i++) t = insert(t, keys[i]);
    walk(t);
    printf("\nheight %d\n", height(t));
    drop(t);
    return 0;
}
