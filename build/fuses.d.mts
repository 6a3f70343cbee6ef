// Types of build/fuses.mjs (plain JavaScript so electron-builder can load it
// without a TypeScript loader), for the tests in tests/build/.
export interface FuseModule {
  FuseVersion: { V1: string | number };
  FuseV1Options: Record<string, string | number | undefined>;
  flipFuses(path: string, options: Record<string | number, unknown>): Promise<unknown>;
}

export interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
}

export const FUSE_SETTINGS: Readonly<Record<string, boolean>>;
export const MISSING_FUSES_MESSAGE: string;
export const REQUIRED_FUSES: readonly string[];
export function electronBinaryPath(context: AfterPackContext): string;
export function flipFusesOptions(fuses: FuseModule, platform: string): Record<string | number, unknown>;
export function applyFuses(context: AfterPackContext, loadFuses: () => Promise<FuseModule | undefined>): Promise<string>;
