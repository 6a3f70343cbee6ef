// End-to-end tests of the kernel commands as a user runs them: spawns
// `node bin/rvos.mjs boot|run|test ...` (the real toolchain builds the guest
// programs, the real kernel boots on the real hart) and checks what they print
// and their exit codes.

import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-dir.ts';

const root = resolve(import.meta.dirname, '../../..');
const hartBuilt = existsSync(join(root, 'emulator/hart/build/hart.wasm'));
const TIMEOUT = 120_000;

function rvos(input: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(root, 'bin/rvos.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: TIMEOUT, input });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function cFile(name: string, source: string): string {
  const path = join(makeTempDir('rvos-kernel-cli-'), name);
  writeFileSync(path, source);
  return path;
}

describe.skipIf(!hartBuilt)('rvos run', () => {
  it('compiles a C program, runs it with its arguments and exits with its status', () => {
    const prog = cFile('args.c', '#include <stdio.h>\nint main(int argc, char **argv) {\n  printf("argc=%d", argc);\n  for (int i = 0; i < argc; i++) printf(" [%s]", argv[i]);\n  printf("\\n");\n  return 7;\n}\n');
    const r = rvos('', 'run', prog, 'one', 'two words');
    expect(r.stdout).toBe('argc=3 [args] [one] [two words]\n');
    expect(r.status).toBe(7);
  }, TIMEOUT);

  it('gives the program stdin through the console service', () => {
    const prog = cFile('upper.c', '#include <stdio.h>\n#include <ctype.h>\nint main(void) {\n  int c;\n  while ((c = getchar()) != EOF) putchar(toupper(c));\n  return 0;\n}\n');
    const r = rvos('abc\ndef\n', 'run', prog);
    expect(r.stdout).toContain('ABC\nDEF\n');
    expect(r.status).toBe(0);
  }, TIMEOUT);

  it('reports a faulting program with the kernel log line and exit code 139', () => {
    const prog = cFile('crash.c', 'int main(void) {\n  volatile int *p = (int *)0;\n  return *p;\n}\n');
    const r = rvos('', 'run', prog);
    expect(r.stdout).toMatch(/kernel: pid \d+ \(crash\): load page fault at 0x0 pc 0x[0-9a-f]+/);
    expect(r.status).toBe(139);
  }, TIMEOUT);

  it('exits 1 with file:line:column diagnostics for a C file that does not compile', () => {
    const prog = cFile('broken.c', 'int main(void) {\n  return undeclared_thing;\n}\n');
    const r = rvos('', 'run', prog);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/broken\.c:2:\d+: error: .*undeclared_thing/);
  }, TIMEOUT);

  it('exits 2 for a malformed ELF file and for a missing program', () => {
    const bad = cFile('bad.elf', 'not an elf');
    const r = rvos('', 'run', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`rvos run: ${bad}:`);
    const missing = rvos('', 'run');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('rvos run: missing the program');
  }, TIMEOUT);

  it('stops at the instruction limit with exit code 124', () => {
    const prog = cFile('spin.c', 'int main(void) {\n  for (;;) {}\n}\n');
    const r = rvos('', 'run', '--max-instructions', '2000000', prog);
    expect(r.status).toBe(124);
    expect(r.stderr).toContain('instruction limit of 2000000 reached');
  }, TIMEOUT);
});

describe.skipIf(!hartBuilt)('rvos boot', () => {
  it('boots to the shell, runs commands typed on stdin and exits with the shell status', () => {
    const r = rvos('echo hello world\nhello x y\nls /bin\nexit 3\n', 'boot');
    expect(r.stdout).toContain('rvos> ');
    expect(r.stdout).toContain('hello world\n');
    expect(r.stdout).toMatch(/arg 1: x\r?\narg 2: y/);
    expect(r.stdout).toMatch(/ktest/);
    expect(r.status).toBe(3);
  }, TIMEOUT);

  it('rejects arguments it does not take', () => {
    const r = rvos('', 'boot', 'extra');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unexpected argument 'extra'");
  });
});

describe.skipIf(!hartBuilt)('rvos test', () => {
  it('runs ktest in the guest and exits 0 when every test passes', () => {
    const r = rvos('', 'test');
    expect(r.stdout).toContain('[ok] chan-send-receive');
    expect(r.stdout).not.toContain('[FAIL]');
    expect(r.status).toBe(0);
  }, TIMEOUT);
});
