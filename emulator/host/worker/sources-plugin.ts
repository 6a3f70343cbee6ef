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
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== SOURCES_PATH) return next();
        try {
          const body = JSON.stringify(sourceListing());
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          res.end(body);
        } catch (error) {
          res.statusCode = 500;
          res.end(error instanceof Error ? error.message : String(error));
        }
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: SOURCES_PATH.slice(1), source: JSON.stringify(sourceListing()) });
    },
  };
}
