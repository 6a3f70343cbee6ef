// The runtime a linked program needs, built with OUR toolchain from
// fixtures/userland: crt0.o (crt0/crt0.S) and libc.a (libc/*.c, libc/setjmp.S
// and the target's platform layer). Cached on disk under a content hash of
// those sources and of the toolchain's own sources (the compiler "version").

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeArchive } from '../../archive/archive-writer.ts';
import type { CcTarget } from './cc-options.ts';
import { compileToObject, type SourceContext, type StepResult } from './compile-input.ts';

/** The repository root (this file is emulator/toolchain/cc/driver/runtime-library.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url)).replace(/\/$/, '');
export const USERLAND_DIR = join(REPO_ROOT, 'fixtures/userland');
/** The libc headers, searched after the -I directories. */
export const USERLAND_INCLUDE = join(USERLAND_DIR, 'include');
/** The rvos guest programs (built by emulator/host/guest-programs.ts, not part of the runtime). */
const PROGRAMS_DIR = join(USERLAND_DIR, 'programs/');
/** Source trees whose contents make the compiler version of the cache key. */
const TOOLCHAIN_DIRS = ['cc', 'asm', 'isa', 'elf', 'archive'].map((d) => join(REPO_ROOT, 'emulator/toolchain', d));

export interface RuntimeLibrary {
  crt0: Uint8Array;
  libc: Uint8Array;
  /** Where the files are cached. */
  directory: string;
  /** False when it was built by this call. */
  cached: boolean;
}

/** The cache directory: `override`, else $RVOS_CACHE_DIR, $XDG_CACHE_HOME/rvos, or node_modules/.cache/rvos. */
export function defaultCacheDir(override: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (override !== undefined) return override;
  if (env.RVOS_CACHE_DIR) return env.RVOS_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'rvos');
  return join(REPO_ROOT, 'node_modules/.cache/rvos');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** The .c and .S files of a userland folder, sorted. */
function sourcesIn(folder: string): string[] {
  return readdirSync(join(USERLAND_DIR, folder)).filter((f) => f.endsWith('.c') || f.endsWith('.S')).sort().map((f) => join(USERLAND_DIR, folder, f));
}

/**
 * The runtime's sources for `target`: crt0, then the archive members' sources.
 * rvos: its own crt0 (platform/rvos/crt0.S: no M-mode setup, BootInfo before main) and librvos in the archive.
 */
export function runtimeSources(target: CcTarget): { crt0: string; members: string[] } {
  const platform = join(USERLAND_DIR, 'platform', target);
  return {
    crt0: target === 'rvos' ? join(platform, 'crt0.S') : join(USERLAND_DIR, 'crt0/crt0.S'),
    members: [...sourcesIn('libc'), ...(target === 'rvos' ? sourcesIn('librvos') : []), join(platform, `platform-${target}.c`)],
  };
}

/** Hex SHA-256 over the target, every userland source and header, and the toolchain sources. */
export function runtimeHash(target: CcTarget): string {
  const hash = createHash('sha256').update(`target=${target}\n`);
  // The guest programs (fixtures/userland/programs) are not part of the runtime.
  const files = [...filesUnder(USERLAND_DIR).filter((f) => !f.includes('/build/') && !f.startsWith(PROGRAMS_DIR)), ...TOOLCHAIN_DIRS.flatMap(filesUnder)];
  for (const f of files) hash.update(`${f.slice(REPO_ROOT.length)}\n`).update(readFileSync(f));
  return hash.digest('hex');
}

/** Writes `data` to `path` through a temporary file and a rename, so concurrent builds never see half a file. */
function writeAtomically(path: string, data: Uint8Array): void {
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

/** Removes the target's builds from older compiler or source versions (best effort: errors are ignored). */
function pruneOldBuilds(runtimeDir: string, target: CcTarget, keep: string): void {
  try {
    for (const name of readdirSync(runtimeDir)) {
      const path = join(runtimeDir, name);
      if (name.startsWith(`${target}-`) && path !== keep) rmSync(path, { recursive: true, force: true });
    }
  } catch {
    // Another process may be pruning at the same time; a leftover directory is harmless.
  }
}

function readCached(directory: string): RuntimeLibrary | undefined {
  try {
    if (!statSync(join(directory, 'libc.a')).isFile()) return undefined;
    return { crt0: readFileSync(join(directory, 'crt0.o')), libc: readFileSync(join(directory, 'libc.a')), directory, cached: true };
  } catch {
    return undefined;
  }
}

/**
 * Returns crt0.o and libc.a for `ctx.target` from the cache in `cacheDir`, or
 * builds and caches them. On compile errors in the runtime sources, value is
 * undefined and messages holds the diagnostics; nothing is cached then.
 */
export function runtimeLibrary(ctx: SourceContext, cacheDir: string): StepResult<RuntimeLibrary> {
  const directory = join(cacheDir, 'runtime', `${ctx.target}-${runtimeHash(ctx.target).slice(0, 24)}`);
  const cached = readCached(directory);
  if (cached !== undefined) return { value: cached, messages: '' };
  const sources = runtimeSources(ctx.target);
  // One build per target whatever the program's -O level (the cache key has no level): -O0.
  const build: SourceContext = { ...ctx, includePaths: [USERLAND_INCLUDE], defines: [], undefines: [], optimize: 0 };
  let messages = '';
  const compile = (path: string): Uint8Array | undefined => {
    const r = compileToObject(path, path.endsWith('.S') ? 'asm-cpp' : 'c', build);
    messages += r.messages;
    return r.value;
  };
  const crt0 = compile(sources.crt0);
  const members = sources.members.map((path) => ({ name: path.replace(/^.*\//, '').replace(/\.[cS]$/, '.o'), data: compile(path) }));
  if (crt0 === undefined || members.some((m) => m.data === undefined)) {
    return { value: undefined, messages: `${messages}rvos cc: error: building the runtime library (crt0 + libc) for --target=${ctx.target} failed\n` };
  }
  const libc = writeArchive(members.map((m) => ({ name: m.name, data: m.data! })));
  mkdirSync(directory, { recursive: true });
  writeAtomically(join(directory, 'crt0.o'), crt0);
  writeAtomically(join(directory, 'libc.a'), libc);
  pruneOldBuilds(join(cacheDir, 'runtime'), ctx.target, directory);
  // Warnings in the runtime's own sources are not the user's business; errors above are.
  return { value: { crt0, libc, directory, cached: false }, messages: '' };
}
