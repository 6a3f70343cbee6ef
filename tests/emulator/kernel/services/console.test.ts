// The console service driven through real channels: output, reads that never
// return more than asked, the canonical line discipline (echo, backspace,
// Ctrl-D), raw mode, oldest-reader-first delivery, the client limit, and the
// outbox (a reply to a client whose queue is full waits, nothing is dropped).

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { ConsoleMode, WireTag } from '../../../../emulator/kernel/abi/wire-tags.ts';
import { OwnedEndpoint } from '../../../../emulator/kernel/ipc/owned-endpoint.ts';
import { CONSOLE_READ_MAX } from '../../../../emulator/kernel/services/console.ts';
import { tagOnly, WireReader, WireWriter } from '../../../../emulator/kernel/services/wire-codec.ts';
import { attachToInit, call, errorCode, receive, send, serviceKit, tagOf, type ServiceKit } from './service-kit.ts';

const text = new TextEncoder();

/** A console connection through InitStdio. */
function stdio(kit: ServiceKit, pid = 900): OwnedEndpoint {
  const boot = attachToInit(kit, pid);
  using reply = call(kit, boot, tagOnly(WireTag.InitStdio));
  expect(tagOf(reply)).toBe(WireTag.Ok);
  const r = new WireReader(reply.data);
  const index = r.cap(reply.capCount);
  return OwnedEndpoint.fromMessage(kit.kernel, reply, index)!;
}

function readRequest(max: number | bigint): Uint8Array {
  return new WireWriter(WireTag.ConsoleRead).u64(max).bytes();
}

/** The data of a ConsoleData reply. */
function dataOf(kit: ServiceKit, client: OwnedEndpoint): string {
  using reply = receive(kit, client);
  const r = new WireReader(reply.data);
  expect(r.tag).toBe(WireTag.ConsoleData);
  const data = r.bytesField();
  expect(r.end()).toBe(true);
  return new TextDecoder().decode(data);
}

function input(kit: ServiceKit, s: string): void {
  kit.kernel.pushConsoleInput(text.encode(s));
  kit.settle();
}

