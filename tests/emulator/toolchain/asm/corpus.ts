// Assembly programs used by the differential and run tests: each exercises a
// group of syntax features (pseudo-instructions, relocations, branches and
// their relaxation to longer forms, directives and data).

export const PROGRAM_CORPUS: Record<string, string> = {
  compressible: `_start:
  addi sp, sp, -16
  addi sp, sp, -64
  addi sp, sp, 496
  add a0, a1, a0
  add a0, a0, a1
  addi a0, a1, 0
  addi a0, sp, 8
  ld ra, 8(sp)
  sd s0, 0(sp)
  lw a0, 4(a1)
  sub a0, a0, a1
  and s1, s1, a5
  andi a0, a0, 3
  srli a0, a0, 3
  srai a5, a5, 3
  lui a0, 1
  lui a0, 0xfffff
  fld fa0, 8(sp)
  fsd fa0, 16(sp)
  fld fa0, 8(a0)
  c.addi a0, 1
  c.nop
  c.j .+4
  ebreak
`,
  pseudos: `_start:
  fadd.d fa0, fa1, fa2
  fadd.d fa0, fa1, fa2, rtz
  fcvt.w.d a0, fa0, rtz
  fcvt.d.w fa0, a0
  fmv.d fa0, fa1
  fneg.d fa0, fa1
  fabs.s fa0, fa1
  fmv.s ft0, ft1
  fneg.s ft0, ft1
  fabs.d ft0, ft1
  fmv.x.s a0, fa0
  csrr a0, mstatus
  csrw mtvec, a0
  csrs mie, a1
  csrc mie, a1
  csrwi mscratch, 3
  csrsi mstatus, 8
  csrci mstatus, 8
  csrrw a0, 0x340, a1
  rdcycle a0
  rdtime a1
  rdinstret a2
  frcsr a0
  fscsr a1
  fscsr a0, a1
  frrm a0
  fsrm a0, a1
  fsrm a1
  frflags a2
  fsflags a3
  lr.w a0, (a1)
  sc.w a2, a3, (a1)
  lr.d.aq a0, 0(a1)
  amoadd.d.aqrl a0, a1, (a2)
  amoswap.w a0, a1, (a2)
  fence
  fence rw, w
  fence.i
  ecall
  ebreak
  mret
  sret
  wfi
  sfence.vma
  sfence.vma a0
  sfence.vma a0, a1
  not a0, a1
  neg a0, a1
  negw a0, a1
  sext.w a0, a1
  seqz a0, a1
  snez a0, a1
  sltz a0, a1
  sgtz a0, a1
  mv s0, sp
  jr a0
  jalr a0
  jalr t0, a1
  jalr t0, 4(a1)
  jalr t0, a1, 8
  ret
  nop
`,
  branches: `_start:
  bgt a0, a1, 2f
  ble a0, a1, 2f
  bgtu a0, a1, 2f
  bleu a0, a1, 2f
  blez a0, 2f
  bgez a0, 2f
  bltz a0, 2f
  bgtz a0, 2f
  bnez s0, 2f
  bnez t0, 2f
  beq a0, a1, 1f
1:
  beqz a0, 1b
2:
  j 2b
  jal 2b
  jal ra, 2b
  j 3f
  .space 2040
3:
  j 3b
  j 4f
  .space 2046
4:
  beqz a0, 5f
  .space 250
5:
  beqz a0, 6f
  .space 256
6:
  beqz s0, far
  beqz t0, far
  bltu a0, a1, far
  j far
  beqz s0, ext
  j ext
  jal ext
  call ext
  tail ext
  call a0, ext
  .weak weakfn
  j weakfn
  beqz a0, weakfn
  call f0                       # symbols named like registers (C functions may be called f0, a1, ...)
  j a1
  beqz a0, ft0
  .space 5000
far:
f0: a1: ft0:
weakfn:
  beqz s1, _start
  bne a0, a1, _start
  ret
`,
  relocations: `_start:
  lui a0, %hi(sym)
  addi a0, a0, %lo(sym)
  sw a0, %lo(sym)(a0)
  ld a1, %lo(sym+8)(a0)
  lui a0, %hi(sym + 0x1234)
  lw a1, sym
  ld a2, sym+4
  sw a1, sym, t0
  fld fa0, dsym, t1
  fsd fa0, dsym, t1
  la a0, sym
  lla a1, dsym + 16
1:
  auipc a2, %pcrel_hi(sym)
  addi a2, a2, %pcrel_lo(1b)
  sd a3, %pcrel_lo(1b)(a2)
  lui a0, %hi(0x12345fff)
  addi a0, a0, %lo(0x12345fff)
  call _start
  .data
sym: .word 1, 2, 3
  .byte 1
  .align 3
dsym:
  .dword sym + 8
  .dword _start
  .word _start + 2
  .half 0xffff
  .string "hi\\n"
  .asciz "a\\tb", "c"
  .ascii "xyz"
  .balign 4
  .word far - _start
  .word dsym - sym
  .2byte dsym - sym
  .quad 0x123456789abcdef0
  .8byte -1
  .zero 3
  .space 2, 0x5a
  .p2align 2, 0xee
  .word ((1 << 4) | 3) * 2 - ~0 + (7 / 2) % 3
  .text
far: ret
`,
  alignment: `_start:
  nop
  .align 3
  c.nop
  .balign 16
  addi a0, a0, 1
  .p2align 2
  ret
  .option push
  .option norvc
  addi a0, a0, 1
  .align 4
  ret
  .option pop
  ret
  .align 5
`,
  sections: `  .section .text.startup,"ax",@progbits
_start:
  la a0, ro
  la a1, bss_var
  call helper
  .section .rodata
ro: .string "read only"
  .section .sdata,"aw"
sd: .word 5
  .bss
  .align 4
bss_var: .zero 64
  .comm common_var, 32, 8
  .text
  .type helper, @function
helper:
  ret
  .size helper, .-helper
  .equ K, 100
  .set K2, K * 2
  .data
  .word K, K2
`,
};

