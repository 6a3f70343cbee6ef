// Linker diagnostics as data (severity, the file they concern, message), the
// LinkError that linker stages throw to abandon one input or the whole link,
// and the formatter that prints `file: error: message` lines.

export type LinkSeverity = 'error' | 'warning';

export interface LinkDiagnostic {
  severity: LinkSeverity;
  /** The input the problem concerns (`lib.a(member.o)` for archive members), or 'ld' for the link as a whole. */
  file: string;
  message: string;
}

/** Thrown inside the linker for one problem; link() turns it into a diagnostic and never lets it escape. */
export class LinkError extends Error {
  override readonly name = 'LinkError';
  constructor(readonly file: string, message: string) {
    super(message);
  }
}

/** Collects diagnostics in the order they are reported. */
export class LinkDiagnostics {
  readonly items: LinkDiagnostic[] = [];

  error(file: string, message: string): void {
    this.items.push({ severity: 'error', file, message });
  }

  warning(file: string, message: string): void {
    this.items.push({ severity: 'warning', file, message });
  }

  hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}

/** Returns one `file: severity: message` line per diagnostic, joined by newlines. */
export function formatLinkDiagnostics(diagnostics: readonly LinkDiagnostic[]): string {
  return diagnostics.map((d) => `${d.file}: ${d.severity}: ${d.message}`).join('\n');
}

/** Formats a number or bigint as 0x-prefixed hex (negative values as -0x...). */
export function hexOf(value: number | bigint): string {
  const v = BigInt(value);
  return v < 0n ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`;
}

/** Runs `body`; a LinkError becomes an error diagnostic and the result is undefined. */
export function guard<T>(diags: LinkDiagnostics, file: string, body: () => T): T | undefined {
  try {
    return body();
  } catch (error) {
    if (!(error instanceof LinkError)) throw error;
    diags.error(error.file || file, error.message);
    return undefined;
  }
}
