// In-process tests of the `rvos cc` build steps (runDriver): exit codes,
// diagnostics with caret lines, no output on failure, -E/-c/-nostdlib linking,
// and the C-compiler hook (a stand-in compiler makes the C paths deterministic).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CCompiler } from '../../../../../emulator/toolchain/cc/driver/c-compiler.ts';
import { parseCcArgs, type CcOptions } from '../../../../../emulator/toolchain/cc/driver/cc-options.ts';
import { runDriver } from '../../../../../emulator/toolchain/cc/driver/driver.ts';
import { readElf } from '../../../../../emulator/toolchain/elf/elf-reader.ts';
import { makeTempDir } from '../../../../support/temp-dir.ts';

const EXIT_PROGRAM = `    .globl _start
_start:
    li t0, 1
    la t1, tohost
    sd t0, 0(t1)
1:  j 1b
    .section .tohost, "aw", @progbits
    .globl tohost
tohost: .dword 0
`;

interface Run { code: number; out: string; err: string }

async function cc(args: string[], compiler?: CCompiler): Promise<Run> {
  const options = parseCcArgs(args);
  if (typeof options === 'string') throw new Error(`usage error: ${options}`);
  let out = '';
  let err = '';
  const code = await runDriver(options as CcOptions, {
    stdout: (d) => { out += typeof d === 'string' ? d : new TextDecoder().decode(d); },
    stderr: (d) => { err += d; },
    compiler,
  });
  return { code, out, err };
}

