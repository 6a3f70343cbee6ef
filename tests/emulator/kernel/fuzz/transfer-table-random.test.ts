// Random capability traffic (issue 10, beyond the fixed transfer table): per
// seed, three processes joined pairwise by channels send each other messages
// carrying random caps (their own channel ends, both ends, SHM regions,
// process handles, handles to themselves), receive (sometimes with an
// injected handle-install failure), close, dup with fewer rights, map SHM and
// kill each other. After every few steps the kernel invariants hold; once all
// three have exited, every count and reference is back at the baseline.

import { describe, expect, it } from 'vitest';
import { HandleKind } from '../../../../emulator/kernel/abi/handles.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import type { Process } from '../../../../emulator/kernel/proc/process.ts';
import { giveProcessHandle } from '../proc/user-program.ts';
import { seededRandom } from '../../../support/seeded-random.ts';
import { accountingProblems } from './f2-leak-check.ts';
import { call } from './f2-syscall-kit.ts';
import { chanCreate, exitAll, expectBaseline, moveHandle, recvMsg, sendCaps, transferCase, type TransferCase } from './f2-transfer-kit.ts';

const SEEDS = 150;
const STEPS = 60;

/** Open handles of `p` of `kind` (any kind when undefined). */
function handlesOf(p: Process, kind?: number): number[] {
  return (p.handles?.entries() ?? []).filter(([, e]) => kind === undefined || e.kind === kind).map(([h]) => h);
}

/** One random step by a live process; returns a short description (for the failure message). */
function step(c: TransferCase, procs: Process[], rand: (n: number) => number): string {
  const live = procs.filter((p) => p.handles !== undefined);
  const p = live[rand(live.length)]!;
  const pickOf = (list: number[]) => list.length === 0 ? 99 : list[rand(list.length)]!;
  const channels = handlesOf(p, HandleKind.Channel);
  switch (rand(10)) {
    case 0: return `pid ${p.pid} chan_create ${call(c.kernel, p, Syscall.ChanCreate).error}`;
    case 1: return `pid ${p.pid} shm_create ${call(c.kernel, p, Syscall.ShmCreate, 4096 * (1 + rand(2))).error}`;
    case 2: case 3: {
      const all = handlesOf(p);
      const caps = Array.from({ length: rand(5) }, () => pickOf(all));
      const h = pickOf(channels);
      return `pid ${p.pid} send on ${h} caps [${caps}] -> ${sendCaps(c.kernel, p, h, caps)}`;
    }
    case 4: case 5: {
      const h = pickOf(channels);
      if (rand(4) === 0) c.kernel.faults.handle = 1 + rand(4);
      const got = recvMsg(c.kernel, p, h);
      c.kernel.faults.handle = 0;
      return `pid ${p.pid} recv on ${h} -> ${typeof got === 'number' ? got : `caps [${got.caps}]`}`;
    }
    case 6: { const h = pickOf(handlesOf(p)); return `pid ${p.pid} close ${h} ${call(c.kernel, p, Syscall.HandleClose, h).error}`; }
    case 7: { const h = pickOf(handlesOf(p)); return `pid ${p.pid} dup ${h} ${call(c.kernel, p, Syscall.HandleDup, h, rand(32)).error}`; }
    case 8: {
      const s = pickOf(handlesOf(p, HandleKind.Shm));
      const mapped = call(c.kernel, p, Syscall.ShmMap, s, 1 + rand(3));
      if (mapped.error === 0 && rand(2) === 0) call(c.kernel, p, Syscall.ShmUnmap, mapped.values[0]!);
      return `pid ${p.pid} shm_map ${s} ${mapped.error}`;
    }
    default: {
      if (rand(4) !== 0) return 'skip kill';
      const h = pickOf(handlesOf(p, HandleKind.Process));
      return `pid ${p.pid} kill ${h} ${call(c.kernel, p, Syscall.ProcKill, h).error}`;
    }
  }
}

describe('random capability traffic between three processes', () => {
  it(`${SEEDS} seeds x ${STEPS} steps: invariants hold throughout, everything back at baseline after the exits`, async () => {
    const c = await transferCase();
    const outcomes = new Map<string, number>();
    for (let seed = 1; seed <= SEEDS; seed++) {
      const rand = seededRandom(seed * 7919);
      const procs = [c.spawn('a'), c.spawn('b'), c.spawn('c')];
      for (let i = 0; i < 3; i++) {
        const [, y] = chanCreate(c.kernel, procs[i]!);
        moveHandle(procs[i]!, y, procs[(i + 1) % 3]!);
        giveProcessHandle(c.kernel, procs[i]!.pid, procs[(i + 2) % 3]!.pid);
      }
      const log: string[] = [];
      for (let s = 0; s < STEPS && procs.some((p) => p.handles !== undefined); s++) {
        const what = step(c, procs, rand);
        log.push(what);
        if (/send .*caps \[\d.*-> 0$/.test(what)) outcomes.set('sent caps', (outcomes.get('sent caps') ?? 0) + 1);
        if (/recv .*-> caps \[\d/.test(what)) outcomes.set('received caps', (outcomes.get('received caps') ?? 0) + 1);
        const kind = what.replace(/^pid \d+ /, '').split(' ')[0]!;
        outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
        if (s % 4 === 3) expect(accountingProblems(c.kernel, c.console()), `seed ${seed}:\n${log.join('\n')}`).toEqual([]);
      }
      expect(accountingProblems(c.kernel, c.console()), `seed ${seed}:\n${log.join('\n')}`).toEqual([]);
      exitAll(c.kernel, procs);
      expectBaseline(c);
    }
    // Measured: about 900 sends and 200 receives carrying caps.
    expect(outcomes.get('sent caps')).toBeGreaterThan(SEEDS * 3);
    expect(outcomes.get('received caps')).toBeGreaterThan(SEEDS);
  }, 60_000);
});
