// The syscall fuzzer's description of the ABI (syzkaller style): for every
// syscall of emulator/kernel/abi/syscall-numbers.ts, the kinds of its
// arguments and the resources its results create. The generator works from
// these kinds only, so a new syscall needs one line here and no fuzzer code;
// the `satisfies` clause (and a test) fail when a syscall has no description.

import { HandleKind, type HandleKindCode } from '../../../../emulator/kernel/abi/handles.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';

export type SyscallName = keyof typeof Syscall;

/** A resource a call's result (a1 or a2) creates, which later calls take as an argument. */
export type ResourceKind = 'channel' | 'shm' | 'process' | 'mmap-addr' | 'shm-addr' | 'same-handle';

/** What one argument register holds. */
export type ArgKind =
  /** A handle; `of` the kind the call expects (undefined: any kind). */
  | { readonly kind: 'handle'; readonly of?: HandleKindCode }
  /** Pointer to a struct rvos_msg the kernel reads (caps are handles of any kind). */
  | { readonly kind: 'msg-in' }
  /** Pointer to a struct rvos_msg the kernel writes. */
  | { readonly kind: 'msg-out' }
  /** Pointer to an output struct of `size` bytes. */
  | { readonly kind: 'out'; readonly size: number }
  /** Pointer to bytes the kernel reads; their length is the next argument. */
  | { readonly kind: 'bytes-in' }
  /** Pointer to a u64 handle array the kernel reads; its count is the next argument. */
  | { readonly kind: 'handle-array' }
  /** A byte length (an element count after handle-array). */
  | { readonly kind: 'len' }
  | { readonly kind: 'count' }
  | { readonly kind: 'prot' }
  | { readonly kind: 'rights' }
  /** Nanoseconds (UINT64_MAX = forever). */
  | { readonly kind: 'timeout' }
  | { readonly kind: 'status' }
  /** A user address a resource call returned (mmap, shm_map). */
  | { readonly kind: 'addr'; readonly of: 'mmap-addr' | 'shm-addr' };

export interface SyscallDescription {
  readonly args: readonly ArgKind[];
  /** Resources created in a1, a2 on success. */
  readonly produces?: readonly ResourceKind[];
  /** The call may block (the generator picks it less often). */
  readonly blocking?: boolean;
  /** Relative frequency (default 10). */
  readonly weight?: number;
}

const chan = { kind: 'handle', of: HandleKind.Channel } as const;

/** The description of every syscall of the ABI, by name. */
export const SYSCALL_DESCRIPTIONS = {
  Exit: { args: [{ kind: 'status' }], weight: 1 },
  Yield: { args: [], weight: 3 },
  GetPid: { args: [], weight: 2 },
  Clock: { args: [], weight: 2 },
  Sleep: { args: [{ kind: 'timeout' }], blocking: true, weight: 3 },
  DebugWrite: { args: [{ kind: 'bytes-in' }, { kind: 'len' }], weight: 4 },
  MemInfo: { args: [{ kind: 'out', size: 56 }], weight: 4 },
  ChanCreate: { args: [], produces: ['channel', 'channel'], weight: 16 },
  ChanSend: { args: [chan, { kind: 'msg-in' }], weight: 24 },
  ChanRecv: { args: [chan, { kind: 'msg-out' }], weight: 20 },
  ChanSendBlocking: { args: [chan, { kind: 'msg-in' }], blocking: true, weight: 4 },
  ChanRecvBlocking: { args: [chan, { kind: 'msg-out' }], blocking: true, weight: 4 },
  ChanCall: { args: [chan, { kind: 'msg-out' }, { kind: 'msg-in' }], blocking: true, weight: 4 },
  ChanReplyRecv: { args: [chan, { kind: 'msg-out' }, { kind: 'msg-in' }, chan], blocking: true, weight: 4 },
  WaitMany: { args: [{ kind: 'handle-array' }, { kind: 'count' }, { kind: 'timeout' }], blocking: true, weight: 6 },
  HandleClose: { args: [{ kind: 'handle' }], weight: 12 },
  HandleDup: { args: [{ kind: 'handle' }, { kind: 'rights' }], produces: ['same-handle'], weight: 10 },
  Mmap: { args: [{ kind: 'len' }, { kind: 'prot' }], produces: ['mmap-addr'], weight: 8 },
  Munmap: { args: [{ kind: 'addr', of: 'mmap-addr' }, { kind: 'len' }], weight: 6 },
  ShmCreate: { args: [{ kind: 'len' }], produces: ['shm'], weight: 8 },
  ShmMap: { args: [{ kind: 'handle', of: HandleKind.Shm }, { kind: 'prot' }], produces: ['shm-addr'], weight: 8 },
  ShmUnmap: { args: [{ kind: 'addr', of: 'shm-addr' }], weight: 5 },
  ProcWait: { args: [{ kind: 'handle', of: HandleKind.Process }], blocking: true, weight: 2 },
  ProcKill: { args: [{ kind: 'handle', of: HandleKind.Process }], weight: 1 },
} as const satisfies Record<SyscallName, SyscallDescription>;

/** The description of syscall `name` (typed view of the table). */
export function describeSyscall(name: SyscallName): SyscallDescription {
  return SYSCALL_DESCRIPTIONS[name];
}

/** Syscall names of the ABI that have no description (empty when the table is complete). */
export function undescribedSyscalls(): string[] {
  return Object.keys(Syscall).filter((name) => !(name in SYSCALL_DESCRIPTIONS));
}
