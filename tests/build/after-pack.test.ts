// Tests the real afterPack hook in this checkout: with @electron/fuses absent
// (as here) it rejects with the clear message; with it present it is skipped.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MISSING_FUSES_MESSAGE } from '../../build/fuses.mjs';

const fusesInstalled = existsSync(join(import.meta.dirname, '../../node_modules/@electron/fuses'));

describe.skipIf(fusesInstalled)('build/after-pack.mjs without @electron/fuses', () => {
  it('refuses to pack without fuses and says which package is missing', async () => {
    const { default: afterPack } = await import('../../build/after-pack.mjs');
    const context = { appOutDir: '/nowhere', electronPlatformName: 'linux', packager: { appInfo: { productFilename: 'x' }, executableName: 'x' } };
    await expect(afterPack(context)).rejects.toThrow(MISSING_FUSES_MESSAGE);
  });
});
