// Unit tests of the C code generator's output text and diagnostics (no machine
// needed): symbol directives, sections, relocated data, merged string
// literals, and clean error diagnostics for what the back end rejects.

import { describe, expect, it } from 'vitest';
import { compileC } from '../../../../../emulator/toolchain/cc/driver/compile-c.ts';
import { memoryFileSystem } from '../../../../../emulator/toolchain/cc/preprocess/preprocess.ts';

function compile(source: string): ReturnType<typeof compileC> {
  return compileC('t.c', { fs: memoryFileSystem({ 't.c': source }) });
}

describe('generateAssembly output', () => {
  it('emits symbol directives, sections and relocated initializers', () => {
    const r = compile('int g = 5; static int h; int *p = &g + 1; const char *s = "ab"; int f(void) { return g; }\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.object).toBeInstanceOf(Uint8Array);
    const asm = r.asm!;
    expect(asm).toContain('\t.globl f\n\t.type f, @function\nf:');
    expect(asm).toMatch(/\.section \.data\n\t\.balign 4\n\t\.globl g\n\t\.type g, @object\n\t\.size g, 4\ng:\n\t\.byte 5,0,0,0/);
    expect(asm).toMatch(/\.section \.bss\n\t\.balign 4\n\t\.type h, @object/);
    expect(asm).not.toContain('.globl h');
    expect(asm).toContain('\t.dword g+4');
    expect(asm).toMatch(/\.dword \.L\.str\.\d+/);
    expect(asm).toContain('.size f, .-f');
  });

  it('merges identical string literals into one object', () => {
    const asm = compile('const char *a = "same"; const char *b = "same";\n').asm!;
    expect(asm.match(/\.byte 115,97,109,101,0/g)).toHaveLength(1);
  });

  it('keeps the sp 16-byte aligned: the frame size is a multiple of 16', () => {
    const asm = compile('int f(int a) { char c[3]; c[0] = a; return c[0]; }\n').asm!;
    const m = /addi sp, sp, -(\d+)\n/.exec(asm.slice(asm.indexOf('mv s0, sp')));
    expect(Number(m?.[1]) % 16).toBe(0);
  });
});

describe('code generator diagnostics', () => {
  it('rejects long double conversions with an error, not a crash', () => {
    const r = compile('long double x; void f(double d) { x = d; }\n');
    expect(r.object).toBeUndefined();
    expect(r.diagnostics.some((d) => d.severity === 'error' && /long double/.test(d.message) && d.line === 1)).toBe(true);
  });

  it('rejects unsupported inline asm constraints', () => {
    const r = compile('void f(int *p) { __asm__ volatile("sw zero, %0" : "=A"(*p)); }\n');
    expect(r.object).toBeUndefined();
    expect(r.diagnostics.some((d) => /constraint "=A"/.test(d.message))).toBe(true);
  });
});
