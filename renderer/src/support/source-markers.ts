// Compiler diagnostics as editor markers: the VM host's SourceDiagnostic
// (1-based line and column, path relative to fixtures/userland) mapped to the
// fields of Monaco's IMarkerData for one file. Pure: no Monaco import.

import type { SourceDiagnostic } from '../../../emulator/host/protocol/hot-reload-types.ts';

/** A marker's data as monaco.editor.setModelMarkers takes it, severity still by name. */
export interface SourceMarker {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Returns the markers of `path`'s diagnostics; each spans from its column to the end of that word (lineText gives a line's text, 1-based). */
export function markersFor(path: string, diagnostics: readonly SourceDiagnostic[], lineText: (line: number) => string | undefined): SourceMarker[] {
  return diagnostics.filter((d) => d.path === path).map((d) => {
    const line = Math.max(1, d.line);
    const column = Math.max(1, d.column);
    const text = lineText(line) ?? '';
    const word = /^[A-Za-z0-9_]+/.exec(text.slice(column - 1))?.[0].length ?? 1;
    return { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column + Math.max(1, word), message: d.message, severity: d.severity };
  });
}
