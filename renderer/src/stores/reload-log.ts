// Reload log store: one entry per build a save started (the VM host's 'reload'
// events and 'source-save' answers), newest first, and the problems list (the
// latest build's diagnostics, which the editor shows as markers).

import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { SourceDiagnostic, SourceSaveResult } from '../../../emulator/host/protocol/hot-reload-types.ts';
import type { HostClient } from '../host-client/host-client.ts';
import { reloadLogEntry, type ReloadLogEntry } from '../support/reload-summary.ts';

/** Entries kept. */
export const RELOAD_LOG_LIMIT = 100;

export const useReloadLogStore = defineStore('reload-log', () => {
  const entries = ref<ReloadLogEntry[]>([]);
  const problems = shallowRef<readonly SourceDiagnostic[]>([]);
  let connected = false;
  let last: SourceSaveResult | undefined;

  /** Subscribes to the VM host's 'reload' events (once). */
  function connect(host: HostClient): void {
    if (connected) return;
    connected = true;
    host.on('reload', (event) => record({ build: event.build, reload: event.reload, path: event.path }));
  }

  /** Logs a save's result and makes its diagnostics the problems; the same result seen twice (answer and event) is logged once. */
  function record(result: SourceSaveResult & { path: string }, now = new Date()): void {
    if (last !== undefined && sameResult(last, result)) return;
    last = result;
    entries.value = [reloadLogEntry(result, now), ...entries.value].slice(0, RELOAD_LOG_LIMIT);
    problems.value = result.build.diagnostics;
  }

  function clear(): void {
    entries.value = [];
  }

  return { entries, problems, connect, record, clear };
});

function sameResult(a: SourceSaveResult, b: SourceSaveResult): boolean {
  return a.build.ms === b.build.ms && a.build.ok === b.build.ok && a.reload?.ms === b.reload?.ms
    && a.build.programs.join() === b.build.programs.join() && a.build.diagnostics.length === b.build.diagnostics.length;
}
