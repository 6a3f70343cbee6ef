// The two processes of an isolation run: a victim holding secrets (an mmap
// region, an SHM mapping and a queued message that carry a secret string, and
// several handles) and an attacker (a tiny program that loads or stores at an
// address given in a0-a2 and exits with what it read), plus fingerprints of
// the victim (memory bytes, handle table, queues) compared after the attack.

import { createHash } from 'node:crypto';
import { Prot } from '../../../../emulator/kernel/abi/handles.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import type { Process } from '../../../../emulator/kernel/proc/process.ts';
import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import { giveProcessHandle, SPIN, spawnDetached, userProgram } from '../proc/user-program.ts';
import { MSG_AT, stackAddr, writeMsg } from '../syscall/chan-syscall-kit.ts';
import { call, okValues, poke } from './f2-syscall-kit.ts';

/** a1 = 0: a0 = load u64 at a0, exit(a0); a1 = 1: store a2 at a0, exit(0). A fault ends it with EXIT_FAULT. */
export const ATTACKER = userProgram(`
  beqz a1, 1f
  sd a2, 0(a0)
  li a0, 0
  sys 93
1:
  ld a2, 0(a0)
  mv a0, a2
  sys 93
`);

export interface Victim {
  readonly p: Process;
  /** The secret (ASCII) written into its mmap region, its SHM mapping and its queued message. */
  readonly secret: Uint8Array;
  /** User addresses of its secret copies. */
  readonly addrs: readonly number[];
  /** Its handles (channel ends, SHM, a process handle). */
  readonly handles: readonly number[];
}

/** Spawns a victim with secrets (see the file header); `other` is a process it holds a handle to. */
export function spawnVictim(kernel: Kernel, rand: (n: number) => number, other: number): Victim {
  const p = kernel.processes.get(spawnDetached(kernel, 'victim', userProgram(SPIN)))!;
  const secret = new TextEncoder().encode(`SECRET-${Array.from({ length: 24 }, () => String.fromCharCode(97 + rand(26))).join('')}`);
  const [m] = okValues(call(kernel, p, Syscall.Mmap, 2 * 4096, Prot.Read | Prot.Write));
  const [s] = okValues(call(kernel, p, Syscall.ShmCreate, 4096));
  const [sv] = okValues(call(kernel, p, Syscall.ShmMap, s!, Prot.Read | Prot.Write));
  const addrs = [m! + rand(4096), sv! + rand(2048), stackAddr(p, 64)];
  for (const va of addrs) poke(kernel, p, va, secret);
  const [a, b] = okValues(call(kernel, p, Syscall.ChanCreate));
  writeMsg(kernel, p, stackAddr(p, MSG_AT), [...secret], [s!]);
  okValues(call(kernel, p, Syscall.ChanSend, a!, stackAddr(p, MSG_AT)));
  const ph = giveProcessHandle(kernel, p.pid, other);
  return { p, secret, addrs, handles: [0, s!, a!, b!, ph] };
}

/** A fingerprint of everything of `p` an attacker must not change: its regions' bytes, its handle table, the queues of its endpoints. */
export function fingerprint(kernel: Kernel, p: Process): string {
  const hash = createHash('sha256');
  const memory = p.space!.user(kernel.mem);
  for (const r of p.space!.regions) {
    hash.update(`${r.kind}@${r.start}+${r.pages}:${r.flags}:${r.shmId}|`);
    if (r.kind === 'guard') continue;
    const bytes = memory.read(r.start, r.pages * 4096);
    if (!bytes.ok) throw new Error(`victim region unreadable: ${bytes.error}`);
    hash.update(bytes.value);
  }
  for (const [h, e] of p.handles!.entries()) {
    hash.update(`h${h}:${e.kind}:${e.objectId}:${e.rights}|`);
    const ep = e.kind === 1 ? kernel.channels.endpoint(e.objectId) : undefined;
    for (const msg of ep?.queue ?? []) hash.update(msg.data).update(JSON.stringify(msg.caps));
  }
  return hash.digest('hex');
}

/** True when `haystack` contains `needle`. */
export function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).includes(Buffer.from(needle));
}

/** Every byte of `p`'s mapped regions, concatenated (to search it for a secret). */
export function allMemory(kernel: Kernel, p: Process): Uint8Array {
  const memory = p.space!.user(kernel.mem);
  const parts = p.space!.regions.filter((r) => r.kind !== 'guard').map((r) => {
    const bytes = memory.read(r.start, r.pages * 4096);
    if (!bytes.ok) throw new Error('unreadable region');
    return bytes.value;
  });
  return Buffer.concat(parts);
}
