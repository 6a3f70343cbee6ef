// The shape of a generated differential-test program: a list of items (single
// instructions or small groups that must stay together, and blocks such as a
// forward branch or a bounded loop around a body), the scratch/dump memory
// layout, and the rendering to GNU assembler text (prologue, items, epilogue).

/** Bytes of the scratch area every load/store/AMO targets. */
export const SCRATCH_SIZE = 4096;
/** Dump after the scratch area: x0..x31, f0..f31, fcsr (8 bytes each). */
export const DUMP_SIZE = 65 * 8;
/** Bytes the program writes to stdout before exiting: scratch then dump. */
export const OUTPUT_SIZE = SCRATCH_SIZE + DUMP_SIZE;
/** Link address of .text (inside our RAM, and fine for QEMU user mode). */
export const TEXT_BASE = 0x8000_0000;

/**
 * Reserved registers: x2 = scratch+2048, x9 = scratch base, x31 = loop counter,
 * x29 = observation accumulator (results are xor-ed into it, so that values
 * overwritten later still count), x30 = observation temporary.
 */
export const SP_REG = 2;
export const BASE_REG = 9;
export const LOOP_REG = 31;
export const ACC_REG = 29;
export const OBS_TMP_REG = 30;
export const RESERVED_REGS: readonly number[] = [0, SP_REG, BASE_REG, ACC_REG, OBS_TMP_REG, LOOP_REG];

/** Lines that stay together (e.g. address setup + AMO, lr ... sc). */
export interface Insn {
  readonly kind: 'insn';
  readonly lines: readonly string[];
}

/** Head lines, a body, tail lines; `%L` in head/tail is replaced by a fresh label. */
export interface Block {
  readonly kind: 'block';
  readonly head: readonly string[];
  readonly body: readonly Item[];
  readonly tail: readonly string[];
}

export type Item = Insn | Block;

export interface Program {
  readonly seed: number;
  /** Register initialisation followed by the random body; all of it may be shrunk. */
  readonly items: readonly Item[];
  /** 512 quadwords (as hex strings) that initialise the scratch area. */
  readonly scratch: readonly string[];
  /** False: `.option norvc`, so the assembler does not compress anything either. */
  readonly rvc: boolean;
}

/** Returns an Insn item of the given lines. */
export function insn(...lines: string[]): Insn {
  return { kind: 'insn', lines };
}

/** Returns the assembly of the items only (no prologue/epilogue), labels numbered from 0. */
export function renderItems(items: readonly Item[]): string {
  const out: string[] = [];
  appendItems(items, out, { next: 0 });
  return out.join('\n');
}

/** Returns the number of instruction lines (pseudo-instructions count once, labels not at all). */
export function countLines(items: readonly Item[]): number {
  let n = 0;
  for (const item of items) {
    if (item.kind === 'insn') n += item.lines.length;
    else n += countPlain(item.head) + countLines(item.body) + countPlain(item.tail);
  }
  return n;
}

function countPlain(lines: readonly string[]): number {
  return lines.filter((l) => !l.endsWith(':')).length;
}

function appendItems(items: readonly Item[], out: string[], labels: { next: number }): void {
  for (const item of items) {
    if (item.kind === 'insn') {
      for (const l of item.lines) out.push(l.endsWith(':') ? l : `  ${l}`);
      continue;
    }
    const label = `.Lb${labels.next++}`;
    const fix = (l: string): string => {
      const s = l.replaceAll('%L', label);
      return s.endsWith(':') ? s : `  ${s}`;
    };
    out.push(...item.head.map(fix));
    appendItems(item.body, out, labels);
    out.push(...item.tail.map(fix));
  }
}

/** Returns the complete assembler source of a program (prologue, items, dump + write + exit, data). */
export function renderProgram(program: Program): string {
  return [
    `# differential program, seed ${program.seed}`,
    '  .text',
    program.rvc ? '' : '  .option norvc',
    '  .globl _start',
    '_start:',
    `  la x${BASE_REG}, scratch`,
    `  addi x${SP_REG}, x${BASE_REG}, 2047`,
    `  addi x${SP_REG}, x${SP_REG}, 1`,
    `  li x${LOOP_REG}, 0`,
    '  fscsr x0',
    renderItems(program.items),
    ...epilogue(),
    '  .data',
    '  .balign 4096',
    '  .zero 2048', // the scratch area straddles a page boundary (at x2)
    'scratch:',
    ...program.scratch.map((q) => `  .quad ${q}`),
    'dump:',
    `  .zero ${DUMP_SIZE}`,
    '',
  ].join('\n');
}

function epilogue(): string[] {
  const lines = [`  la x${BASE_REG}, dump`];
  for (let r = 0; r < 32; r++) lines.push(`  sd x${r}, ${r * 8}(x${BASE_REG})`);
  for (let r = 0; r < 32; r++) lines.push(`  fsd f${r}, ${256 + r * 8}(x${BASE_REG})`);
  lines.push(
    '  frcsr x5',
    `  sd x5, 512(x${BASE_REG})`,
    '  li a0, 1',
    '  la a1, scratch',
    `  li a2, ${OUTPUT_SIZE}`,
    '  li a7, 64',
    '  ecall',
    '  li a0, 0',
    '  li a7, 93',
    '  ecall',
  );
  return lines;
}
