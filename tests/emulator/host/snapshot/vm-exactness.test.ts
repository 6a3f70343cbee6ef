// Exactness of VM snapshots on the real system: two VMs make the same run()
// calls; one is never snapshotted (the reference), the other is captured and
// replaced by a fresh VM restored from the capture at each chosen point. The
// state hashes must stay equal, at seeded random points, mid-IPC, while
// processes are blocked or sleeping, with the display in use, and with console
// input pushed after the restore. Also: two fresh boots are deterministic.

import { describe, expect, it } from 'vitest';
import { captureVm, restoreVm } from '../../../../emulator/host/snapshot/vm-state.ts';
import { vmStateDigests, vmStateHash } from '../../../../emulator/host/snapshot/state-hash.ts';
import { introspect } from '../../../../emulator/kernel/introspection/introspection.ts';
import { checkInvariants } from '../../../../emulator/kernel/introspection/invariants.ts';
import { bootProgramExit } from '../../../../emulator/kernel/system/boot.ts';
import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import { seededRandom } from '../../../support/seeded-random.ts';
import { bootTestVm, ktestStart, testBootImage, type TestVm } from './snapshot-kit.ts';

/** The reference VM and the VM that is snapshotted and replaced by its restore. */
interface Pair {
  reference: TestVm;
  subject: Kernel;
  /** Console output of the subject, across its restores. */
  output: string[];
}

async function bootPair(start?: Parameters<typeof bootTestVm>[0]): Promise<Pair> {
  const reference = await bootTestVm(start);
  const output: string[] = [];
  const decoder = new TextDecoder();
  const subject = (await bootTestVm(start)).kernel;
  subject.machine.flushConsole();
  // The subject's own console is replaced on its first restore; record from the start through a restore at step 0.
  const restored = await restoreVm(await captureVm(subject), { bootImage: testBootImage(), consoleOutput: (b) => output.push(decoder.decode(b)) });
  return { reference, subject: restored, output };
}

/** Runs both VMs `steps` steps; returns the reference's run result. */
function runBoth(pair: Pair, steps: number): ReturnType<Kernel['run']> {
  const result = pair.reference.kernel.run(steps);
  expect(pair.subject.run(steps)).toEqual(result);
  return result;
}

/** Replaces the subject by a fresh VM restored from its capture; checks the hashes, introspection and invariants. */
async function snapshotAndCompare(pair: Pair, where: string): Promise<void> {
  const decoder = new TextDecoder();
  const state = await captureVm(pair.subject);
  const restored = await restoreVm(state, { bootImage: testBootImage(), consoleOutput: (b) => pair.output.push(decoder.decode(b)) });
  const [expected, actual] = [await vmStateHash(pair.reference.kernel), await vmStateDigests(await captureVm(restored))];
  if (actual.hash !== expected) {
    const ref = await vmStateDigests(await captureVm(pair.reference.kernel));
    const differing = Object.keys(ref.sections).filter((name) => ref.sections[name] !== actual.sections[name]);
    expect.fail(`${where}: state hash differs after restore (sections ${differing.join(', ')})`);
  }
  expect(introspect(restored)).toEqual(introspect(pair.reference.kernel));
  expect(checkInvariants(restored)).toEqual([]);
  pair.subject = restored;
}

type Condition = (k: Kernel) => boolean;

const messageQueued: Condition = (k) => {
  for (let id = 0; id < 2 * k.channels.capacity; id++) if ((k.channels.endpoint(id)?.queue.length ?? 0) > 0) return true;
  return false;
};
const userBlocked = (kind: string): Condition => (k) => k.processes.list().some((p) => p.kind === 'user' && p.block?.kind === kind);
const gpuClient: Condition = (k) => introspect(k).processes.some((p) => p.name === 'gpu' && (p.serviceStats?.clients ?? 0) > 0);

/** Runs both VMs in slices of `slice` steps until `condition` holds on the reference; false when it never does. */
function runUntil(pair: Pair, condition: Condition, slice: number, maxSlices: number): boolean {
  for (let i = 0; i < maxSlices; i++) {
    if (condition(pair.reference.kernel)) return true;
    if (runBoth(pair, slice).reason !== 'limit') return condition(pair.reference.kernel);
  }
  return false;
}

/** Runs both VMs until boot program `name` has exited and everything is idle. */
function runToExit(pair: Pair, name: string): void {
  for (let i = 0; i < 100 && bootProgramExit(pair.reference.kernel, name) === undefined; i++) runBoth(pair, 2_000_000);
  expect(bootProgramExit(pair.reference.kernel, name)).toBeDefined();
  expect(runBoth(pair, 5_000_000).reason).toBe('idle');
}

