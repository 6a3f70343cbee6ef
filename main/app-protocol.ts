// The app:// protocol: serves the built renderer (out/renderer) so app content
// never loads over file://. Every response carries the strict CSP and nosniff;
// paths go through resolveAppPath (main/app-path.ts).
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME } from './app-origin.ts';
import { resolveAppPath } from './app-path.ts';
import { appContentSecurityPolicy } from './content-security-policy.ts';
import { mimeTypeFor } from './mime-types.ts';

export type ReadAppFile = (path: string) => Promise<Uint8Array>;

/** Registers app:// as a standard, secure scheme; must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  }]);
}

/** Installs the app:// handler serving files under root; call after app 'ready'. */
export function handleAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(root, readFile));
}

/**
 * Returns the request handler: 200 with the file and its MIME type, 403 for a
 * path resolveAppPath refuses, 405 for a method other than GET/HEAD, 404 when
 * the file cannot be read. Never rejects.
 */
export function createAppRequestHandler(root: string, read: ReadAppFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'method not allowed');
    const path = resolveAppPath(root, request.url);
    if (path === undefined) return plainResponse(403, 'forbidden');
    let body: Uint8Array;
    try {
      body = await read(path);
    } catch {
      return plainResponse(404, 'not found');
    }
    const headers = appHeaders(mimeTypeFor(path));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: appHeaders('text/plain; charset=utf-8') });
}

function appHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': appContentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
}
