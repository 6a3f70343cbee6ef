// Feature tests of the C code generator: each c/*.c program is compiled with
// our toolchain, run on the emulated machine, and must report all of its
// ASSERT checks passing (exit status = number of failures). Where
// riscv64-linux-gnu-gcc and qemu-riscv64 exist the same programs also run
// against glibc, and the printed output must match ours. Every program runs at
// -O0 and at -O1 (program and libc both compiled at that level).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTool } from '../../elf/cross-gcc.ts';
import { root, runC } from './rvos-cc-build.ts';

const dir = join(import.meta.dirname, 'c');
const hartBuilt = existsSync(join(root, 'emulator/hart/build/hart.wasm'));
const hasOracle = hasTool('riscv64-linux-gnu-gcc') && hasTool('qemu-riscv64');
const files = readdirSync(dir).filter((f) => f.endsWith('.c')).sort();

describe.skipIf(!hartBuilt).each([0, 1] as const)('C code generator feature programs at -O%i', (level) => {
  for (const file of files) {
    it(`${file}: every ASSERT passes`, async () => {
      const run = await runC(readFileSync(join(dir, file), 'utf8'), join(dir, file), '', undefined, [], level);
      expect(run.stdout).toMatch(/\d+ checks, 0 failed\n$/);
      expect(run.stdout).not.toContain('FAIL');
      expect(Number(/(\d+) checks/.exec(run.stdout)?.[1])).toBeGreaterThan(5);
      expect({ reason: run.reason, exitCode: run.exitCode }).toEqual({ reason: 'exit', exitCode: 0 });
    }, 60_000);
  }
});

describe.skipIf(!hartBuilt || !hasOracle).each([0, 1] as const)('feature programs agree with gcc + glibc at -O%i', (level) => {
  const tmp = mkdtempSync(join(tmpdir(), `rvos-cc-oracle-O${level}-`));
  for (const file of files) {
    it(`${file}: same output as riscv64-linux-gnu-gcc under qemu`, async () => {
      const exe = join(tmp, file.replace(/\.c$/, ''));
      const cc = spawnSync('riscv64-linux-gnu-gcc', ['-static', '-O0', '-std=gnu11', '-o', exe, join(dir, file)], { encoding: 'utf8' });
      expect(cc.status, cc.stderr).toBe(0);
      const ref = spawnSync('qemu-riscv64', [exe], { encoding: 'latin1', timeout: 60_000 });
      const ours = await runC(readFileSync(join(dir, file), 'utf8'), join(dir, file), '', undefined, [], level);
      expect(ours.stdout).toBe(ref.stdout);
      expect(ours.exitCode).toBe(ref.status);
    }, 60_000);
  }
});
