// The per-file stack of open #if groups (6.10.1): which group is being taken,
// whether one was taken already, #else seen, and whether an outer group skips.

import type { SourceLocation } from './token.ts';

interface Frame {
  /** The current group's lines are kept. */
  taking: boolean;
  /** Some group of this #if chain was taken already (so later #elif/#else skip). */
  taken: boolean;
  /** An enclosing group is skipped: nothing in this chain is evaluated. */
  outerSkipping: boolean;
  sawElse: boolean;
  /** Where the #if was, for "unterminated #if". */
  loc: SourceLocation;
  directive: string;
}

/** Open conditional groups of one file; `skipping` tells whether text lines are dropped now. */
export class ConditionalStack {
  private readonly frames: Frame[] = [];

  get skipping(): boolean {
    const f = this.frames.at(-1);
    return f !== undefined && (f.outerSkipping || !f.taking);
  }

  get depth(): number {
    return this.frames.length;
  }

  /** #if/#ifdef/#ifndef: opens a group; `value` is ignored when already skipping. */
  open(value: boolean, loc: SourceLocation, directive: string): void {
    const outer = this.skipping;
    this.frames.push({ taking: !outer && value, taken: !outer && value, outerSkipping: outer, sawElse: false, loc, directive });
  }

  /** True when an #elif's condition must be evaluated (an earlier group was not taken and no outer skip). */
  elifNeedsValue(): boolean {
    const f = this.frames.at(-1);
    return f !== undefined && !f.outerSkipping && !f.taken && !f.sawElse;
  }

  /** #elif: returns an error message or undefined. */
  elif(value: boolean): string | undefined {
    const f = this.frames.at(-1);
    if (f === undefined) return '#elif without #if';
    if (f.sawElse) return '#elif after #else';
    f.taking = !f.outerSkipping && !f.taken && value;
    f.taken ||= f.taking;
    return undefined;
  }

  /** #else: returns an error message or undefined. */
  else(): string | undefined {
    const f = this.frames.at(-1);
    if (f === undefined) return '#else without #if';
    if (f.sawElse) return '#else after #else';
    f.sawElse = true;
    f.taking = !f.outerSkipping && !f.taken;
    f.taken = true;
    return undefined;
  }

  /** #endif: returns an error message or undefined. */
  endif(): string | undefined {
    return this.frames.pop() === undefined ? '#endif without #if' : undefined;
  }

  /** The groups still open at end of file, outermost first. */
  openFrames(): readonly Frame[] {
    return this.frames;
  }
}
