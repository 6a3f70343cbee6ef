// Test helper: compiles the FPU (emulator/hart/assembly/fpu/index.ts) on its
// own with the AssemblyScript compiler into a temp dir (cached by a hash of the
// sources) and wraps its exports as calls returning unsigned bit patterns + flags.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const fpuDir = join(root, 'emulator/hart/assembly/fpu');

/** Rounding modes as the FPU numbers them. */
export const RNE = 0, RTZ = 1, RDN = 2, RUP = 3, RMM = 4;
export const MODES = [RNE, RTZ, RDN, RUP, RMM] as const;
export const NV = 0x10, DZ = 0x08, OF = 0x04, UF = 0x02, NX = 0x01;

export interface FpuResult {
  /** The result as an unsigned bit pattern (32-bit results zero-extended). */
  value: bigint;
  /** The flags the operation raised. */
  flags: number;
}

export interface Fpu {
  /** Names of the module's exports. */
  readonly exportNames: string[];
  /** Clears the flags, calls export `name`, returns its result and the flags it raised. */
  call(name: string, ...args: (number | bigint)[]): FpuResult;
  /** Calls export `name` without clearing the flags first; returns fflagsAccrued afterwards. */
  callAccrued(name: string, ...args: (number | bigint)[]): number;
}

type WasmFn = (...args: (number | bigint)[]) => number | bigint;

/** Returns the path of the compiled FPU module, compiling it when the sources changed. */
function compiledWasm(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(root, 'node_modules/assemblyscript/package.json'))); // compiler version
  for (const name of readdirSync(fpuDir).sort()) hash.update(name).update(readFileSync(join(fpuDir, name)));
  const out = join(tmpdir(), `rvos-fpu-test-${hash.digest('hex').slice(0, 16)}.wasm`);
  if (existsSync(out)) return out;
  const tmp = `${out}.${process.pid}.tmp`;
  const asc = join(root, 'node_modules/assemblyscript/bin/asc.js');
  const result = spawnSync(process.execPath, [
    asc, join(fpuDir, 'index.ts'), '-o', tmp, '--runtime', 'stub', '-O3', '--noAssert',
  ], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`asc failed:\n${result.stdout}${result.stderr}`);
  renameSync(tmp, out);
  return out;
}

/** Compiles (or reuses) and instantiates the FPU module. */
export function loadFpu(): Fpu {
  const module = new WebAssembly.Module(readFileSync(compiledWasm()));
  const instance = new WebAssembly.Instance(module, {
    env: { abort: () => { throw new Error('wasm abort'); } },
  });
  const exports = instance.exports as Record<string, unknown>;
  const flags = exports.fflagsAccrued as { value: number }; // a WebAssembly.Global (i32)
  const fn = (name: string): WasmFn => {
    const f = exports[name];
    if (typeof f !== 'function') throw new Error(`no export ${name}`);
    return f as WasmFn;
  };
  return {
    exportNames: Object.keys(exports),
    callAccrued(name, ...args) {
      fn(name)(...args);
      return flags.value;
    },
    call(name, ...args) {
      flags.value = 0;
      const raw = fn(name)(...args);
      const value = typeof raw === 'bigint' ? BigInt.asUintN(64, raw) : BigInt(raw >>> 0);
      return { value, flags: flags.value };
    },
  };
}
