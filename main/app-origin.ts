// The app's own origin: production content is served from app://workbench/
// (main/app-protocol.ts), development content from electron-vite's dev server.
// Navigation, window and IPC guards all ask isAppUrl() which origin is trusted.
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Returns the trusted origin: the dev server's origin when devUrl is set, else app://workbench. */
export function trustedOrigin(devUrl: string | undefined): string {
  if (devUrl === undefined || devUrl === '') return APP_ORIGIN;
  return originOf(devUrl) ?? APP_ORIGIN;
}

/** Returns true when url parses and has exactly the trusted origin; false for anything else. */
export function isAppUrl(url: string, origin: string): boolean {
  return originOf(url) === origin;
}

// URL.origin is "null" for non-special schemes in Node, so build it ourselves.
function originOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.host === '') return undefined;
  return `${parsed.protocol}//${parsed.host}`;
}
