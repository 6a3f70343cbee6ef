/* A small S-mode demand-paging kernel in the style of the official env/v
   (our own code): builds Sv39 tables (user pages in the lowest 2 MiB, the kernel
   in the top 2 MiB), enters the U-mode test body with sret from M, maps a fresh
   frame on each page fault (copying the page through SUM, with A/D handled in
   software when the hart faults on them), checks that each fault's cause fits
   the faulting instruction, and at the U ecall checks A/D of every page. */

#include "hart-choices.h"

typedef unsigned long u64;
typedef unsigned int u32;
typedef unsigned short u16;

#define DRAM_BASE 0x80000000UL
#define PGSIZE 4096UL
#define MEGAPAGE (2UL << 20)
#define MAX_TEST_PAGES 63
#define PTE_V 0x01UL
#define PTE_R 0x02UL
#define PTE_W 0x04UL
#define PTE_X 0x08UL
#define PTE_U 0x10UL
#define PTE_A 0x40UL
#define PTE_D 0x80UL
#define SATP_SV39 (8UL << 60)
#define SSTATUS_SUM (1UL << 18)
#define MSTATUS_FS (3UL << 13)
#define MSTATUS_XS (3UL << 15)
#define MSTATUS_VS (3UL << 9)
#define CAUSE_USER_ECALL 8
#define CAUSE_FETCH_PAGE_FAULT 12
#define CAUSE_LOAD_PAGE_FAULT 13
#define CAUSE_STORE_PAGE_FAULT 15

#define pa2kva(pa) ((u64)(pa) - DRAM_BASE - MEGAPAGE)
#define uva2kva(va) ((u64)(va) - MEGAPAGE)
#define pte_for(pa) (((u64)(pa) >> 12) << 10)

#define read_csr(reg) ({ u64 v_; __asm__ volatile ("csrr %0, " #reg : "=r"(v_)); v_; })
#define write_csr(reg, val) __asm__ volatile ("csrw " #reg ", %0" :: "r"((u64)(val)))
#define set_csr(reg, bits) __asm__ volatile ("csrs " #reg ", %0" :: "r"((u64)(bits)))
#define clear_csr(reg, bits) __asm__ volatile ("csrc " #reg ", %0" :: "r"((u64)(bits)))

typedef struct {
  u64 gpr[32];
  u64 status, epc, badvaddr, cause;
} trapframe_t;

extern volatile u64 tohost;
extern volatile u64 fromhost;
extern char _end[];
extern char kstack_top[];
extern char userstart[];
void trap_entry(void);
void pop_tf(trapframe_t *tf) __attribute__((noreturn));
void vm_boot(void) __attribute__((noreturn));
void handle_trap(trapframe_t *tf) __attribute__((noreturn));

/* root, user level 1, kernel level 1, user level 0 */
static u64 pt[4][512] __attribute__((aligned(4096)));
#define root_pt pt[0]
#define user_l1 pt[1]
#define kernel_l1 pt[2]
#define user_l0 pt[3]

static u64 frame_of[MAX_TEST_PAGES];   /* physical frame mapped at user page i, 0 = none */
static u64 next_frame;                 /* counter over the free frames, visited in a scrambled order */
static u64 software_ad_faults;         /* faults that only asked for A or D */
static u64 new_page_faults[16];        /* faults that mapped a page, by cause */
static u64 straddle_faults;            /* fetch faults on the second half of an instruction */

/* vm_user.S touches exactly this many fresh pages by fetch, load and store. */
#define EXPECTED_FETCH_PAGES 4
#define EXPECTED_LOAD_PAGES 7
#define EXPECTED_STORE_PAGES 5

void *memcpy(void *dst, const void *src, unsigned long n);
void *memset(void *dst, int c, unsigned long n);
int memcmp(const void *a, const void *b, unsigned long n);

void *memcpy(void *dst, const void *src, unsigned long n) {
  char *d = dst;
  const char *s = src;
  while (n--) *d++ = *s++;
  return dst;
}

