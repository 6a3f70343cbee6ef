// The syscall fuzzer's program generator: 30-40 calls from a seeded PRNG over
// the ABI description table (syscall-descriptions.ts), with resources threaded
// from results to later calls (handles, SHM regions, mapped addresses), special
// pointers (0, unmapped, kernel range, page and stack edges, misaligned,
// overlapping) and integers (0, -1, max, one past a limit), and stale, closed,
// duplicated, sent-away, foreign and never-existing handles.

import { HandleKind, type HandleKindCode } from '../../../../emulator/kernel/abi/handles.ts';
import { MSG_CAPS_MAX, MSG_DATA_MAX, MsgLayout } from '../../../../emulator/kernel/abi/message.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { WireTag } from '../../../../emulator/kernel/abi/wire-tags.ts';
import { MMAP_BASE, PAGE_SIZE, STACK_TOP, USER_BASE, USER_END } from '../../../../emulator/kernel/mm/memory-layout.ts';
import { WireWriter } from '../../../../emulator/kernel/services/wire-codec.ts';
import { Rng } from '../../hart/isa/gen/random-operands.ts';
import type { Arg, Fill, FuzzCall, FuzzProgram, PtrBase, U64 } from './fuzz-program.ts';
import { describeSyscall, type ArgKind, type ResourceKind, type SyscallName } from './syscall-descriptions.ts';

/** Bytes of the scratch area at the top of each process's stack that pointers usually point into. */
export const SCRATCH_SIZE = 0x10000;
/** Start of the scratch area. */
export const SCRATCH_BASE = STACK_TOP - SCRATCH_SIZE;

const U64_MAX = (1n << 64n) - 1n;
const SPECIAL_INTS = [0n, 1n, U64_MAX, U64_MAX - 1n, 1n << 63n, (1n << 63n) - 1n, 1n << 53n, (1n << 53n) + 1n, 1n << 32n, 0xffff_ffffn];
const SPECIAL_PTRS = [
  0n, 8n, BigInt(USER_BASE), BigInt(USER_BASE + 2), BigInt(USER_BASE - 1), BigInt(MMAP_BASE), BigInt(MMAP_BASE + PAGE_SIZE - 1),
  BigInt(USER_END - 8), BigInt(USER_END), BigInt(STACK_TOP - 1), BigInt(STACK_TOP), 1n << 38n, (1n << 38n) + 16n,
  0xffff_ffff_8000_0000n, U64_MAX - 7n, 1n << 53n,
];
/** Scratch offsets: aligned slots, overlapping slots, page edges, the stack top and (negative) the guard page below. */
const SCRATCH_OFFSETS = [
  0, 0x40, 0x400, 0x800, 0x1000, 0x1000 - 3, 0x2000 - 8, 0x8000, SCRATCH_SIZE - MsgLayout.size, SCRATCH_SIZE - MsgLayout.data,
  SCRATCH_SIZE - MsgLayout.data - 4, SCRATCH_SIZE - 8, SCRATCH_SIZE - 1, -8, -MsgLayout.size,
];
const LENGTHS = [0, 1, 7, PAGE_SIZE - 1, PAGE_SIZE, PAGE_SIZE + 1, 3 * PAGE_SIZE, 1 << 16, 1 << 20, 1 << 26];
/** Repeat counts: one past the handle table (32), the shm table (32), the channel table (64), a queue (64), the mmap regions (256). */
const REPEATS = [2, 8, 17, 33, 65, 70, 260];
/** Numbers that are no syscall, or a syscall's number with high bits set (must not be truncated into it). */
const RAW_NUMBERS = [0n, 1n, 199n, 1000n, 0xffffn, (1n << 32n) + BigInt(Syscall.GetPid), (1n << 63n) + BigInt(Syscall.ChanCreate), U64_MAX];
const SERVICE_NAMES = ['console', 'sysinfo', 'math', 'fs', '', 'x'.repeat(70)];

