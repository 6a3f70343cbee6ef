// `rvos boot --watch`: watches fixtures/userland and hot-reloads each saved
// source into the running kernel through the workbench's own path
// (emulator/host/hot-reload/hot-reloader.ts), printing one reload-log line per
// save (and the diagnostics of a failed build) on stderr.

import type { Kernel } from '../../kernel/system/kernel.ts';
import { HotReloader } from '../../host/hot-reload/hot-reloader.ts';
import type { SourceSaveResult } from '../../host/protocol/hot-reload-types.ts';
import { diskSourceTree } from '../../host/userland-build/disk-source-tree.ts';
import { watchUserlandSources } from '../../host/worker/userland-watcher.ts';
import { USERLAND_DIR } from '../../toolchain/cc/driver/runtime-library.ts';
import type { CliIo } from './cli-io.ts';

/** The reload-log line(s) for one save: what was rebuilt, how long it took, what was restarted, or the diagnostics. */
export function formatReloadLog(path: string, result: SourceSaveResult): string {
  const { build, reload } = result;
  const head = `reload: ${path}: `;
  if (!build.ok) {
    const lines = build.diagnostics.map((d) => `  ${d.path}:${d.line}:${d.column}: ${d.severity}: ${d.message}\n`).join('');
    return `${head}build failed in ${build.ms} ms; nothing changed\n${lines}`;
  }
  const restarted = (reload?.programs ?? []).flatMap((p) => p.restarted.map((r) => `${p.name} (pid ${r.oldPid} -> ${r.newPid})`));
  const names = (reload?.programs ?? []).flatMap((p) => p.reRegistered);
  const installed = (reload?.programs ?? []).map((p) => p.binPath);
  return `${head}rebuilt ${build.programs.join(', ') || 'nothing'} in ${build.ms} ms; installed ${installed.join(', ') || 'nothing (unchanged)'}`
    + `${restarted.length > 0 ? `; restarted ${restarted.join(', ')}` : ''}${names.length > 0 ? `; re-registered ${names.join(', ')}` : ''}`
    + ` (${reload?.ms ?? 0} ms)\n`;
}

/** Starts watching `root` and reloading into `kernel`; `wake` resumes the run loop. Returns the function that stops watching. */
export function startWatchReload(kernel: Kernel, io: CliIo, wake: () => void, root = USERLAND_DIR): () => void {
  const reloader = new HotReloader(diskSourceTree());
  const watcher = watchUserlandSources(root, (change) => {
    try {
      io.stderr(formatReloadLog(change.path, reloader.save(kernel, change.path, change.text)));
    } catch (error) {
      io.stderr(`reload: ${change.path}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    wake();
  });
  return () => watcher.close();
}
