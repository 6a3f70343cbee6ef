// The input log of DESIGN decision 3: every input from outside the VM (console
// bytes, display events, hot reloads of a program's binary, virtual-time moves
// the host makes while the guest sleeps, run boundaries a step request made)
// with the host step count at which it was applied. replay.ts applies it to the
// same start state, bit for bit.

import type { DisplayInputEvent } from '../protocol/messages.ts';
import { parseUiMessage } from '../protocol/parse-ui-message.ts';

/** One recorded input; `step` is the host's step count (steps since boot) when it was applied. */
export type InputEvent =
  | { readonly step: number; readonly kind: 'console'; readonly bytes: readonly number[] }
  | { readonly step: number; readonly kind: 'display'; readonly event: DisplayInputEvent }
  /** kernel.advanceTimeTo(ticks): the host moved virtual time while nothing was runnable. */
  | { readonly step: number; readonly kind: 'time'; readonly ticks: number }
  /** A kernel.run call ended here without input (a step request's end), which a replay must cut too. */
  | { readonly step: number; readonly kind: 'cut' }
  /** A hot reload installed `elf` (base64) as program `path` ("/bin/hello"). */
  | { readonly step: number; readonly kind: 'reload'; readonly path: string; readonly elf: string };

/** Inputs from `startStep` to `endStep`; `complete` is false when the recorder dropped events (too many). */
export interface InputLog {
  /** Set when the log starts at a fresh boot of a machine with this much RAM (else: at a snapshot). */
  readonly boot?: { readonly ramMib: number };
  readonly startStep: number;
  readonly endStep: number;
  readonly complete: boolean;
  readonly events: readonly InputEvent[];
}

/** Events a recorder keeps before it gives up (then its log is marked incomplete). */
export const MAX_LOGGED_EVENTS = 200_000;

/** Collects inputs as the host applies them. */
export class InputRecorder {
  private events: InputEvent[] = [];
  private startStep = 0;
  private complete = true;

  /** Starts a new log at host step `step` (after a boot or a snapshot load). */
  restart(step: number): void {
    this.events = [];
    this.startStep = step;
    this.complete = true;
  }

  /** Records `event` (dropped, and the log marked incomplete, past MAX_LOGGED_EVENTS). */
  record(event: InputEvent): void {
    if (this.events.length >= MAX_LOGGED_EVENTS) this.complete = false;
    else this.events.push(event);
  }

  /** Whether anything was recorded since the last restart. */
  get empty(): boolean {
    return this.events.length === 0;
  }

  /** The log so far, ending at host step `endStep`. */
  log(endStep: number): InputLog {
    return { startStep: this.startStep, endStep, complete: this.complete, events: [...this.events] };
  }
}

/** The log as JSON text (one event per line, so logs diff well). */
export function encodeInputLog(log: InputLog): string {
  const head = JSON.stringify({ format: 'rvos-input-log', version: 1, boot: log.boot, startStep: log.startStep, endStep: log.endStep, complete: log.complete });
  return `${[head, ...log.events.map((e) => JSON.stringify(e))].join('\n')}\n`;
}

/** The log in `text` (encodeInputLog's format). Throws RangeError naming the first bad line. */
export function parseInputLog(text: string): InputLog {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const head = parseLine(lines[0] ?? '', 1) as Record<string, unknown>;
  if (head['format'] !== 'rvos-input-log' || head['version'] !== 1) throw new RangeError('line 1: not an rvos input log (version 1)');
  const startStep = count(head['startStep'], 1);
  const endStep = count(head['endStep'], 1);
  const events = lines.slice(1).map((line, i) => parseEvent(parseLine(line, i + 2), i + 2));
  let last = startStep;
  events.forEach((e, i) => {
    if (e.step < last || e.step > endStep) throw new RangeError(`line ${i + 2}: step ${e.step} is out of order`);
    last = e.step;
  });
  const boot = head['boot'] as Record<string, unknown> | undefined;
  if (boot === undefined) return { startStep, endStep, complete: head['complete'] === true, events };
  return { boot: { ramMib: count(boot['ramMib'], 1) }, startStep, endStep, complete: head['complete'] === true, events };
}

function parseLine(line: string, at: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new RangeError(`line ${at}: not JSON`);
  }
}

function parseEvent(value: unknown, at: number): InputEvent {
  const e = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const step = count(e['step'], at);
  if (e['kind'] === 'console' && Array.isArray(e['bytes']) && e['bytes'].every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) {
    return { step, kind: 'console', bytes: e['bytes'] as number[] };
  }
  if (e['kind'] === 'time') return { step, kind: 'time', ticks: count(e['ticks'], at) };
  if (e['kind'] === 'cut') return { step, kind: 'cut' };
  if (e['kind'] === 'reload' && typeof e['path'] === 'string' && /^\/bin\/[A-Za-z0-9_-]+$/.test(e['path']) && isBase64(e['elf'])) {
    return { step, kind: 'reload', path: e['path'], elf: e['elf'] };
  }
  if (e['kind'] === 'display') {
    const parsed = parseUiMessage({ kind: 'display-input', event: e['event'] });
    if (parsed.ok && parsed.message.kind === 'display-input') return { step, kind: 'display', event: parsed.message.event };
  }
  throw new RangeError(`line ${at}: not an input event`);
}

/** `bytes` as base64 text (the log is JSON lines). */
export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** The bytes of base64 `text` (checked by parseInputLog before). */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function isBase64(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value);
}

function count(value: unknown, at: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new RangeError(`line ${at}: bad step or tick count`);
  return value;
}
