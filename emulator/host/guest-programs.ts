// Builds the rvos guest programs (fixtures/userland/programs/<name>/*.c) with
// the project's own toolchain for the rvos target: crt0 + libc + librvos from
// the runtime-library cache, code at 0x10000. Each linked ELF is cached on disk
// under a hash of the runtime (sources + compiler) and the program's sources.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCacheDir, runtimeHash, USERLAND_DIR } from '../toolchain/cc/driver/runtime-library.ts';
import { buildProgramInMemory } from './userland-build/build-in-memory.ts';
import { diskSourceTree, rvosRuntime } from './userland-build/disk-source-tree.ts';

/** Where the programs live: one folder per program, named as the program. */
export const PROGRAMS_DIR = join(USERLAND_DIR, 'programs');

export interface GuestProgram {
  name: string;
  /** The path it gets in the root file system ("/bin/<name>"). */
  path: string;
  elf: Uint8Array;
  /** True when the ELF came from the cache. */
  cached: boolean;
}

export interface GuestBuildOptions {
  /** Cache directory (default: defaultCacheDir: $RVOS_CACHE_DIR, ..., node_modules/.cache/rvos). */
  cacheDir?: string;
  /** Optimization level of the programs' own code (default 0; the runtime library is always -O0). */
  optimize?: 0 | 1;
}

/** A program failed to compile or link; `messages` holds the diagnostics. */
export class GuestBuildError extends Error {
  constructor(readonly program: string, readonly messages: string) {
    super(`building guest program ${program} failed:\n${messages}`);
  }
}

/** The names of every program folder, sorted. */
export function guestProgramNames(): string[] {
  return readdirSync(PROGRAMS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

function programSources(name: string): string[] {
  const dir = join(PROGRAMS_DIR, name);
  return readdirSync(dir).filter((f) => f.endsWith('.c') || f.endsWith('.h')).sort().map((f) => join(dir, f));
}

/** Hex hash over the rvos runtime's hash, the optimization level and the program's sources. */
export function guestProgramHash(name: string, optimize: 0 | 1 = 0): string {
  const hash = createHash('sha256').update(`runtime=${runtimeHash('rvos')}\nO${optimize}\n`);
  for (const file of programSources(name)) hash.update(`${file.slice(PROGRAMS_DIR.length)}\n`).update(readFileSync(file));
  return hash.digest('hex');
}

function readCached(path: string): Uint8Array | undefined {
  try {
    return statSync(path).isFile() ? new Uint8Array(readFileSync(path)) : undefined;
  } catch {
    return undefined;
  }
}

/** Compiles and links program `name` (userland-build/build-in-memory.ts); throws GuestBuildError with the diagnostics. */
function compileProgram(name: string, cacheDir: string, optimize: 0 | 1): Uint8Array {
  let runtime;
  try {
    runtime = rvosRuntime(cacheDir);
  } catch (error) {
    throw new GuestBuildError(name, error instanceof Error ? error.message : String(error));
  }
  const built = buildProgramInMemory(diskSourceTree([name], runtime), name, optimize);
  if (built.elf === undefined) throw new GuestBuildError(name, built.messages);
  return built.elf;
}

/** Program `name` as an rvos ELF, from the cache or freshly built (then cached). Throws GuestBuildError. */
export function buildGuestProgram(name: string, options: GuestBuildOptions = {}): GuestProgram {
  const cacheDir = defaultCacheDir(options.cacheDir);
  const optimize = options.optimize ?? 0;
  const dir = join(cacheDir, 'programs');
  const file = join(dir, `${name}-${guestProgramHash(name, optimize).slice(0, 24)}.elf`);
  const cached = readCached(file);
  if (cached !== undefined) return { name, path: `/bin/${name}`, elf: cached, cached: true };
  const elf = compileProgram(name, cacheDir, optimize);
  mkdirSync(dir, { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, elf);
  renameSync(temp, file);
  return { name, path: `/bin/${name}`, elf, cached: false };
}

/** Every program (guestProgramNames order), built or from the cache. Throws GuestBuildError on the first failure. */
export function buildGuestPrograms(options: GuestBuildOptions = {}): GuestProgram[] {
  return guestProgramNames().map((name) => buildGuestProgram(name, options));
}
