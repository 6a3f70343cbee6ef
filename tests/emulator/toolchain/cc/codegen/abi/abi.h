/* abi.h: functions shared by abi-gcc.c (compiled by riscv64-unknown-elf-gcc) and abi-main.c
 * (compiled by our compiler): each side calls the other, so both follow the lp64d psABI. */
struct pair { long a, b; };
struct tri { int x, y, z; };
struct large { long v[5]; };
struct mixed { char c; int i; };
long g_ten(long a, long b, long c, long d, long e, long f, long g, long h, long i, long j);
double g_floats(double a, float b, int c, double d, double e, double f, double g, double h, double i, double j, double k, int l);
long g_structs(struct pair p, struct tri t, struct large l, struct mixed m);
struct pair g_mkpair(long a, long b);
struct tri g_mktri(int x);
struct large g_mklarge(long x);
double g_vsum(int n, ...);
long g_callback(long (*f)(long, double, struct pair, struct large), long x);
long g_vcall(long (*f)(int, ...));
struct dd { double x, y; };
struct fi { float f; int i; };
struct ff { float a[2]; };
struct id { char c; double d; };
struct d1 { struct { double v; } in; };
double g_fstructs(struct dd a, struct fi b, struct ff c, struct id d, struct d1 e);
struct dd g_mkdd(double x);
struct fi g_mkfi(float f, int i);
struct id g_mkid(char c, double d);
double g_fcallback(struct dd (*f)(struct dd, struct fi, struct id));
unsigned g_narrow(unsigned char a, signed char b, unsigned short c, short d, unsigned e);
