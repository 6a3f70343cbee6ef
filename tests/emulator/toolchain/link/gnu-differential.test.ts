// Differential tests against GNU ld: the same gcc-built objects (with and
// without -mrelax) linked by our linker and by GNU ld through a script with
// our layout must give identical image bytes (GNU ld --no-relax) and the same
// console output and exit code on the machine (GNU ld with relaxation too).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeArchive } from '../../../../emulator/toolchain/archive/archive-writer.ts';
import { readElf } from '../../../../emulator/toolchain/elf/elf-reader.ts';
import { readInputObject } from '../../../../emulator/toolchain/link/input-object.ts';
import { R_RISCV_ALIGN, R_RISCV_RELAX } from '../../../../emulator/toolchain/elf/riscv-relocations.ts';
import { link } from '../../../../emulator/toolchain/link/linker.ts';
import { bytesAt, HART_BUILT, linkOk, runElf, symbolValue, type NamedBytes } from './link-helpers.ts';
import { CLANG, clangFlags, GCC, gccFlags, gccObject, gnuArchive, gnuLink, gnuTool, HAVE_CLANG, HAVE_GNU } from './gnu-tools.ts';

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const compile = (name: string, relax: boolean): NamedBytes => gccObject(name, fixture(name), gccFlags(relax));

/** Asserts both ELFs hold the same bytes in every non-empty output section of ours. */
function expectSameImage(ours: Uint8Array, gnu: Uint8Array, sections: { name: string; address: bigint; size: bigint }[]): void {
  const [a, b] = [readElf(ours), readElf(gnu)];
  for (const s of sections.filter((x) => x.size > 0n && x.name !== '.bss' && x.name !== '.sbss')) {
    expect(Buffer.from(bytesAt(a, s.address, Number(s.size))).toString('hex'), s.name)
      .toBe(Buffer.from(bytesAt(b, s.address, Number(s.size))).toString('hex'));
  }
}

function expectSameSymbols(ours: Uint8Array, gnu: Uint8Array, names: string[]): void {
  const [a, b] = [readElf(ours), readElf(gnu)];
  for (const name of names) expect(symbolValue(a, name), name).toBe(symbolValue(b, name));
}

describe.skipIf(!HAVE_GNU)('relocations: our linker vs GNU ld, byte for byte', () => {
  it.each([false, true])('relocation fixture (relax %s) links to the same bytes as GNU ld --no-relax', (relax) => {
    const objects = [compile('relocations.S', relax), compile('relocation-targets.S', relax)];
    const types = [...readInputObject('r.o', objects[0]!.bytes).sections.values()].flatMap((s) => s.relocations.map((r) => r.type));
    expect(types.includes(R_RISCV_ALIGN) && types.includes(R_RISCV_RELAX)).toBe(relax);
    const ours = linkOk(objects);
    const gnu = gnuLink(objects, false);
    expectSameImage(ours.elf, gnu, ours.sections);
    expectSameSymbols(ours.elf, gnu, ['_start', 'near_func', 'far_func', 'data_obj', 'abs_sym']);
  });
});

const C_PROGRAM = ['crt0.S', 'main.c', 'lib.c', 'libsq.c'];
const EXPECTED_CONSOLE = 'hello from C\n36\n44\n54\n10\n1001\n385\n12\n';

describe.skipIf(!HAVE_GNU || !HART_BUILT)('C programs: our linker vs GNU ld on the machine', () => {
  it('without relaxation: same bytes, same console and exit code', async () => {
    const objects = C_PROGRAM.map((n) => compile(n, false));
    const ours = linkOk(objects);
    const gnu = gnuLink(objects, false);
    expectSameImage(ours.elf, gnu, ours.sections);
    expectSameSymbols(ours.elf, gnu, ['main', 'sum', 'table', 'counter', 'common_var', 'ops', '__global_pointer$', 'tohost']);
    const [a, b] = [await runElf(ours.elf), await runElf(gnu)];
    expect(a).toEqual({ reason: 'exit', exitCode: (36 + 33 + 1000) % 200, console: EXPECTED_CONSOLE });
    expect(b).toEqual(a);
  });

  it('with -mrelax: ALIGN honoured; same behaviour as GNU ld relaxing, same bytes as GNU ld --no-relax', async () => {
    const objects = C_PROGRAM.map((n) => compile(n, true));
    const ours = linkOk(objects);
    expectSameImage(ours.elf, gnuLink(objects, false), ours.sections);
    const relaxed = gnuLink(objects, true);
    const [a, b] = [await runElf(ours.elf), await runElf(relaxed)];
    expect(a.console).toBe(EXPECTED_CONSOLE);
    expect(b).toEqual(a);
  });

  it('a strong definition replaces a weak one', async () => {
    const objects = [...C_PROGRAM.map((n) => compile(n, false)), compile('hook.c', false)];
    const ours = linkOk(objects);
    expectSameImage(ours.elf, gnuLink(objects, false), ours.sections);
    const run = await runElf(ours.elf);
    expect(run.console).toBe(EXPECTED_CONSOLE.replace('1001', '8'));
    expect(run.exitCode).toBe((36 + 33 + 7) % 200);
  });

  it.each(['GNU ar', 'our archive writer'])('links library members from an archive made by %s, pulling only what is needed', async (maker) => {
    const [crt, main, ...members] = ['crt0.S', 'main.c', 'lib.c', 'libsq.c', 'unused.c'].map((n) => compile(n, false));
    const archive = maker === 'GNU ar' ? gnuArchive(members) : writeArchive(members.map((m) => ({ name: m!.name, data: m!.bytes })));
    const lib = { name: 'libdemo.a', bytes: archive };
    const ours = linkOk([crt!, main!, lib]);
    expect(ours.map.some((s) => s.name === 'never_called')).toBe(false);
    expect(ours.map.find((s) => s.name === 'sum_sq')?.file).toBe('libdemo.a(libsq.o)');
    const gnu = gnuLink([crt!, main!, lib], false);
    expectSameImage(ours.elf, gnu, ours.sections);
    const [a, b] = [await runElf(ours.elf), await runElf(gnu)];
    expect(a.console).toBe(EXPECTED_CONSOLE);
    expect(b).toEqual(a);
  });
});

