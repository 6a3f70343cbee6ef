// One line of the reload log from a 'reload' event (or a 'source-save' answer):
// what was rebuilt from which saved file, how long the build and the reload
// took, which processes were restarted and which service names re-registered. Pure.

import type { SourceSaveResult } from '../../../emulator/host/protocol/hot-reload-types.ts';

export interface ReloadLogEntry {
  /** Wall-clock time of the entry ("09:12:03"). */
  at: string;
  /** The saved file, relative to fixtures/userland. */
  path: string;
  ok: boolean;
  programs: string[];
  buildMs: number;
  /** Milliseconds of the reload; undefined when nothing was reloaded. */
  reloadMs: number | undefined;
  /** "hello 4→9" per restarted instance. */
  restarted: string[];
  reRegistered: string[];
  errors: number;
  warnings: number;
}

/** Returns the log entry of a save's result. */
export function reloadLogEntry(result: SourceSaveResult & { path: string }, now: Date): ReloadLogEntry {
  const programs = result.reload?.programs ?? [];
  return {
    at: now.toTimeString().slice(0, 8),
    path: result.path,
    ok: result.build.ok,
    programs: [...result.build.programs],
    buildMs: result.build.ms,
    reloadMs: result.reload?.ms,
    restarted: programs.flatMap((p) => p.restarted.map((r) => `${p.name} ${r.oldPid}→${r.newPid}`)),
    reRegistered: programs.flatMap((p) => p.reRegistered),
    errors: result.build.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: result.build.diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

/** The entry as one line of text ("hello.c: rebuilt hello in 41 ms, reloaded in 3 ms, restarted hello 4→9"). */
export function describeReload(entry: ReloadLogEntry): string {
  const file = entry.path.split('/').at(-1) ?? entry.path;
  const built = entry.programs.length > 0 ? entry.programs.join(', ') : 'nothing';
  if (!entry.ok) return `${file}: build of ${built} failed in ${Math.round(entry.buildMs)} ms (${entry.errors} error${entry.errors === 1 ? '' : 's'}); VM unchanged`;
  const parts = [`${file}: rebuilt ${built} in ${Math.round(entry.buildMs)} ms`];
  if (entry.reloadMs !== undefined) parts.push(`reloaded in ${Math.round(entry.reloadMs)} ms`);
  if (entry.restarted.length > 0) parts.push(`restarted ${entry.restarted.join(', ')}`);
  if (entry.reRegistered.length > 0) parts.push(`re-registered ${entry.reRegistered.join(', ')}`);
  return parts.join(', ');
}
