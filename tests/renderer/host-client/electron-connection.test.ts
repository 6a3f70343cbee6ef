// The renderer's Electron transport (electron-connection.ts, electron-vm-port.ts, vm-port-receiver.ts)
// against the real utility-process VM host, Node MessageChannels standing in for MessageChannelMain
// and a fake window.rvos for main and the preload: requests queued until the port arrives, boot to
// the prompt, a crash notice failing requests in flight, the restarted host's port taking over.

import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadHartModule } from '../../../emulator/hart/hart.ts';
import { buildBootImage } from '../../../emulator/host/boot-image.ts';
import { serveVmHost } from '../../../emulator/host/node/utility-host.ts';
import { VM_CONNECT_MESSAGE, type ParentPortLike, type PortMainLike } from '../../../emulator/host/node/utility-port.ts';
import type { UiMessage } from '../../../emulator/host/protocol/messages.ts';
import type { VmHost } from '../../../emulator/host/vm-host.ts';
import type { VmHostNotice } from '../../../preload/workbench-api.ts';
import { electronConnection } from '../../../renderer/src/host-client/electron-connection.ts';
import { ElectronVmPort, type VmMessagePort } from '../../../renderer/src/host-client/electron-vm-port.ts';
import { listenForVmPorts, type PortMessageEvent, type PortReceivingWindow } from '../../../renderer/src/host-client/vm-port-receiver.ts';
import { asPortMain } from '../../support/node-port-main.ts';

const ORIGIN = 'app://workbench';

/** Node's MessagePort shaped as the renderer's DOM MessagePort. */
function asDomPort(port: MessagePort): VmMessagePort {
  return {
    addEventListener: (_type, listener) => port.on('message', (data: unknown) => listener({ data })),
    start: () => port.start(),
    postMessage: (message) => port.postMessage(message),
    close: () => port.close(),
  };
}

/** A window that records its message listener so the test can post as the preload does. */
function fakeWindow<P>(): PortReceivingWindow<P> & { post(event: Omit<PortMessageEvent<P>, 'source'> & { source?: unknown }): void } {
  const listeners: ((event: PortMessageEvent<P>) => void)[] = [];
  const window = {
    location: { origin: ORIGIN },
    addEventListener: (_type: 'message', listener: (event: PortMessageEvent<P>) => void) => { listeners.push(listener); },
    post: (event: Omit<PortMessageEvent<P>, 'source'> & { source?: unknown }) => listeners.forEach((l) => l({ source: window, ...event })),
  };
  return window;
}

/** Main and one utility process: connect() hands a fresh channel to both ends, like VmHostProcess.connect. */
function fakeMain(window: ReturnType<typeof fakeWindow<VmMessagePort>>) {
  let parentListener: ((event: { data: unknown; ports: readonly PortMainLike[] }) => void) | undefined;
  const parent: ParentPortLike = { on: (_event, listener) => { parentListener = listener; } };
  return {
    parent,
    /** The utility process's end of the latest channel. */
    last: undefined as MessagePort | undefined,
    connect(): MessagePort {
      const { port1, port2 } = new MessageChannel();
      this.last = port1;
      parentListener?.({ data: { type: VM_CONNECT_MESSAGE }, ports: [asPortMain(port1)] });
      window.post({ origin: ORIGIN, data: { type: 'rvos:vm-port' }, ports: [asDomPort(port2)] });
      return port1;
    },
  };
}

describe('listenForVmPorts', () => {
  it('takes a port only from this window, its own origin, the right type and exactly one port', () => {
    const window = fakeWindow<string>();
    const onPort = vi.fn();
    listenForVmPorts(window, onPort);
    window.post({ origin: ORIGIN, data: { type: 'rvos:vm-port' }, ports: ['good'] });
    window.post({ origin: ORIGIN, data: { type: 'rvos:vm-port' }, ports: ['other source'], source: {} });
    window.post({ origin: 'https://evil.example', data: { type: 'rvos:vm-port' }, ports: ['foreign'] });
    window.post({ origin: ORIGIN, data: { type: 'other' }, ports: ['wrong type'] });
    window.post({ origin: ORIGIN, data: null, ports: ['no data'] });
    window.post({ origin: ORIGIN, data: { type: 'rvos:vm-port' }, ports: ['a', 'b'] });
    window.post({ origin: ORIGIN, data: { type: 'rvos:vm-port' }, ports: [] });
    expect(onPort.mock.calls).toEqual([['good']]);
  });
});

