// The renderer's protocol client (renderer/src/host-client/host-client.ts)
// against a real VmHost over a real MessageChannel, as the worker transport
// uses it: typed requests and replies, console bytes both ways (transferred),
// refused requests as HostRequestError, and a broken transport failing pending requests.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHartModule } from '../../../emulator/hart/hart.ts';
import { buildBootImage } from '../../../emulator/host/boot-image.ts';
import { VmHost } from '../../../emulator/host/vm-host.ts';
import { HostClient, HostRequestError, type HostPort } from '../../../renderer/src/host-client/host-client.ts';

describe('HostClient over a MessageChannel', () => {
  const channel = new MessageChannel();
  let host: VmHost;
  let client: HostClient;
  let output = '';
  const decoder = new TextDecoder();

  beforeAll(() => {
    host = new VmHost((message, transfer) => channel.port2.postMessage(message, transfer), { loadBootImage: async () => buildBootImage(), loadHartModule });
    channel.port2.on('message', (data: unknown) => host.receive(data));
    client = new HostClient(channel.port1 as unknown as HostPort);
    channel.port1.start();
    client.on('console-output', (event) => { output += decoder.decode(event.bytes, { stream: true }); });
  });

  afterAll(() => {
    host.dispose();
    channel.port1.close();
  });

  async function waitForOutput(text: string, from: number): Promise<void> {
    for (let i = 0; i < 600 && !output.includes(text, from); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(output.slice(from)).toContain(text);
  }

  it('boots, streams console output and takes console input', { timeout: 180_000 }, async () => {
    const states: string[] = [];
    const stop = client.on('state', (event) => states.push(event.status.state));
    await expect(client.request('boot')).resolves.toMatchObject({ state: 'running' });
    await waitForOutput('rvos> ', 0);
    stop();
    expect(states).toEqual(expect.arrayContaining(['booting', 'running']));
    const at = output.length;
    const bytes = new TextEncoder().encode('echo over the channel\r');
    client.consoleInput(bytes);
    expect(bytes.byteLength).toBe(0); // transferred, not copied
    await waitForOutput('over the channel\n', at);
  });

  it('rejects a refused request with the host reason and keeps the connection', async () => {
    await expect(client.request('resume')).rejects.toThrow(new HostRequestError('resume: the VM is running'));
    await expect(client.request('get-state')).resolves.toMatchObject({ state: 'running' });
  });

  it('fails pending requests and reports an error event when the transport breaks', async () => {
    const errors: string[] = [];
    client.on('error', (event) => errors.push(event.message));
    const pending = client.request('get-state');
    client.transportError('worker gone');
    await expect(pending).rejects.toThrow('worker gone');
    expect(errors).toEqual(['worker gone']);
  });
});
