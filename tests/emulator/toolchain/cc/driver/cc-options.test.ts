// Tests of the `rvos cc` argument model: modes, -I/-D/-U forms, output naming
// and every usage error parseCcArgs reports.

import { describe, expect, it } from 'vitest';
import { inputKind, parseCcArgs, perFileOutput, splitMacros, type CcOptions } from '../../../../../emulator/toolchain/cc/driver/cc-options.ts';

function parsed(...args: string[]): CcOptions {
  const r = parseCcArgs(args);
  if (typeof r === 'string') throw new Error(`unexpected: ${r}`);
  return r;
}

describe('parseCcArgs', () => {
  it('defaults to linking for the bare target at -O0 with no output name', () => {
    expect(parsed('a.c')).toMatchObject({ mode: 'link', target: 'bare', optimize: 0, output: undefined, noStdlib: false, inputs: [{ path: 'a.c', kind: 'c' }] });
  });

  it('picks the earliest stage when several mode flags are given, as gcc does', () => {
    expect(parsed('-c', 'a.c').mode).toBe('compile');
    expect(parsed('-c', '-S', 'a.c').mode).toBe('assemble-only');
    expect(parsed('-S', '-E', '-c', 'a.c').mode).toBe('preprocess');
  });

  it('takes -I, -D, -U and -o attached or as the next argument, keeping -D/-U order', () => {
    const o = parsed('-Iinc', '-I', 'other', '-DA', '-D', 'B=2', '-UC', '-o', 'x.elf', 'a.c', '-O1', '--target=bare');
    expect(o.includePaths).toEqual(['inc', 'other']);
    expect(o.macros).toEqual([{ define: 'A' }, { define: 'B=2' }, { undefine: 'C' }]);
    expect(splitMacros(o)).toEqual({ defines: ['A', 'B=2'], undefines: ['C'] });
    expect(o.output).toBe('x.elf');
    expect(o.optimize).toBe(1);
  });

  it('accepts --target=rvos', () => {
    expect(parsed('--target=rvos', 'a.c').target).toBe('rvos');
  });

  it('reads -nostdlib, -nostdinc and --cache-dir', () => {
    expect(parsed('-nostdlib', '-nostdinc', '--cache-dir=/tmp/c', 'a.s')).toMatchObject({ noStdlib: true, noStdinc: true, cacheDir: '/tmp/c' });
  });

  it('classifies inputs by extension', () => {
    expect(['a.c', 'b.s', 'c.S', 'd.o', 'e.a', 'f.txt'].map(inputKind)).toEqual(['c', 'asm', 'asm-cpp', 'object', 'archive', undefined]);
  });

  it.each([
    [['--help'], 'help'],
    [['-h', 'a.c'], 'help'],
    [[], 'no input files'],
    [['-O0'], 'no input files'],
    [['-Q', 'a.c'], "unknown option '-Q'"],
    [['-O2', 'a.c'], "unknown option '-O2'"],
    [['a.c', '-o'], "missing argument to '-o'"],
    [['a.c', '-I'], "missing argument to '-I'"],
    [['-o', 'x', '-o', 'y', 'a.c'], "more than one '-o'"],
    [['notes.txt'], "'notes.txt': unknown file type (expected .c, .s, .S, .o or .a)"],
    [['--target=linux', 'a.c'], "unknown target 'linux' (expected bare or rvos)"],
    [['-c', 'a.c', 'b.c', '-o', 'x.o'], "cannot use '-o' with -c and several input files"],
    [['-S', 'a.c', 'b.c', '-o', 'x.s'], "cannot use '-o' with -S and several input files"],
    [['-S', 'a.s'], '-S takes only C files'],
    [['-c', 'a.o'], '-c takes only source files (.c, .s, .S)'],
    [['-E', 'lib.a'], '-E takes only source files (.c, .s, .S)'],
  ])('%j -> %s', (args, expected) => {
    expect(parseCcArgs(args)).toBe(expected);
  });
});

describe('perFileOutput', () => {
  it('names objects and assembly after the input base name in the current directory', () => {
    const c = parsed('-c', 'src/dir/prog.c', 'lib.S');
    expect(c.inputs.map((i) => perFileOutput(c, i))).toEqual(['prog.o', 'lib.o']);
    const s = parsed('-S', 'src/x.y.c');
    expect(perFileOutput(s, s.inputs[0]!)).toBe('x.y.s');
  });

  it('uses -o when given, and stdout (undefined) for -E without -o', () => {
    const c = parsed('-c', 'a.c', '-o', 'out/obj.o');
    expect(perFileOutput(c, c.inputs[0]!)).toBe('out/obj.o');
    const e = parsed('-E', 'a.c');
    expect(perFileOutput(e, e.inputs[0]!)).toBeUndefined();
  });
});
