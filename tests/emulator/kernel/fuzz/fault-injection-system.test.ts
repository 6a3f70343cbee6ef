// Fault injection over a whole system run: rvos boots with the real boot image
// (/bin/fs, then /bin/shell, which runs hello, ls and mem typed on the console)
// with the N-th frame, handle-slot, channel-slot or queue-slot allocation
// failing. Guest programs may fail as they like (even spin: /bin/fs retries
// with yield when a receive fails with TooManyHandles); the kernel must log no
// bug, keep its invariants, and once every user process is killed go quiet
// (no service spinning) holding exactly what a run without faults holds after
// the same kill.

import { beforeAll, describe, expect, it } from 'vitest';
import { buildBootImage } from '../../../../emulator/host/boot-image.ts';
import { EXIT_KILLED } from '../../../../emulator/kernel/abi/handles.ts';
import type { BootImage } from '../../../../emulator/kernel/context/kernel-context.ts';
import type { FaultKind } from '../../../../emulator/kernel/core/fault-injection.ts';
import { checkInvariants } from '../../../../emulator/kernel/introspection/invariants.ts';
import { exitProcess } from '../../../../emulator/kernel/lifecycle/exit.ts';
import { ProcState } from '../../../../emulator/kernel/proc/process.ts';
import { memInfoCounts, type MemInfoCounts } from '../../../../emulator/kernel/syscall/misc.ts';
import { bootSystem } from '../../../../emulator/kernel/system/boot.ts';
import { seededRandom } from '../../../support/seeded-random.ts';

/** Steps per run phase: the clean session needs far fewer; a guest spinning on an injected error stops here. */
const MAX_STEPS = 10_000_000;
const INPUT = 'hello\nls /bin\nmem\nexit\n';

interface SessionResult {
  readonly output: string;
  readonly reasons: readonly string[];
  /** Allocations of the armed kind the run made when the countdown was 1e9 (counting mode), else whether it fired. */
  readonly left: number;
  /** Invariant violations after the run, and after every user process was killed. */
  readonly problems: readonly string[];
  /** SYS_MEMINFO's counts once every user process was killed. */
  readonly after: MemInfoCounts;
}

/** Boots, arms `kind` at `n` (none when undefined), runs the shell session, then kills every user process. */
async function session(image: BootImage, kind?: FaultKind, n = 0): Promise<SessionResult> {
  let output = '';
  const decoder = new TextDecoder();
  const kernel = await bootSystem(image, { start: ['/bin/fs', '/bin/shell'], consoleOutput: (b) => { output += decoder.decode(b, { stream: true }); } });
  if (kind !== undefined) kernel.faults[kind] = n;
  const reasons = [kernel.run(MAX_STEPS).reason];
  kernel.pushConsoleInput(new TextEncoder().encode(INPUT));
  reasons.push(kernel.run(MAX_STEPS).reason);
  const left = kind === undefined ? 0 : kernel.faults[kind];
  if (kind !== undefined) kernel.faults[kind] = 0;
  const problems = checkInvariants(kernel).map((p) => `after the run: ${p}`);
  for (const p of kernel.processes.list()) if (p.kind === 'user' && p.state !== ProcState.Zombie) exitProcess(kernel, p, EXIT_KILLED);
  reasons.push(kernel.run(MAX_STEPS).reason);
  problems.push(...checkInvariants(kernel).map((p) => `after the kill: ${p}`));
  return { output, reasons, left, problems, after: memInfoCounts(kernel) };
}

describe('fault injection over a whole system run (fs, shell, hello)', () => {
  let image: BootImage;
  let clean: SessionResult;
  const made: Partial<Record<FaultKind, number>> = {};

  beforeAll(async () => {
    image = buildBootImage();
    clean = await session(image);
    for (const kind of ['frame', 'handle', 'channel', 'queue'] as const) made[kind] = 1e9 - (await session(image, kind, 1e9)).left;
  }, 60_000);

  it('the run without faults is healthy and makes allocations of every kind', () => {
    expect(clean.problems).toEqual([]);
    expect(clean.output).toContain('Hello from rvos!');
    expect(clean.reasons).not.toContain('limit');
    expect(made.frame).toBeGreaterThan(100);
    expect(made.handle).toBeGreaterThan(5);
    expect(made.channel).toBeGreaterThan(5);
    expect(made.queue).toBeGreaterThan(50);
  });

  /** Every N for the rarer kinds, a seeded sample of N for frames and queue slots (each run is ~100 ms); RVOS_FAULT_SWEEP=full: every N of every kind. */
  const full = process.env.RVOS_FAULT_SWEEP === 'full';
  const plans: readonly [FaultKind, number | 'all'][] = [['handle', 'all'], ['channel', 'all'], ['frame', full ? 'all' : 14], ['queue', full ? 'all' : 14]];
  for (const [kind, sample] of plans) {
    it(`the N-th ${kind} allocation fails (${sample === 'all' ? 'every N' : `${sample} seeded N`}): no kernel bug, invariants hold, nothing leaks`, async () => {
      const total = made[kind]!;
      const rand = seededRandom(total);
      const ns = sample === 'all' ? Array.from({ length: total }, (_, i) => i + 1) : Array.from({ length: sample }, () => 1 + rand(total));
      for (const n of ns) {
        const r = await session(image, kind, n);
        const where = `${kind} #${n} of ${total}`;
        expect(r.left, `${where}: the fault fired`).toBe(0);
        expect(r.output, where).not.toMatch(/kernel bug/);
        expect(r.problems, where).toEqual([]);
        expect(r.reasons[2], `${where}: after the kill`).not.toBe('limit');
        expect(r.after, `${where}: counts after killing every user process`).toEqual(clean.after);
      }
    }, full ? 1_800_000 : 60_000);
  }
});
