// electron-builder afterPack hook (electron-builder.yml): sets the Electron
// fuses on the packed binary (build/fuses.mjs). Fails the packaging with a
// clear message when @electron/fuses is not installed.
import { applyFuses } from './fuses.mjs';

async function loadFuses() {
  try {
    const module = await import('@electron/fuses');
    return module.flipFuses ? module : module.default;
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('@electron/fuses')) return undefined;
    throw error;
  }
}

export default async function afterPack(context) {
  const path = await applyFuses(context, loadFuses);
  console.log(`afterPack: Electron fuses set on ${path}`);
}
