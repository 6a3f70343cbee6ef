// Guards every webContents (Electron security checklist 12-14): navigation and
// redirects away from the app origin are prevented, window.open is denied,
// and <webview> attachment is refused. main/index.ts applies it to all contents.

/** The parts of Electron's WebContents the guard uses (WebContents satisfies it). */
export interface GuardableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface PreventableEvent {
  preventDefault(): void;
}

/** Installs the guards on contents; isAllowed(url) says which URLs stay in the app. */
export function guardWebContents(contents: GuardableContents, isAllowed: (url: string) => boolean): void {
  const refuseForeign = (event: PreventableEvent, url: string): void => {
    if (!isAllowed(url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
