// Snapshots over the message transport the browser and Electron hosts use: the
// renderer's HostClient and a real VmHost on the two ends of a real
// MessageChannel (structured clone, transferred buffers): save, info, load of
// the bytes that crossed the channel, the same state hash on both sides.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHartModule } from '../../../../emulator/hart/hart.ts';
import { VmHost } from '../../../../emulator/host/vm-host.ts';
import { HostClient, type HostPort } from '../../../../renderer/src/host-client/host-client.ts';
import { imageWithTestPrograms, TEST_RAM_MIB } from './snapshot-test-kit.ts';

describe('snapshots over a MessageChannel', () => {
  const channel = new MessageChannel();
  let host: VmHost;
  let client: HostClient;
  let output = '';

  beforeAll(() => {
    host = new VmHost((message, transfer) => channel.port2.postMessage(message, transfer), { loadBootImage: async () => imageWithTestPrograms(), loadHartModule });
    channel.port2.on('message', (data: unknown) => host.receive(data));
    client = new HostClient(channel.port1 as unknown as HostPort);
    channel.port1.start();
    const decoder = new TextDecoder();
    client.on('console-output', (event) => { output += decoder.decode(event.bytes, { stream: true }); });
  });

  afterAll(() => {
    host.dispose();
    channel.port1.close();
  });

  it('saves, describes and restores through the channel', { timeout: 120_000 }, async () => {
    await client.request('boot', { ramMib: TEST_RAM_MIB });
    for (let i = 0; i < 600 && !output.includes('rvos> '); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await client.request('pause');
    const saved = await client.request('snapshot-save', { description: 'over the channel' });
    expect(saved.bytes).toBeInstanceOf(Uint8Array);
    expect(await client.request('snapshot-info', { bytes: saved.bytes })).toEqual(saved.info);
    const status = await client.request('snapshot-load', { bytes: saved.bytes });
    expect(status.state).toBe('paused');
    expect((await client.request('state-hash')).hash).toBe(saved.info.stateHash);
    await expect(client.request('snapshot-load', { bytes: saved.bytes.subarray(0, 100) })).rejects.toThrow(/snapshot file is truncated: 100 of \d+ bytes/);
  });
});
