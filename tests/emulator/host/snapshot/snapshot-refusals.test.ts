// The refusal matrix of issue 7 against a real VmHost holding a paused VM: every
// tenth-of-a-file truncation, 1,000 seeded random truncations, 10,000 seeded
// single-bit flips, crafted header fields (magic, version, machine), appended
// bytes; each refused with a message that says what is wrong, and the running
// VM's state hash and step count unchanged (checked as the comments say).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostMessage } from '../../../../emulator/host/protocol/messages.ts';
import { HEADER } from '../../../../emulator/host/snapshot/snapshot-file-format.ts';
import { seededRandom } from '../../../support/seeded-random.ts';
import { ClassRegistry } from '../../../../emulator/host/snapshot/class-registry.ts';
import { encodeGraph } from '../../../../emulator/host/snapshot/graph-encoder.ts';
import { encodeVmSnapshot } from '../../../../emulator/host/snapshot/vm-snapshot-file.ts';
import { captureVm, vmHeader, type VmState } from '../../../../emulator/host/snapshot/vm-state.ts';
import { machineSummary } from '../../../../emulator/host/snapshot/host-snapshots.ts';
import { HostClient, imageWithTestPrograms, resealed, shellAtPrompt, TEST_RAM_MIB } from './snapshot-test-kit.ts';

/** What a file refused before its checksum matched can be called (nothing in it was decoded). */
const BEFORE_DECODING = /checksum mismatch: the file is corrupted|snapshot file is truncated: \d+ of \d+ bytes|not an rvos snapshot file|bytes more than the \d+ its header declares/;

