// The directive layer's view of one open file: its lexer with one token of
// lookahead, its #if stack, and the presumed name/line #line sets for
// __FILE__ and __LINE__ (token locations stay physical).

import type { DiagnosticBag } from '../../asm/diagnostics.ts';
import { ConditionalStack } from './conditional-stack.ts';
import { GuardWatcher } from './include-guard.ts';
import { Lexer } from './lexer.ts';
import type { PPToken } from './pp-token.ts';
import { SourceFile } from './source-file.ts';

export class FileReader {
  readonly lexer: Lexer;
  readonly conds = new ConditionalStack();
  readonly guard = new GuardWatcher();
  private ahead: PPToken | undefined;
  /** #line: presumed file name, and presumed line minus physical line. */
  presumedName: string;
  lineDelta = 0;

  /** `searchIndex` is where the file was found in the include search list (for #include_next). */
  constructor(readonly path: string, text: string, diags: DiagnosticBag, readonly searchIndex: number) {
    this.lexer = new Lexer(new SourceFile(path, text), diags);
    this.presumedName = path;
  }

  /** Returns the next raw token of this file. */
  lex(): PPToken {
    const t = this.ahead;
    if (t !== undefined) {
      this.ahead = undefined;
      return t;
    }
    return this.lexer.next();
  }

  /** Puts one token back (at most one). */
  unlex(t: PPToken): void {
    this.ahead = t;
  }

  /** Returns the remaining tokens of the current line (the directive's operands). */
  restOfLine(): PPToken[] {
    const out: PPToken[] = [];
    const t = this.ahead;
    if (t !== undefined) {
      if (t.kind === 'eof' || t.atLineStart) return out;
      out.push(t);
      this.ahead = undefined;
    }
    while (!this.lexer.atLineEnd()) out.push(this.lexer.next());
    return out;
  }

  /** True when the current line has no more tokens. */
  atLineEnd(): boolean {
    const t = this.ahead;
    return t !== undefined ? t.kind === 'eof' || t.atLineStart : this.lexer.atLineEnd();
  }

  /** Keeps the lexer's quiet mode in step with the #if stack. */
  syncSkipping(): void {
    this.lexer.skipping = this.conds.skipping;
  }
}