interface Resource {
  readonly call: number;
  readonly proc: number;
  readonly kind: ResourceKind;
  readonly out: 1 | 2;
  /** The handle kind, when the resource is a handle and the kind is known. */
  readonly handleKind?: HandleKindCode;
}

const HANDLE_KIND_OF: Partial<Record<ResourceKind, HandleKindCode>> = { channel: HandleKind.Channel, shm: HandleKind.Shm, process: HandleKind.Process };

class ProgramBuilder {
  readonly resources: Resource[] = [];
  readonly calls: FuzzCall[] = [];
  /** Channel handles messages were sent on: receiving on their peers finds messages. */
  readonly sentOn: { readonly call: number; readonly out: 1 | 2 }[] = [];

  /** True while generating a call that reads a channel (its handles prefer peers of endpoints sent on). */
  receiving = false;

  constructor(readonly rng: Rng, readonly procs: number) {}

  /** True when `name` needs a resource (shm handle, mapped address) that process `proc` has never been given. */
  lacksResource(proc: number, name: SyscallName): boolean {
    return describeSyscall(name).args.some((kind) => {
      const want = kind.kind === 'addr' ? kind.of : kind.kind === 'handle' && kind.of === HandleKind.Shm ? 'shm' : undefined;
      return want !== undefined && !this.resources.some((r) => r.proc === proc && r.kind === want);
    });
  }

