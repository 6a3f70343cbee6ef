// Builds the RV64GC hart (AssemblyScript in emulator/hart/assembly) into
// emulator/hart/build/hart.wasm. Skips the build when no source is newer than
// the output. Writes to a temporary file and renames, so concurrent builds
// never leave a half-written module behind.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const srcDir = join(here, 'assembly');
const outDir = join(here, 'build');
const out = join(outDir, 'hart.wasm');
const force = process.argv.includes('--force');
const debug = process.argv.includes('--debug');

function newestSource(dir) {
  let newest = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath ?? entry.path, entry.name);
    newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

if (!force && existsSync(out) && statSync(out).mtimeMs >= newestSource(srcDir)) {
  process.exit(0);
}
mkdirSync(outDir, { recursive: true });
const tmp = `${out}.${process.pid}.tmp`;
const asc = join(here, '..', '..', 'node_modules', 'assemblyscript', 'bin', 'asc.js');
const args = [
  asc, join(srcDir, 'index.ts'),
  '-o', tmp,
  '--runtime', 'stub',
  '--initialMemory', '16',
  ...(debug ? ['--debug'] : ['-O3', '--noAssert', '--converge', '--uncheckedBehavior', 'always']),
];
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
if (result.status !== 0) {
  console.error('hart build failed');
  process.exit(result.status ?? 1);
}
renameSync(tmp, out);
console.log(`built ${out}`);