void *memset(void *dst, int c, unsigned long n) {
  char *d = dst;
  while (n--) *d++ = (char)c;
  return dst;
}

int memcmp(const void *a, const void *b, unsigned long n) {
  const unsigned char *x = a, *y = b;
  for (; n; n--, x++, y++)
    if (*x != *y) return *x - *y;
  return 0;
}

/* One HTIF request: wait until the host has taken the previous one. */
static void do_tohost(u64 value) {
  while (tohost) fromhost = 0;
  tohost = value;
}

/* Console output through HTIF device 1 (putchar), as env/v's cputstring does. */
static void cputstring(const char *s) {
  while (*s) do_tohost(0x0101000000000000UL | (unsigned char)*s++);
}

static void __attribute__((noreturn)) terminate(u64 code) {
  if (code == 1) cputstring("vm: pass\n");
  do_tohost(code);
  for (;;) {}
}

/* A failed kernel check reports 1000 + its line as the check number. */
#define assert(x) do { if (!(x)) terminate(((1000UL + __LINE__) << 1) | 1); } while (0)

static void flush_page(u64 va) {
  __asm__ volatile ("sfence.vma %0" :: "r"(va) : "memory");
}

/* 0 = not a memory access, 1 = load, 2 = store or AMO (from the instruction bits). */
static int access_kind(u64 epc) {
  u16 lo = *(volatile u16 *)uva2kva(epc);
  if ((lo & 3) != 3) {
    u32 quadrant = lo & 3, funct3 = lo >> 13;
    if (quadrant == 0 || quadrant == 2) {
      if (funct3 == 1 || funct3 == 2 || funct3 == 3) return 1;
      if (funct3 == 5 || funct3 == 6 || funct3 == 7) return 2;
    }
    return 0;
  }
  u32 insn = lo | ((u32)*(volatile u16 *)uva2kva(epc + 2) << 16);
  u32 opcode = insn & 0x7f;
  if (opcode == 0x03 || opcode == 0x07) return 1;
  if (opcode == 0x23 || opcode == 0x27) return 2;
  if (opcode == 0x2f) return (insn >> 27) == 2 ? 1 : 2;   /* lr is a load, sc and AMOs store */
  return 0;
}

/* The cause must match what the faulting instruction does. */
static void check_cause(trapframe_t *tf) {
  int kind = access_kind(tf->epc);
  if (tf->cause == CAUSE_FETCH_PAGE_FAULT) {
    u64 len = ((*(volatile u16 *)uva2kva(tf->epc) & 3) == 3) ? 4 : 2;
    assert(tf->badvaddr >= tf->epc && tf->badvaddr < tf->epc + len);
  } else if (tf->cause == CAUSE_LOAD_PAGE_FAULT) {
    assert(kind == 1);
  } else {
    assert(kind == 2);
  }
}

static u64 take_frame(void) {
  assert(next_frame < MAX_TEST_PAGES);
  u64 slot = (next_frame * 37 + 11) % MAX_TEST_PAGES;   /* 37 is coprime with 63 */
  next_frame++;
  return DRAM_BASE + (MAX_TEST_PAGES + 1 + slot) * PGSIZE;
}

static void handle_fault(u64 addr, u64 cause) {
  assert(addr >= PGSIZE && addr < MAX_TEST_PAGES * PGSIZE);
  u64 page = addr / PGSIZE;
  addr = page * PGSIZE;
  if (user_l0[page]) {
    /* Mapped already: only A (any access) or D (a store) can be missing. */
    if (!(user_l0[page] & PTE_A)) {
      user_l0[page] |= PTE_A;
    } else {
      assert(!(user_l0[page] & PTE_D) && cause == CAUSE_STORE_PAGE_FAULT);
      user_l0[page] |= PTE_D;
    }
    software_ad_faults++;
    flush_page(addr);
    return;
  }
  new_page_faults[cause]++;
  u64 frame = take_frame();
  u64 pte = pte_for(frame) | PTE_V | PTE_U | PTE_R | PTE_W | PTE_X;
  user_l0[page] = pte | PTE_A | PTE_D;
  flush_page(addr);
  frame_of[page] = frame;
  set_csr(sstatus, SSTATUS_SUM);
  memcpy((void *)addr, (const void *)uva2kva(addr), PGSIZE);
  clear_csr(sstatus, SSTATUS_SUM);
  user_l0[page] = pte;
  flush_page(addr);
  __asm__ volatile ("fence.i");
}

