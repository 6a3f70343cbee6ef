// Init's spawn jobs: loading a program's ELF from the file server as explicit
// plain-data states (wait-fs -> open -> read ... -> loaded). Each transition
// takes the reply that arrived and returns what init must do next: send a
// request, start the process, or fail with a structured error.

import { RvosError, type RvosErrorCode } from '../abi/errors.ts';
import { FILE_CHUNK, OpenFlag, WireTag } from '../abi/wire-tags.ts';
import type { Cap } from '../ipc/message.ts';
import type { IpcContext } from '../ipc/channel-send.ts';
import { OwnedEndpoint } from '../ipc/owned-endpoint.ts';
import type { ReceivedMessage } from '../ipc/received-message.ts';
import { decodeError, WireReader, WireWriter } from './wire-codec.ts';

/** Largest executable init loads from the file server. */
export const EXEC_MAX = 16 * 1024 * 1024;

export type SpawnStage = 'wait-fs' | 'open' | 'read';

export interface SpawnJob {
  readonly id: number;
  /** Absolute path ("/bin/hello"). */
  readonly path: string;
  /** Process name (the last path component). */
  readonly name: string;
  /** argv for BootInfo (NUL-terminated strings). */
  readonly argv: Uint8Array;
  /** Caps for the child's BootInfo; the job holds one reference on each until it ends. */
  readonly caps: Cap[];
  /** The stdio endpoint (InitSpawnStdio) the child's InitStdio returns; the job holds a reference until it ends or hands it to the child record. */
  stdio: Cap | undefined;
  /** pid that asked for the spawn (its boot channel gets the reply); 0 for a boot program. */
  readonly requester: number;
  stage: SpawnStage;
  /** Client end of init's connection to the file server (during 'open'). */
  fs: OwnedEndpoint | undefined;
  /** The open file (during 'read'). */
  file: OwnedEndpoint | undefined;
  /** The image being read, and how much of it has arrived. */
  image: Uint8Array;
  offset: number;
}

export type JobAction =
  | { readonly kind: 'send'; readonly via: OwnedEndpoint; readonly data: Uint8Array }
  | { readonly kind: 'loaded'; readonly elf: Uint8Array }
  | { readonly kind: 'failed'; readonly error: RvosErrorCode };

/** Releases the references `holder` keeps (its BootInfo caps and its stdio endpoint) and forgets them. */
export function releaseHeldCaps(ipc: IpcContext, holder: { caps: Cap[]; stdio: Cap | undefined }): void {
  for (const cap of holder.caps.splice(0)) ipc.objects.release(cap.kind, cap.id);
  if (holder.stdio !== undefined) ipc.objects.release(holder.stdio.kind, holder.stdio.id);
  holder.stdio = undefined;
}

/** "/bin/hello" for "hello", the path itself when absolute; undefined for an empty or malformed path. */
export function resolveProgramPath(path: string): string | undefined {
  if (path.length === 0 || path.endsWith('/')) return undefined;
  return path.startsWith('/') ? path : `/bin/${path}`;
}

/** The last component of an absolute path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** argv bytes for BootInfo: `argv` as given, or just the path when it is empty; a missing final NUL is added. */
export function bootArgv(path: string, argv: Uint8Array): Uint8Array {
  const text = argv.length === 0 ? new TextEncoder().encode(path) : argv;
  return text[text.length - 1] === 0 ? text : Uint8Array.of(...text, 0);
}

/** Starts loading over `fs` (the job now owns it): the FsOpen request to send. */
export function startFsLoad(job: SpawnJob, fs: OwnedEndpoint): JobAction {
  job.fs = fs;
  job.stage = 'open';
  return { kind: 'send', via: fs, data: new WireWriter(WireTag.FsOpen).str(job.path).u64(OpenFlag.Read).bytes() };
}

/**
 * The next action after `msg` arrived on one of the job's endpoints. An image larger than `maxImage`
 * bytes (what free frames could hold, at most EXEC_MAX) fails with NoMemory before anything is read.
 */
export function jobOnReply(ipc: IpcContext, job: SpawnJob, msg: ReceivedMessage, maxImage: number): JobAction {
  const error = decodeError(msg.data);
  if (error !== undefined) return { kind: 'failed', error: knownError(error.code) };
  return job.stage === 'open' ? onOpened(ipc, job, msg, Math.min(maxImage, EXEC_MAX)) : onData(job, msg);
}

/** Ok + U64 size + Cap(0) file endpoint: keeps the file, drops the fs connection, asks for the first chunk. */
function onOpened(ipc: IpcContext, job: SpawnJob, msg: ReceivedMessage, maxImage: number): JobAction {
  const r = new WireReader(msg.data);
  const size = r.u64Number();
  const index = r.cap(msg.capCount);
  if (r.tag !== WireTag.Ok || !r.end()) return { kind: 'failed', error: RvosError.InvalidArgument };
  const file = OwnedEndpoint.fromMessage(ipc, msg, index);
  if (file === undefined) return { kind: 'failed', error: RvosError.InvalidArgument };
  if (size === 0) { file.close(); return { kind: 'failed', error: RvosError.BadExecutable }; }
  if (size > maxImage) { file.close(); return { kind: 'failed', error: RvosError.NoMemory }; }
  job.fs?.close();
  job.fs = undefined;
  job.file = file;
  job.stage = 'read';
  job.image = new Uint8Array(size);
  job.offset = 0;
  return nextRead(job, file);
}

/** FileData: Bytes data; an empty or over-long chunk before the end is a truncated image. */
function onData(job: SpawnJob, msg: ReceivedMessage): JobAction {
  const r = new WireReader(msg.data);
  const data = r.bytesField();
  if (r.tag !== WireTag.FileData || !r.end() || job.file === undefined) return { kind: 'failed', error: RvosError.InvalidArgument };
  if (data.length === 0 || data.length > job.image.length - job.offset) return { kind: 'failed', error: RvosError.BadExecutable };
  job.image.set(data, job.offset);
  job.offset += data.length;
  if (job.offset < job.image.length) return nextRead(job, job.file);
  return { kind: 'loaded', elf: job.image };
}

function nextRead(job: SpawnJob, file: OwnedEndpoint): JobAction {
  const len = Math.min(FILE_CHUNK, job.image.length - job.offset);
  return { kind: 'send', via: file, data: new WireWriter(WireTag.FileRead).u64(job.offset).u64(len).bytes() };
}

/** An error code from a reply, as a known RvosError (anything else becomes InvalidArgument). */
export function knownError(code: number): RvosErrorCode {
  return Object.values(RvosError).includes(code as RvosErrorCode) && code !== 0 ? (code as RvosErrorCode) : RvosError.InvalidArgument;
}