describe('ElectronVmPort', () => {
  it('queues until a port is attached and listens only to the current port', async () => {
    const transport = new ElectronVmPort();
    const received: unknown[] = [];
    transport.addEventListener('message', (event) => received.push(event.data));
    transport.postMessage({ kind: 'request', id: 1, op: 'get-state' } as UiMessage);
    const first = new MessageChannel();
    const seen: unknown[] = [];
    first.port2.on('message', (message: unknown) => seen.push(message));
    transport.attach(asDomPort(first.port1));
    await expect.poll(() => seen).toEqual([{ kind: 'request', id: 1, op: 'get-state' }]);
    const second = new MessageChannel();
    transport.attach(asDomPort(second.port1));
    second.port2.postMessage('from the new host');
    await expect.poll(() => received).toEqual(['from the new host']);
    second.port1.close();
  });
});

describe('electronConnection against the utility-process VM host', () => {
  const hosts: VmHost[] = [];
  afterAll(() => hosts.forEach((host) => host.dispose()));

  it('boots over main\'s port, fails requests in flight on a crash notice, and carries on with the restarted host', { timeout: 60_000 }, async () => {
    const window = fakeWindow<VmMessagePort>();
    let main = fakeMain(window);
    hosts.push(serveVmHost(main.parent, { loadBootImage: async () => buildBootImage(), loadHartModule }));
    let noticeListener: ((notice: VmHostNotice) => void) | undefined;
    const api = {
      connectVm: async () => { main.connect(); return { ok: true as const, value: null }; },
      onVmHostNotice: (listener: (notice: VmHostNotice) => void) => { noticeListener = listener; return () => {}; },
    };
    const notices: VmHostNotice[] = [];
    const client = electronConnection(api, window, (notice) => notices.push(notice));
    let output = '';
    const decoder = new TextDecoder();
    client.on('console-output', (event) => { output += decoder.decode(event.bytes, { stream: true }); });
    const states: string[] = [];
    client.on('state', (event) => states.push(event.status.state));

    await expect(client.request('boot')).resolves.toMatchObject({ state: 'running' }); // sent before the port arrived
    await expect.poll(() => output, { timeout: 50_000, interval: 50 }).toContain('rvos> ');
    client.consoleInput(new TextEncoder().encode('echo electron\r'));
    await expect.poll(() => output, { timeout: 20_000, interval: 50 }).toMatch(/electron\s*\n/);

    // The utility process dies: its port goes silent, a request hangs until main's notice.
    hosts[0]!.dispose();
    main.last!.close();
    const lost = client.request('get-state');
    const notice: VmHostNotice = { kind: 'restarted', exitCode: 139, message: 'The VM host stopped unexpectedly (exit code 139) and was restarted' };
    const errors: string[] = [];
    client.on('error', (event) => errors.push(event.message));
    noticeListener!(notice);
    await expect(lost).rejects.toThrow(notice.message);
    expect(notices).toEqual([notice]);
    expect(errors).toEqual([notice.message]);

    // Main restarts the utility process and hands the renderer a port to it.
    main = fakeMain(window);
    hosts.push(serveVmHost(main.parent, { loadBootImage: async () => buildBootImage(), loadHartModule }));
    main.connect();
    await expect.poll(() => states.at(-1)).toBe('off');
    await expect(client.request('get-state')).resolves.toMatchObject({ state: 'off', steps: 0 });
  });

  it('reports a refused connect as a transport error', async () => {
    const client = electronConnection(
      { connectVm: async () => ({ ok: false as const, error: 'no workbench window to connect' }), onVmHostNotice: () => () => {} },
      fakeWindow<VmMessagePort>(), () => {},
    );
    const errors: string[] = [];
    client.on('error', (event) => errors.push(event.message));
    await expect.poll(() => errors).toEqual(['VM host not connected: no workbench window to connect']);
  });
});
