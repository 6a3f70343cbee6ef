// Compiler diagnostics to Monaco marker data: only the file's own, 1-based
// line and column kept, the marker spanning the word at the column (one
// character elsewhere), severities by name.

import { describe, expect, it } from 'vitest';
import type { SourceDiagnostic } from '../../../emulator/host/protocol/hot-reload-types.ts';
import { markersFor } from '../../../renderer/src/support/source-markers.ts';

const lines = ['int main(void) {', '    retrun 0;', '}'];
const lineText = (line: number): string | undefined => lines[line - 1];
const diagnostics: SourceDiagnostic[] = [
  { path: 'programs/hello/hello.c', line: 2, column: 5, severity: 'error', message: "use of undeclared identifier 'retrun'" },
  { path: 'programs/hello/hello.c', line: 3, column: 1, severity: 'warning', message: 'brace' },
  { path: 'librvos/wire.c', line: 1, column: 1, severity: 'error', message: 'elsewhere' },
];

describe('markersFor', () => {
  it('maps the file\'s diagnostics to marker ranges over the word at the column', () => {
    expect(markersFor('programs/hello/hello.c', diagnostics, lineText)).toEqual([
      { startLineNumber: 2, startColumn: 5, endLineNumber: 2, endColumn: 11, message: "use of undeclared identifier 'retrun'", severity: 'error' },
      { startLineNumber: 3, startColumn: 1, endLineNumber: 3, endColumn: 2, message: 'brace', severity: 'warning' },
    ]);
  });

  it('keeps positions past the text or below 1 visible', () => {
    const odd: SourceDiagnostic[] = [{ path: 'a.c', line: 0, column: 0, severity: 'error', message: 'm' }, { path: 'a.c', line: 9, column: 3, severity: 'error', message: 'n' }];
    expect(markersFor('a.c', odd, lineText).map((m) => [m.startLineNumber, m.startColumn, m.endColumn])).toEqual([[1, 1, 4], [9, 3, 4]]);
    expect(markersFor('other.c', diagnostics, lineText)).toEqual([]);
  });
});
