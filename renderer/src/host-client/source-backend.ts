// Where the Source view reads and writes the guest sources: Electron main's
// file service through window.rvos (the checkout, or the user workspace when
// packaged), else the browser host's dev server (SOURCES_PATH listing, POST to
// SOURCE_SAVE_PATH, external edits as Vite's SOURCE_CHANGED_EVENT).

import { SOURCES_PATH } from '../../../emulator/host/worker/asset-paths.ts';
import { isSourceListing, type SourceListing } from '../../../emulator/host/worker/source-listing.ts';
import { SOURCE_CHANGED_EVENT, SOURCE_SAVE_PATH, parseSourceChange, type SourceChange } from '../../../emulator/host/userland-build/source-paths.ts';
import { replyValue, workbenchApi } from './workbench-bridge.ts';
import type { SourceBackend } from '../support/source-backend-type.ts';

/** Vite's HMR client (dev server only); the renderer has no vite/client types. */
interface HotChannel {
  on(event: string, listener: (data: unknown) => void): void;
  off?(event: string, listener: (data: unknown) => void): void;
}

function checkedListing(value: unknown, from: string): SourceListing {
  if (!isSourceListing(value)) throw new Error(`${from}: not a source listing`);
  return value;
}

function forwardValid(listener: (change: SourceChange) => void): (data: unknown) => void {
  return (data) => {
    const change = parseSourceChange(data);
    if (typeof change !== 'string') listener(change);
  };
}

const browserBackend: SourceBackend = {
  async list() {
    const response = await fetch(SOURCES_PATH, { cache: 'no-store' });
    if (!response.ok) throw new Error(`${SOURCES_PATH}: HTTP ${response.status} ${await response.text()}`);
    return checkedListing(await response.json(), SOURCES_PATH);
  },
  async write(change) {
    const response = await fetch(SOURCE_SAVE_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(change) });
    if (response.ok) return;
    const body: unknown = await response.json().catch(() => ({}));
    const error = typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : `HTTP ${response.status}`;
    throw new Error(`${change.path} not saved: ${error}`);
  },
  onExternalChange(listener) {
    const hot = (import.meta as { hot?: HotChannel }).hot;
    if (hot === undefined) return () => undefined; // a built page has no dev server and no watcher
    const forward = forwardValid(listener);
    hot.on(SOURCE_CHANGED_EVENT, forward);
    return () => hot.off?.(SOURCE_CHANGED_EVENT, forward);
  },
};

/** The backend for this renderer: Electron's when window.rvos exists, else the dev server's. */
export function sourceBackend(): SourceBackend {
  const api = workbenchApi();
  if (api === undefined) return browserBackend;
  return {
    list: async () => checkedListing(replyValue(await api.listSources()), 'source-list'),
    write: async (change) => { replyValue(await api.writeSource(change)); },
    onExternalChange: (listener) => api.onSourceChanged(listener),
  };
}
