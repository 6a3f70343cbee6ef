/* reloadbench.c: the hot-reload benchmark's 300-line program (bench/hot-reload): a small text
 * and number toolkit (tokenizer, hashing, sorting, statistics, a matrix kernel) that checks
 * itself once, prints "reloadbench <VERSION> ready" as its first output line and then idles.
 * The benchmark edits VERSION and times save -> first line of the new version. */
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <rvos/syscall.h>

#define VERSION "v0"
#define WORDS_MAX 64
#define MATRIX_N 6

static const char *const SAMPLE = "the quick brown fox jumps over the lazy dog while the cat sleeps";

/* FNV-1a over a NUL-terminated string. */
static uint32_t fnv1a(const char *s) {
    uint32_t h = 2166136261u;
    while (*s != '\0') {
        h ^= (uint8_t)*s++;
        h *= 16777619u;
    }
    return h;
}

/* Splits text at spaces into words (pointers into buf); returns the count. */
static int tokenize(char *buf, char **words, int max) {
    int n = 0;
    char *p = buf;
    while (*p != '\0' && n < max) {
        while (*p == ' ') p++;
        if (*p == '\0') break;
        words[n++] = p;
        while (*p != '\0' && *p != ' ') p++;
        if (*p == ' ') *p++ = '\0';
    }
    return n;
}

/* Insertion sort of strings. */
static void sort_words(char **words, int n) {
    int i, j;
    for (i = 1; i < n; i++) {
        char *w = words[i];
        for (j = i; j > 0 && strcmp(words[j - 1], w) > 0; j--) words[j] = words[j - 1];
        words[j] = w;
    }
}

/* Number of distinct words in a sorted list. */
static int distinct(char **words, int n) {
    int i, d = n > 0 ? 1 : 0;
    for (i = 1; i < n; i++) if (strcmp(words[i - 1], words[i]) != 0) d++;
    return d;
}

/* Integer square root by Newton's method. */
static uint32_t isqrt(uint64_t v) {
    uint64_t x = v, y = (x + 1) / 2;
    if (v < 2) return (uint32_t)v;
    while (y < x) {
        x = y;
        y = (x + v / x) / 2;
    }
    return (uint32_t)x;
}

/* Mean and variance (times 100) of the word lengths. */
static void length_stats(char **words, int n, int *mean100, int *var100) {
    int i, sum = 0, sq = 0;
    for (i = 0; i < n; i++) {
        int len = (int)strlen(words[i]);
        sum += len;
        sq += len * len;
    }
    *mean100 = n > 0 ? sum * 100 / n : 0;
    *var100 = n > 0 ? (sq * 100 / n) - (*mean100 * *mean100) / 100 : 0;
}

/* C = A * B for MATRIX_N x MATRIX_N integer matrices. */
/* (Not const: C does not convert int32_t (*)[N] to const int32_t (*)[N] implicitly.) */
static void matmul(int32_t a[MATRIX_N][MATRIX_N], int32_t b[MATRIX_N][MATRIX_N], int32_t c[MATRIX_N][MATRIX_N]) {
    int i, j, k;
    for (i = 0; i < MATRIX_N; i++) {
        for (j = 0; j < MATRIX_N; j++) {
            int32_t s = 0;
            for (k = 0; k < MATRIX_N; k++) s += a[i][k] * b[k][j];
            c[i][j] = s;
        }
    }
}

/* Trace of a matrix. */
static int32_t trace(int32_t m[MATRIX_N][MATRIX_N]) {
    int i;
    int32_t t = 0;
    for (i = 0; i < MATRIX_N; i++) t += m[i][i];
    return t;
}

