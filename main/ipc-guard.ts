// Checks every rvos:invoke before any handler runs (Electron security checklist
// 17): the sender frame must be on the app origin, the envelope well formed and
// small, the command known, its payload accepted by the command's parser.
// Rejections become { ok: false } replies; nothing here throws into main.
import type { IpcReply } from '../preload/workbench-api.ts';

/** The part of Electron's IpcMainInvokeEvent the guard reads. */
export interface IpcSenderEvent {
  readonly senderFrame: { readonly url: string } | null;
}

/** One command, built by defineIpcCommand. */
export interface IpcCommand {
  /** The largest payload (payloadSize) the dispatcher passes on. */
  readonly maxPayloadBytes: number;
  handle(payload: unknown): Promise<IpcReply>;
}

export type IpcCommandTable = Readonly<Record<string, IpcCommand>>;

export const MAX_PAYLOAD_BYTES = 1 << 20;
const MAX_DEPTH = 8;
const COMMAND_NAME = /^[a-z][a-z0-9-]{0,63}$/;

/**
 * Returns an IpcCommand that runs run(parsed) when parse accepts the payload;
 * errors become replies. maxPayloadBytes raises the default 1 MiB bound (snapshot files).
 */
export function defineIpcCommand<P>(
  parse: (payload: unknown) => P | undefined,
  run: (payload: P) => unknown,
  maxPayloadBytes = MAX_PAYLOAD_BYTES,
): IpcCommand {
  return {
    maxPayloadBytes,
    async handle(payload) {
      const parsed = parse(payload);
      if (parsed === undefined) return { ok: false, error: 'invalid payload' };
      try {
        return { ok: true, value: await run(parsed) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : 'command failed' };
      }
    },
  };
}

/** Returns the rvos:invoke listener: replies { ok: false } for a foreign sender, bad envelope or unknown command. */
export function createIpcDispatcher(
  commands: IpcCommandTable,
  isTrustedUrl: (url: string) => boolean,
): (event: IpcSenderEvent, request: unknown) => Promise<IpcReply> {
  return async (event, request) => {
    const url = event.senderFrame?.url;
    if (url === undefined || !isTrustedUrl(url)) return { ok: false, error: 'untrusted sender' };
    if (!isEnvelope(request)) return { ok: false, error: 'malformed request' };
    if (!Object.hasOwn(commands, request.command)) return { ok: false, error: 'unknown command' };
    const command = commands[request.command]!;
    if (payloadSize(request.payload, 0, command.maxPayloadBytes) > command.maxPayloadBytes) return { ok: false, error: 'payload too large' };
    return command.handle(request.payload);
  };
}

function isEnvelope(value: unknown): value is { command: string; payload?: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const command = (value as { command?: unknown }).command;
  return typeof command === 'string' && COMMAND_NAME.test(command);
}

/** Returns an estimate of value's size in bytes; Infinity past MAX_DEPTH or the byte bound `limit`. */
export function payloadSize(value: unknown, depth: number, limit = MAX_PAYLOAD_BYTES): number {
  if (depth > MAX_DEPTH) return Infinity;
  if (typeof value === 'string') return value.length * 2;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (typeof value !== 'object' || value === null) return 8;
  if (!isPlainContainer(value)) return Infinity;
  let total = 0;
  for (const [key, item] of Object.entries(value)) {
    total += key.length * 2 + payloadSize(item, depth + 1, limit);
    if (total > limit) return Infinity;
  }
  return total;
}

// Maps, Sets, Dates and class instances are not accepted by any command.
function isPlainContainer(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === Array.prototype || proto === null;
}
