// Test helpers that drive the Debian RISC-V binutils as an oracle: find the
// tools on PATH, disassemble raw bytes with objdump, assemble a source file
// with as, and normalise objdump text so it compares with ours.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Returns true when `tool` is on PATH. */
export function hasTool(tool: string): boolean {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const OBJDUMP = 'riscv64-unknown-elf-objdump';
export const AS = 'riscv64-unknown-elf-as';
export const OBJCOPY = 'riscv64-unknown-elf-objcopy';

export interface ObjdumpLine {
  readonly address: bigint;
  /** The instruction bits as objdump shows them (32 or 16 bits). */
  readonly word: number;
  readonly text: string;
}

const BRANCHY = /^(b[a-z]*|j|jal|c\.j|c\.beqz|c\.bnez)$/;

/**
 * binutils 2.40 prints register-immediate instructions under their register
 * form (`add a0,a0,1` for addi, `csrs mstatus,8` for csrsi); our disassembler
 * prints the canonical mnemonic. Maps objdump's name back when the last operand
 * is a number.
 */
const IMMEDIATE_FORM: Record<string, string> = {
  add: 'addi', xor: 'xori', or: 'ori', and: 'andi', addw: 'addiw', sll: 'slli', srl: 'srli', sra: 'srai',
  sllw: 'slliw', srlw: 'srliw', sraw: 'sraiw', csrrw: 'csrrwi', csrrs: 'csrrsi', csrrc: 'csrrci',
  csrw: 'csrwi', csrs: 'csrsi', csrc: 'csrci',
};

function canonicalImmediateForm(text: string): string {
  const m = /^(\S+) (.*,)?(-?(?:0x[0-9a-f]+|[0-9]+))$/.exec(text);
  if (!m || !(m[1] in IMMEDIATE_FORM)) return text;
  return `${IMMEDIATE_FORM[m[1]]} ${m[2] ?? ''}${m[3]}`;
}

/** Returns objdump's instruction text in our format: single spaces, no `<sym>`, no `# comment`, bare hex targets. */
export function normalizeObjdump(text: string): string {
  let t = text.replace(/\s*#.*$/, '').replace(/\s*<[^>]*>/, '').replace(/\s+/g, ' ').trim();
  const [mnemonic] = t.split(' ');
  if (BRANCHY.test(mnemonic)) t = t.replace(/0x([0-9a-f]+)$/, '$1');
  return canonicalImmediateForm(t);
}

/** Parses the instruction lines of `objdump -d`/`-D` output. */
export function parseObjdump(output: string): ObjdumpLine[] {
  const lines: ObjdumpLine[] = [];
  for (const raw of output.split('\n')) {
    const m = /^\s*([0-9a-f]+):\t([0-9a-f ]+?)\s*\t(.*)$/.exec(raw);
    if (!m) continue;
    lines.push({ address: BigInt(`0x${m[1]}`), word: parseInt(m[2].replace(/ /g, ''), 16), text: normalizeObjdump(m[3]) });
  }
  return lines;
}

function withTempDir<T>(body: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'rvos-isa-'));
  try {
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Returns objdump's disassembly of raw little-endian code bytes loaded at `vma`. */
export function objdumpRaw(bytes: Uint8Array, vma = 0n): ObjdumpLine[] {
  return withTempDir((dir) => {
    const file = join(dir, 'code.bin');
    writeFileSync(file, bytes);
    const out = execFileSync(OBJDUMP, ['-b', 'binary', '-m', 'riscv:rv64', '-D', `--adjust-vma=0x${vma.toString(16)}`, file], {
      encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
    });
    return parseObjdump(out);
  });
}

/** Assembles `source` with GNU as (`-march=rv64gc`, extra flags) and returns the .text bytes and objdump -d lines. */
export function assembleAndDump(source: string, flags: readonly string[] = []): { bytes: Uint8Array; lines: ObjdumpLine[] } {
  return withTempDir((dir) => {
    const src = join(dir, 'all.s');
    const obj = join(dir, 'all.o');
    const bin = join(dir, 'all.bin');
    writeFileSync(src, source);
    execFileSync(AS, ['-march=rv64gc', '-mabi=lp64d', ...flags, '-o', obj, src], { stdio: ['ignore', 'ignore', 'pipe'] });
    execFileSync(OBJCOPY, ['-O', 'binary', '--only-section=.text', obj, bin]);
    const out = execFileSync(OBJDUMP, ['-d', obj], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return { bytes: new Uint8Array(readFileSync(bin)), lines: parseObjdump(out) };
  });
}
