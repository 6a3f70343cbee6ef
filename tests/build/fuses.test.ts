// Tests of the packaging fuse configuration (build/fuses.mjs): the checklist's
// fuse values, the binary path per platform, the flipFuses options built from
// a fake @electron/fuses module, and the clear failure when it is absent.
import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import {
  FUSE_SETTINGS, MISSING_FUSES_MESSAGE, REQUIRED_FUSES, applyFuses, electronBinaryPath, flipFusesOptions,
  type AfterPackContext, type FuseModule,
} from '../../build/fuses.mjs';

// Shaped like @electron/fuses: enum names mapped to numbers.
const FuseV1Options: Record<string, number> = {
  RunAsNode: 0, EnableCookieEncryption: 1, EnableNodeOptionsEnvironmentVariable: 2, EnableNodeCliInspectArguments: 3,
  EnableEmbeddedAsarIntegrityValidation: 4, OnlyLoadAppFromAsar: 5, LoadBrowserProcessSpecificV8Snapshot: 6,
  GrantFileProtocolExtraPrivileges: 7,
};
const fakeFuses = (): FuseModule => ({ FuseVersion: { V1: '1' }, FuseV1Options, flipFuses: vi.fn(() => Promise.resolve()) });

function context(platform: string): AfterPackContext {
  return {
    appOutDir: '/dist/out', electronPlatformName: platform,
    packager: { appInfo: { productFilename: 'rvos workbench' }, executableName: 'rvos-workbench' },
  };
}

describe('FUSE_SETTINGS', () => {
  it('turns RunAsNode off and cookie encryption, ASAR integrity and ASAR-only loading on', () => {
    expect(FUSE_SETTINGS).toMatchObject({
      RunAsNode: false, EnableCookieEncryption: true, EnableEmbeddedAsarIntegrityValidation: true, OnlyLoadAppFromAsar: true,
      EnableNodeOptionsEnvironmentVariable: false, EnableNodeCliInspectArguments: false,
    });
    expect([...REQUIRED_FUSES].sort()).toEqual(
      ['EnableCookieEncryption', 'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar', 'RunAsNode']);
  });
});

describe('electronBinaryPath', () => {
  it('names the binary electron-builder leaves on each platform', () => {
    expect(electronBinaryPath(context('linux'))).toBe(join('/dist/out', 'rvos-workbench'));
    expect(electronBinaryPath(context('win32'))).toBe(join('/dist/out', 'rvos workbench.exe'));
    expect(electronBinaryPath(context('darwin'))).toBe(join('/dist/out', 'rvos workbench.app'));
  });
});

describe('flipFusesOptions', () => {
  it('maps every setting to its FuseV1Options key', () => {
    expect(flipFusesOptions(fakeFuses(), 'linux')).toEqual({
      version: '1', resetAdHocDarwinSignature: false,
      0: false, 1: true, 2: false, 3: false, 4: true, 5: true, 6: false, 7: false,
    });
    expect(flipFusesOptions(fakeFuses(), 'darwin')['resetAdHocDarwinSignature']).toBe(true);
  });

  it('skips optional fuses an older package lacks but refuses to miss a required one', () => {
    const older = { ...fakeFuses(), FuseV1Options: { ...FuseV1Options, GrantFileProtocolExtraPrivileges: undefined } };
    expect(flipFusesOptions(older, 'linux')[7]).toBeUndefined();
    const broken = { ...fakeFuses(), FuseV1Options: { ...FuseV1Options, OnlyLoadAppFromAsar: undefined } };
    expect(() => flipFusesOptions(broken, 'linux')).toThrow('OnlyLoadAppFromAsar');
  });
});

describe('applyFuses', () => {
  it('flips the fuses of the packed binary', async () => {
    const fuses = fakeFuses();
    expect(await applyFuses(context('linux'), () => Promise.resolve(fuses))).toBe(join('/dist/out', 'rvos-workbench'));
    expect(fuses.flipFuses).toHaveBeenCalledWith(join('/dist/out', 'rvos-workbench'), flipFusesOptions(fuses, 'linux'));
  });

  it('fails packaging with a clear message when @electron/fuses is absent', async () => {
    await expect(applyFuses(context('linux'), () => Promise.resolve(undefined))).rejects.toThrow(MISSING_FUSES_MESSAGE);
    expect(MISSING_FUSES_MESSAGE).toContain('@electron/fuses');
  });
});
