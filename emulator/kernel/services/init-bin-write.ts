// Init's bin-write jobs for hot reload: writing a new program image into the
// file server (FsOpen with Write|Create|Truncate, then FileWrite chunks) as
// explicit plain-data states (wait-fs -> open -> write ... -> done). Each step
// takes the reply that arrived and returns what init must do next.

import { RvosError, type RvosErrorCode } from '../abi/errors.ts';
import { FILE_CHUNK, OpenFlag, WireTag } from '../abi/wire-tags.ts';
import type { IpcContext } from '../ipc/channel-send.ts';
import { OwnedEndpoint } from '../ipc/owned-endpoint.ts';
import type { ReceivedMessage } from '../ipc/received-message.ts';
import { knownError } from './init-spawn.ts';
import { decodeError, WireReader, WireWriter } from './wire-codec.ts';

export interface BinWriteJob {
  /** Absolute path ("/bin/hello"). */
  readonly path: string;
  readonly image: Uint8Array;
  stage: 'wait-fs' | 'open' | 'write';
  /** Client end of init's connection to the file server (during 'open'). */
  fs: OwnedEndpoint | undefined;
  /** The open file (during 'write'). */
  file: OwnedEndpoint | undefined;
  /** Bytes written so far. */
  offset: number;
}

export type BinWriteAction =
  | { readonly kind: 'send'; readonly via: OwnedEndpoint; readonly data: Uint8Array }
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly error: RvosErrorCode };

/** A job writing `image` to `path`, waiting for the file server. */
export function newBinWrite(path: string, image: Uint8Array): BinWriteJob {
  return { path, image, stage: 'wait-fs', fs: undefined, file: undefined, offset: 0 };
}

/** Starts the write over `fs` (the job now owns it): the FsOpen request to send. */
export function startBinWrite(job: BinWriteJob, fs: OwnedEndpoint): BinWriteAction {
  job.fs = fs;
  job.stage = 'open';
  return { kind: 'send', via: fs, data: new WireWriter(WireTag.FsOpen).str(job.path).u64(OpenFlag.Write | OpenFlag.Create | OpenFlag.Truncate).bytes() };
}

/** The next action after `msg` arrived on one of the job's endpoints. */
export function binWriteOnReply(ipc: IpcContext, job: BinWriteJob, msg: ReceivedMessage): BinWriteAction {
  const error = decodeError(msg.data);
  if (error !== undefined) return { kind: 'failed', error: knownError(error.code) };
  const r = new WireReader(msg.data);
  if (job.stage === 'open') {
    r.u64Number();
    const index = r.cap(msg.capCount);
    const file = r.tag === WireTag.Ok && r.end() ? OwnedEndpoint.fromMessage(ipc, msg, index) : undefined;
    if (file === undefined) return { kind: 'failed', error: RvosError.InvalidArgument };
    job.fs?.close();
    job.fs = undefined;
    job.file = file;
    job.stage = 'write';
    return nextWrite(job, file);
  }
  const written = r.u64Number();
  if (r.tag !== WireTag.Ok || !r.end() || job.file === undefined || written === 0) return { kind: 'failed', error: RvosError.InvalidArgument };
  job.offset += written;
  return job.offset >= job.image.length ? { kind: 'done' } : nextWrite(job, job.file);
}

function nextWrite(job: BinWriteJob, file: OwnedEndpoint): BinWriteAction {
  const data = job.image.subarray(job.offset, Math.min(job.image.length, job.offset + FILE_CHUNK));
  return { kind: 'send', via: file, data: new WireWriter(WireTag.FileWrite).u64(job.offset).bytesField(data).bytes() };
}
