// Isolation (issue 10): 1,000 seeded two-process runs in which an attacker
// tries to read, write or infer a victim's memory and handles: guessed handle
// numbers, the victim's user addresses, its frames' physical addresses and
// kernel-range addresses as user pointers, munmap/shm_unmap at guesses, and
// loads/stores on the real hart. The victim's bytes, handles and queues must
// be unchanged, the attacker gets structured errors or is killed with
// EXIT_FAULT, and its memory and the console never hold the victim's secret.
// Syscalls go through dispatchSyscall (what the trap path calls for an ecall);
// the loads and stores run as user code on the hart through Kernel.run.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { EXIT_FAULT, Prot } from '../../../../emulator/kernel/abi/handles.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import type { Process } from '../../../../emulator/kernel/proc/process.ts';
import { ProcState } from '../../../../emulator/kernel/proc/process.ts';
import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import { bootTestKernel, SPIN, spawnDetached, userProgram } from '../proc/user-program.ts';
import { stackAddr, writeMsg } from '../syscall/chan-syscall-kit.ts';
import { allMemory, ATTACKER, contains, fingerprint, spawnVictim, type Victim } from './f2-isolation-kit.ts';
import { accountingProblems, leakSnapshot } from './f2-leak-check.ts';
import { call, okValues, peek, poke, type CallResult } from './f2-syscall-kit.ts';
import { seededRandom } from '../../../support/seeded-random.ts';

const RUNS = 1000;
const ATTACKS_PER_RUN = 12;
const U64_MAX = (1n << 64n) - 1n;
const SECRET_PREFIX = new TextEncoder().encode('SECRET-');

/** Blocks `p` forever in chan_recv_blocking on a channel of its own (so only the attacker runs on the hart). */
function parkForever(kernel: Kernel, p: Process): void {
  const [, b] = okValues(call(kernel, p, Syscall.ChanCreate));
  expect(call(kernel, p, Syscall.ChanRecvBlocking, b!, stackAddr(p, 0x3000)).error).toBe(-1);
}

/** The addresses an attacker tries as pointers: the victim's, their physical addresses, kernel range, edges. */
function targetAddresses(kernel: Kernel, v: Victim): bigint[] {
  const phys = v.addrs.map((va) => v.p.space!.table.lookup(kernel.mem, va - (va % 4096))!.pa + (va % 4096));
  return [
    ...v.addrs.map(BigInt), ...phys.map(BigInt), BigInt(kernel.mem.base), 0xffff_ffc0_0000_0000n, 0x40_0000_0000n,
    0n, 8n, U64_MAX - 7n, BigInt(v.addrs[0]! + 1), 0x3f_ffff_fff8n, 0x3f_ffff_f000n - 4096n - 8n,
  ];
}

/** Handle numbers an attacker guesses: the victim's, small numbers, huge and negative ones. */
function handleGuesses(v: Victim, rand: (n: number) => number): bigint[] {
  return [...v.handles.map(BigInt), BigInt(rand(40)), 1n << 32n, U64_MAX, 31n, 32n];
}

interface Attacker {
  readonly p: Process;
  /** Its own channel ends (send on c arrives at d) and a message buffer of its own. */
  readonly c: number;
  readonly d: number;
  readonly buf: number;
}

function spawnAttacker(kernel: Kernel): Attacker {
  const p = kernel.processes.get(spawnDetached(kernel, 'attacker', ATTACKER))!;
  const [c, d] = okValues(call(kernel, p, Syscall.ChanCreate));
  const [own] = okValues(call(kernel, p, Syscall.Mmap, 4096, Prot.Read | Prot.Write)); // lands where the victim's mmap is
  poke(kernel, p, own!, new TextEncoder().encode('MINE'));
  return { p, c: c!, d: d!, buf: stackAddr(p, 0x2000) };
}

/** True when user address `va` (a raw u64) is mapped in `p` (what the kernel's accessor would reach). */
function mappedIn(kernel: Kernel, p: Process, va: bigint): boolean {
  if (va >= 0x40_0000_0000n) return false;
  const n = Number(va);
  return p.space!.table.lookup(kernel.mem, n - (n % 4096)) !== undefined;
}

