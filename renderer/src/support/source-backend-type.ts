// What the sources store needs from wherever the guest sources live (the dev
// server or Electron main; source-backend.ts): a type only, so the store and
// its tests need neither the DOM's fetch nor Electron's bridge.

import type { SourceListing } from '../../../emulator/host/worker/source-listing.ts';
import type { SourceChange } from '../../../emulator/host/userland-build/source-paths.ts';

export interface SourceBackend {
  /** Resolves with the listing; rejects with a readable message. */
  list(): Promise<SourceListing>;
  /** Writes one file; rejects (nothing written) with the reason. */
  write(change: SourceChange): Promise<void>;
  /** Calls listener for each edit another editor made; returns the function that stops it. */
  onExternalChange(listener: (change: SourceChange) => void): () => void;
}
