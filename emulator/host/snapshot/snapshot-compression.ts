// Section compression through the platform's CompressionStream and
// DecompressionStream ('deflate-raw', zlib underneath in Node, browsers and
// Electron): async, off the caller's run loop. Decompression is bounded: a
// section that inflates beyond its declared size is refused (zip-bomb safe).

import { SnapshotError } from './snapshot-error.ts';

/** Bytes fed to a stream per write, so the stream interleaves with other work. */
const WRITE_CHUNK = 256 * 1024;

/** `bytes` compressed as raw DEFLATE. */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new CompressionStream('deflate-raw');
  return drain(stream.readable, feed(stream.writable, bytes), Number.POSITIVE_INFINITY, 'compression');
}

/**
 * `stored` inflated; exactly `size` bytes. Throws SnapshotError 'section' when
 * it is not valid DEFLATE, inflates to more than `size` bytes (reading stops
 * there) or to fewer.
 */
export async function inflateRawBounded(stored: Uint8Array, size: number, section: string): Promise<Uint8Array> {
  const stream = new DecompressionStream('deflate-raw');
  const out = await drain(stream.readable, feed(stream.writable, stored), size, section);
  if (out.length !== size) throw new SnapshotError('section', `section '${section}' inflates to ${out.length} bytes, its entry says ${size}`);
  return out;
}

/** Writes `bytes` in chunks and closes; the returned promise never rejects (errors surface on the readable side). */
async function feed(writable: CompressionStream['writable'], bytes: Uint8Array): Promise<void> {
  const writer = writable.getWriter();
  try {
    for (let at = 0; at < bytes.length; at += WRITE_CHUNK) {
      await writer.write(bytes.subarray(at, Math.min(bytes.length, at + WRITE_CHUNK)) as Uint8Array<ArrayBuffer>);
    }
    await writer.close();
  } catch {
    // The readable side reports the stream's error (or was cancelled on purpose).
  }
}

/** Reads the stream into one array; throws SnapshotError when more than `limit` bytes come out or the stream fails. */
async function drain(readable: ReadableStream<Uint8Array>, writing: Promise<void>, limit: number, section: string): Promise<Uint8Array> {
  const reader = readable.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        await reader.cancel();
        throw new SnapshotError('section', `section '${section}' inflates beyond its declared ${limit} bytes`);
      }
      parts.push(value);
    }
  } catch (error) {
    if (error instanceof SnapshotError) throw error;
    throw new SnapshotError('section', `section '${section}' does not decompress: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await writing;
  }
  return concatBytes(parts, total);
}

/** The parts joined (total = their summed length). */
export function concatBytes(parts: readonly Uint8Array[], total = parts.reduce((n, p) => n + p.length, 0)): Uint8Array {
  if (parts.length === 1 && parts[0]!.length === total) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
