// One source file prepared for the lexer: translation phase 2 (backslash-newline
// line splicing) applied, with a map from every offset of the spliced text back
// to the physical line and column of the original text for diagnostics.

import type { SourceLocation } from './token.ts';

export class SourceFile {
  /** Text after line splicing; the lexer reads this. */
  readonly text: string;
  /** Offsets in the original text where each physical line starts. */
  private readonly lineStarts: number[] = [0];
  /** Spliced offsets at which a splice was removed, and the original chars removed so far (cumulative). */
  private readonly spliceAt: number[] = [];
  private readonly spliceRemoved: number[] = [];
  /** Hint for locate(): the line index of the last lookup (lookups are mostly monotonic). */
  private lineHint = 0;

  constructor(readonly name: string, readonly original: string) {
    for (let i = 0; i < original.length; i++) if (original.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    this.text = original.includes('\\') ? this.splice(original) : original;
  }

  /** Removes every backslash-newline (also backslash-CRLF) and records where. */
  private splice(src: string): string {
    const parts: string[] = [];
    let from = 0;
    let removed = 0;
    let outLen = 0;
    for (let i = src.indexOf('\\'); i >= 0; i = src.indexOf('\\', i + 1)) {
      const n = src[i + 1] === '\n' ? 2 : src[i + 1] === '\r' && src[i + 2] === '\n' ? 3 : 0;
      if (n === 0) continue;
      parts.push(src.slice(from, i));
      outLen += i - from;
      removed += n;
      this.spliceAt.push(outLen);
      this.spliceRemoved.push(removed);
      from = i + n;
      i += n - 1;
    }
    parts.push(src.slice(from));
    return parts.join('');
  }

  /** Returns the original-text offset of a spliced-text offset. */
  originalOffset(offset: number): number {
    const at = this.spliceAt;
    if (at.length === 0 || offset < at[0]) return offset;
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return offset + this.spliceRemoved[lo];
  }

  /** Returns the physical location (1-based line and column) of a spliced-text offset. */
  locate(offset: number): SourceLocation {
    const orig = this.originalOffset(offset);
    const starts = this.lineStarts;
    let i = this.lineHint;
    if (starts[i] > orig) i = 0;
    if (i + 64 < starts.length && starts[i + 64] <= orig) i = this.searchLine(orig);
    while (i + 1 < starts.length && starts[i + 1] <= orig) i++;
    this.lineHint = i;
    return { file: this.name, line: i + 1, column: orig - starts[i] + 1 };
  }

  private searchLine(orig: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= orig) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
