// Include-guard detection (the "multiple-include optimization"): a file whose
// only content is `#ifndef X ... #endif` is remembered with X, and a later
// #include of it is skipped without reading while X stays defined.

type GuardState = 'start' | 'inside' | 'closed' | 'none';

/** Watches one file's directives and tokens; `guard()` says at its end whether it was fully guarded. */
export class GuardWatcher {
  private state: GuardState = 'start';
  private name = '';

  /** A token outside any directive was kept (or a non-guard directive seen at the top level). */
  sawContent(): void {
    if (this.state !== 'inside') this.state = 'none';
  }

  /** A conditional directive; `depthBefore` is the #if depth before it. */
  sawConditional(directive: string, depthBefore: number, macro: string | undefined): void {
    if (this.state === 'start' && directive === 'ifndef' && depthBefore === 0 && macro !== undefined) {
      this.state = 'inside';
      this.name = macro;
    } else if (this.state === 'inside' && depthBefore === 1) {
      if (directive === 'endif') this.state = 'closed';
      else if (directive === 'else' || directive === 'elif') this.state = 'none';
    } else if (depthBefore === 0) this.sawContent();
  }

  /** Returns the guard macro if the whole file was one #ifndef group. */
  guard(): string | undefined {
    return this.state === 'closed' ? this.name : undefined;
  }
}
