// Compiler speed: compiles every C file of the guest libc (fixtures/userland)
// with the project's own toolchain (preprocess, parse, generate, assemble) and
// reports lines per second, after one warm-up pass; then the speed of the
// generated code at -O0 vs -O1 (opt-levels.ts).

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileC } from '../../emulator/toolchain/cc/driver/compile-c.ts';
import { nodeFileSystem } from '../../emulator/toolchain/cc/driver/file-system.ts';
import type { BenchOptions, BenchSection, BenchTable } from '../support/bench-section.ts';
import { measureOptLevels } from './opt-levels.ts';

const userland = resolve(import.meta.dirname, '../../fixtures/userland');

function libcSources(): string[] {
  const dir = join(userland, 'libc');
  return [...readdirSync(dir).filter((f) => f.endsWith('.c')).map((f) => join(dir, f)), join(userland, 'platform/bare/platform-bare.c')];
}

/** Compiles every file once; returns the seconds taken, or throws on a compile error. */
function compileAll(files: readonly string[], optimize: 0 | 1): number {
  const fs = nodeFileSystem();
  const start = performance.now();
  for (const file of files) {
    const r = compileC(file, { fs, includePaths: [join(userland, 'include')], defines: [], optimize });
    if (r.object === undefined) throw new Error(`${file}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  }
  return (performance.now() - start) / 1000;
}

export const ccSection: BenchSection = {
  name: 'cc',
  async run(options: BenchOptions): Promise<BenchTable[]> {
    const files = libcSources();
    const lines = files.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').length, 0);
    const rows = ([0, 1] as const).map((level) => {
      compileAll(files, level); // warm-up: JIT and file cache
      let runs = 0;
      let seconds = 0;
      while (seconds < options.targetSeconds || runs < 2) {
        seconds += compileAll(files, level);
        runs++;
      }
      const perRun = seconds / runs;
      return [`-O${level}`, String(files.length), String(lines), String(runs), perRun.toFixed(3), Math.round(lines / perRun).toLocaleString('en-US')];
    });
    return [{
      title: 'C compiler speed (rvos cc, the guest libc: preprocess + parse + codegen + assemble)',
      headers: ['level', 'files', 'lines', 'runs', 'seconds/run', 'lines/s'],
      rows,
    }, await measureOptLevels()];
  },
};
