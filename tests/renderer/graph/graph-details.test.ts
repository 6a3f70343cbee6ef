// The details panel's data (graph-details.ts): a process's handle table with
// what each handle leads to, a channel's ends with decoded queued wire tags and
// waiters, and its recent messages; on a real booted rvos and a small state.

import { describe, expect, it } from 'vitest';
import { channelDetails, processHandles, tagName } from '../../../renderer/src/graph/graph-details.ts';
import { bootedSnapshot, ep, proc, source } from './graph-fixtures.ts';

describe('graph details', () => {
  it('lists the shell\'s handles of a booted rvos, one leading to the console', { timeout: 120_000 }, async () => {
    const snapshot = await bootedSnapshot();
    const shell = snapshot.processes.find((p) => p.name === 'shell')!;
    const details = processHandles(source({ processes: snapshot.processes, endpoints: snapshot.endpoints }), shell.pid)!;
    expect(details.handles.length).toBe(shell.handles.length);
    expect(details.handles.some((h) => h.kind === 'channel' && /→ console \d+/.test(h.target))).toBe(true);
    expect(details.handles[0]!.rights).toContain('read');
    expect(processHandles(source({ processes: snapshot.processes }), 999)).toBeUndefined();
  });

  it('decodes queued tags and recent messages of a channel', () => {
    const s = source({
      processes: [proc(5, 'a', [10]), proc(6, 'b', [11])],
      endpoints: [ep(10, [5], { queueDepth: 3, queuedTags: [0x302, null, 0x4242], recvWaiters: [], sendWaiters: [6] }), ep(11, [6], { label: 'registry: fs', recvWaiters: [6] })],
      ipc: { total: 2, recent: [
        { time: 1, from: 6, toEndpoint: 10, tag: 0x302, tagName: 'ConsoleRead', caps: [] },
        { time: 2, from: 0, toEndpoint: 40, tag: 1, tagName: null, caps: [] },
        { time: 3, from: 5, toEndpoint: 11, tag: 0x101, tagName: null, caps: [{ kind: 'channel', id: 30, rights: 7 }] },
      ] },
      tagNames: { 0x302: 'ConsoleRead', 0x101: 'InitConnect' },
    });
    const { ends, recent } = channelDetails(s, 11);
    expect(ends.map((e) => e.id)).toEqual([10, 11]);
    expect(ends[0]).toMatchObject({ holders: 'a 5', queued: ['ConsoleRead', '-', '0x4242'], waiters: 'send: b 6', peer: 'ep 11' });
    expect(ends[1]).toMatchObject({ label: 'registry: fs', waiters: 'recv: b 6' });
    expect(recent).toEqual([
      { from: 'b 6', to: 10, tag: 'ConsoleRead', caps: '' },
      { from: 'a 5', to: 11, tag: 'InitConnect', caps: 'channel 30' },
    ]);
    expect(tagName(s, null)).toBe('-');
  });
});
