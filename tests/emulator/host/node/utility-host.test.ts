// The utility-process VM host (emulator/host/node/) in Node: main's connect
// message hands over a port (a Node MessageChannel standing in for
// MessagePortMain), the real VmHost boots the real boot image read from asset
// files (vm-assets.ts) to the shell prompt, and a second port replaces the first.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBootImage } from '../../../../emulator/host/boot-image.ts';
import { serveVmHost } from '../../../../emulator/host/node/utility-host.ts';
import { fileHostDeps, VM_ASSET_FILES } from '../../../../emulator/host/node/vm-assets.ts';
import { isVmConnectMessage, VM_CONNECT_MESSAGE, type ParentPortLike, type PortMainLike } from '../../../../emulator/host/node/utility-port.ts';
import type { HostMessage } from '../../../../emulator/host/protocol/messages.ts';
import { encodeBootImage } from '../../../../emulator/host/worker/boot-image-codec.ts';
import { userlandTreeFile } from '../../../../emulator/host/worker/boot-image-plugin.ts';
import type { VmHost } from '../../../../emulator/host/vm-host.ts';
import { asPortMain } from '../../../support/node-port-main.ts';

/** A fake process.parentPort: connect() posts main's connect message with a fresh channel's port1 and returns port2 with its messages. */
function fakeParent(): { parent: ParentPortLike; connect(): { port: MessagePort; messages: HostMessage[] } } {
  let listener: ((event: { data: unknown; ports: readonly PortMainLike[] }) => void) | undefined;
  return {
    parent: { on: (_event, l) => { listener = l; } },
    connect() {
      const { port1, port2 } = new MessageChannel();
      const messages: HostMessage[] = [];
      port2.on('message', (message: HostMessage) => messages.push(message));
      listener?.({ data: { type: VM_CONNECT_MESSAGE }, ports: [asPortMain(port1)] });
      return { port: port2, messages };
    },
  };
}

function consoleText(messages: readonly HostMessage[]): string {
  const decoder = new TextDecoder();
  return messages.map((m) => (m.kind === 'event' && m.event === 'console-output' ? decoder.decode(m.bytes) : '')).join('');
}

describe('utility-process VM host', () => {
  let assets: string;
  let host: VmHost | undefined;

  beforeAll(() => {
    assets = mkdtempSync(join(tmpdir(), 'rvos-vm-assets-'));
    const write = (file: string, bytes: Uint8Array): void => {
      mkdirSync(dirname(join(assets, file)), { recursive: true });
      writeFileSync(join(assets, file), bytes);
    };
    write(VM_ASSET_FILES.bootImage, encodeBootImage(buildBootImage()));
    write(VM_ASSET_FILES.hartWasm, readFileSync(new URL('../../../../emulator/hart/build/hart.wasm', import.meta.url)));
    write(VM_ASSET_FILES.userlandTree, userlandTreeFile());
  });

  afterAll(() => {
    host?.dispose();
    rmSync(assets, { recursive: true, force: true });
  });

  it('recognises only the connect message', () => {
    expect(isVmConnectMessage({ type: VM_CONNECT_MESSAGE })).toBe(true);
    expect(isVmConnectMessage({ type: 'other' })).toBe(false);
    expect(isVmConnectMessage(VM_CONNECT_MESSAGE)).toBe(false);
    expect(isVmConnectMessage(null)).toBe(false);
  });

  it('boots from the asset files over the handed-over port, then moves to a new port', { timeout: 60_000 }, async () => {
    const main = fakeParent();
    host = serveVmHost(main.parent, fileHostDeps(assets));
    const first = main.connect();
    await expect.poll(() => first.messages[0]).toMatchObject({ kind: 'event', event: 'state', status: { state: 'off' } });
    first.port.postMessage({ kind: 'request', id: 1, op: 'boot' });
    await expect.poll(() => consoleText(first.messages), { timeout: 50_000, interval: 50 }).toContain('rvos> ');
    expect(first.messages).toContainEqual(expect.objectContaining({ kind: 'response', id: 1, ok: true }));

    const second = main.connect();
    await expect.poll(() => second.messages[0]).toMatchObject({ kind: 'event', event: 'state', status: { state: 'running' } });
    second.port.postMessage({ kind: 'console-input', bytes: new TextEncoder().encode('echo moved\r') });
    await expect.poll(() => consoleText(second.messages), { timeout: 20_000, interval: 50 }).toMatch(/moved\s*\n/);

    // Hot reload builds from the userland tree asset: a broken edit comes back with its line.
    second.port.postMessage({ kind: 'request', id: 3, op: 'source-save', path: 'programs/hello/hello.c', text: 'int main(void) { return x; }\n' });
    await expect.poll(() => second.messages.find((m) => m.kind === 'response' && m.id === 3), { timeout: 30_000, interval: 50 })
      .toMatchObject({ ok: true, result: { build: { ok: false, diagnostics: [expect.objectContaining({ path: 'programs/hello/hello.c', line: 1 })] } } });
    const before = first.messages.length;
    first.port.postMessage({ kind: 'request', id: 2, op: 'pause' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(first.messages.length).toBe(before); // the replaced port is closed: no answers, no output
    second.port.close();
  });

  it('rejects a boot when an asset file is missing', async () => {
    const deps = fileHostDeps(join(assets, 'missing'));
    await expect(deps.loadHartModule()).rejects.toThrow(/ENOENT/);
    await expect(deps.loadBootImage()).rejects.toThrow(/ENOENT/);
  });
});
