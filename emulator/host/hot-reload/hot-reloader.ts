// Compile on save and hot reload (docs/architecture.md, "Hot reload"): a save
// updates the SourceTree, rebuilds the programs it affects with the one
// in-memory build, and, when every build succeeded, installs each changed
// binary in the running VM (kernel-reload.ts). A failed build changes nothing.

import type { BootImage } from '../../kernel/context/kernel-context.ts';
import type { Kernel } from '../../kernel/system/kernel.ts';
import type { BuildReport, ReloadedProgram, SourceSaveResult } from '../protocol/hot-reload-types.ts';
import { BuildCache, buildProgramInMemory } from '../userland-build/build-in-memory.ts';
import { isEditableSourcePath } from '../userland-build/source-paths.ts';
import { programsAffectedBy, setSource, type SourceTree } from '../userland-build/source-tree.ts';
import { reloadInKernel } from './kernel-reload.ts';

/** A save refused before building (bad path): the tree and the VM are unchanged. */
export class SourceSaveError extends Error {}

/** Told each program a save installs in the kernel (the host logs it as an input). */
export type InstallListener = (binPath: string, elf: Uint8Array) => void;

export class HotReloader {
  private readonly cache = new BuildCache();
  /** Program name -> the ELF last installed in `installedIn` (else the kernel's boot image is what runs). */
  private readonly installed = new Map<string, Uint8Array>();
  private installedIn: Kernel | undefined;
  /** kernel.bootImage with the installed programs in place (for symbols), rebuilt after each install. */
  private image: BootImage | undefined;

  constructor(readonly tree: SourceTree, private readonly optimize: 0 | 1 = 0) {}

  /**
   * Records `text` as the current `path` (relative to fixtures/userland), rebuilds the programs it
   * affects, and reloads the changed ones in `kernel` (when booted). Throws SourceSaveError for a
   * path that is not an editable source. `onInstall` hears of each program installed.
   */
  save(kernel: Kernel | undefined, path: string, text: string, onInstall?: InstallListener): SourceSaveResult {
    if (!isEditableSourcePath(path)) throw new SourceSaveError(`source-save: not an editable userland source: ${path}`);
    setSource(this.tree, path, text);
    const start = performance.now();
    const names = programsAffectedBy(this.tree, path);
    const builds = names.map((name) => ({ name, ...buildProgramInMemory(this.tree, name, this.optimize, this.cache) }));
    const build: BuildReport = {
      ok: builds.every((b) => b.elf !== undefined),
      programs: names,
      diagnostics: dedupe(builds.flatMap((b) => b.diagnostics)),
      ms: round(performance.now() - start),
    };
    if (!build.ok || kernel === undefined) return { build };
    const reloadStart = performance.now();
    const programs = builds.filter((b) => this.changed(kernel, b.name, b.elf!)).map((b) => this.install(kernel, b.name, b.elf!, onInstall));
    return { build, reload: { programs, ms: round(performance.now() - reloadStart) } };
  }

  /** The programs `kernel` runs now: its boot image with every reloaded program's new ELF (same object until the next install). */
  programImage(kernel: Kernel): BootImage {
    if (this.installedIn !== kernel || this.installed.size === 0) return kernel.bootImage;
    if (this.image === undefined) {
      const reloaded = [...this.installed].map(([name, elf]) => ({ path: `/bin/${name}`, elf }));
      const kept = kernel.bootImage.programs.filter((p) => !reloaded.some((r) => r.path === p.path));
      this.image = { ...kernel.bootImage, programs: [...kept, ...reloaded] };
    }
    return this.image;
  }

  /** True when `elf` differs from what `kernel` runs for program `name`. */
  private changed(kernel: Kernel, name: string, elf: Uint8Array): boolean {
    if (this.installedIn !== kernel) {
      this.installed.clear();
      this.installedIn = kernel;
      this.image = undefined;
    }
    const current = this.installed.get(name) ?? kernel.bootImage.programs.find((p) => p.path === `/bin/${name}`)?.elf;
    return current === undefined || !sameBytes(current, elf);
  }

  private install(kernel: Kernel, name: string, elf: Uint8Array, onInstall: InstallListener | undefined): ReloadedProgram {
    const binPath = `/bin/${name}`;
    const outcome = reloadInKernel(kernel, binPath, elf);
    onInstall?.(binPath, elf);
    this.installed.set(name, elf);
    this.image = undefined;
    return { name, binPath, restarted: outcome.restarted, reRegistered: outcome.reRegistered };
  }
}

/** Diagnostics of a shared file (librvos) appear once, not once per program built. */
function dedupe<T extends { path: string; line: number; column: number; message: string }>(list: readonly T[]): T[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.path}:${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
