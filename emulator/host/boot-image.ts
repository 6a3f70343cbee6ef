// The BootImage the host hands the kernel (emulator/kernel/context/kernel-context.ts):
// every guest program compiled for rvos (emulator/host/guest-programs.ts) as
// /bin/<name>, and the initrd: fixtures/rootfs plus the same programs under
// /bin, which init gives the file server. The kernel never runs the toolchain.

import type { BootImage } from '../kernel/context/kernel-context.ts';
import { buildGuestPrograms, type GuestBuildOptions } from './guest-programs.ts';
import { packInitrd, rootfsEntries, ROOTFS_DIR } from './initrd.ts';

export interface BootImageOptions extends GuestBuildOptions {
  /** The root file system's source tree (default fixtures/rootfs). */
  rootfsDir?: string;
}

/** The boot image with every guest program and the initrd; throws GuestBuildError when a program does not build. */
export function buildBootImage(options: BootImageOptions = {}): BootImage {
  const programs = buildGuestPrograms(options);
  const initrd = packInitrd([
    ...rootfsEntries(options.rootfsDir ?? ROOTFS_DIR),
    ...programs.map((p) => ({ path: p.path, kind: 'file' as const, data: p.elf })),
  ]);
  return { programs: programs.map((p) => ({ path: p.path, elf: p.elf })), initrd };
}