  chance(p: number): boolean {
    return this.rng.below(1_000_000) < p * 1_000_000;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.rng.below(items.length)]!;
  }

  lit(v: bigint | number): Arg {
    return { v: BigInt.asUintN(64, BigInt(v)).toString() };
  }

  /** A literal from `common` most of the time, else a special integer or a random small one. */
  int(common: readonly (bigint | number)[]): Arg {
    if (this.chance(0.7)) return this.lit(this.pick(common));
    return this.chance(0.5) ? this.lit(this.pick(SPECIAL_INTS)) : this.lit(this.rng.below(5000));
  }

  fallback(): U64 {
    return String(this.pick([0, 1, 5, 31, 32, 1000]));
  }

  /** A handle argument: mostly a threaded resource of the wanted kind from the same process. */
  handle(proc: number, of: HandleKindCode | undefined): Arg {
    const fits = (r: Resource) => r.handleKind !== undefined && (of === undefined || r.handleKind === of);
    const own = this.resources.filter((r) => r.proc === proc && fits(r));
    if (of === HandleKind.Channel && this.chance(0.15)) return this.lit(this.procs + 1 + this.rng.below(this.procs - 1)); // a link to another process
    if (of === HandleKind.Process && this.chance(0.7)) return this.lit(1 + this.rng.below(this.procs)); // itself included
    // Handles a receive installed (a process handle sent over a link may name the receiver itself).
    if (of === HandleKind.Process && this.chance(0.5)) return this.lit(2 * this.procs + this.rng.below(6));
    if (of === HandleKind.Channel && this.sentOn.length > 0 && this.chance(this.receiving ? 0.6 : 0.3)) {
      const sent = this.pick(this.sentOn);
      return { ref: sent.call, out: sent.out === 1 ? 2 : 1, or: this.fallback() };
    }
    const roll = this.rng.below(100);
    if (roll < 62 && own.length > 0) return this.refTo(this.pick(own));
    if (roll < 70) {
      const any = this.resources.filter(fits);
      if (any.length > 0) return this.refTo(this.pick(any));
    }
    if (roll < 78) return this.lit(0); // the boot channel
    if (roll < 86) return this.lit(1 + this.rng.below(2 * this.procs - 1)); // a process handle or a link (the executor's setup installs them)
    if (roll < 94) return this.lit(this.rng.below(40));
    return this.lit(this.pick(SPECIAL_INTS));
  }

  refTo(r: Resource): Arg {
    return { ref: r.call, out: r.out, or: this.fallback() };
  }

  ptrBase(proc: number, size: number): PtrBase {
    const roll = this.rng.below(100);
    const addrs = this.resources.filter((r) => r.proc === proc && (r.kind === 'mmap-addr' || r.kind === 'shm-addr'));
    if (roll < 75) return { scratch: this.pick(SCRATCH_OFFSETS) + (this.chance(0.1) ? 3 : 0) };
    if (roll < 90 && addrs.length > 0) {
      const off = this.pick([0, 0, 8, PAGE_SIZE - size, PAGE_SIZE - 1, PAGE_SIZE]);
      return { ref: this.pick(addrs).call, off, or: this.pick(SPECIAL_PTRS).toString() };
    }
    return { abs: this.pick(SPECIAL_PTRS).toString() };
  }

  /** The data of a message: a wire request to a service, or random bytes. */
  messageData(len: number): number[] {
    const n = Math.min(len, 24);
    if (this.chance(0.3)) {
      const tag = this.pick([WireTag.InitConnect, WireTag.InitConnect, WireTag.InitStdio, ...Object.values(WireTag)]);
      const bytes = [...new WireWriter(tag).str(this.pick(SERVICE_NAMES)).bytes()];
      return bytes.slice(0, Math.max(n, Math.min(bytes.length, len)));
    }
    return Array.from({ length: n }, () => this.rng.below(256));
  }

  msgFill(proc: number): Fill {
    const len = this.chance(0.8) ? this.rng.below(40) : this.pick([MSG_DATA_MAX, MSG_DATA_MAX + 1, 0xffff_ffff, 2]);
    const ncaps = this.chance(0.55) ? 0 : this.chance(0.85) ? 1 + this.rng.below(MSG_CAPS_MAX) : this.pick([MSG_CAPS_MAX + 1, 0xffff_ffff]);
    const caps = Array.from({ length: Math.min(ncaps, MSG_CAPS_MAX) }, () => this.handle(proc, this.chance(0.2) ? HandleKind.Process : undefined));
    return { msg: { len, ncaps, caps, data: this.messageData(len) } };
  }

  /** Arguments of one call; a length or count follows the buffer it describes. */
  args(proc: number, kinds: readonly ArgKind[]): Arg[] {
    const out: Arg[] = [];
    let lastFill: Fill | undefined;
    for (const kind of kinds) {
      const arg = this.arg(proc, kind, lastFill);
      lastFill = 'ptr' in arg ? arg.fill : undefined;
      const whole = kind.kind === 'len' ? this.mmapLength(out[out.length - 1]) : undefined;
      out.push(whole !== undefined && this.chance(0.6) ? whole : arg);
    }
    return out;
  }

  /** The length of the mmap whose address `addr` refers to (munmap of a whole region), or undefined. */
  mmapLength(addr: Arg | undefined): Arg | undefined {
    if (addr === undefined || !('ptr' in addr) || !('ref' in addr.ptr)) return undefined;
    const ref = addr.ptr.ref;
    return this.calls.find((c) => c.id === ref && c.name === 'Mmap')?.args[0];
  }

  arg(proc: number, kind: ArgKind, previous: Fill | undefined): Arg {
    switch (kind.kind) {
      case 'handle': return this.handle(proc, kind.of);
      case 'msg-in': return { ptr: this.ptrBase(proc, MsgLayout.size), fill: this.msgFill(proc) };
      case 'msg-out': return { ptr: this.ptrBase(proc, MsgLayout.size) };
      case 'out': return { ptr: this.ptrBase(proc, kind.size) };
      case 'bytes-in': return { ptr: this.ptrBase(proc, 64), fill: { bytes: this.pick([0, 1, 13, 64, 300]), byte: 0x41 + this.rng.below(26) } };
      case 'handle-array': {
        const handles = Array.from({ length: this.rng.below(6) }, () => this.handle(proc, HandleKind.Channel));
        return { ptr: this.ptrBase(proc, 8 * handles.length), fill: { handles } };
      }
      case 'len':
        if (previous !== undefined && 'bytes' in previous && this.chance(0.8)) return this.lit(previous.bytes);
        return this.int(LENGTHS);
      case 'count':
        if (previous !== undefined && 'handles' in previous && this.chance(0.8)) return this.lit(previous.handles.length);
        return this.int([0, 1, 2, 4, 31, 32, 33]);
      case 'prot': return this.chance(0.85) ? this.lit(this.pick([1, 2, 3, 3, 3])) : this.int([0, 4, 7]);
      case 'rights': return this.chance(0.75) ? this.lit(this.pick([0, 1, 2, 3, 4, 5, 6, 7, 8, 16, 24, 28])) : this.int([31, 32, 64]);
      case 'timeout': return this.chance(0.9) ? this.lit(this.pick([0, 0, 1, 100, 10_000, 200_000])) : this.int([1_000_000, U64_MAX]);
      case 'status': return this.int([0, 1, 255, -1]);
      case 'addr': {
        const addrs = this.resources.filter((r) => r.proc === proc && r.kind === kind.of);
        if (addrs.length > 0 && this.chance(0.8)) {
          return { ptr: { ref: this.pick(addrs).call, off: this.pick([0, 0, 0, PAGE_SIZE, 1]), or: this.pick(SPECIAL_PTRS).toString() } };
        }
        return this.lit(this.pick(SPECIAL_PTRS));
      }
    }
  }

  /** Records the resources call `id` creates on success. */
  produce(id: number, proc: number, name: SyscallName, args: readonly Arg[]): void {
    const from = args[0];
    if ((name === 'ChanSend' || name === 'ChanSendBlocking') && from !== undefined && 'ref' in from) this.sentOn.push({ call: from.ref, out: from.out });
    (describeSyscall(name).produces ?? []).forEach((kind, i) => {
      const out = (i + 1) as 1 | 2;
      let handleKind = HANDLE_KIND_OF[kind];
      if (kind === 'same-handle') handleKind = this.kindOfArg(args[0]);
      this.resources.push({ call: id, proc, kind, out, handleKind });
    });
  }

  kindOfArg(arg: Arg | undefined): HandleKindCode | undefined {
    if (arg === undefined || !('ref' in arg)) return arg !== undefined && 'v' in arg && arg.v === '0' ? HandleKind.Channel : undefined;
    return this.resources.find((r) => r.call === arg.ref && r.out === arg.out)?.handleKind;
  }
}

