// Tests of guardWebContents with a fake webContents that records listeners:
// foreign navigation and redirects prevented, app navigation allowed,
// window.open denied, <webview> attachment prevented.
import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, isAppUrl } from '../../main/app-origin.ts';
import { guardWebContents, type GuardableContents, type PreventableEvent } from '../../main/navigation-guard.ts';

type Listener = (event: PreventableEvent, url: string) => void;

function fakeContents(): { contents: GuardableContents; emit(name: string, url?: string): boolean; open(url: string): unknown } {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => unknown) | undefined;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      openHandler = handler;
    },
  } as GuardableContents;
  return {
    contents,
    emit(name, url = '') {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    },
    open: (url) => openHandler!({ url }),
  };
}

function guarded(): ReturnType<typeof fakeContents> {
  const fake = fakeContents();
  guardWebContents(fake.contents, (url) => isAppUrl(url, APP_ORIGIN));
  return fake;
}

describe('guardWebContents', () => {
  it('prevents navigation and redirects away from the app origin', () => {
    const fake = guarded();
    expect(fake.emit('will-navigate', 'https://example.com/')).toBe(true);
    expect(fake.emit('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fake.emit('will-navigate', 'app://workbench.evil/')).toBe(true);
    expect(fake.emit('will-redirect', 'https://example.com/')).toBe(true);
  });

  it('lets navigation inside the app through', () => {
    const fake = guarded();
    expect(fake.emit('will-navigate', 'app://workbench/index.html')).toBe(false);
    expect(fake.emit('will-redirect', 'app://workbench/index.html#x')).toBe(false);
  });

  it('denies every window.open, even to the app itself', () => {
    const fake = guarded();
    expect(fake.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(fake.open('app://workbench/index.html')).toEqual({ action: 'deny' });
  });

  it('prevents webview attachment', () => {
    expect(guarded().emit('will-attach-webview')).toBe(true);
  });
});
