// Decision 3 end to end: the same start state plus the same input log gives the
// same state hash. 50 seeded headless runs (random run lengths, typed commands,
// sleeps, run boundaries) recorded and replayed from a restored snapshot, and
// runs recorded by a real VmHost (wall-clock pacing, pause/step/resume, display
// input) replayed on a freshly booted VM.

import { beforeAll, describe, expect, it } from 'vitest';
import { applyDisplayInput } from '../../../../emulator/host/display-bridge.ts';
import { GuestDriver } from '../../../../emulator/host/snapshot/guest-driver.ts';
import { encodeInputLog, parseInputLog, type InputLog } from '../../../../emulator/host/snapshot/input-log.ts';
import { replayInputLog, ReplayError } from '../../../../emulator/host/snapshot/replay.ts';
import { vmStateHash } from '../../../../emulator/host/snapshot/state-hash.ts';
import { captureVm, restoreVm, type VmState } from '../../../../emulator/host/snapshot/vm-state.ts';
import type { BootImage } from '../../../../emulator/kernel/context/kernel-context.ts';
import { bootSystem } from '../../../../emulator/kernel/system/boot.ts';
import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import { seededRandom } from '../../../support/seeded-random.ts';
import { HostClient, imageWithTestPrograms, shellAtPrompt, TEST_RAM_MIB } from './snapshot-test-kit.ts';

const COMMANDS = ['echo hi', 'nap', 'help', 'ps', 'mem', 'ls /bin', 'cat /etc/motd', 'nosuchprogram', ''];

/** A seeded session: runs of random length, commands typed whole or in pieces, sleeps (nap), cuts. */
function randomSession(driver: GuestDriver, seed: number): void {
  const random = seededRandom(seed);
  for (let action = 0; action < 12; action++) {
    const choice = random(10);
    if (choice < 4) driver.run(1 + random(150_000));
    else if (choice < 8) {
      const text = `${COMMANDS[random(COMMANDS.length)]}\r`;
      const split = random(text.length + 1);
      driver.type(text.slice(0, split));
      driver.run(random(20_000));
      driver.type(text.slice(split));
    } else driver.cut();
  }
  driver.run(1 + random(200_000));
}

describe('record and replay', () => {
  let image: BootImage;
  let start: VmState;
  let startSteps: number;

  beforeAll(async () => {
    image = imageWithTestPrograms();
    const session = await shellAtPrompt(image);
    start = await captureVm(session.driver.kernel);
    startSteps = session.driver.steps;
  }, 120_000);

  const restore = (): Promise<Kernel> => restoreVm(start, { bootImage: image });

  it('50 seeded record-and-replay runs give identical state hashes', { timeout: 120_000 }, async () => {
    const hashes = new Set<string>();
    let events = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const recorded = new GuestDriver(await restore(), startSteps);
      randomSession(recorded, seed);
      const log = parseInputLog(encodeInputLog(recorded.inputLog())); // through the file format too
      const expected = await vmStateHash(recorded.kernel);
      const replayed = await restore();
      expect(replayInputLog(replayed, log)).toBe(log.endStep);
      const actual = await vmStateHash(replayed);
      if (actual !== expected) expect([seed, actual]).toEqual([seed, expected]);
      hashes.add(expected);
      events += log.events.length;
    }
    expect(hashes.size).toBeGreaterThan(40); // the runs really differ
    expect(events).toBeGreaterThan(300);
  });

  it('notices a log that is off by one step', { timeout: 30_000 }, async () => {
    const recorded = new GuestDriver(await restore(), startSteps);
    recorded.run(100_000);
    recorded.type('echo one\r');
    recorded.run(400_000);
    const log = recorded.inputLog();
    const expected = await vmStateHash(recorded.kernel);
    const shifted: InputLog = { ...log, events: log.events.map((e) => ({ ...e, step: e.step + 1 })) };
    const replayed = await restore();
    let outcome: string;
    try {
      replayInputLog(replayed, shifted);
      outcome = await vmStateHash(replayed);
    } catch (error) {
      if (!(error instanceof ReplayError)) throw error;
      outcome = error.message;
    }
    expect(outcome).not.toBe(expected);
    expect(() => replayInputLog(replayed, { ...log, complete: false })).toThrow(/the input log is incomplete/);
  });

  it('replays what a VmHost recorded (wall-clock pacing, sleeps, pause/step/resume, display input) on a fresh boot', { timeout: 120_000 }, async () => {
    for (const seed of [11, 12]) {
      const random = seededRandom(seed);
      const client = new HostClient(() => image);
      try {
        await client.bootToPrompt();
        for (let action = 0; action < 8; action++) {
          const choice = random(6);
          const at = client.console.length;
          if (choice === 0) {
            client.type('nap\r');
            await client.waitFor('zzz', at);
          } else if (choice === 1) {
            await client.request('pause');
            client.type('echo paused\r');
            await client.request('step', { instructions: 1 + random(200_000) });
            await client.request('resume');
          } else if (choice === 2) {
            client.host.receive({ kind: 'display-input', event: { type: 'key', code: 30 + random(10), down: random(2) === 0 } });
          } else {
            client.type(`${COMMANDS[random(COMMANDS.length)]}\r`);
            await client.waitFor('rvos> ', at);
          }
        }
        await client.request('pause');
        // The display's dirty set is host-output bookkeeping, not VM state (display-device.ts).
        const { hash, steps } = await client.request('state-hash');
        const log = client.host.inputLog();
        expect(log).toMatchObject({ startStep: 0, endStep: steps, complete: true });
        expect(log.events.some((e) => e.kind === 'time')).toBe(true);
        const kernel = await bootSystem(image, { machine: { ramSize: TEST_RAM_MIB * 1024 * 1024 } });
        replayInputLog(kernel, log, { display: (k, event) => { applyDisplayInput(k, event); } });
        expect(await vmStateHash(kernel)).toBe(hash);
      } finally {
        client.host.dispose();
      }
    }
  });
});
