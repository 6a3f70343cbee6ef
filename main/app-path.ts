// Maps an app:// request URL to a file inside the built renderer directory,
// refusing anything that could escape it (docs/architecture.md, "Electron").
// Pure: main/app-protocol.ts reads the file this returns.
import { isAbsolute, join, relative, resolve } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';

const SAFE_SEGMENT = /^[A-Za-z0-9._~@+-]+$/;

/**
 * Returns the absolute path under root that url names ("/" -> index.html), or
 * undefined for another scheme or host, a malformed URL, an encoded or literal
 * "..", "." or empty segment, a backslash, a NUL, or any character outside
 * [A-Za-z0-9._~@+-] in a segment.
 */
export function resolveAppPath(root: string, url: string): string | undefined {
  const segments = appPathSegments(url);
  if (segments === undefined) return undefined;
  const absoluteRoot = resolve(root);
  const path = join(absoluteRoot, ...segments);
  const inside = relative(absoluteRoot, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  return path;
}

function appPathSegments(url: string): string[] | undefined {
  // Checked on the raw text too: URL parsing folds "\" to "/" and "/../" away.
  if (/\\|%5c|%2f|%00|\0|%2e|\/\.\.?(\/|$|\?|#)/i.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return undefined;
  const pathname = parsed.pathname === '/' || parsed.pathname === '' ? '/index.html' : parsed.pathname;
  const segments = pathname.slice(1).split('/');
  return segments.every(isSafeSegment) ? segments : undefined;
}

function isSafeSegment(segment: string): boolean {
  return SAFE_SEGMENT.test(segment) && segment !== '.' && segment !== '..';
}
