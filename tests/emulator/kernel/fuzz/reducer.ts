// The syscall fuzzer's reducer: delta debugging (ddmin) over a failing
// program's call list, keeping a candidate when it still fails the same way
// (same first failure with numbers ignored), then dropping preemption where
// it is not needed. References to removed calls fall back to their literal.

import { replayProgram } from './campaign.ts';
import type { FuzzMachineOptions } from './executor.ts';
import type { FuzzCall, FuzzProgram } from './fuzz-program.ts';

/** The shape of a failure message with numbers, addresses and stacks removed. */
export function failureSignature(failure: string): string {
  return failure.split('\n')[0]!.replace(/0x[0-9a-f]+/gi, 'X').replace(/\d+/g, 'N');
}

/** A test: true when `program` still shows a failure with signature `signature`. */
async function stillFails(program: FuzzProgram, signature: string, options: FuzzMachineOptions): Promise<boolean> {
  const failures = await replayProgram(program, options);
  return failures.some((f) => failureSignature(f) === signature);
}

/** A candidate test: true when the program with these calls still fails the same way. */
export type CallsTest = (calls: readonly FuzzCall[]) => Promise<boolean>;

/**
 * ddmin over `calls`: the smallest list found (1-minimal unless `maxTests` runs out) for which
 * `test` holds, then with preemption dropped where `test` still holds. `test(calls)` must hold.
 */
export async function reduceCalls(calls: readonly FuzzCall[], test: CallsTest, maxTests = 400): Promise<FuzzCall[]> {
  let tests = 0;
  const check = async (candidate: readonly FuzzCall[]) => ++tests <= maxTests && test(candidate);
  let current = calls.slice();
  let chunks = 2;
  while (current.length >= 2 && tests < maxTests) {
    const size = Math.ceil(current.length / chunks);
    let reduced = false;
    for (let start = 0; start < current.length && !reduced; start += size) {
      const complement = [...current.slice(0, start), ...current.slice(start + size)];
      if (await check(complement)) {
        current = complement;
        chunks = Math.max(chunks - 1, 2);
        reduced = true;
      }
    }
    if (!reduced) {
      if (chunks >= current.length) break;
      chunks = Math.min(current.length, 2 * chunks);
    }
  }
  for (let i = 0; i < current.length && tests < maxTests; i++) {
    if (current[i]!.preempt === 0) continue;
    const candidate = current.map((c, j) => (j === i ? { ...c, preempt: 0 } : c));
    if (await check(candidate)) current = candidate;
  }
  return current;
}

/**
 * `program` reduced (reduceCalls) to the calls that still fail on a fresh machine (`options`) with the
 * signature of its first failure, and that failure; `program` itself with failure undefined
 * when it does not fail on a fresh machine.
 */
export async function reduceProgram(
  program: FuzzProgram, options: FuzzMachineOptions = {}, maxTests = 400,
): Promise<{ program: FuzzProgram; failure: string | undefined }> {
  const first = (await replayProgram(program, options))[0];
  if (first === undefined) return { program, failure: undefined };
  const signature = failureSignature(first);
  const calls = await reduceCalls(program.calls, (c) => stillFails({ ...program, calls: c }, signature, options), maxTests);
  const reduced = { ...program, calls };
  return { program: reduced, failure: (await replayProgram(reduced, options))[0] ?? first };
}