/* Rolling checksum variant 1: mixes every byte with rotate-by-2 and a multiplier. */
static uint32_t checksum1(const char *s) {
    uint32_t h = 1037u;
    while (*s != '\0') {
        h = (h << 2) | (h >> 30);
        h = h * 5u + (uint8_t)*s++;
    }
    return h;
}
/* Rolling checksum variant 2: mixes every byte with rotate-by-3 and a multiplier. */
static uint32_t checksum2(const char *s) {
    uint32_t h = 1074u;
    while (*s != '\0') {
        h = (h << 3) | (h >> 29);
        h = h * 7u + (uint8_t)*s++;
    }
    return h;
}
/* Rolling checksum variant 3: mixes every byte with rotate-by-4 and a multiplier. */
static uint32_t checksum3(const char *s) {
    uint32_t h = 1111u;
    while (*s != '\0') {
        h = (h << 4) | (h >> 28);
        h = h * 9u + (uint8_t)*s++;
    }
    return h;
}
/* Rolling checksum variant 4: mixes every byte with rotate-by-5 and a multiplier. */
static uint32_t checksum4(const char *s) {
    uint32_t h = 1148u;
    while (*s != '\0') {
        h = (h << 5) | (h >> 27);
        h = h * 11u + (uint8_t)*s++;
    }
    return h;
}
/* Rolling checksum variant 5: mixes every byte with rotate-by-6 and a multiplier. */
static uint32_t checksum5(const char *s) {
    uint32_t h = 1185u;
    while (*s != '\0') {
        h = (h << 6) | (h >> 26);
        h = h * 13u + (uint8_t)*s++;
    }
    return h;
}
/* Rolling checksum variant 6: mixes every byte with rotate-by-7 and a multiplier. */
static uint32_t checksum6(const char *s) {
    uint32_t h = 1222u;
    while (*s != '\0') {
        h = (h << 7) | (h >> 25);
        h = h * 15u + (uint8_t)*s++;
    }
    return h;
}
/* Rolling checksum variant 7: mixes every byte with rotate-by-1 and a multiplier. */
static uint32_t checksum7(const char *s) {
    uint32_t h = 1259u;
    while (*s != '\0') {
        h = (h << 1) | (h >> 31);
        h = h * 17u + (uint8_t)*s++;
    }
    return h;
}
/* Rolling checksum variant 8: mixes every byte with rotate-by-2 and a multiplier. */
static uint32_t checksum8(const char *s) {
    uint32_t h = 1296u;
    while (*s != '\0') {
        h = (h << 2) | (h >> 30);
        h = h * 19u + (uint8_t)*s++;
    }
    return h;
}
/* Rolling checksum variant 9: mixes every byte with rotate-by-3 and a multiplier. */
static uint32_t checksum9(const char *s) {
    uint32_t h = 1333u;
    while (*s != '\0') {
        h = (h << 3) | (h >> 29);
        h = h * 21u + (uint8_t)*s++;
    }
    return h;
}
/* Rolling checksum variant 10: mixes every byte with rotate-by-4 and a multiplier. */
static uint32_t checksum10(const char *s) {
    uint32_t h = 1370u;
    while (*s != '\0') {
        h = (h << 4) | (h >> 28);
        h = h * 23u + (uint8_t)*s++;
    }
    return h;
}
/* Rolling checksum variant 11: mixes every byte with rotate-by-5 and a multiplier. */
static uint32_t checksum11(const char *s) {
    uint32_t h = 1407u;
    while (*s != '\0') {
        h = (h << 5) | (h >> 27);
        h = h * 25u + (uint8_t)*s++;
    }
    return h;
}
/* Rolling checksum variant 12: mixes every byte with rotate-by-6 and a multiplier. */
static uint32_t checksum12(const char *s) {
    uint32_t h = 1444u;
    while (*s != '\0') {
        h = (h << 6) | (h >> 26);
        h = h * 27u + (uint8_t)*s++;
    }
    return h;
}
/* Rolling checksum variant 13: mixes every byte with rotate-by-7 and a multiplier. */
static uint32_t checksum13(const char *s) {
    uint32_t h = 1481u;
    while (*s != '\0') {
        h = (h << 7) | (h >> 25);
        h = h * 29u + (uint8_t)*s++;
    }
    return h;
}
/* Rolling checksum variant 14: mixes every byte with rotate-by-1 and a multiplier. */
static uint32_t checksum14(const char *s) {
    uint32_t h = 1518u;
    while (*s != '\0') {
        h = (h << 1) | (h >> 31);
        h = h * 31u + (uint8_t)*s++;
    }
    return h;
}
/* Rolling checksum variant 15: mixes every byte with rotate-by-2 and a multiplier. */
static uint32_t checksum15(const char *s) {
    uint32_t h = 1555u;
    while (*s != '\0') {
        h = (h << 2) | (h >> 30);
        h = h * 33u + (uint8_t)*s++;
    }
    return h;
}
/* Rolling checksum variant 16: mixes every byte with rotate-by-3 and a multiplier. */
static uint32_t checksum16(const char *s) {
    uint32_t h = 1592u;
    while (*s != '\0') {
        h = (h << 3) | (h >> 29);
        h = h * 35u + (uint8_t)*s++;
    }
    return h;
}
/* Rolling checksum variant 17: mixes every byte with rotate-by-4 and a multiplier. */
static uint32_t checksum17(const char *s) {
    uint32_t h = 1629u;
    while (*s != '\0') {
        h = (h << 4) | (h >> 28);
        h = h * 37u + (uint8_t)*s++;
    }
    return h;
}

/* Runs every helper once and folds the results into one number (so none is dead code). */
static uint32_t self_check(void) {
    static char buf[128];
    char *words[WORDS_MAX];
    int32_t a[MATRIX_N][MATRIX_N], b[MATRIX_N][MATRIX_N], c[MATRIX_N][MATRIX_N];
    int i, j, n, mean100 = 0, var100 = 0;
    uint32_t fold;
    strncpy(buf, SAMPLE, sizeof buf - 1);
    n = tokenize(buf, words, WORDS_MAX);
    sort_words(words, n);
    length_stats(words, n, &mean100, &var100);
    for (i = 0; i < MATRIX_N; i++) {
        for (j = 0; j < MATRIX_N; j++) {
            a[i][j] = i + j;
            b[i][j] = i == j ? 2 : 1;
        }
    }
    matmul(a, b, c);
    fold = fnv1a(SAMPLE) ^ (uint32_t)distinct(words, n) ^ isqrt((uint64_t)mean100 * 1000u) ^ (uint32_t)trace(c) ^ (uint32_t)var100;
    fold ^= checksum1(SAMPLE);
    fold ^= checksum2(SAMPLE);
    fold ^= checksum3(SAMPLE);
    fold ^= checksum4(SAMPLE);
    fold ^= checksum5(SAMPLE);
    fold ^= checksum6(SAMPLE);
    fold ^= checksum7(SAMPLE);
    fold ^= checksum8(SAMPLE);
    fold ^= checksum9(SAMPLE);
    fold ^= checksum10(SAMPLE);
    fold ^= checksum11(SAMPLE);
    fold ^= checksum12(SAMPLE);
    fold ^= checksum13(SAMPLE);
    fold ^= checksum14(SAMPLE);
    fold ^= checksum15(SAMPLE);
    fold ^= checksum16(SAMPLE);
    fold ^= checksum17(SAMPLE);
    return fold;
}

/* Checks itself once, announces the version, then idles (the benchmark restarts it). */
int main(void) {
    uint32_t check = self_check();
    printf("reloadbench %s ready (check %08x)\n", VERSION, (unsigned)check);
    fflush(stdout);
    for (;;) rvos_sleep(1000000000ull);
}
