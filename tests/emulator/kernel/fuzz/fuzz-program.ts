// The syscall fuzzer's programs as plain JSON data: calls made by several
// guest processes, whose arguments are literals, references to results of
// earlier calls (threaded resources, with a fallback literal when that call
// failed or was removed by the reducer) or pointers to buffers the process
// fills before the call. formatRegression prints one as a regression test.

import type { SyscallName } from './syscall-descriptions.ts';

/** A 64-bit literal as a decimal string (JSON has no bigint). */
export type U64 = string;

/** Where a pointer points: into the scratch area (the stack), at a resource address, or anywhere. */
export type PtrBase =
  | { readonly scratch: number }
  | { readonly ref: number; readonly off: number; readonly or: U64 }
  | { readonly abs: U64 };

/** What the process writes at a pointer before the call. */
export type Fill =
  /** struct rvos_msg: header len/ncaps as written, caps (handle args), `data` bytes. */
  | { readonly msg: { readonly len: number; readonly ncaps: number; readonly caps: readonly Arg[]; readonly data: readonly number[] } }
  /** A u64 array of handles. */
  | { readonly handles: readonly Arg[] }
  /** `n` bytes of pattern `byte`. */
  | { readonly bytes: number; readonly byte: number };

export type Arg =
  | { readonly v: U64 }
  /** Result register a1 (out 1) or a2 (out 2) of call `ref` when it succeeded, else `or`. */
  | { readonly ref: number; readonly out: 1 | 2; readonly or: U64 }
  | { readonly ptr: PtrBase; readonly fill?: Fill };

export interface FuzzCall {
  /** Stable id (results are found by id; the reducer removes calls without renumbering). */
  readonly id: number;
  /** Index of the calling process. */
  readonly proc: number;
  readonly name: SyscallName;
  readonly args: readonly Arg[];
  /** Run the kernel for this many instructions first (preemption, services, retries); 0 = not. */
  readonly preempt: number;
  /** A raw syscall number in a7 instead of `name`'s (unknown and truncated numbers); absent = name's. */
  readonly number?: U64;
  /** Make the call this many times in a row (pushes tables and queues to their limits); absent = once. */
  readonly repeat?: number;
}

export interface FuzzProgram {
  readonly seed: number;
  /** Guest processes (each gets handles to all the others). */
  readonly procs: number;
  readonly calls: readonly FuzzCall[];
}

/** The program as a regression test case for regressions.test.ts (vitest `it` calling replayProgram). */
export function formatRegression(program: FuzzProgram, failure: string): string {
  const title = `seed ${program.seed}: ${failure.replace(/'/g, '"').slice(0, 90)}`;
  const calls = program.calls.map((c) => `      ${JSON.stringify(c)},`).join('\n');
  return [
    `  it('${title}', async () => {`,
    `    expect(await replayProgram({`,
    `      seed: ${program.seed}, procs: ${program.procs}, calls: [`,
    calls,
    `    ] })).toEqual([]);`,
    `  });`,
  ].join('\n').replace(/^ {6}(\{.*)$/gm, '        $1');
}

/** A one-line human-readable form of a call, for failure reports. */
export function describeCall(c: FuzzCall): string {
  return `#${c.id} p${c.proc} ${c.number === undefined ? c.name : `syscall ${c.number}`}(${c.args.map((a) => JSON.stringify(a)).join(', ')})${c.repeat ? ` x${c.repeat}` : ''}${c.preempt ? ` after ${c.preempt} steps` : ''}`;
}
