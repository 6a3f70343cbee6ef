// Runtime validation of what reaches the VM host: turns an unknown posted value
// into a typed UiMessage or a reason it is malformed (with the request id when
// one could be read, so the host can answer that request with an error).

import {
  MAX_CONSOLE_INPUT, MAX_DISPLAY_COORD, MAX_SOURCE_PATH, MAX_SOURCE_TEXT, MAX_SNAPSHOT_BYTES, MAX_SNAPSHOT_DESCRIPTION, MAX_KEY_CODE, MAX_WHEEL_DELTA, MAX_RAM_MIB, MAX_STEP_INSTRUCTIONS, MIN_RAM_MIB,
} from './limits.ts';
import type { DisplayInputEvent, HostRequest, RequestOp, UiMessage } from './messages.ts';

export type ParsedUiMessage =
  | { readonly ok: true; readonly message: UiMessage }
  | { readonly ok: false; readonly error: string; readonly id?: number };

type Fields = Record<string, unknown>;

const NO_PARAM_OPS: readonly RequestOp[] = ['pause', 'resume', 'reset', 'get-state', 'introspect', 'graph-subscribe', 'graph-unsubscribe', 'state-hash'];

/** The message `data` as a UiMessage, or why it is malformed (never throws). */
export function parseUiMessage(data: unknown): ParsedUiMessage {
  if (!isRecord(data)) return fail('message is not an object');
  switch (data['kind']) {
    case 'request': return parseRequest(data);
    case 'console-input': return parseConsoleInput(data);
    case 'display-input': return parseDisplayInput(data);
    default: return fail(`unknown message kind ${describe(data['kind'])}`);
  }
}

function parseRequest(data: Fields): ParsedUiMessage {
  const id = data['id'];
  if (!isUint(id, Number.MAX_SAFE_INTEGER)) return fail('request id must be a non-negative integer');
  const op = data['op'];
  const request = (fields: Fields): ParsedUiMessage => ({ ok: true, message: { kind: 'request', id, ...fields } as HostRequest });
  if (typeof op === 'string' && (NO_PARAM_OPS as readonly string[]).includes(op)) return request({ op });
  if (op === 'boot') {
    const ramMib = data['ramMib'];
    if (ramMib === undefined) return request({ op });
    if (!isUint(ramMib, MAX_RAM_MIB) || ramMib < MIN_RAM_MIB) return fail(`boot: ramMib must be an integer in ${MIN_RAM_MIB}..${MAX_RAM_MIB}`, id);
    return request({ op, ramMib });
  }
  if (op === 'step') {
    const n = data['instructions'];
    if (!isUint(n, MAX_STEP_INSTRUCTIONS) || n < 1) return fail(`step: instructions must be an integer in 1..${MAX_STEP_INSTRUCTIONS}`, id);
    return request({ op, instructions: n });
  }
  if (op === 'snapshot-save') {
    const description = data['description'];
    if (description === undefined) return request({ op });
    if (typeof description !== 'string' || description.length > MAX_SNAPSHOT_DESCRIPTION) return fail(`snapshot-save: description must be a string of at most ${MAX_SNAPSHOT_DESCRIPTION} characters`, id);
    return request({ op, description });
  }
  if (op === 'snapshot-load' || op === 'snapshot-info') {
    const bytes = data['bytes'];
    if (!(bytes instanceof Uint8Array) || bytes.length > MAX_SNAPSHOT_BYTES) return fail(`${op}: bytes must be a Uint8Array of at most ${MAX_SNAPSHOT_BYTES} bytes`, id);
    return request({ op, bytes });
  }
  if (op === 'source-save') {
    const { path, text } = data;
    if (typeof path !== 'string' || path.length === 0 || path.length > MAX_SOURCE_PATH) return fail(`source-save: path must be a string of 1..${MAX_SOURCE_PATH} characters`, id);
    if (typeof text !== 'string' || text.length > MAX_SOURCE_TEXT) return fail(`source-save: text must be a string of at most ${MAX_SOURCE_TEXT} characters`, id);
    return request({ op, path, text });
  }
  return fail(`unknown request op ${describe(op)}`, id);
}

function parseConsoleInput(data: Fields): ParsedUiMessage {
  const bytes = data['bytes'];
  if (!(bytes instanceof Uint8Array)) return fail('console-input: bytes must be a Uint8Array');
  if (bytes.length > MAX_CONSOLE_INPUT) return fail(`console-input: more than ${MAX_CONSOLE_INPUT} bytes`);
  return { ok: true, message: { kind: 'console-input', bytes } };
}

function parseDisplayInput(data: Fields): ParsedUiMessage {
  const event = data['event'];
  const parsed = isRecord(event) ? displayEvent(event) : undefined;
  if (parsed === undefined) return fail('display-input: event must be a key, pointer or wheel event');
  return { ok: true, message: { kind: 'display-input', event: parsed } };
}

function displayEvent(e: Fields): DisplayInputEvent | undefined {
  if (e['type'] === 'key') {
    const { code, down } = e;
    if (!isUint(code, MAX_KEY_CODE) || code === 0 || typeof down !== 'boolean') return undefined;
    return { type: 'key', code, down };
  }
  if (e['type'] === 'wheel') {
    const { delta } = e;
    if (typeof delta !== 'number' || !Number.isInteger(delta) || Math.abs(delta) > MAX_WHEEL_DELTA) return undefined;
    return { type: 'wheel', delta };
  }
  if (e['type'] === 'pointer') {
    const { x, y, buttons } = e;
    if (!isUint(x, MAX_DISPLAY_COORD) || !isUint(y, MAX_DISPLAY_COORD) || !isUint(buttons, 0xff)) return undefined;
    return { type: 'pointer', x, y, buttons };
  }
  return undefined;
}

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isUint(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
}

function fail(error: string, id?: number): ParsedUiMessage {
  return id === undefined ? { ok: false, error } : { ok: false, error, id };
}