/* At exit: every mapped page was accessed; a page whose contents changed is dirty. */
static void check_pages(void) {
  set_csr(sstatus, SSTATUS_SUM);
  for (u64 page = 1; page < MAX_TEST_PAGES; page++) {
    if (!frame_of[page]) continue;
    assert(user_l0[page] & PTE_A);
    if (memcmp((void *)(page * PGSIZE), (const void *)uva2kva(page * PGSIZE), PGSIZE) != 0)
      assert(user_l0[page] & PTE_D);
  }
  clear_csr(sstatus, SSTATUS_SUM);
}

void handle_trap(trapframe_t *tf) {
  if (tf->cause == CAUSE_USER_ECALL) {
    check_pages();
    assert(new_page_faults[CAUSE_FETCH_PAGE_FAULT] == EXPECTED_FETCH_PAGES);
    assert(new_page_faults[CAUSE_LOAD_PAGE_FAULT] == EXPECTED_LOAD_PAGES);
    assert(new_page_faults[CAUSE_STORE_PAGE_FAULT] == EXPECTED_STORE_PAGES);
    assert(straddle_faults == 1);
    assert(!HART_HARDWARE_AD || software_ad_faults == 0);
    terminate(tf->gpr[10]);
  }
  assert(tf->cause == CAUSE_FETCH_PAGE_FAULT || tf->cause == CAUSE_LOAD_PAGE_FAULT ||
         tf->cause == CAUSE_STORE_PAGE_FAULT);
  assert((tf->status & (1UL << 8)) == 0);      /* SPP = U */
  check_cause(tf);
  if (tf->cause == CAUSE_FETCH_PAGE_FAULT && tf->badvaddr != tf->epc) straddle_faults++;
  handle_fault(tf->badvaddr, tf->cause);
  pop_tf(tf);
}

void vm_boot(void) {
  cputstring("vm: boot\n");
  assert((u64)_end <= DRAM_BASE + MAX_TEST_PAGES * PGSIZE);
  root_pt[0] = pte_for(user_l1) | PTE_V;
  root_pt[511] = pte_for(kernel_l1) | PTE_V;
  kernel_l1[511] = pte_for(DRAM_BASE) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D;
  user_l1[0] = pte_for(user_l0) | PTE_V;
  u64 satp = SATP_SV39 | ((u64)root_pt >> 12);
  write_csr(satp, satp);
  assert(read_csr(satp) == satp);
  __asm__ volatile ("sfence.vma" ::: "memory");

  write_csr(stvec, pa2kva(trap_entry));
  write_csr(sscratch, pa2kva(kstack_top - sizeof(trapframe_t)));
  write_csr(medeleg, (1UL << CAUSE_USER_ECALL) | (1UL << CAUSE_FETCH_PAGE_FAULT) |
                     (1UL << CAUSE_LOAD_PAGE_FAULT) | (1UL << CAUSE_STORE_PAGE_FAULT));
  write_csr(mstatus, MSTATUS_FS | MSTATUS_XS | MSTATUS_VS);
  assert((read_csr(mstatus) & (MSTATUS_XS | MSTATUS_VS)) == 0);   /* no X or V state */
  write_csr(mie, 0);

  trapframe_t tf;
  memset(&tf, 0, sizeof(tf));
  tf.epc = (u64)userstart - DRAM_BASE;
  pop_tf(&tf);
}
