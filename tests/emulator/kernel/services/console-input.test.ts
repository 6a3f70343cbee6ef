// The console's line discipline on its own: bounded line and input buffers,
// leaving canonical mode with a half-typed line, echo only with the Echo bit.

import { describe, expect, it } from 'vitest';
import { ConsoleMode } from '../../../../emulator/kernel/abi/wire-tags.ts';
import { CONSOLE_INPUT_MAX, CONSOLE_LINE_MAX, ConsoleInputState } from '../../../../emulator/kernel/services/console-input.ts';

const bytes = (s: string): number[] => [...new TextEncoder().encode(s)];
const str = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('ConsoleInputState', () => {
  it('bounds a line at CONSOLE_LINE_MAX bytes and the buffered input at CONSOLE_INPUT_MAX', () => {
    const input = new ConsoleInputState();
    input.feed(new Array<number>(CONSOLE_LINE_MAX + 100).fill(0x61), () => {});
    input.feed(bytes('\n'), () => {});
    expect(input.take(1 << 20)).toHaveLength(CONSOLE_LINE_MAX + 1);
    input.setMode(ConsoleMode.Raw);
    input.feed(new Array<number>(CONSOLE_INPUT_MAX + 10).fill(0x62), () => {});
    expect(input.readyBytes).toBe(CONSOLE_INPUT_MAX);
    input.feed(bytes('c'), () => {});
    expect(input.take(1 << 20)).toHaveLength(CONSOLE_INPUT_MAX);
    expect(input.hasReady()).toBe(false);
  });

  it('hands a half-typed line on as raw input when canonical mode is left', () => {
    const input = new ConsoleInputState();
    input.feed(bytes('par'), () => {});
    expect(input.hasReady()).toBe(false);
    input.setMode(ConsoleMode.Raw);
    input.feed(bytes('tial'), () => {});
    expect(str(input.take(100))).toBe('partial');
  });

  it('echoes only with the Echo bit, and a lone backspace echoes nothing', () => {
    const echoed: string[] = [];
    const input = new ConsoleInputState();
    input.feed(bytes('\x7fab'), (b) => echoed.push(str(b)));
    input.setMode(ConsoleMode.Canonical);
    input.feed(bytes('c\n'), (b) => echoed.push(str(b)));
    expect(echoed).toEqual(['ab']);
    expect(str(input.take(100))).toBe('abc\n');
  });
});
