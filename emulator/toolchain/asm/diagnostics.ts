// Assembler diagnostics as data (file, line, column, severity, message), the
// collector the assembler stages report into, and the formatter that prints
// `file:line:col: error: message` with the source line and a caret under it.

export type Severity = 'error' | 'warning';

/** One position in a source file; line and column are 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic extends SourceLocation {
  severity: Severity;
  message: string;
}

/** Thrown inside the assembler to abandon one statement; caught per statement, never escapes assemble(). */
export class AsmError extends Error {
  override readonly name = 'AsmError';
  constructor(message: string, readonly loc: SourceLocation) {
    super(message);
  }
}

/** Collects diagnostics in the order they are reported. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  error(loc: SourceLocation, message: string): void {
    this.items.push({ ...loc, severity: 'error', message });
  }

  warning(loc: SourceLocation, message: string): void {
    this.items.push({ ...loc, severity: 'warning', message });
  }

  /** True when at least one error (not warning) was reported. */
  hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

/**
 * Returns the diagnostic as GNU-style text: `file:line:col: error: message`,
 * then the source line and a caret under the column (when `source` is given
 * and has that line).
 */
export function formatDiagnostic(d: Diagnostic, source?: string): string {
  const head = `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
  const text = source?.split('\n')[d.line - 1];
  if (text === undefined) return head;
  const line = text.replace(/\r$/, '');
  const pad = line.slice(0, Math.max(0, d.column - 1)).replace(/[^\t]/g, ' ');
  return `${head}\n${line}\n${pad}^`;
}

/** Formats every diagnostic of a list, one block per diagnostic, joined by newlines. */
export function formatDiagnostics(list: readonly Diagnostic[], source?: string): string {
  return list.map((d) => formatDiagnostic(d, source)).join('\n');
}
