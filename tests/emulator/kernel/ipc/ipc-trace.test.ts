// IpcTrace: a bounded ring, oldest first, counting every event ever recorded.

import { describe, expect, it } from 'vitest';
import { IpcTrace } from '../../../../emulator/kernel/ipc/ipc-trace.ts';

const event = (time: number) => ({ time, fromPid: 1, toEndpoint: 2, tag: undefined, caps: [] });

describe('IpcTrace', () => {
  it('keeps the last `capacity` events in order', () => {
    const t = new IpcTrace(3);
    for (let i = 1; i <= 2; i++) t.record(event(i));
    expect(t.recent().map((e) => e.time)).toEqual([1, 2]);
    for (let i = 3; i <= 7; i++) t.record(event(i));
    expect(t.recent().map((e) => e.time)).toEqual([5, 6, 7]);
    expect(t.total).toBe(7);
  });
});
