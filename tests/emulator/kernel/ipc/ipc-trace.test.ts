// IpcTrace: a bounded ring, oldest first, counting every event ever recorded.

import { describe, expect, it } from 'vitest';
import { IpcTrace } from '../../../../emulator/kernel/ipc/ipc-trace.ts';


describe('IpcTrace', () => {
  it('keeps the last `capacity` events in order', () => {
    const t = new IpcTrace(3);
    for (let i = 1; i <= 2; i++) t.record(i, 1, 2, undefined, []);
    expect(t.recent().map((e) => e.time)).toEqual([1, 2]);
    for (let i = 3; i <= 7; i++) t.record(i, 1, 2, i, []);
    expect(t.recent()).toEqual([5, 6, 7].map((i) => ({ time: i, fromPid: 1, toEndpoint: 2, tag: i, caps: [] })));
    expect(t.total).toBe(7);
  });

  it('returns copies: events read earlier do not change when the ring wraps', () => {
    const t = new IpcTrace(2);
    t.record(1, 1, 2, undefined, []);
    const first = t.recent();
    for (let i = 2; i <= 5; i++) t.record(i, 1, 2, undefined, []);
    expect(first.map((e) => e.time)).toEqual([1]);
  });
});
