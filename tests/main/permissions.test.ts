// Tests of the session permission policy with a fake session recording the
// handlers: clipboard for the app origin only, everything else refused.
import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, isAppUrl } from '../../main/app-origin.ts';
import { applyPermissionPolicy, isPermissionAllowed, type PermissionSession } from '../../main/permissions.ts';

const isTrusted = (url: string): boolean => isAppUrl(url, APP_ORIGIN);

describe('isPermissionAllowed', () => {
  it('allows clipboard access for the app and nothing else', () => {
    expect(isPermissionAllowed('clipboard-read', 'app://workbench/index.html', isTrusted)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://workbench/', isTrusted)).toBe(true);
    expect(isPermissionAllowed('clipboard-read', 'https://example.com/', isTrusted)).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'hid', 'serial', 'usb']) {
      expect(isPermissionAllowed(permission, 'app://workbench/', isTrusted)).toBe(false);
    }
  });
});

describe('applyPermissionPolicy', () => {
  it('installs request and check handlers that apply the policy', () => {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | undefined;
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | undefined;
    applyPermissionPolicy({
      setPermissionRequestHandler: (handler) => { request = handler; },
      setPermissionCheckHandler: (handler) => { check = handler; },
    }, isTrusted);
    const callback = vi.fn();
    request!(null, 'media', callback, { requestingUrl: 'app://workbench/' });
    request!(null, 'clipboard-read', callback, { requestingUrl: 'app://workbench/' });
    expect(callback.mock.calls).toEqual([[false], [true]]);
    expect(check!(null, 'clipboard-read', 'app://workbench')).toBe(true);
    expect(check!(null, 'clipboard-read', 'https://example.com')).toBe(false);
  });
});
