// `#pragma pack` as GCC reads it: the maximum alignment of the members of the
// structs and unions defined after it (0 = natural alignment). The preprocessor
// hands pragmas to the parser as 'pragma' tokens (text spelled with spaces);
// pack(n), pack(), pack(push[, n]), pack(push, id[, n]), pack(pop[, id]).

import type { SourceLocation } from '../asm/diagnostics.ts';

/** The pack state of one translation unit: the current maximum member alignment and the push stack. */
export class PackState {
  maxAlign = 0;
  private readonly stack: number[] = [];

  /**
   * Applies `pragma` (a pragma token's text) when it is a pack pragma; other
   * pragmas are ignored. Returns a warning message for a malformed pack pragma
   * or a pop without push, else undefined.
   */
  apply(pragma: string): string | undefined {
    const m = /^pack\s*\((.*)\)\s*$/.exec(pragma.trim());
    if (m === null) return /^pack\b/.test(pragma.trim()) ? 'malformed \'#pragma pack\' - ignored' : undefined;
    const args = m[1]!.split(',').map((a) => a.trim()).filter((a) => a !== '');
    const last = args[args.length - 1];
    const value = last !== undefined && /^\d+$/.test(last) ? Number(last) : undefined;
    if (value !== undefined && ![1, 2, 4, 8, 16].includes(value)) return `alignment must be a small power of two, not ${value}`;
    if (args[0] === 'push') {
      this.stack.push(this.maxAlign);
      if (value !== undefined) this.maxAlign = value;
      return undefined;
    }
    if (args[0] === 'pop') {
      const top = this.stack.pop();
      this.maxAlign = top ?? 0;
      return top === undefined ? '#pragma pack (pop) encountered without matching #pragma pack (push)' : undefined;
    }
    if (args.length > 1 || (args.length === 1 && value === undefined)) return 'malformed \'#pragma pack\' - ignored';
    this.maxAlign = value ?? 0;
    return undefined;
  }
}

/** Applies a pragma token to `state`, reporting a warning through `warn` (the parser's). */
export function applyPragma(state: PackState, text: string, loc: SourceLocation, warn: (loc: SourceLocation, message: string) => void): void {
  const message = state.apply(text);
  if (message !== undefined) warn(loc, message);
}
