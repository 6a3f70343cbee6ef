// Electron fuses set on the packaged binary (Electron security checklist,
// "fuses"): the settings, where electron-builder leaves the binary per
// platform, and applyFuses, which build/after-pack.mjs runs with @electron/fuses.
import { join } from 'node:path';

/** Fuse name (FuseV1Options key) -> value; names the package does not know are skipped. */
export const FUSE_SETTINGS = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
});

export const MISSING_FUSES_MESSAGE =
  'Electron fuses were NOT set: the afterPack hook needs the @electron/fuses package ' +
  '(npm install --save-dev @electron/fuses). Refusing to ship a package without fuses.';

/** Returns the path flipFuses expects for the packed app (the .app bundle on macOS). */
export function electronBinaryPath(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`);
    case 'win32':
      return join(context.appOutDir, `${name}.exe`);
    default:
      return join(context.appOutDir, context.packager.executableName);
  }
}

/** The fuses of the checklist: packaging fails if one cannot be set. */
export const REQUIRED_FUSES = Object.freeze([
  'RunAsNode', 'EnableCookieEncryption', 'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar',
]);

/** Returns the flipFuses options for FUSE_SETTINGS; throws when the package lacks a required fuse. */
export function flipFusesOptions(fuses, platform) {
  const options = { version: fuses.FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' };
  for (const [name, value] of Object.entries(FUSE_SETTINGS)) {
    const key = fuses.FuseV1Options[name];
    if (key !== undefined) options[key] = value;
    else if (REQUIRED_FUSES.includes(name)) throw new Error(`@electron/fuses has no fuse ${name}`);
  }
  return options;
}

/**
 * Flips the fuses of the binary context describes. loadFuses() returns the
 * @electron/fuses module or undefined when it is not installed; then this
 * rejects with MISSING_FUSES_MESSAGE.
 */
export async function applyFuses(context, loadFuses) {
  const fuses = await loadFuses();
  if (fuses === undefined) throw new Error(MISSING_FUSES_MESSAGE);
  const path = electronBinaryPath(context);
  await fuses.flipFuses(path, flipFusesOptions(fuses, context.electronPlatformName));
  return path;
}
