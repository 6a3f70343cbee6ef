// Reads ELF files built by riscv64-unknown-elf-gcc (and, when installed, a
// static glibc executable, a relocatable object and an lld link) and checks
// entry, program headers, sections and symbols against readelf/nm.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ET_EXEC, ET_REL, PT_LOAD, STT_FUNC, STT_OBJECT } from '../../../../emulator/toolchain/elf/elf-constants.ts';
import { findSymbol, readElf } from '../../../../emulator/toolchain/elf/elf-reader.ts';
import { binutils, buildBare, hasCrossGcc, hasTool } from './cross-gcc.ts';
import { makeTempDir } from '../../../support/temp-dir.ts';

/** Checks every program header, section name/type/address and nm symbol of `path` against binutils. */
function expectMatchesBinutils(path: string): ReturnType<typeof readElf> {
  const elf = readElf(readFileSync(path));
  const phdrs = [...binutils('readelf', ['-lW', path]).matchAll(/^\s+[A-Z_]+\s+0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+)/gm)];
  expect(elf.programHeaders.map((p) => [p.offset, p.vaddr, p.paddr, p.filesz, p.memsz])).toEqual(
    phdrs.map(([, o, v, p, f, m]) => [parseInt(o!, 16), BigInt(`0x${v}`), BigInt(`0x${p}`), parseInt(f!, 16), BigInt(`0x${m}`)]));
  const sections = [...binutils('readelf', ['-SW', path]).matchAll(/^\s+\[\s*([1-9]\d*)\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)/gm)];
  expect(elf.sections.slice(1).map((s) => [s.index, s.name, s.addr, s.offset, s.size])).toEqual(
    sections.map(([, i, n, a, o, z]) => [Number(i), n, BigInt(`0x${a}`), parseInt(o!, 16), BigInt(`0x${z}`)]));
  const byName = new Map<string, Set<bigint>>();
  for (const symbol of elf.symbols) byName.set(symbol.name, (byName.get(symbol.name) ?? new Set()).add(symbol.value));
  const nm = binutils('nm', ['--defined-only', path]).trim().split('\n').map((line) => line.trim().split(/\s+/)).filter((f) => f.length === 3);
  expect(nm.length).toBeGreaterThan(0);
  for (const [value, , name] of nm) expect(byName.get(name!)?.has(BigInt(`0x${value}`)), name).toBe(true);
  return elf;
}

function compile(compiler: string, args: string[], source: string): string {
  const dir = makeTempDir('rvos-elf-');
  writeFileSync(join(dir, 'm.c'), source);
  execFileSync(compiler, [...args, join(dir, 'm.c')], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  return dir;
}

const small = 'int x = 5;\nstatic int twice(int v) { return 2 * v; }\nint main(void) { return twice(x); }\n';

describe('ELF reader on other toolchains\' output', () => {
  it.skipIf(!hasTool('riscv64-linux-gnu-gcc') || !hasCrossGcc)('reads a static glibc executable like readelf and nm', () => {
    const dir = compile('riscv64-linux-gnu-gcc', ['-static', '-O1', '-o', 'm.elf'], small);
    const elf = expectMatchesBinutils(join(dir, 'm.elf'));
    expect(elf.header.type).toBe(ET_EXEC);
    expect(elf.symbols.length).toBeGreaterThan(1000);
  });

  it.skipIf(!hasCrossGcc)('reads a relocatable object like readelf and nm', () => {
    const dir = compile('riscv64-unknown-elf-gcc', ['-c', '-O1', '-o', 'm.o'], small);
    const elf = expectMatchesBinutils(join(dir, 'm.o'));
    expect(elf.header.type).toBe(ET_REL);
    expect(elf.programHeaders).toEqual([]);
    expect(elf.sections.map((s) => s.name)).toEqual(expect.arrayContaining(['.text', '.rela.text', '.data', '.symtab']));
  });

  it.skipIf(!hasTool('clang') || !hasTool('ld.lld') || !hasCrossGcc)('reads an lld-linked executable like readelf and nm', () => {
    const dir = compile('clang', ['--target=riscv64-unknown-elf', '-march=rv64gc', '-mcmodel=medany', '-O1', '-c', '-o', 'm.o'], small);
    execFileSync('ld.lld', ['-o', join(dir, 'm.elf'), join(dir, 'm.o'), '-e', 'main', '-Ttext=0x80000000']);
    expect(expectMatchesBinutils(join(dir, 'm.elf')).header.entry).toBe(findSymbol(readElf(readFileSync(join(dir, 'm.elf'))), 'main')?.value);
  });
});

const program = `
int counter = 3;
long table[4];
static int helper(int x) { return x * counter + 1; }
void _start(void) {
  table[1] = helper(5);
  for (;;) {}
}
int other(int y) { return helper(y) + 2; }
`;

describe.skipIf(!hasCrossGcc)('ELF reader on gcc output', () => {
  const path = hasCrossGcc ? buildBare(program, 'prog.c', ['-O0']) : '';

  it('matches readelf for the entry point and PT_LOAD segments', () => {
    const elf = readElf(readFileSync(path));
    const readelf = binutils('readelf', ['-h', '-l', '-W', path]);
    expect(readelf).toContain(`Entry point address:               0x${elf.header.entry.toString(16)}`);
    const loads = [...readelf.matchAll(/^\s+LOAD\s+0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+) 0x([0-9a-f]+)/gm)];
    const ours = elf.programHeaders.filter((p) => p.type === PT_LOAD);
    expect(ours.length).toBe(loads.length);
    ours.forEach((p, i) => {
      const [, off, vaddr, paddr, filesz, memsz] = loads[i]!;
      expect([p.offset, p.vaddr, p.paddr, p.filesz, p.memsz]).toEqual([
        parseInt(off!, 16), BigInt(`0x${vaddr}`), BigInt(`0x${paddr}`), parseInt(filesz!, 16), BigInt(`0x${memsz}`),
      ]);
    });
  });

  it('matches nm for every named symbol', () => {
    const elf = readElf(readFileSync(path));
    const nm = binutils('nm', [path]).trim().split('\n').map((line) => line.trim().split(/\s+/));
    const defined = nm.filter((f) => f.length === 3);
    expect(defined.length).toBeGreaterThan(4);
    for (const [value, , name] of defined) {
      const symbol = elf.symbols.find((s) => s.name === name);
      expect(symbol?.value, name).toBe(BigInt(`0x${value}`));
    }
    expect(findSymbol(elf, '_start')?.type).toBe(STT_FUNC);
    expect(findSymbol(elf, 'helper')?.type).toBe(STT_FUNC);
    expect(findSymbol(elf, 'counter')).toMatchObject({ type: STT_OBJECT, size: 4n });
    expect(findSymbol(elf, 'table')).toMatchObject({ type: STT_OBJECT, size: 32n });
    expect(findSymbol(elf, '_start')?.value).toBe(elf.header.entry);
    expect(elf.sections.map((s) => s.name)).toEqual(expect.arrayContaining(['.text', '.symtab', '.strtab', '.shstrtab']));
  });
});
