// HTIF tohost decoding: pass/fail exit codes, console putchar with fromhost
// acknowledge, the write syscall block, and errors for unsupported requests.

import { describe, expect, it } from 'vitest';
import { decodeTohost, Htif } from '../../../emulator/machine/htif.ts';

const ramBase = 0x8000_0000n;
const TOHOST = ramBase + 0x1000n;
const FROMHOST = ramBase + 0x1008n;

function setup(fromhost = FROMHOST): { htif: Htif; view: DataView; ram: Uint8Array; out: number[] } {
  const ram = new Uint8Array(0x4000);
  const out: number[] = [];
  const htif = new Htif({ memory: { ram, ramBase }, tohost: TOHOST, fromhost, output: (b) => out.push(...b) });
  return { htif, view: new DataView(ram.buffer), ram, out };
}

describe('HTIF', () => {
  it('decodes device, command and payload', () => {
    expect(decodeTohost((1n << 56n) | (1n << 48n) | 0x41n)).toEqual({ device: 1, command: 1, payload: 0x41n });
  });

  it.each([[1n, 0], [3n, 1], [85n, 42], [(1000n << 1n) | 1n, 1000]])('tohost %s exits with code %s and is cleared', (value, code) => {
    const { htif, view } = setup();
    view.setBigUint64(0x1000, value, true);
    expect(htif.handle()).toEqual({ kind: 'exit', code });
    expect(view.getBigUint64(0x1000, true)).toBe(0n);
  });

  it('prints a putchar request and acknowledges it in fromhost', () => {
    const { htif, view, out } = setup();
    view.setBigUint64(0x1000, (1n << 56n) | (1n << 48n) | 0x41n, true);
    expect(htif.handle()).toEqual({ kind: 'continue' });
    expect(out).toEqual([0x41]);
    expect(view.getBigUint64(0x1000, true)).toBe(0n);
    expect(view.getBigUint64(0x1008, true)).toBe((1n << 56n) | (1n << 48n) | 0x141n);
  });

  it('serves a write syscall block and returns the length', () => {
    const { htif, view, ram, out } = setup();
    ram.set(new TextEncoder().encode('hello'), 0x2000);
    const block = 0x3000;
    [64n, 1n, ramBase + 0x2000n, 5n].forEach((v, i) => view.setBigUint64(block + 8 * i, v, true));
    view.setBigUint64(0x1000, ramBase + BigInt(block), true);
    expect(htif.handle()).toEqual({ kind: 'continue' });
    expect(new TextDecoder().decode(Uint8Array.from(out))).toBe('hello');
    expect(view.getBigUint64(block, true)).toBe(5n);
    expect(view.getBigUint64(0x1008, true)).toBe(1n);
  });

  it('reports unsupported devices and syscalls as errors', () => {
    const { htif, view } = setup();
    view.setBigUint64(0x1000, (2n << 56n) | 5n, true);
    expect(htif.handle()).toMatchObject({ kind: 'error', message: expect.stringMatching(/device 2 command 0/) });
    view.setBigUint64(0x3000, 93n, true);
    view.setBigUint64(0x1000, ramBase + 0x3000n, true);
    expect(htif.handle()).toMatchObject({ kind: 'error', message: expect.stringMatching(/unsupported syscall 93/) });
    view.setBigUint64(0x1000, 0x10n, true);
    expect(htif.handle()).toMatchObject({ kind: 'error', message: expect.stringMatching(/outside RAM/) });
  });

  it('does not write fromhost when the program has none', () => {
    const { htif, view, out } = setup(0n);
    view.setBigUint64(0x1000, (1n << 56n) | (1n << 48n) | 0x7an, true);
    expect(htif.handle()).toEqual({ kind: 'continue' });
    expect(out).toEqual([0x7a]);
    expect(view.getBigUint64(0x1008, true)).toBe(0n);
  });
});
