// The browser host's save endpoint: POST SOURCE_SAVE_PATH with JSON {path, text}
// writes one editable guest source under the userland root (userland-files.ts
// checks the path). 200 {ok: true}, or 4xx with {error} and nothing written.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect } from 'vite';
import { MAX_SOURCE_BYTES, SOURCE_SAVE_PATH, type SourceChange } from '../userland-build/source-paths.ts';
import { writeUserlandSource } from './userland-files.ts';

/** Body size limit: the largest source, JSON-escaped (at most 6 bytes per byte), plus the envelope. */
const MAX_BODY_BYTES = MAX_SOURCE_BYTES * 6 + 1024;

function reply(res: ServerResponse, status: number, body: object): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolveBody(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A cross-site page may not save: an Origin header, when present, must name the server's own host. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** The middleware writing under root(); onWritten runs after each successful write. */
export function sourceSaveMiddleware(root: () => string, onWritten: (change: SourceChange) => void): Connect.NextHandleFunction {
  return (req, res, next) => {
    if (req.url?.split('?')[0] !== SOURCE_SAVE_PATH) return next();
    if (req.method !== 'POST') return reply(res, 405, { error: 'POST only' });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return reply(res, 415, { error: 'JSON only' });
    if (!sameOrigin(req)) return reply(res, 403, { error: 'cross-origin save refused' });
    void readBody(req).then((body) => {
      if (body === undefined) return reply(res, 413, { error: 'request too large' });
      let request: unknown;
      try {
        request = JSON.parse(body);
      } catch {
        return reply(res, 400, { error: 'not JSON' });
      }
      try {
        onWritten(writeUserlandSource(root(), request));
        reply(res, 200, { ok: true });
      } catch (error) {
        reply(res, 400, { error: error instanceof Error ? error.message : String(error) });
      }
    }, (error: unknown) => reply(res, 400, { error: String(error) }));
  };
}