describe('console service', () => {
  it('writes ConsoleWrite data to the console output', async () => {
    const kit = await serviceKit();
    const con = stdio(kit);
    send(con, new WireWriter(WireTag.ConsoleWrite).bytesField(text.encode('hi there\n')).bytes());
    kit.settle();
    expect(kit.output()).toBe('hi there\n');
    expect(con.readable()).toBe(false);
  });

  it('never returns more than asked, and buffers input nobody asked for', async () => {
    const kit = await serviceKit();
    const con = stdio(kit);
    input(kit, 'hello world\n');
    send(con, readRequest(5));
    expect(dataOf(kit, con)).toBe('hello');
    send(con, readRequest(100));
    expect(dataOf(kit, con)).toBe(' world\n');
    input(kit, 'x'.repeat(2000) + '\n');
    send(con, readRequest(2n ** 64n - 1n));
    expect(dataOf(kit, con)).toHaveLength(CONSOLE_READ_MAX);
  });

  it('edits lines in canonical mode: echo, backspace, CR LF, Ctrl-D', async () => {
    const kit = await serviceKit();
    const con = stdio(kit);
    input(kit, 'abc\x7f\x7fd\r\n');
    expect(kit.output()).toBe('abc\b \b\b \bd\n');
    send(con, readRequest(64));
    expect(dataOf(kit, con)).toBe('ad\n');
    input(kit, 'ab\x04');
    send(con, readRequest(64));
    expect(dataOf(kit, con)).toBe('ab');
    send(con, readRequest(64));
    kit.settle();
    expect(con.readable()).toBe(false);
    input(kit, '\x04');
    expect(dataOf(kit, con)).toBe('');
  });

  it('raw mode delivers bytes as they come, without echo when Echo is off', async () => {
    const kit = await serviceKit();
    const con = stdio(kit);
    using ok = call(kit, con, new WireWriter(WireTag.ConsoleSetMode).u64(ConsoleMode.Raw).bytes());
    expect(tagOf(ok)).toBe(WireTag.Ok);
    input(kit, 'xy\x7f');
    send(con, readRequest(10));
    expect(dataOf(kit, con)).toBe('xy\x7f');
    expect(kit.output()).toBe('');
  });

  it('gives input to the oldest pending reader first', async () => {
    const kit = await serviceKit();
    const first = stdio(kit, 900);
    const second = stdio(kit, 901);
    send(first, readRequest(64));
    kit.settle();
    send(second, readRequest(64));
    kit.settle();
    input(kit, 'one\ntwo\n');
    expect(dataOf(kit, first)).toBe('one\n');
    expect(dataOf(kit, second)).toBe('two\n');
  });

  it('forgets a client that closes with a read pending', async () => {
    const kit = await serviceKit();
    const gone = stdio(kit, 900);
    const other = stdio(kit, 901);
    send(gone, readRequest(64));
    kit.settle();
    gone.close();
    kit.settle();
    expect(kit.console.readers).toHaveLength(0);
    send(other, readRequest(64));
    input(kit, 'ok\n');
    expect(dataOf(kit, other)).toBe('ok\n');
  });

  it('answers malformed requests with InvalidArgument', async () => {
    const kit = await serviceKit();
    const con = stdio(kit);
    for (const bad of [readRequest(0), new WireWriter(WireTag.ConsoleSetMode).u64(8).bytes(), new WireWriter(WireTag.ConsoleWrite).u64(1).bytes(), Uint8Array.of(3)]) {
      using reply = call(kit, con, bad);
      expect(errorCode(reply)).toBe(RvosError.InvalidArgument);
    }
  });

  it('refuses clients beyond limits.consoleClients with LimitReached, and accepts again after one leaves', async () => {
    const kit = await serviceKit();
    const clients = Array.from({ length: kit.kernel.limits.consoleClients }, (_, i) => stdio(kit, 900 + i));
    expect(kit.console.clients).toHaveLength(kit.kernel.limits.consoleClients);
    const refused = stdio(kit, 999);
    using err = receive(kit, refused);
    expect(errorCode(err)).toBe(RvosError.LimitReached);
    expect(refused.peerClosed()).toBe(true);
    clients[0]!.close();
    kit.settle();
    const again = stdio(kit, 1000);
    using ok = call(kit, again, new WireWriter(WireTag.ConsoleSetMode).u64(ConsoleMode.Canonical).bytes());
    expect(tagOf(ok)).toBe(WireTag.Ok);
  });

  it('keeps replies in the outbox while the client queue is full, and delivers them all in order', async () => {
    const kit = await serviceKit();
    const con = stdio(kit);
    const depth = kit.kernel.limits.queueDepth;
    const setMode = new WireWriter(WireTag.ConsoleSetMode).u64(ConsoleMode.Canonical | ConsoleMode.Echo).bytes();
    for (let i = 0; i < depth; i++) send(con, setMode);
    kit.settle();
    send(con, setMode);
    send(con, setMode);
    kit.settle();
    expect(kit.console.outbox.size).toBe(1);
    expect(kit.kernel.channels.endpoint(con.id)!.queue).toHaveLength(depth);
    let replies = 0;
    while (replies < depth + 2) {
      using reply = receive(kit, con);
      expect(tagOf(reply)).toBe(WireTag.Ok);
      replies++;
    }
    expect(kit.console.outbox.size).toBe(0);
    expect(con.readable()).toBe(false);
  });

  it('drops waiting replies (releasing their references) when the client goes away', async () => {
    const kit = await serviceKit();
    const con = stdio(kit);
    const channels = kit.kernel.channels.count;
    const setMode = new WireWriter(WireTag.ConsoleSetMode).u64(ConsoleMode.Canonical).bytes();
    for (let i = 0; i <= kit.kernel.limits.queueDepth; i++) {
      send(con, setMode);
      if (i % 32 === 0) kit.settle();
    }
    kit.settle();
    expect(kit.console.outbox.size).toBe(1);
    con.close();
    kit.settle();
    expect(kit.console.outbox.size).toBe(0);
    expect(kit.console.clients).toHaveLength(0);
    expect(kit.kernel.channels.count).toBe(channels - 1);
  });
});
