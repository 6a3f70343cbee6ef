// Runs a benchmark program under qemu-riscv64 (user mode) and measures its
// wall time, for comparison with the hart. Start-up is measured with an
// exit-only program and subtracted by the caller.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const QEMU = 'qemu-riscv64';

/** Returns true when qemu-riscv64 is on PATH. */
export function haveQemu(): boolean {
  try {
    execFileSync('which', [QEMU], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export interface QemuRun {
  /** Median wall time in seconds. */
  readonly seconds: number;
  readonly exitStatus: number;
}

/** Runs the program `runs` times; returns the median wall time and the exit status. Throws if QEMU fails or runs disagree. */
export function timeUnderQemu(elfBytes: Uint8Array, runs = 3): QemuRun {
  const dir = mkdtempSync(join(tmpdir(), 'rvos-bench-'));
  try {
    const file = join(dir, 'prog.elf');
    writeFileSync(file, elfBytes, { mode: 0o755 });
    const times: number[] = [];
    const statuses = new Set<number>();
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const result = spawnSync(QEMU, [file], { stdio: 'ignore' });
      times.push((performance.now() - start) / 1000);
      if (result.status === null) throw new Error(`qemu-riscv64 died: ${result.signal ?? result.error?.message}`);
      statuses.add(result.status);
    }
    if (statuses.size !== 1) throw new Error(`qemu-riscv64 runs disagree on the exit status: ${[...statuses].join(', ')}`);
    return { seconds: median(times), exitStatus: [...statuses][0] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
