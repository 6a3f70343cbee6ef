// The input log's text format (input-log.ts): round trip of every event kind,
// and refusal of malformed lines with the line number; the recorder's cap.

import { describe, expect, it } from 'vitest';
import { encodeInputLog, InputRecorder, MAX_LOGGED_EVENTS, parseInputLog, type InputLog } from '../../../../emulator/host/snapshot/input-log.ts';

describe('input log', () => {
  const log: InputLog = {
    boot: { ramMib: 16 }, startStep: 100, endStep: 900, complete: true,
    events: [
      { step: 100, kind: 'console', bytes: [104, 105, 13] },
      { step: 200, kind: 'time', ticks: 123_456 },
      { step: 200, kind: 'display', event: { type: 'key', code: 30, down: true } },
      { step: 300, kind: 'display', event: { type: 'pointer', x: 5, y: 6, buttons: 1 } },
      { step: 400, kind: 'cut' },
    ],
  };

  it('round-trips through its text form, one event per line', () => {
    const text = encodeInputLog(log);
    expect(text.split('\n')).toHaveLength(log.events.length + 2);
    expect(parseInputLog(text)).toEqual(log);
  });

  it('refuses malformed logs naming the line', () => {
    const text = encodeInputLog(log).split('\n');
    const variant = (line: number, replacement: string): string => text.map((l, i) => (i === line - 1 ? replacement : l)).join('\n');
    expect(() => parseInputLog('hello')).toThrow(/line 1: not JSON/);
    expect(() => parseInputLog('{"format":"other"}')).toThrow(/line 1: not an rvos input log/);
    expect(() => parseInputLog(variant(2, '{"step":100,"kind":"console","bytes":[300]}'))).toThrow(/line 2: not an input event/);
    expect(() => parseInputLog(variant(3, '{"step":50,"kind":"cut"}'))).toThrow(/line 3: step 50 is out of order/);
    expect(() => parseInputLog(variant(4, '{"step":200,"kind":"display","event":{"type":"key","code":0,"down":true}}'))).toThrow(/line 4: not an input event/);
    expect(() => parseInputLog(variant(5, '{"step":-1,"kind":"cut"}'))).toThrow(/line 5: bad step/);
  });

  it('marks a log incomplete once the recorder drops events', () => {
    const recorder = new InputRecorder();
    recorder.restart(0);
    for (let i = 0; i <= MAX_LOGGED_EVENTS; i++) recorder.record({ step: i, kind: 'cut' });
    const capped = recorder.log(MAX_LOGGED_EVENTS + 1);
    expect(capped.events).toHaveLength(MAX_LOGGED_EVENTS);
    expect(capped.complete).toBe(false);
  });
});