/** Builds crt0 + stress.c + libsupport.a (memcpy/memset, archived by our writer) with one compiler setting. */
function stressProgram(compiler: string, flags: string[]): NamedBytes[] {
  const build = (name: string, extra: string[] = []): NamedBytes => gccObject(name, fixture(name), [...flags, ...extra], compiler);
  const support = build('support.c', compiler === GCC ? ['-fno-tree-loop-distribute-patterns'] : ['-fno-builtin']);
  const lib = { name: 'libsupport.a', bytes: writeArchive([{ name: support.name, data: support.bytes }]) };
  return [gccObject('crt0.S', fixture('crt0.S'), gccFlags(false)), build('stress.c'), lib];
}

async function expectSameAsGnu(objects: NamedBytes[]): Promise<void> {
  const ours = linkOk(objects);
  const gnu = gnuLink(objects, false);
  expectSameImage(ours.elf, gnu, ours.sections);
  const [a, b] = [await runElf(ours.elf, 0x8000_0000n, 20_000_000), await runElf(gnu, 0x8000_0000n, 20_000_000)];
  expect(a.reason).toBe('exit');
  expect(a.console).toContain('alphadeltagammabeta\n');
  expect(b).toEqual(a);
}

describe.skipIf(!HAVE_GNU || !HART_BUILT)('a larger C program at several optimization levels', () => {
  it.each(['-O0', '-O1', '-O2', '-Os'])('gcc %s: same bytes and behaviour as GNU ld', async (opt) => {
    await expectSameAsGnu(stressProgram(GCC, gccFlags(false, opt)));
  });

  it.skipIf(!HAVE_CLANG).each([false, true])('clang -O2 (relax %s): same bytes and behaviour as GNU ld', async (relax) => {
    await expectSameAsGnu(stressProgram(CLANG, clangFlags(relax)));
  });

  it('writes an ELF that GNU readelf accepts without warnings and objdump maps to functions', () => {
    const ours = linkOk(stressProgram(GCC, gccFlags(false, '-O1')));
    const readelf = gnuTool('riscv64-unknown-elf-readelf', ['-W', '-a'], ours.elf, 'prog.elf');
    expect(readelf).not.toMatch(/warning|error/i);
    expect(readelf).toMatch(/FUNC\s+GLOBAL\s+DEFAULT\s+\d+ main/);
    const objdump = gnuTool('riscv64-unknown-elf-objdump', ['-d'], ours.elf, 'prog.elf');
    expect(objdump).toMatch(/<memcpy>:/);
    expect(objdump).toMatch(/jalr\s.*# [0-9a-f]+ <main>/);
    expect(objdump).toMatch(/^0000000080000000 <_start>:/m);
  });
});

describe.skipIf(!HAVE_GNU)('gcc objects: COMMON symbols and rejected features', () => {
  const cc = (name: string, source: string, extra: string[] = []): NamedBytes => gccObject(name, source, [...gccFlags(false), ...extra]);
  const start = '  .text\n  .globl _start\n_start: j _start\n';

  it('merges COMMON symbols to the largest size, as GNU ld does', () => {
    const objects = [
      gccObject('s.S', start, gccFlags(false)),
      cc('a.c', 'int shared[4]; int *pa(void) { return shared; }', ['-fcommon']),
      cc('b.c', 'int shared[8]; int *pb(void) { return shared; }', ['-fcommon']),
    ];
    const ours = linkOk(objects);
    const gnu = gnuLink(objects, false);
    expect(ours.map.find((s) => s.name === 'shared')).toMatchObject({ size: 32n, kind: 'object', file: 'a.o' });
    expectSameSymbols(ours.elf, gnu, ['shared', 'pa', 'pb']);
    expectSameImage(ours.elf, gnu, ours.sections);
  });

  it('rejects thread-local storage with a clear message', () => {
    const tls = cc('tls.c', '__thread int counter; int bump(void) { return ++counter; }');
    const r = link([gccObject('s.S', start, gccFlags(false)), tls]);
    expect(r.elf).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', file: 'tls.o' });
    expect(r.diagnostics[0]!.message).toMatch(/thread-local storage is not supported/);
  });

  it('rejects medlow code (%hi/%lo) linked at 0x80000000 with a hint, as GNU ld does', () => {
    const medlow = gccObject('m.c', 'int v; int get(void) { return v; }', ['-c', '-O1', '-march=rv64gc', '-mabi=lp64d', '-mcmodel=medlow', '-fno-pic', '-mno-relax']);
    const r = link([gccObject('s.S', start, gccFlags(false)), medlow]);
    expect(r.elf).toBeUndefined();
    expect(r.diagnostics.map((d) => d.message).join('\n')).toMatch(/R_RISCV_HI20 against 'v' out of range: .*use -mcmodel=medany/);
    expect(() => gnuLink([gccObject('s.S', start, gccFlags(false)), medlow], false)).toThrow(/truncated to fit|relocation/);
  });
});
