// Vite plugin of the workbench: serves the guest sources (programs, librvos,
// include/rvos; userland-files.ts) as one JSON listing at SOURCES_PATH, read
// from disk on every request; in dev also saves edits (source-save-middleware.ts)
// and pushes edits made by other editors to the page as SOURCE_CHANGED_EVENT.

import type { Plugin } from 'vite';
import { SOURCES_PATH } from './asset-paths.ts';
import { generatedAssetMiddleware } from './generated-asset.ts';
import type { SourceListing } from './source-listing.ts';
import { SOURCE_CHANGED_EVENT } from '../userland-build/source-paths.ts';
import { sourceSaveMiddleware } from './source-save-middleware.ts';
import { listUserlandSources, userlandRoot } from './userland-files.ts';
import { watchUserlandSources, type UserlandWatcher } from './userland-watcher.ts';

/** The listing of the userland root (userlandRoot()); throws when its folders cannot be read. */
export function sourceListing(): SourceListing {
  return listUserlandSources(userlandRoot());
}

/** The plugin: `rvos/sources.json` under the server root or in the build output, the save endpoint and the watcher in dev. */
export function sourcesPlugin(): Plugin {
  let watcher: UserlandWatcher | undefined;
  return {
    name: 'rvos-sources',
    configureServer(server) {
      server.middlewares.use(generatedAssetMiddleware(SOURCES_PATH, 'application/json; charset=utf-8', () => JSON.stringify(sourceListing())));
      watcher = watchUserlandSources(userlandRoot(), (change) => server.ws.send(SOURCE_CHANGED_EVENT, change));
      server.middlewares.use(sourceSaveMiddleware(userlandRoot, (change) => watcher?.noteWritten(change)));
      server.httpServer?.once('close', () => watcher?.close());
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: SOURCES_PATH.slice(1), source: JSON.stringify(sourceListing()) });
    },
  };
}
