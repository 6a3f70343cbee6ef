// Macro definitions and the table of currently defined macros: object-like,
// function-like (with C99 __VA_ARGS__ or GNU named variadic `args...`) and
// built-in (computed at each use, like __LINE__). Checks redefinitions (6.10.3p2).

import type { PPToken } from './pp-token.ts';
import type { SourceLocation } from './token.ts';

/** Computes a built-in macro's replacement from the invocation token. */
export type BuiltinExpander = (nameTok: PPToken) => PPToken[];

export interface Macro {
  readonly name: string;
  /** 'function' takes arguments; 'object' is a plain name; 'builtin' is computed by `expand`. */
  readonly kind: 'object' | 'function' | 'builtin';
  /** Parameter names in order; for a variadic macro the last is `__VA_ARGS__` or the GNU name. */
  readonly params: readonly string[];
  readonly variadic: boolean;
  /** Replacement list (with hasSpaceBefore kept, for # and for the redefinition check). */
  readonly body: readonly PPToken[];
  /** Where the macro name appears in its #define (undefined for built-ins). */
  readonly loc?: SourceLocation;
  readonly expand?: BuiltinExpander;
}

/** Returns true when two definitions are the same per 6.10.3p2 (same parameters, same spelling and spacing). */
export function sameDefinition(a: Macro, b: Macro): boolean {
  if (a.kind !== b.kind || a.variadic !== b.variadic || a.params.length !== b.params.length) return false;
  if (a.params.some((p, i) => p !== b.params[i])) return false;
  if (a.body.length !== b.body.length) return false;
  return a.body.every((t, i) => {
    const u = b.body[i];
    return t.text === u.text && (i === 0 || t.hasSpaceBefore === u.hasSpaceBefore);
  });
}

/** The defined macros by name, plus the #pragma push_macro stacks. */
export class MacroTable {
  private readonly map = new Map<string, Macro>();
  private readonly pushed = new Map<string, (Macro | undefined)[]>();

  get(name: string): Macro | undefined {
    return this.map.get(name);
  }

  has(name: string): boolean {
    return this.map.has(name);
  }

  /** Defines or replaces a macro; returns the previous definition if there was one. */
  define(m: Macro): Macro | undefined {
    const old = this.map.get(m.name);
    this.map.set(m.name, m);
    return old;
  }

  /** Removes a macro; returns true if it was defined. */
  undef(name: string): boolean {
    return this.map.delete(name);
  }

  /** #pragma push_macro("name"): saves the current definition (or its absence). */
  push(name: string): void {
    const stack = this.pushed.get(name) ?? [];
    stack.push(this.map.get(name));
    this.pushed.set(name, stack);
  }

  /** #pragma pop_macro("name"): restores the last pushed definition; no-op if none was pushed. */
  pop(name: string): void {
    const stack = this.pushed.get(name);
    if (stack === undefined || stack.length === 0) return;
    const m = stack.pop();
    if (m === undefined) this.map.delete(name);
    else this.map.set(name, m);
  }

  /** All macro names currently defined (for -dM style listings and tests). */
  names(): string[] {
    return [...this.map.keys()];
  }
}