const NAMES = Object.keys(Syscall) as SyscallName[];
const WEIGHTS = NAMES.map((n) => describeSyscall(n).weight ?? 10);
const TOTAL_WEIGHT = WEIGHTS.reduce((a, b) => a + b, 0);

function pickSyscall(rng: Rng): SyscallName {
  let roll = rng.below(TOTAL_WEIGHT);
  for (let i = 0; i < NAMES.length; i++) {
    roll -= WEIGHTS[i]!;
    if (roll < 0) return NAMES[i]!;
  }
  return NAMES[0]!;
}

/** The program of `seed`: 2-4 processes, 30-40 calls (deterministic: the same seed gives the same program). */
export function generateProgram(seed: number): FuzzProgram {
  const rng = new Rng(BigInt(seed) * 0x9e37_79b9n + 0x1234_5678n);
  const b = new ProgramBuilder(rng, 2 + rng.below(3));
  const count = 30 + rng.below(11);
  let proc = 0;
  for (let id = 0; id < count; id++) {
    if (b.chance(0.4)) proc = rng.below(b.procs);
    let name = pickSyscall(rng);
    for (let retry = 0; retry < 2 && b.lacksResource(proc, name); retry++) name = pickSyscall(rng);
    b.receiving = name === 'ChanRecv' || name === 'ChanRecvBlocking' || name === 'WaitMany';
    const args = b.args(proc, describeSyscall(name).args);
    const preempt = b.chance(0.12) ? 1 + rng.below(4000) : 0;
    const call: FuzzCall = { id, proc, name, args, preempt };
    if (b.chance(0.04)) b.calls.push({ ...call, repeat: b.pick(REPEATS) });
    else if (b.chance(0.02)) b.calls.push({ ...call, number: b.pick(RAW_NUMBERS).toString() });
    else b.calls.push(call);
    b.produce(id, proc, name, args);
  }
  return { seed, procs: b.procs, calls: b.calls };
}
