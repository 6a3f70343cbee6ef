// Tests of the trusted-origin check shared by the navigation, IPC and
// permission guards.
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAppUrl, trustedOrigin } from '../../main/app-origin.ts';

describe('trustedOrigin', () => {
  it('is app://workbench in production and the dev server origin in development', () => {
    expect(trustedOrigin(undefined)).toBe('app://workbench');
    expect(trustedOrigin('')).toBe(APP_ORIGIN);
    expect(trustedOrigin('http://localhost:5173/some/path')).toBe('http://localhost:5173');
    expect(trustedOrigin('garbage')).toBe(APP_ORIGIN);
  });
});

describe('isAppUrl', () => {
  it('accepts only URLs with exactly the trusted origin', () => {
    expect(isAppUrl('app://workbench/index.html', APP_ORIGIN)).toBe(true);
    expect(isAppUrl('app://workbench', APP_ORIGIN)).toBe(true);
    expect(isAppUrl('app://workbench.evil/index.html', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('app://other/', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('https://example.com/', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('file:///index.html', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('about:blank', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('', APP_ORIGIN)).toBe(false);
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/x', 'http://localhost:5173')).toBe(false);
  });
});
