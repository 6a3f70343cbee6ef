// Environment settings of the differential test and the replay CLI:
// RVOS_DIFF_SEED (base seed, decimal or 0x hex; default fixed for CI),
// RVOS_DIFF_COUNT (programs, default 500), RVOS_DIFF_JOBS (QEMU/build
// concurrency, default 2), RVOS_DIFF_EXT (e.g. "imac": leave F/D out),
// RVOS_DIFF_SHRINK_MAX (failing seeds to shrink, default 3), RVOS_DIFF_ITEMS
// (body items per program, default 1000).

import { ALL_EXTENSIONS, DEFAULT_OPTIONS, type Extension, type GeneratorOptions } from './program-generator.ts';

export const DEFAULT_BASE_SEED = 0x5eed_0001;

export interface Settings {
  readonly baseSeed: number;
  readonly count: number;
  readonly jobs: number;
  readonly shrinkMax: number;
  readonly generator: GeneratorOptions;
}

/** Returns a uint32 parsed from decimal or 0x-hex text; throws on anything else. */
export function parseSeed(text: string): number {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < 0 || value > 0xffff_ffff) throw new Error(`bad seed: ${text}`);
  return value;
}

function intFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got ${text}`);
  return value;
}

/** Returns the extensions named in RVOS_DIFF_EXT (letters of "imafc", 'd' means 'f'), or all. */
export function extensionsFromEnv(): readonly Extension[] {
  const text = process.env.RVOS_DIFF_EXT;
  if (text === undefined || text === '') return ALL_EXTENSIONS;
  return ALL_EXTENSIONS.filter((e) => text.toLowerCase().includes(e) || (e === 'f' && text.includes('d')));
}

/** Returns the settings from the environment, with CI defaults. */
export function settingsFromEnv(): Settings {
  const seed = process.env.RVOS_DIFF_SEED;
  return {
    baseSeed: seed === undefined || seed === '' ? DEFAULT_BASE_SEED : parseSeed(seed),
    count: intFromEnv('RVOS_DIFF_COUNT', 500),
    jobs: Math.max(1, intFromEnv('RVOS_DIFF_JOBS', 2)),
    shrinkMax: intFromEnv('RVOS_DIFF_SHRINK_MAX', 3),
    generator: { bodyItems: intFromEnv('RVOS_DIFF_ITEMS', DEFAULT_OPTIONS.bodyItems), extensions: extensionsFromEnv() },
  };
}