function files(contents: Record<string, string>): string {
  const dir = makeTempDir('rvos-cc-driver-');
  for (const [name, text] of Object.entries(contents)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A stand-in compiler: reports an error at line 2 column 5 of any file containing "oops". */
function fakeCompiler(supportsO1: boolean, calls: string[] = []): CCompiler {
  return {
    supportsO1,
    compileC: (path, options) => {
      calls.push(path);
      const text = options.fs.read(path) ?? '';
      if (text.includes('oops')) return { object: undefined, asm: undefined, diagnostics: [{ file: path, line: 2, column: 5, severity: 'error', message: 'bad thing' }] };
      if (text.includes('throw')) throw new Error('codegen bug');
      return { object: undefined, asm: '\tnop\n', diagnostics: [] };
    },
  };
}

describe('runDriver', () => {
  it('links assembly with -nostdlib into an ELF whose entry is _start', async () => {
    const dir = files({ 'exit.s': EXIT_PROGRAM });
    const r = await cc(['-nostdlib', join(dir, 'exit.s'), '-o', join(dir, 'exit.elf')]);
    expect(r).toEqual({ code: 0, out: '', err: '' });
    const elf = readElf(readFileSync(join(dir, 'exit.elf')));
    expect(elf.header.entry).toBe(0x8000_0000n);
    expect(elf.symbols.find((s) => s.name === 'tohost')).toBeDefined();
  });

  it('assembles with -c, then links the object', async () => {
    const dir = files({ 'exit.S': `#define ONE 1\n${EXIT_PROGRAM.replace('li t0, 1', 'li t0, ONE')}` });
    expect((await cc(['-c', join(dir, 'exit.S'), '-o', join(dir, 'exit.o')])).code).toBe(0);
    expect((await cc(['-nostdlib', join(dir, 'exit.o'), '-o', join(dir, 'exit.elf')])).code).toBe(0);
    expect(readElf(readFileSync(join(dir, 'exit.elf'))).header.entry).toBe(0x8000_0000n);
  });

  it('reports an assembler error in a .S file at its source line with a caret, exits 1 and writes nothing', async () => {
    const dir = files({ 'bad.S': '#define X 1\n\n    addi a0, a0\n' });
    const r = await cc(['-c', join(dir, 'bad.S'), '-o', join(dir, 'bad.o')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^${join(dir, 'bad.S')}:3:\\d+: error: .*\\n    addi a0, a0\\n *\\^`, 'm'));
    expect(existsSync(join(dir, 'bad.o'))).toBe(false);
  });

  it('reports an undefined symbol from the linker and exits 1 without an output', async () => {
    const dir = files({ 'u.s': '.globl _start\n_start: call missing\n' });
    const r = await cc(['-nostdlib', join(dir, 'u.s'), '-o', join(dir, 'u.elf')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("undefined reference to 'missing'");
    expect(existsSync(join(dir, 'u.elf'))).toBe(false);
  });

  it('preprocesses to stdout with -E, applying -D and -I', async () => {
    const dir = files({ 'p.c': '#include "h.h"\nint x = N + M;\n' });
    const inc = files({ 'h.h': '#define M 3\n' });
    const r = await cc(['-E', '-DN=5', '-I', inc, join(dir, 'p.c')]);
    expect(r).toEqual({ code: 0, out: 'int x = 5 + 3;\n', err: '' });
  });

  it('finds the userland headers unless -nostdinc', async () => {
    const dir = files({ 'p.c': '#include <stdint.h>\nint64_t x;\n' });
    expect((await cc(['-E', join(dir, 'p.c')])).code).toBe(0);
    const r = await cc(['-E', '-nostdinc', join(dir, 'p.c')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('stdint.h');
  });

  it('prints C diagnostics with the source line and caret, exits 1 and writes no output', async () => {
    const dir = files({ 'e.c': 'int main(void) {\n    oops;\n}\n' });
    const r = await cc(['-S', join(dir, 'e.c'), '-o', join(dir, 'e.s')], fakeCompiler(true));
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${join(dir, 'e.c')}:2:5: error: bad thing\n    oops;\n    ^\n`);
    expect(existsSync(join(dir, 'e.s'))).toBe(false);
  });

  it('writes nothing when one of several inputs fails', async () => {
    const dir = files({ 'good.c': 'int x;\n', 'bad.c': 'x\noops\n' });
    const out = makeTempDir('rvos-cc-out-');
    const r = await cc(['-nostdlib', join(dir, 'good.c'), join(dir, 'bad.c'), '-o', join(out, 'a.elf')], fakeCompiler(true));
    expect(r.code).toBe(1);
    expect(existsSync(join(out, 'a.elf'))).toBe(false);
  });

  it('turns a compiler crash into an internal compiler error (exit 1), not an exception', async () => {
    const dir = files({ 't.c': 'throw\n' });
    const r = await cc(['-S', join(dir, 't.c'), '-o', join(dir, 't.s')], fakeCompiler(true));
    expect(r.code).toBe(1);
    expect(r.err).toContain('internal compiler error: Error: codegen bug');
  });

  it('notes that -O1 compiles as -O0 only when the code generator lacks -O1', async () => {
    const dir = files({ 'a.c': 'int x;\n' });
    const without = await cc(['-O1', '-S', join(dir, 'a.c'), '-o', '-'], fakeCompiler(false));
    expect(without).toEqual({ code: 0, out: '\tnop\n', err: "rvos cc: note: the code generator has no -O1 yet; compiling as -O0\n" });
    expect((await cc(['-O1', '-S', join(dir, 'a.c'), '-o', '-'], fakeCompiler(true))).err).toBe('');
  });

  it('rejects a missing input with exit 2 before doing anything', async () => {
    const dir = files({ 'a.c': 'int x;\n' });
    expect(await cc([join(dir, 'nope.c')])).toEqual({ code: 2, out: '', err: `rvos cc: error: ${join(dir, 'nope.c')}: No such file or directory\n` });
  });

  it('links --target=rvos programs at 0x10000 with the rvos crt0, libc and librvos, no stack or heap in the image', { timeout: 120_000 }, async () => {
    const dir = files({ 'a.c': '#include <rvos/syscall.h>\nint main(void) { return rvos_yield(); }\n' });
    const out = join(dir, 'a.elf');
    expect(await cc(['--target=rvos', join(dir, 'a.c'), '-o', out])).toEqual({ code: 0, out: '', err: '' });
    const elf = readElf(new Uint8Array(readFileSync(out)));
    expect(elf.header.entry).toBe(0x10000n);
    const names = elf.symbols.map((sym) => sym.name);
    expect(names).toEqual(expect.arrayContaining(['_start', '__rvos_start', 'rvos_syscall', 'main', 'exit']));
    expect(names).not.toContain('tohost');
    expect(names).not.toContain('__stack_top');
  });
});
