// `npm run dist`: builds the app (npm run build: hart + electron-vite) and
// packages it with electron-builder (electron-builder.yml) when that is
// installed; otherwise says what is missing and exits 1 without packaging.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npm', ['run', 'build']);
if (!existsSync(bin('electron-builder'))) {
  console.error('npm run dist: the app is built in out/, but electron-builder is not installed, so no package was made.');
  console.error('Install it on a machine that can download Electron (npm install --save-dev electron-builder @electron/fuses) and run again.');
  process.exit(1);
}
run(bin('electron-builder'), ['--config', 'electron-builder.yml', ...process.argv.slice(2)]);
