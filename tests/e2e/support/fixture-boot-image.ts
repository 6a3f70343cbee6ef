// A browser-host boot image with extra guest programs from tests/fixtures
// (e.g. the `bounce` drawing fixture): every regular program and root file
// system entry as buildBootImage() has them, plus the fixtures under /bin, served
// by a Vite plugin that answers the boot image's URL before the regular one.

import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Plugin } from 'vite';
import { buildGuestPrograms } from '../../../emulator/host/guest-programs.ts';
import { packInitrd, rootfsEntries } from '../../../emulator/host/initrd.ts';
import { BOOT_IMAGE_PATH } from '../../../emulator/host/worker/asset-paths.ts';
import { encodeBootImage } from '../../../emulator/host/worker/boot-image-codec.ts';
import { generatedAssetMiddleware } from '../../../emulator/host/worker/generated-asset.ts';
import type { BootImage } from '../../../emulator/kernel/context/kernel-context.ts';
import { C_COMPILER } from '../../../emulator/toolchain/cc/driver/c-compiler.ts';
import { compileToObject, type SourceContext } from '../../../emulator/toolchain/cc/driver/compile-input.ts';
import { nodeFileSystem } from '../../../emulator/toolchain/cc/driver/file-system.ts';
import { defaultCacheDir, runtimeLibrary, USERLAND_INCLUDE } from '../../../emulator/toolchain/cc/driver/runtime-library.ts';
import { linkRvos } from '../../../emulator/toolchain/cc/driver/rvos-link.ts';

/** The fixture programs' folders (one program per folder, named as the folder). */
export const DISPLAY_FIXTURES = join(import.meta.dirname, '../../fixtures/display');

/** The rvos ELF of the program whose C files are in `dir` (at -O1); throws with the diagnostics. */
export function buildFixtureProgram(dir: string): Uint8Array {
  const ctx: SourceContext = {
    fs: nodeFileSystem(), includePaths: [dir, USERLAND_INCLUDE], defines: [], undefines: [], target: 'rvos', compiler: C_COMPILER, optimize: 1,
  };
  let messages = '';
  const objects = readdirSync(dir).filter((f) => f.endsWith('.c')).sort().map((f) => {
    const result = compileToObject(join(dir, f), 'c', ctx);
    messages += result.messages;
    return { name: f, bytes: result.value };
  });
  const runtime = runtimeLibrary(ctx, defaultCacheDir(undefined));
  messages += runtime.messages;
  if (runtime.value === undefined || objects.some((o) => o.bytes === undefined)) throw new Error(`building ${dir} failed:\n${messages}`);
  const linked = linkRvos([
    { name: 'crt0.o', bytes: runtime.value.crt0 },
    ...objects.map((o) => ({ name: o.name, bytes: o.bytes! })),
    { name: 'libc.a', bytes: runtime.value.libc },
  ]);
  if (linked.value === undefined) throw new Error(`linking ${dir} failed:\n${messages}${linked.messages}`);
  return linked.value;
}

/** The regular boot image plus the programs in `fixtureDirs` as /bin/<folder name>. */
export function bootImageWithFixtures(fixtureDirs: readonly string[]): BootImage {
  const programs = [
    ...buildGuestPrograms().map((p) => ({ path: p.path, elf: p.elf })),
    ...fixtureDirs.map((dir) => ({ path: `/bin/${basename(dir)}`, elf: buildFixtureProgram(dir) })),
  ];
  const initrd = packInitrd([...rootfsEntries(), ...programs.map((p) => ({ path: p.path, kind: 'file' as const, data: p.elf }))]);
  return { programs, initrd };
}

/** A dev-server plugin serving bootImageWithFixtures(fixtureDirs) (built once, when first fetched) at the boot image's URL. */
export function fixtureBootImagePlugin(fixtureDirs: readonly string[]): Plugin {
  let bytes: Uint8Array | undefined;
  return {
    name: 'rvos-fixture-boot-image',
    enforce: 'pre',
    configureServer(server) {
      server.middlewares.use(generatedAssetMiddleware(BOOT_IMAGE_PATH, 'application/octet-stream', () => (bytes ??= encodeBootImage(bootImageWithFixtures(fixtureDirs)))));
    },
  };
}