/** C files whose GCC assembly output is assembled by both assemblers (no headers: there is no libc). */
export const C_PROGRAMS: Record<string, string> = {};

C_PROGRAMS.basic = `
typedef unsigned long uint64_t;
struct point { int x, y; double w; };
static const char *names[] = { "zero", "one", "two", "three" };
int counter;
long table[16] = { 1, 2, 3 };
double scale = 2.5;
__attribute__((noinline)) int classify(int v) {
  switch (v) {
    case 0: return 10; case 1: return 20; case 2: return 33; case 3: return 47;
    case 4: return 51; case 5: return 60; case 6: return 71; default: return -1;
  }
}
__attribute__((noinline)) unsigned long str_len(const char *s) { unsigned long n = 0; while (s[n]) n++; return n; }
__attribute__((noinline)) double dot(const struct point *a, const struct point *b) { return a->x * b->x + a->y * b->y + a->w * b->w * scale; }
uint64_t mix(uint64_t x) { x ^= x >> 33; x *= 0xff51afd7ed558ccdULL; x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53ULL; return x ^ (x >> 33); }
long sum(long *p, int n) { long s = 0; for (int i = 0; i < n; i++) s += p[i] * i; return s; }
int use_names(int i) { counter++; return (int)str_len(names[i & 3]) + classify(i); }
float fmaths(float a, float b) { return a * b + a / b - (float)(int)a; }
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
int many_args(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j) { return fib(a) + b * c - d / (e | 1) + f % (g | 1) + h + i + j; }
`;

C_PROGRAMS.pointers = `
struct node { struct node *next; int key; char name[12]; };
typedef int (*op_fn)(int, int);
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
op_fn ops[] = { add, sub, mul, 0 };
const char *const messages[] = { "alpha", "beta", "gamma", "delta", "epsilon" };
static struct node pool[8];
long double ld_value = 1.5L;
int apply(int which, int a, int b) { return ops[which & 3] ? ops[which & 3](a, b) : -1; }
struct node *build(int n) {
  struct node *head = 0;
  for (int i = 0; i < n && i < 8; i++) { pool[i].next = head; pool[i].key = i * 7; head = &pool[i]; }
  return head;
}
int walk(struct node *p) { int s = 0; while (p) { s += p->key; p = p->next; } return s; }
struct node copy_node(struct node n) { n.key++; return n; }
int big_switch(int x) {
  switch (x) { case 10: return 1; case 11: return 5; case 12: return 9; case 13: return 2; case 14: return 77;
    case 15: return 3; case 16: return 8; case 17: return 100; case 18: return -5; case 19: return 6; default: return 0; }
}
long double ld_add(long double a) { return a + ld_value; }
unsigned long csr_cycle(void) { unsigned long c; __asm__ volatile("csrr %0, cycle" : "=r"(c)); return c; }
double dmath(double x, int n) { double r = 1; for (int i = 0; i < n; i++) r = r * x + 0.5 / (i + 1); return r; }
int sum_va(int n, ...) { __builtin_va_list ap; __builtin_va_start(ap, n); int s = 0; for (int i = 0; i < n; i++) s += __builtin_va_arg(ap, int); __builtin_va_end(ap); return s; }
unsigned long long divmod(unsigned long long a, unsigned long long b) { return a / b + a % b; }
int atomic_inc(int *p) { return __atomic_fetch_add(p, 1, __ATOMIC_SEQ_CST); }
`;