describe('snapshot-load refusals leave the running VM exactly as it was', () => {
  const client = new HostClient();
  let file: Uint8Array;
  let hash: string;
  let steps: number;

  beforeAll(async () => {
    await client.bootToPrompt();
    await client.request('pause');
    file = (await client.request('snapshot-save', { description: 'refusal matrix' })).bytes;
    ({ hash, steps } = await client.request('state-hash'));
  }, 120_000);
  afterAll(() => client.host.dispose());

  /** The host's error for loading `bytes` (fails the test when the file is accepted). */
  async function refusal(bytes: Uint8Array): Promise<string> {
    const reply: HostMessage = await client.raw({ kind: 'request', op: 'snapshot-load', bytes });
    if (reply.kind !== 'response' || reply.ok) throw new Error(`file of ${bytes.length} bytes was accepted`);
    return reply.error;
  }

  /** Cheap, after every refusal: the host still holds the same paused VM at the same step. */
  async function expectSameStatus(): Promise<void> {
    const status = await client.request('get-state');
    if (status.state !== 'paused' || status.steps !== steps) expect(status).toMatchObject({ state: 'paused', steps });
  }

  async function expectUnchanged(): Promise<void> {
    expect(await client.request('state-hash')).toEqual({ hash, steps });
    expect((await client.request('get-state')).state).toBe('paused');
  }

  it('refuses every tenth-of-a-file truncation as truncated (state hash checked after each)', async () => {
    expect(file.length).toBeLessThan(400_000);
    for (let tenth = 0; tenth < 10; tenth++) {
      const length = Math.floor((file.length * tenth) / 10);
      const error = await refusal(file.subarray(0, length));
      expect(error).toMatch(length === 0 ? /truncated: 0 bytes/ : new RegExp(`truncated: ${length}( of ${file.length})? bytes`));
      await expectUnchanged();
    }
  });

  it('refuses 1,000 seeded random truncations (status after each, state hash every 100th)', async () => {
    const random = seededRandom(7);
    for (let i = 1; i <= 1000; i++) {
      const length = random(file.length);
      expect(await refusal(file.subarray(0, length))).toMatch(/snapshot file is truncated/);
      await expectSameStatus();
      if (i % 100 === 0) await expectUnchanged();
    }
  });

  it('refuses 10,000 seeded single-bit flips before decoding anything (status after each, state hash every 500th)', { timeout: 120_000 }, async () => {
    const random = seededRandom(2026);
    const flipped = file.slice();
    for (let i = 1; i <= 10_000; i++) {
      const bit = random(file.length * 8);
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      const error = await refusal(flipped);
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      if (!BEFORE_DECODING.test(error)) expect([bit, error]).toEqual([bit, expect.stringMatching(BEFORE_DECODING)]);
      await expectSameStatus();
      if (i % 500 === 0) await expectUnchanged();
    }
  });

  it('refuses crafted header fields with a correct checksum, naming the field (state hash checked after each)', async () => {
    const cases: [string, (v: DataView, b: Uint8Array) => void, RegExp][] = [
      ['magic', (_v, b) => b.set(new TextEncoder().encode('RVOSSNAQ')), /not an rvos snapshot file \(it does not start with RVOSSNAP\)/],
      ['newer major', (v) => v.setUint16(HEADER.major, 2, true), /format version 2\.0 is newer than this workbench supports \(1\.x/],
      ['newer minor', (v) => v.setUint16(HEADER.minor, 1, true), /format version 1\.1 is newer than this workbench supports/],
      ['older major', (v) => v.setUint16(HEADER.major, 0, true), /format version 0\.0 is no longer supported/],
      ['RAM', (v) => v.setUint32(HEADER.ramMib, 64, true), new RegExp(`machine configuration differs: snapshot needs 64 MiB RAM, this VM has ${TEST_RAM_MIB} MiB`)],
      ['timebase', (v) => v.setUint32(HEADER.instructionsPerTick, 3, true), /snapshot needs 3 instructions per timer tick, this VM has 10/],
      ['display', (v) => v.setUint16(HEADER.displayWidth, 640, true), /snapshot needs 640x768 display, this VM has 1024x768/],
      ['file size', (v) => v.setBigUint64(HEADER.fileSize, 1n, true), /malformed snapshot file: header declares 1 bytes/],
    ];
    for (const [what, patch, message] of cases) {
      expect([what, await refusal(await resealed(file, patch))]).toEqual([what, expect.stringMatching(message)]);
      await expectUnchanged();
    }
  });

  it('refuses appended bytes, an empty file and a file that is not a snapshot', async () => {
    const longer = new Uint8Array(file.length + 3);
    longer.set(file);
    expect(await refusal(longer)).toMatch(/has 3 bytes more than the \d+ its header declares/);
    expect(await refusal(new Uint8Array(0))).toMatch(/truncated: 0 bytes/);
    expect(await refusal(new TextEncoder().encode('#!/bin/sh\necho this is not a snapshot, but it is long enough to have a header and a trailer\n')))
      .toMatch(/not an rvos snapshot file/);
    await expectUnchanged();
  });

  it('refuses a VM state of another version and a VM of another boot image (checksums all right)', { timeout: 60_000 }, async () => {
    const other = await shellAtPrompt(imageWithTestPrograms());
    const state = await captureVm(other.driver.kernel);
    const fileOf = async (s: VmState): Promise<Uint8Array> => (await encodeVmSnapshot(s, { steps: other.driver.steps, console: new Uint8Array(0) },
      { createdAt: 0, description: '', machine: machineSummary(other.driver.kernel) })).bytes;
    expect(await refusal(await fileOf(state))).toMatch(/the snapshot was taken with another boot image/);
    await expectUnchanged();
    const newer = { ...vmHeader(state), version: 99 };
    const bumped: VmState = { sections: state.sections.map((sec) => (sec.name === 'vm' ? { name: 'vm', bytes: encodeGraph(newer, { classes: new ClassRegistry([]), rootName: 'vm' }) } : sec)) };
    expect(await refusal(await fileOf(bumped))).toMatch(/VM state version 99; this build reads version 1/);
    await expectUnchanged();
  });

  it('still loads the untouched file afterwards', async () => {
    await expect(client.request('snapshot-load', { bytes: file })).resolves.toMatchObject({ state: 'paused', steps });
    expect((await client.request('state-hash')).hash).toBe(hash);
  });
});
