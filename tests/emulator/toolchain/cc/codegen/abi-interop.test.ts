// ABI interop of the C code generator: abi/abi-main.c (our compiler) calls and
// is called back by abi/abi-gcc.c (riscv64-unknown-elf-gcc -O1) with many
// integer and float arguments, small/large structs by value, struct returns,
// variadic calls in both directions and narrow integer arguments; the result
// must be all ASSERTs passing on the emulated machine. Skips without the cross gcc.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTool } from '../../elf/cross-gcc.ts';
import { root, runC } from './rvos-cc-build.ts';
import { existsSync } from 'node:fs';

const dir = join(import.meta.dirname, 'abi');
const ready = hasTool('riscv64-unknown-elf-gcc') && existsSync(join(root, 'emulator/hart/build/hart.wasm'));

describe.skipIf(!ready)('lp64d calling convention against gcc', () => {
  it('our code and gcc code call each other with the same ABI', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'rvos-cc-abi-')), 'abi-gcc.o');
    execFileSync('riscv64-unknown-elf-gcc', ['-march=rv64gc', '-mabi=lp64d', '-mcmodel=medany', '-ffreestanding', '-nostdlib', '-O1', '-c', join(dir, 'abi-gcc.c'), '-o', out]);
    const main = join(dir, 'abi-main.c');
    const run = await runC(readFileSync(main, 'utf8'), main, '', 100_000_000, [{ name: 'abi-gcc.o', bytes: new Uint8Array(readFileSync(out)) }]);
    expect(run.stdout).toBe('20 checks, 0 failed\n');
    expect(run.exitCode).toBe(0);
  }, 60_000);
});
