// End-to-end tests of `rvos cc`: spawns `node bin/rvos.mjs cc ...`, then runs
// the programs with `rvos bare` (skipped when the hart is not built).

import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir.ts';

const root = resolve(import.meta.dirname, '../../..');
const hartBuilt = existsSync(join(root, 'emulator/hart/build/hart.wasm'));
/** One runtime-library cache for this file, so libc is built at most once here. */
const cacheDir = makeTempDir('rvos-cc-cache-');

function rvos(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(root, 'bin/rvos.mjs'), ...args], {
    cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, RVOS_CACHE_DIR: cacheDir },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function project(files: Record<string, string>): string {
  const dir = makeTempDir('rvos-cc-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const HELLO_S = `    .section .text.init
    .globl _start
_start:
    la a0, msg
    li t1, 0x10000000
1:  lbu t0, 0(a0)
    beqz t0, 2f
    sb t0, 0(t1)
    addi a0, a0, 1
    j 1b
2:  li t0, (5 << 1) | 1
    la t1, tohost
    sd t0, 0(t1)
3:  j 3b
    .section .rodata
msg: .asciz "hello\\n"
    .section .tohost, "aw", @progbits
    .globl tohost
tohost: .dword 0
`;

describe('rvos cc usage', () => {
  it('prints its usage for --help with exit 0', () => {
    const r = rvos(root, 'cc', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('usage: rvos cc');
  });

  it.each([
    [['cc'], 'rvos cc: error: no input files'],
    [['cc', '-Wfoo', 'a.c'], "rvos cc: error: unknown option '-Wfoo'"],
    [['cc', '/nonexistent/x.c'], 'rvos cc: error: /nonexistent/x.c: No such file or directory'],
    [['cc', '--target=rvos', '/nonexistent/x.c'], 'rvos cc: error: /nonexistent/x.c: No such file or directory'],
  ])('%j exits 2 with %s', (args, message) => {
    const r = rvos(root, ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('is listed in the rvos usage', () => {
    expect(rvos(root, 'help').stdout).toContain('cc <file>...');
  });
});

describe.skipIf(!hartBuilt)('rvos cc on assembly, run with rvos bare', () => {
  it('links a .s program with -nostdlib into a.out by default, and it runs', () => {
    const dir = project({ 'hello.s': HELLO_S });
    expect(rvos(dir, 'cc', '-nostdlib', 'hello.s')).toMatchObject({ status: 0, stderr: '' });
    const run = rvos(dir, 'bare', 'a.out');
    expect(run.stdout).toBe('hello\n');
    expect(run.status).toBe(5);
  });

  it('assembles a .S through the preprocessor with -D, to hello.o by default, then links the object', () => {
    const dir = project({ 'hello.S': HELLO_S.replace('(5 << 1) | 1', 'CODE') });
    expect(rvos(dir, 'cc', '-c', '-DCODE=(9<<1)|1', 'hello.S')).toMatchObject({ status: 0, stderr: '' });
    expect(existsSync(join(dir, 'hello.o'))).toBe(true);
    expect(rvos(dir, 'cc', '-nostdlib', 'hello.o', '-o', 'prog.elf').status).toBe(0);
    expect(rvos(dir, 'bare', 'prog.elf')).toMatchObject({ status: 9, stdout: 'hello\n' });
  });
});

describe('rvos cc on C', () => {
  it('prints file:line:col, the source line and a caret for a C error, exits 1 and writes no output', () => {
    const dir = project({ 'bad.c': 'int main(void) {\n    int x = ;\n    return 0;\n}\n' });
    const r = rvos(dir, 'cc', 'bad.c', '-o', 'bad.elf');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^bad\.c:2:\d+: error: .+\n {4}int x = ;\n {4,}\^/m);
    expect(existsSync(join(dir, 'bad.elf'))).toBe(false);
  });

  it('writes assembly with -S', () => {
    const dir = project({ 'f.c': 'int twice(int x) { return x * 2; }\n' });
    expect(rvos(dir, 'cc', '-S', 'f.c')).toMatchObject({ status: 0, stderr: '' });
    expect(existsSync(join(dir, 'f.s'))).toBe(true);
  });

  it.skipIf(!hartBuilt)('compiles and links hello.c with crt0 + libc; rvos bare prints hello', { timeout: 180_000 }, () => {
    const dir = project({ 'hello.c': '#include <stdio.h>\nint main(void) {\n    printf("hello\\n");\n    return 0;\n}\n' });
    expect(rvos(dir, 'cc', 'hello.c', '-o', 'hello.elf')).toMatchObject({ status: 0, stderr: '' });
    expect(rvos(dir, 'bare', 'hello.elf')).toMatchObject({ status: 0, stdout: 'hello\n' });
  });

  it.skipIf(!hartBuilt)('links separately compiled C files using malloc, printf and the exit code', { timeout: 180_000 }, () => {
    const dir = project({
      'main.c': '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\nint sum(const int *v, int n);\n'
        + 'int main(void) {\n    int *v = malloc(1000 * sizeof *v);\n    for (int i = 0; i < 1000; i++) v[i] = i;\n'
        + '    char *s = malloc(32);\n    strcpy(s, "sum");\n    printf("%s=%d %.2f\\n", s, sum(v, 1000), 2.5);\n    free(v);\n    return 3;\n}\n',
      'sum.c': 'int sum(const int *v, int n) { int t = 0; for (int i = 0; i < n; i++) t += v[i]; return t; }\n',
    });
    expect(rvos(dir, 'cc', '-c', 'sum.c')).toMatchObject({ status: 0, stderr: '' });
    expect(rvos(dir, 'cc', '-O1', 'main.c', 'sum.o', '-o', 'prog.elf').status).toBe(0);
    expect(rvos(dir, 'bare', 'prog.elf')).toMatchObject({ status: 3, stdout: 'sum=499500 2.50\n' });
  });
});
