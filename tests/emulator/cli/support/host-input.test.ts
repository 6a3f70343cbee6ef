// HostInput: delivers stream chunks, wakes a waiting run loop on data and on
// end, reports open/closed, and detaches on close.

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HostInput } from '../../../../emulator/cli/support/host-input.ts';

describe('HostInput', () => {
  it('delivers chunks and wakes a waiter on data, then on end', async () => {
    const stream = new PassThrough();
    const got: number[] = [];
    const input = new HostInput(stream, (b) => got.push(...b));
    expect(input.open).toBe(true);
    const waiting = input.waitForInput();
    stream.write('ab');
    await waiting;
    expect(got).toEqual([0x61, 0x62]);
    const ending = input.waitForInput();
    stream.end();
    await ending;
    expect(input.open).toBe(false);
    await input.waitForInput();
  });

  it('is closed from the start without a stream, and stops delivering after close', async () => {
    expect(new HostInput(undefined, () => {}).open).toBe(false);
    const stream = new PassThrough();
    const got: number[] = [];
    const input = new HostInput(stream, (b) => got.push(...b));
    const waiting = input.waitForInput();
    input.close();
    await waiting;
    expect(input.open).toBe(false);
    expect(stream.listenerCount('data')).toBe(0);
    expect(got).toEqual([]);
  });
});
