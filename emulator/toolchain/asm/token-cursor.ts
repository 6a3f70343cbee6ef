// A cursor over the tokens of one statement (up to its eol), with the small
// helpers every parsing stage uses: peek, take, expect, and locations for errors.

import { AsmError, type SourceLocation } from './diagnostics.ts';
import type { Token } from './lexer.ts';

export class TokenCursor {
  private index = 0;
  /** Nesting depth of the expression parser (bounded so a hostile input cannot exhaust the stack). */
  depth = 0;

  /** `tokens` ends with an eol token (the statement end). */
  constructor(private readonly tokens: readonly Token[], readonly file: string) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  take(): Token {
    const t = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return t;
  }

  atEnd(): boolean {
    return this.peek().kind === 'eol';
  }

  /** True (and consumes it) when the next token is the punctuation `p`. */
  accept(p: string): boolean {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === p) {
      this.take();
      return true;
    }
    return false;
  }

  isPunct(p: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'punct' && t.text === p;
  }

  /** Consumes punctuation `p` or throws AsmError naming what was expected. */
  expect(p: string, what = `'${p}'`): Token {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === p) return this.take();
    throw this.error(`expected ${what}, found ${describe(t)}`, t);
  }

  /** Consumes an identifier or throws AsmError. */
  expectIdent(what: string): Token {
    const t = this.peek();
    if (t.kind === 'ident') return this.take();
    throw this.error(`expected ${what}, found ${describe(t)}`, t);
  }

  /** Throws unless the statement ends here. */
  expectEnd(): void {
    const t = this.peek();
    if (t.kind !== 'eol') throw this.error(`junk at end of line: ${describe(t)}`, t);
  }

  locOf(t: Token): SourceLocation {
    return { file: this.file, line: t.line, column: t.column };
  }

  error(message: string, t: Token = this.peek()): AsmError {
    return new AsmError(message, this.locOf(t));
  }
}

/** Returns a short human description of a token for error messages. */
export function describe(t: Token): string {
  if (t.kind === 'eol') return 'end of line';
  if (t.kind === 'string') return 'string';
  return `'${t.text}'`;
}
