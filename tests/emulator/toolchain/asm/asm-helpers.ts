// Test helpers for the assembler: assemble-or-fail, section bytes as hex, and
// the GNU binutils oracle (assemble with riscv64-unknown-elf-as, link objects
// with riscv64-unknown-elf-ld, extract linked section bytes with objcopy).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble, type AssembleOptions } from '../../../../emulator/toolchain/asm/assembler.ts';
import { formatDiagnostics } from '../../../../emulator/toolchain/asm/diagnostics.ts';
import { writeElfObject } from '../../../../emulator/toolchain/asm/elf-object-writer.ts';
import type { ObjectFile, ObjectSection } from '../../../../emulator/toolchain/asm/object.ts';
import { hasTool } from '../support/gnu-tools.ts';

export const GNU_AS = 'riscv64-unknown-elf-as';
export const GNU_LD = 'riscv64-unknown-elf-ld';
export const GNU_OBJCOPY = 'riscv64-unknown-elf-objcopy';
export const HAVE_BINUTILS = hasTool(GNU_AS) && hasTool(GNU_LD) && hasTool(GNU_OBJCOPY);

/** Assembles `source` and returns the object; throws with the formatted diagnostics on any error. */
export function asmOk(source: string, options: AssembleOptions = {}): ObjectFile {
  const r = assemble(source, 'test.s', options);
  if (r.diagnostics.some((d) => d.severity === 'error')) throw new Error(formatDiagnostics(r.diagnostics, source));
  return r.object;
}

export function section(obj: ObjectFile, name: string): ObjectSection {
  const s = obj.sections.find((x) => x.name === name);
  if (!s) throw new Error(`no section ${name}`);
  return s;
}

/** Little-endian hex of a section's bytes, e.g. '13050000'. */
export function hexOf(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The .text of `source` as a list of instruction words (16- or 32-bit, by their low bits). */
export function words(source: string, options: AssembleOptions = {}): number[] {
  const b = section(asmOk(source, options), '.text').bytes;
  const out: number[] = [];
  for (let i = 0; i < b.length;) {
    const half = b[i]! | (b[i + 1]! << 8);
    if ((half & 3) !== 3) {
      out.push(half);
      i += 2;
    } else {
      out.push((half | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0);
      i += 4;
    }
  }
  return out;
}

export function withTempDir<T>(body: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'rvos-asm-'));
  try {
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Linked {
  text: Uint8Array;
  data: Uint8Array;
  /** Every loadable section, as objcopy -O binary lays them out. */
  image: Uint8Array;
  elf: Uint8Array;
}

/** Links object files with GNU ld (text at `base`, no relaxation) and returns the linked .text/.data bytes and the ELF. */
export function gnuLink(dir: string, objects: string[], name: string, base = 0x10000, extraArgs: string[] = []): Linked {
  const elf = join(dir, `${name}.elf`);
  execFileSync(GNU_LD, [`-Ttext=0x${base.toString(16)}`, '--no-relax', '-e', '_start', ...extraArgs, '-o', elf, ...objects], { stdio: ['ignore', 'ignore', 'pipe'] });
  const part = (sec: string | undefined): Uint8Array => {
    const out = join(dir, `${name}${sec ?? '-all'}.bin`);
    execFileSync(GNU_OBJCOPY, ['-O', 'binary', ...(sec ? ['-j', sec] : []), elf, out]);
    return existsSync(out) ? new Uint8Array(readFileSync(out)) : new Uint8Array(0);
  };
  return { text: part('.text'), data: part('.data'), image: part(undefined), elf: new Uint8Array(readFileSync(elf)) };
}

/** Assembles `source` with ours and with GNU as (rv64gc, lp64d, -mno-relax), links each alone, and returns both. */
export function linkBoth(source: string, extraLd: string[] = []): { ours: Linked; gas: Linked } {
  return withTempDir((dir) => {
    const src = join(dir, 'in.s');
    writeFileSync(src, source);
    const gasObj = join(dir, 'gas.o');
    execFileSync(GNU_AS, ['-march=rv64gc', '-mabi=lp64d', '-mno-relax', '-o', gasObj, src], { stdio: ['ignore', 'ignore', 'pipe'] });
    const oursObj = join(dir, 'ours.o');
    writeFileSync(oursObj, writeElfObject(asmOk(source)));
    return { ours: gnuLink(dir, [oursObj], 'ours', 0x10000, extraLd), gas: gnuLink(dir, [gasObj], 'gas', 0x10000, extraLd) };
  });
}
