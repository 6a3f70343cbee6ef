// #pragma and _Pragma (6.10.6, 6.10.9). Consumed here: `once`, `push_macro`,
// `pop_macro`, `GCC system_header`, `GCC warning "..."`, `GCC error "..."`.
// Every other pragma is passed to the parser as one 'pragma' token whose text is
// the pragma's tokens spelled with single spaces (e.g. `STDC FP_CONTRACT ON`).

import type { DiagnosticBag } from '../../asm/diagnostics.ts';
import { Lexer } from './lexer.ts';
import { spellTokens } from './macro-args.ts';
import { newToken, type PPToken, retoken } from './pp-token.ts';
import type { Preprocessor } from './preprocessor.ts';
import { SourceFile } from './source-file.ts';

export class PragmaHandler {
  constructor(private readonly pp: Preprocessor, private readonly diags: DiagnosticBag) {}

  /** `#pragma ...` (tokens after `pragma`); returns the token(s) to pass on, maybe none. */
  fromDirective(name: PPToken, toks: PPToken[]): PPToken[] {
    return this.handle(toks, retoken(name, false, true, name.expansion, undefined));
  }

  /** `_Pragma("...")` with the destringized text; `at` is the _Pragma token. */
  fromOperator(text: string, at: PPToken): PPToken[] {
    const lexer = new Lexer(new SourceFile('<_Pragma>', text), this.diags);
    const toks: PPToken[] = [];
    for (let t = lexer.next(); t.kind !== 'eof'; t = lexer.next()) toks.push(newToken(t.kind, t.text, at.loc, t.hasSpaceBefore, false, t.prefix, t.spelling));
    return this.handle(toks, retoken(at, false, true, at.expansion, undefined));
  }

  private handle(toks: PPToken[], at: PPToken): PPToken[] {
    const word = (i: number): string => toks[i]?.text ?? '';
    if (word(0) === 'once') {
      const path = this.pp.current?.path;
      if (path !== undefined) this.pp.onceFiles.add(path);
      return [];
    }
    if (word(0) === 'push_macro' || word(0) === 'pop_macro') return this.pushPop(toks, at);
    if (word(0) === 'GCC' && word(1) === 'system_header') return [];
    if (word(0) === 'GCC' && (word(1) === 'warning' || word(1) === 'error')) {
      const msg = toks[2]?.kind === 'string' ? toks[2].text.slice(1, -1) : spellTokens(toks.slice(2));
      if (word(1) === 'error') this.diags.error(at.loc, msg);
      else this.diags.warning(at.loc, msg);
      return [];
    }
    const tok = newToken('pragma', spellTokens(toks), at.loc, false, true);
    return [retoken(tok, false, true, at.expansion, undefined)];
  }

  /** `push_macro("NAME")` / `pop_macro("NAME")`. */
  private pushPop(toks: PPToken[], at: PPToken): PPToken[] {
    const str = toks[2];
    if (toks[1]?.text !== '(' || str?.kind !== 'string' || toks[3]?.text !== ')') {
      this.diags.error(at.loc, `invalid #pragma ${toks[0].text} directive`);
      return [];
    }
    const name = str.text.slice(str.text.indexOf('"') + 1, -1);
    if (toks[0].text === 'push_macro') this.pp.macros.push(name);
    else this.pp.macros.pop(name);
    return [];
  }
}
