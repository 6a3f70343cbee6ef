// Block scopes of the C front end: the ordinary identifier name space
// (variables, functions, typedef names, enum constants) and the tag name space
// (struct/union/enum), innermost scope first.

import type { SourceLocation } from '../asm/diagnostics.ts';
import type { Obj } from './ast.ts';
import type { CType } from './types.ts';

/** What an ordinary identifier names. */
export type ScopeEntry =
  | { kind: 'var'; obj: Obj }
  | { kind: 'typedef'; type: CType; loc: SourceLocation }
  | { kind: 'enum_const'; value: bigint; type: CType; loc: SourceLocation };

interface Scope {
  names: Map<string, ScopeEntry>;
  tags: Map<string, CType>;
}

/** A stack of scopes; index 0 is file scope. */
export class ScopeStack {
  private readonly scopes: Scope[] = [{ names: new Map(), tags: new Map() }];

  enter(): void {
    this.scopes.push({ names: new Map(), tags: new Map() });
  }

  leave(): void {
    if (this.scopes.length > 1) this.scopes.pop();
  }

  /** True at file scope. */
  get atFileScope(): boolean {
    return this.scopes.length === 1;
  }

  /** Returns the innermost entry for `name`, or undefined. */
  lookup(name: string): ScopeEntry | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const e = this.scopes[i].names.get(name);
      if (e) return e;
    }
    return undefined;
  }

  /** Returns the entry for `name` in the current scope only. */
  lookupCurrent(name: string): ScopeEntry | undefined {
    return this.scopes.at(-1)!.names.get(name);
  }

  /** Returns the file-scope entry for `name`. */
  lookupFile(name: string): ScopeEntry | undefined {
    return this.scopes[0].names.get(name);
  }

  declare(name: string, entry: ScopeEntry): void {
    this.scopes.at(-1)!.names.set(name, entry);
  }

  /** Returns the innermost tag `name`, or undefined. */
  lookupTag(name: string): CType | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const t = this.scopes[i].tags.get(name);
      if (t) return t;
    }
    return undefined;
  }

  lookupTagCurrent(name: string): CType | undefined {
    return this.scopes.at(-1)!.tags.get(name);
  }

  declareTag(name: string, type: CType): void {
    this.scopes.at(-1)!.tags.set(name, type);
  }
}
