// The VM host's side of 'source-save': loads the SourceTree once (from the
// host's deps: disk on Node, the userland asset in the worker), keeps one
// HotReloader for the host's lifetime and turns each save into the response
// and the 'reload' event every client's reload log shows.

import type { BootImage } from '../../kernel/context/kernel-context.ts';
import type { Kernel } from '../../kernel/system/kernel.ts';
import type { HostEvent } from '../protocol/messages.ts';
import type { SourceSaveResult } from '../protocol/hot-reload-types.ts';
import type { SourceTree } from '../userland-build/source-tree.ts';
import { HotReloader, SourceSaveError, type InstallListener } from './hot-reloader.ts';

export class HostHotReload {
  private reloader: Promise<HotReloader> | undefined;
  private loaded: HotReloader | undefined;

  constructor(private readonly loadTree: (() => Promise<SourceTree>) | undefined, private readonly emit: (event: HostEvent) => void) {}

  /** The programs `kernel` runs (its boot image with reloaded programs in place), for symbol lookups. */
  programImage(kernel: Kernel): BootImage {
    return this.loaded?.programImage(kernel) ?? kernel.bootImage;
  }

  /** Applies one save to `kernel` (undefined when not booted) and emits the 'reload' event; throws SourceSaveError. */
  async save(kernel: () => Kernel | undefined, path: string, text: string, onInstall?: InstallListener): Promise<SourceSaveResult> {
    if (this.loadTree === undefined) throw new SourceSaveError('source-save: this host has no userland sources');
    const loadTree = this.loadTree;
    this.reloader ??= loadTree().then((tree) => new HotReloader(tree));
    let reloader: HotReloader;
    try {
      reloader = await this.reloader;
    } catch (error) {
      this.reloader = undefined; // retried on the next save
      throw error;
    }
    // The kernel is read after the await: a reset meanwhile gets the reload, not the discarded kernel.
    this.loaded = reloader;
    const result = reloader.save(kernel(), path, text, onInstall);
    this.emit({ kind: 'event', event: 'reload', path, ...result });
    return result;
  }
}
