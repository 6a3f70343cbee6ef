// Session permission policy (Electron security checklist 5): the app origin may
// use the clipboard (terminal copy and paste); every other permission, and
// every request from another origin, is refused.
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-read', 'clipboard-sanitized-write']);

/** Returns true only for a clipboard permission requested by a trusted URL. */
export function isPermissionAllowed(permission: string, requestingUrl: string, isTrusted: (url: string) => boolean): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrusted(requestingUrl);
}

/** The parts of Electron's Session the policy installs itself on (Session satisfies it). */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (contents: unknown, permission: string, requestingOrigin: string) => boolean,
  ): void;
}

/** Installs the policy on session for both permission requests and permission checks. */
export function applyPermissionPolicy(session: PermissionSession, isTrusted: (url: string) => boolean): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, isTrusted));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, isTrusted));
}