/** One attack syscall by the attacker; returns the result and the error it must get, when it is certain. */
function attack(kernel: Kernel, a: Attacker, pick: (n: number) => number, targets: bigint[], guesses: bigint[]): { r: CallResult; must?: number } {
  const p = a.p;
  const t = targets[pick(targets.length)]!;
  const h = guesses[pick(guesses.length)]!;
  const notMine = h > 31n || p.handles!.get(Number(h)) === undefined;
  const unmapped = !mappedIn(kernel, p, t) && !mappedIn(kernel, p, t + 63n);
  const handleCall = (n: number, ...args: (number | bigint)[]) => ({ r: call(kernel, p, n, h, ...args), must: notMine ? RvosError.BadHandle : undefined });
  switch (pick(12)) {
    case 0: return handleCall(Syscall.ChanRecv, a.buf);
    case 1: writeMsg(kernel, p, a.buf, [1, 2, 3]); return handleCall(Syscall.ChanSend, a.buf);
    case 2: return handleCall(Syscall.ShmMap, Prot.Read);
    case 3: return handleCall(Syscall.HandleDup, 7);
    case 4: return handleCall(Syscall.ProcKill);
    case 5: return { r: call(kernel, p, Syscall.DebugWrite, t, 64), must: unmapped ? RvosError.BadAddress : undefined };
    case 6: return { r: call(kernel, p, Syscall.ChanSend, a.c, t), must: unmapped ? RvosError.BadAddress : undefined };
    case 7: {
      writeMsg(kernel, p, a.buf, [4, 5]);
      const sent = call(kernel, p, Syscall.ChanSend, a.c, a.buf);
      const r = call(kernel, p, Syscall.ChanRecv, a.d, t);
      return { r, must: unmapped && sent.error === 0 ? RvosError.BadAddress : undefined };
    }
    case 8: return { r: call(kernel, p, Syscall.Munmap, t, 4096) };
    case 9: return { r: call(kernel, p, Syscall.ShmUnmap, t) };
    case 10: return { r: call(kernel, p, Syscall.MemInfo, t), must: unmapped ? RvosError.BadAddress : undefined };
    default: {
      const r = call(kernel, p, Syscall.Mmap, 4096, Prot.Read);
      if (r.error === 0) expect(peek(kernel, p, r.values[0]!, 4096).every((b) => b === 0), 'fresh mmap memory is zeroed').toBe(true);
      return { r };
    }
  }
}

/** Runs the attacker on the hart: a load (or store) at `target`; returns its exit status. */
function hartAttack(kernel: Kernel, a: Attacker, target: bigint, store: boolean): number {
  a.p.context.x[10] = target;
  a.p.context.x[11] = store ? 1n : 0n;
  a.p.context.x[12] = 0x4141_4141_4141_4141n;
  kernel.run(20_000);
  expect(a.p.state).toBe(ProcState.Zombie);
  return a.p.exitStatus;
}

describe('isolation: an attacker cannot read, write or infer another process', () => {
  it(`${RUNS} seeded two-process runs: victim unchanged, attacker gets errors or EXIT_FAULT, never data`, async () => {
    const { kernel, console } = await bootTestKernel({}, 16);
    const bystander = kernel.processes.get(spawnDetached(kernel, 'bystander', userProgram(SPIN)))!;
    parkForever(kernel, bystander);
    const baseline = leakSnapshot(kernel);
    let syscalls = 0;
    let faults = 0;
    let musts = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const rand = seededRandom(seed);
      const victim = spawnVictim(kernel, rand, bystander.pid);
      parkForever(kernel, victim.p);
      const attacker = spawnAttacker(kernel);
      const before = fingerprint(kernel, victim.p);
      const targets = targetAddresses(kernel, victim);
      const guesses = handleGuesses(victim, rand);
      for (let i = 0; i < ATTACKS_PER_RUN; i++) {
        const { r, must } = attack(kernel, attacker, rand, targets, guesses);
        syscalls++;
        expect(r.error, `seed ${seed}: a structured result`).toBeGreaterThanOrEqual(0);
        if (must !== undefined) expect(r.error, `seed ${seed} attack ${i}`).toBe(must);
        if (must !== undefined) musts++;
      }
      // Any victim's secret so far (frames of earlier victims are reused: they must come back zeroed).
      expect(contains(allMemory(kernel, attacker.p), SECRET_PREFIX), `seed ${seed}: a secret in attacker memory`).toBe(false);
      const target = targets[rand(targets.length)]!;
      const own = mappedIn(kernel, attacker.p, target) && mappedIn(kernel, attacker.p, target + 7n);
      const status = hartAttack(kernel, attacker, target, rand(2) === 1);
      if (!own) expect(status, `seed ${seed}: access at 0x${target.toString(16)}`).toBe(EXIT_FAULT);
      if (status === EXIT_FAULT) faults++;
      else expect(status, `seed ${seed}: loaded the secret`).not.toBe(Number(BigInt.asIntN(32, new DataView(victim.secret.buffer).getBigUint64(0, true))));
      expect(fingerprint(kernel, victim.p), `seed ${seed}: victim changed`).toBe(before);
      expect(victim.p.state).toBe(ProcState.Blocked);
      expect(call(kernel, victim.p, Syscall.Exit, 0).error).toBe(-2);
      if (seed % 100 === 0) {
        expect(accountingProblems(kernel, console())).toEqual([]);
        expect(leakSnapshot(kernel)).toEqual(baseline);
      }
    }
    expect(contains(new TextEncoder().encode(console()), SECRET_PREFIX)).toBe(false);
    expect(console()).not.toMatch(/kernel bug/);
    expect(syscalls).toBe(RUNS * ATTACKS_PER_RUN);
    expect(faults).toBeGreaterThan(RUNS / 2);
    expect(musts).toBeGreaterThan(RUNS * ATTACKS_PER_RUN / 3); // calls whose exact error (BadHandle, BadAddress) was checked
  });
});
