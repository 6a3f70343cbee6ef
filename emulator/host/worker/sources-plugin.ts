// Vite plugin of the workbench: serves the guest program sources
// (fixtures/userland/programs/<name>/*.c|*.h and librvos/*.c) as one JSON
// listing at SOURCES_PATH, read from disk on every request in dev (so edits
// show on reload), and emits it as a file in a build.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { USERLAND_DIR } from '../../toolchain/cc/driver/runtime-library.ts';
import { guestProgramNames, PROGRAMS_DIR } from '../guest-programs.ts';
import { SOURCES_PATH } from './asset-paths.ts';
import { generatedAssetMiddleware } from './generated-asset.ts';
import type { SourceFile, SourceListing } from './source-listing.ts';

const LIBRVOS_DIR = join(USERLAND_DIR, 'librvos');

function folderSources(folder: string, dir: string): SourceFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.c') || name.endsWith('.h'))
    .sort()
    .map((name) => ({ folder, name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** Every program's sources (programs sorted by name), then librvos's; throws when the folders cannot be read. */
export function sourceListing(): SourceListing {
  const programs = guestProgramNames().flatMap((name) => folderSources(name, join(PROGRAMS_DIR, name)));
  return { files: [...programs, ...folderSources('librvos', LIBRVOS_DIR)] };
}

/** The plugin: `rvos/sources.json` under the server root or in the build output. */
export function sourcesPlugin(): Plugin {
  return {
    name: 'rvos-sources',
    configureServer(server) {
      server.middlewares.use(generatedAssetMiddleware(SOURCES_PATH, 'application/json; charset=utf-8', () => JSON.stringify(sourceListing())));
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: SOURCES_PATH.slice(1), source: JSON.stringify(sourceListing()) });
    },
  };
}