describe('VM snapshots are exact', () => {
  it('is deterministic: two fresh boots running the same steps have the same state hash', async () => {
    const [a, b] = [await bootTestVm(), await bootTestVm()];
    expect(await vmStateHash(a.kernel)).toBe(await vmStateHash(b.kernel));
    for (const vm of [a, b]) {
      vm.kernel.run(150_000);
      vm.kernel.run(2_000_000);
      vm.kernel.pushConsoleInput(new TextEncoder().encode('ps\n'));
      vm.kernel.run(1_000_000);
    }
    expect(a.console()).toContain('shell');
    expect(await vmStateHash(a.kernel)).toBe(await vmStateHash(b.kernel));
    // and a different history gives a different hash
    b.kernel.pushConsoleInput([0x20]);
    expect(await vmStateHash(a.kernel)).not.toBe(await vmStateHash(b.kernel));
  });

  it('restores exactly at seeded random points of a ktest run, mid-IPC, blocked and sleeping', async () => {
    const seed = Number(process.env.RVOS_SNAPSHOT_SEED ?? 72_026); // try others: RVOS_SNAPSHOT_SEED=n npx vitest run ...
    const rand = seededRandom(seed);
    const pair = await bootPair(ktestStart(['chan-send-receive', 'chan-queue-full', 'cap-transfer', 'wait-many', 'service-math', 'clock-sleep', 'spawn-with-caps']));
    // [what, steps before searching (at most), condition searched for in short slices]
    const targets: [string, number, Condition | undefined][] = [
      ['a message queued', 3_000, messageQueued], ['blocked in recv', 20_000, userBlocked('recv')], ['sleeping', 5_000, userBlocked('sleep')],
      ['random', 3_000_000, undefined], ['random', 3_000_000, undefined], ['a message queued', 1_000_000, messageQueued], ['random', 3_000_000, undefined],
    ];
    for (const [name, before, condition] of targets) {
      runBoth(pair, 1 + rand(before));
      if (condition !== undefined) expect(runUntil(pair, condition, 1 + rand(3_000), 20_000), `seed ${seed}: never reached '${name}'`).toBe(true);
      await snapshotAndCompare(pair, `seed ${seed}, ${name}`);
    }
    runToExit(pair, 'ktest');
    expect(pair.reference.console()).toContain('ktest: 8 passed, 0 failed');
    expect(pair.output.join('')).toBe(pair.reference.console());
    expect(await vmStateHash(pair.subject)).toBe(await vmStateHash(pair.reference.kernel));
  });

  it('restores exactly with the display in use (gpu client connected, dirty rectangles pending)', async () => {
    const pair = await bootPair(ktestStart(['gpu-open-flush']));
    expect(runUntil(pair, gpuClient, 2_000, 10_000)).toBe(true);
    await snapshotAndCompare(pair, 'gpu client connected');
    expect(pair.subject.machine.display.attached).toBe(true);
    runToExit(pair, 'ktest');
    expect(pair.reference.console()).toContain('ktest: 1 passed, 0 failed');
    // The display contents (pixels in guest RAM, the dirty set in the device) come out the same.
    expect(pair.subject.machine.display.takeFrame()).toEqual(pair.reference.kernel.machine.display.takeFrame());
    expect(await vmStateHash(pair.subject)).toBe(await vmStateHash(pair.reference.kernel));
  });

  it('restores a shell blocked on console input, then runs the same input the same way', async () => {
    const pair = await bootPair();
    expect(runBoth(pair, 5_000_000).reason).toBe('idle');
    expect(userBlocked('recv')(pair.reference.kernel)).toBe(true);
    await snapshotAndCompare(pair, 'shell waiting for input');
    for (const line of ['ps\n', 'hello\n', 'echo snapshot\n']) {
      for (const k of [pair.reference.kernel, pair.subject]) k.pushConsoleInput(new TextEncoder().encode(line));
      expect(runBoth(pair, 20_000_000).reason).toBe('idle');
    }
    await snapshotAndCompare(pair, 'after three commands');
    expect(pair.output.join('')).toBe(pair.reference.console());
    expect(pair.reference.console()).toContain('snapshot\n');
  });

  // Long (off by default): the whole ktest with a restore after about every third random slice (~80 restores, 15-40 s).
  it.runIf(process.env.RVOS_SNAPSHOT_STRESS !== undefined)('stress (RVOS_SNAPSHOT_STRESS=seed): restores all through a whole ktest run', { timeout: 300_000 }, async () => {
    const seed = Number(process.env.RVOS_SNAPSHOT_STRESS) || 1;
    const rand = seededRandom(seed);
    const pair = await bootPair(ktestStart([]));
    for (let i = 0; i < 1000 && bootProgramExit(pair.reference.kernel, 'ktest') === undefined; i++) {
      runBoth(pair, 1 + rand(rand(2) === 0 ? 3_000 : 4_000_000));
      if (rand(3) === 0) await snapshotAndCompare(pair, `seed ${seed}, slice ${i}`);
    }
    runToExit(pair, 'ktest');
    expect(pair.reference.console()).toMatch(/ktest: \d+ passed, 0 failed/);
    expect(pair.output.join('')).toBe(pair.reference.console());
  });

  it('captures console input queued in the kernel but not yet read', async () => {
    const pair = await bootPair();
    runBoth(pair, 5_000_000);
    for (const k of [pair.reference.kernel, pair.subject]) k.pushConsoleInput(new TextEncoder().encode('echo queued\n'));
    await snapshotAndCompare(pair, 'input queued');
    runBoth(pair, 20_000_000);
    await snapshotAndCompare(pair, 'input consumed');
    expect(pair.output.join('')).toContain('queued');
  });
});
