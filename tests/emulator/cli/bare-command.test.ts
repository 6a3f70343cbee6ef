// End-to-end tests of `rvos bare`: spawns `node bin/rvos.mjs bare ...` on small
// programs built by riscv64-unknown-elf-gcc (skipped when it is absent) and
// checks exit codes, UART output, messages and the --trace line format.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBare, hasCrossGcc } from '../toolchain/elf/cross-gcc.ts';
import { exitProgram, fibProgram, helloProgram, interruptEchoProgram, loopProgram, pollingEchoProgram, traceProgram, wfiProgram } from './bare-programs.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const root = resolve(import.meta.dirname, '../../..');
const hartBuilt = existsSync(join(root, 'emulator/hart/build/hart.wasm')) && existsSync(join(root, 'emulator/hart/hart.ts'));

function rvos(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return rvosWithInput('', ...args);
}

function rvosWithInput(input: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(root, 'bin/rvos.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, input });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('rvos bare without a program to run', () => {
  it('exits 2 with a clear message for a missing file', () => {
    const r = rvos('bare', '/nonexistent/prog.elf');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("rvos bare: cannot read '/nonexistent/prog.elf': no such file");
  });

  it('exits 2 with the ELF error for a malformed file', () => {
    const path = join(makeTempDir('rvos-cli-'), 'bad.elf');
    writeFileSync(path, Uint8Array.of(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0));
    const r = rvos('bare', path);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ELF header: file size 0x8 is smaller than the ELF64 header');
  });
});

describe.skipIf(!hasCrossGcc || !hartBuilt)('rvos bare on gcc-built programs', () => {
  it('exits 0 when the guest writes tohost = 1', () => {
    expect(rvos('bare', buildBare(exitProgram(1))).status).toBe(0);
  });

  it('exits with v >> 1 for an odd tohost value v', () => {
    expect(rvos('bare', buildBare(exitProgram((7 << 1) | 1))).status).toBe(7);
  });

  it('exits 255 with a note when the guest code does not fit in a process exit code', () => {
    const r = rvos('bare', buildBare(exitProgram((300 << 1) | 1)));
    expect(r.status).toBe(255);
    expect(r.stderr).toContain('guest exit code 300 does not fit');
  });

  it('prints UART output on stdout', () => {
    const r = rvos('bare', buildBare(helloProgram));
    expect(r.stdout).toBe('hello, world\n');
    expect(r.status).toBe(0);
  });

  it.each([['interrupt-driven', interruptEchoProgram], ['polling', pollingEchoProgram]])('feeds stdin to the UART (%s echo)', (_kind, program) => {
    const r = rvosWithInput('echo me\n', 'bare', buildBare(program));
    expect(r.stdout).toBe('echo me\n');
    expect(r.status).toBe(0);
  });

  it('halts an interrupt-driven reader with 125 once stdin has ended', () => {
    const r = rvosWithInput('no newline', 'bare', buildBare(interruptEchoProgram));
    expect(r.stdout).toBe('no newline');
    expect(r.status).toBe(125);
    expect(r.stderr).toMatch(/halted in wfi/);
  });

  it('runs a compiled C program', () => {
    const r = rvos('bare', buildBare(fibProgram, 'fib.c'));
    expect(r.stdout).toBe('fib\n');
    expect(r.status).toBe(6765 % 251);
  });

  it('exits 124 with a message when --max-instructions is exceeded', () => {
    const r = rvos('bare', buildBare(loopProgram), '--max-instructions', '10000');
    expect(r.status).toBe(124);
    expect(r.stderr).toMatch(/instruction limit of 10000 reached \(at pc 0x8000000[0-9a-f] <_start(\+0x[0-9a-f]+)?> after 10000 instructions\)/);
  });

  it('exits 125 when the hart halts in wfi with nothing to wake it', () => {
    const r = rvos('bare', buildBare(wfiProgram));
    expect(r.status).toBe(125);
    expect(r.stderr).toMatch(/halted in wfi/);
  });

  it('exits 2 for an ELF whose segment lies outside RAM, with a hint for -Ttext links', () => {
    const dir = makeTempDir('rvos-cli-');
    writeFileSync(join(dir, 'p.S'), exitProgram(1));
    const elf = join(dir, 'p.elf');
    execFileSync('riscv64-unknown-elf-gcc', ['-nostdlib', '-nostartfiles', '-Wl,-Ttext=0x80000000', '-o', elf, join(dir, 'p.S')]);
    const r = rvos('bare', elf);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/segment 0x7ffff000\+0x[0-9a-f]+ lies outside RAM 0x80000000\.\.0x88000000 \(it maps the ELF headers/);
  });

  it('--trace prints pc, word, disassembly and the register written', () => {
    const r = rvos('bare', buildBare(traceProgram), '--trace');
    expect(r.status).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('0000000080000000 00200513 li a0,2  a0=0x0000000000000002');
    expect(lines[1]).toBe('0000000080000004 00a50533 add a0,a0,a0  a0=0x0000000000000004');
    expect(lines[2]).toBe('0000000080000008 00100513 li a0,1  a0=0x0000000000000001');
    expect(lines.some((l) => /^000000008000001[0-9a-f] 00a2b023 sd a0,0\(t0\)$/.test(l))).toBe(true);
  });
});
