// Test helper: the small bare-metal programs the `rvos bare` tests run, as GNU
// assembler sources (built with riscv64-unknown-elf-gcc by cross-gcc.ts).

/** The HTIF words in .data: `tohost` (the exit request) and `fromhost`. */
export const TOHOST_DATA = `  .section .data
  .balign 8
  .globl tohost
tohost: .dword 0
  .globl fromhost
fromhost: .dword 0
`;

const EXIT_TAIL = `
  la t0, tohost
  sd a0, 0(t0)
1: j 1b
${TOHOST_DATA}`;

/** Exits through tohost with `value` (1 = pass, (n<<1)|1 = exit code n). */
export function exitProgram(value: number): string {
  return `  .section .text
  .globl _start
_start:
  li a0, ${value}
${EXIT_TAIL}`;
}

/** Spins forever. */
export const loopProgram = `  .section .text
  .globl _start
_start:
  addi a0, a0, 1
  j _start
`;

/** Prints "hello, world\\n" on the 16550 UART at 0x10000000, then passes. */
export const helloProgram = `  .section .text
  .globl _start
_start:
  li t0, 0x10000000
  la t1, msg
1:
  lbu t2, 0(t1)
  beqz t2, 2f
  sb t2, 0(t0)
  addi t1, t1, 1
  j 1b
2:
  li a0, 1
  j done
  .section .rodata
msg: .asciz "hello, world\\n"
  .section .text
done:
${EXIT_TAIL}`;

/** Straight-line code for the trace format (no compressed instructions). */
export const traceProgram = `  .section .text
  .option norvc
  .globl _start
_start:
  li a0, 2
  add a0, a0, a0
  li a0, 1
${EXIT_TAIL}`;

/** wfi with no interrupt enabled: nothing can ever wake the hart. */
export const wfiProgram = `  .section .text
  .globl _start
_start:
  csrw mie, zero
  wfi
  j _start
`;

/** C program: computes fib(20) = 6765 and exits with fib(20) % 251 = 239, printing "fib" first. */
export const fibProgram = `
volatile unsigned long tohost, fromhost;
static void putc_uart(char c) { *(volatile unsigned char *)0x10000000 = c; }
static unsigned long fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
__asm__(".section .text.init\\n.globl _start\\n_start:\\n  li sp, 0x80100000\\n  call c_main\\n");
void c_main(void) {
  putc_uart('f'); putc_uart('i'); putc_uart('b'); putc_uart('\\n');
  unsigned long r = fib(20) % 251;
  tohost = (r << 1) | 1;
  for (;;) {}
}
`;

/** Echoes UART input from its receive interrupt (MEIP, no PLIC) until a newline, then passes. */
export const interruptEchoProgram = `  .section .text
  .globl _start
_start:
  la t0, handler
  csrw mtvec, t0
  li s0, 0x10000000
  li t1, 1
  sb t1, 1(s0)
  li t1, 0x800
  csrw mie, t1
  csrsi mstatus, 8
idle: wfi
  j idle
  .balign 4
handler:
  lbu t2, 5(s0)
  andi t2, t2, 1
  beqz t2, 1f
  lbu a1, 0(s0)
  sb a1, 0(s0)
  li t3, 10
  bne a1, t3, handler
  li a0, 1
  j done
1: mret
done:
${EXIT_TAIL}`;

/** Polls LSR.DR and echoes UART input until a newline, then passes. */
export const pollingEchoProgram = `  .section .text
  .globl _start
_start:
  li s0, 0x10000000
1: lbu t2, 5(s0)
  andi t2, t2, 1
  beqz t2, 1b
  lbu a1, 0(s0)
  sb a1, 0(s0)
  li t3, 10
  bne a1, t3, 1b
  li a0, 1
${EXIT_TAIL}`;
