// C11 pp-token lexer (6.4) over a line-spliced SourceFile: identifiers,
// pp-numbers, character constants and string literals with encoding prefixes,
// punctuators (digraphs mapped to their canonical spelling), comments as white
// space. Marks each token with hasSpaceBefore / atLineStart for the directive layer.

import type { DiagnosticBag } from '../../asm/diagnostics.ts';
import { newToken, type PPToken } from './pp-token.ts';
import type { SourceFile } from './source-file.ts';
import type { EncodingPrefix, TokenKind } from './token.ts';

/** Two-character punctuators by first character: the characters that may follow (`->`, `<:`, `%:`, ...). */
const PUNCT2_NEXT: Record<string, string | undefined> = {
  '-': '>-=', '+': '+=', '<': '<=:%', '>': '>=', '=': '=', '!': '=', '&': '&=', '|': '|=', '*': '=', '/': '=',
  '%': '=>:', '^': '=', '#': '#', ':': '>',
};
const PUNCT1 = '[](){}.&*+-~!/%<>^|?:;=,#';
const DIGRAPHS: Record<string, string> = { '<:': '[', ':>': ']', '<%': '{', '%>': '}', '%:': '#', '%:%:': '##' };

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c >= 0x80;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}
/** Space, tab, vertical tab, form feed, carriage return (newline is separate). */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 13;
}

export class Lexer {
  private pos = 0;
  private lineStart = true;
  /** White space was skipped since the last token. */
  private spaceSeen = false;
  /** While true (inside a skipped #if group) malformed literals are not reported (C11 6.10.1p6 lexes them anyway). */
  skipping = false;
  private readonly src: string;

  constructor(readonly file: SourceFile, private readonly diags: DiagnosticBag) {
    this.src = file.text;
  }

  /** Returns the next pp-token; at the end of the file an 'eof' token (repeatedly). */
  next(): PPToken {
    this.skipSpace();
    const space = this.spaceSeen;
    this.spaceSeen = false;
    const start = this.pos;
    const atLineStart = this.lineStart;
    this.lineStart = false;
    if (start >= this.src.length) return newToken('eof', '', this.file.locate(start), space, true);
    this.scan();
    return newToken(this.kind, this.text, this.file.locate(start), space, atLineStart, this.prefix, this.spelling);
  }

  /** True when the current line has no more tokens (next token starts a line, or end of file); consumes only white space. */
  atLineEnd(): boolean {
    this.skipSpace();
    return this.lineStart || this.pos >= this.src.length;
  }

  /**
   * After `#include`: if the rest of the line starts with `<`, consumes a
   * header-name `<...>` and returns its contents; otherwise consumes nothing
   * and returns undefined.
   */
  angleHeaderName(): string | undefined {
    if (this.atLineEnd() || this.src[this.pos] !== '<') return undefined;
    const end = this.src.indexOf('>', this.pos);
    const nl = this.src.indexOf('\n', this.pos);
    if (end < 0 || (nl >= 0 && nl < end)) return undefined;
    const name = this.src.slice(this.pos + 1, end);
    this.pos = end + 1;
    this.spaceSeen = false;
    return name;
  }

  /** Skips blanks, newlines and comments; sets spaceSeen if white space follows the last newline skipped. */
  private skipSpace(): void {
    const s = this.src;
    for (;;) {
      const c = s.charCodeAt(this.pos);
      if (isBlank(c)) this.pos++;
      else if (c === 10) {
        this.pos++;
        this.lineStart = true;
        this.spaceSeen = false; // only white space after the last newline counts
        continue;
      } else if (c === 47 && s.charCodeAt(this.pos + 1) === 47) {
        const nl = s.indexOf('\n', this.pos);
        this.pos = nl < 0 ? s.length : nl;
      } else if (c === 47 && s.charCodeAt(this.pos + 1) === 42) {
        const end = s.indexOf('*/', this.pos + 2);
        if (end < 0) {
          this.diags.error(this.file.locate(this.pos), 'unterminated comment');
          this.pos = s.length;
        } else this.pos = end + 2;
      } else break;
      this.spaceSeen = true;
    }
  }


  // The token being scanned (fields instead of a result object: this runs once per token).
  private kind: TokenKind = 'eof';
  private text = '';
  private prefix: EncodingPrefix | undefined;
  private spelling: string | undefined;

  private set(kind: TokenKind, text: string, prefix?: EncodingPrefix, spelling?: string): void {
    this.kind = kind;
    this.text = text;
    this.prefix = prefix;
    this.spelling = spelling;
  }

  private scan(): void {
    const s = this.src;
    const start = this.pos;
    const c = s.charCodeAt(start);
    if (isDigit(c) || (c === 46 && isDigit(s.charCodeAt(start + 1)))) return this.set('number', this.number());
    if (isIdentStart(c)) {
      let end = start + 1;
      while (end < s.length && isIdentPart(s.charCodeAt(end))) end++;
      const word = s.slice(start, end);
      const q = s[end];
      this.pos = end;
      if ((q === '"' || q === "'") && (word === 'L' || word === 'u' || word === 'U' || word === 'u8')) return this.quoted(q, word);
      return this.set('identifier', word);
    }
    if (c === 34 || c === 39) return this.quoted(s[start], '');
    return this.punct();
  }

  private number(): string {
    const s = this.src;
    const start = this.pos;
    let i = start + 1;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 43 || c === 45) {
        const e = s.charCodeAt(i - 1) | 0x20; // e/E/p/P before the sign
        if (e === 101 || e === 112) i++;
        else break;
      } else if (isIdentPart(c) || c === 46) i++;
      else break;
    }
    this.pos = i;
    return s.slice(start, i);
  }

  /** Lexes a character constant or string literal whose prefix has been consumed. */
  private quoted(q: string, prefix: EncodingPrefix): void {
    const s = this.src;
    const begin = this.pos - prefix.length;
    let i = this.pos + 1;
    while (i < s.length && s[i] !== q && s[i] !== '\n') i += s[i] === '\\' && s[i + 1] !== '\n' ? 2 : 1;
    if (i >= s.length || s[i] !== q) {
      // Unterminated: GCC makes the lone quote an 'other' token; we take the rest of the line.
      if (!this.skipping) this.diags.error(this.file.locate(begin), `missing terminating ${q} character`);
      this.pos = Math.min(i, s.length);
      return this.set('other', s.slice(begin, this.pos));
    }
    this.pos = i + 1;
    const kind: TokenKind = q === '"' ? 'string' : 'char';
    if (kind === 'char' && i === begin + prefix.length + 1 && !this.skipping) {
      this.diags.error(this.file.locate(begin), 'empty character constant');
    }
    this.set(kind, s.slice(begin, this.pos), prefix);
  }

  private punct(): void {
    const s = this.src;
    const p = this.pos;
    const c = s[p];
    const c1 = s[p + 1];
    if (c === '%' && c1 === ':' && s[p + 2] === '%' && s[p + 3] === ':') return this.takePunct(4);
    if (c1 === c && (c === '<' || c === '>' || c === '.') && s[p + 2] === (c === '.' ? '.' : '=')) return this.takePunct(3);
    const seconds = PUNCT2_NEXT[c];
    if (seconds !== undefined && c1 !== undefined && seconds.includes(c1)) return this.takePunct(2);
    if (PUNCT1.includes(c)) return this.takePunct(1);
    // Any other character (including a lone surrogate pair) is an 'other' token.
    const cp = s.codePointAt(p) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    this.pos += len;
    this.set('other', s.slice(p, p + len));
  }

  private takePunct(n: number): void {
    const text = n === 1 ? this.src[this.pos] : this.src.slice(this.pos, this.pos + n);
    this.pos += n;
    const canon = n > 1 ? DIGRAPHS[text] : undefined;
    if (canon === undefined) this.set('punct', text);
    else this.set('punct', canon, undefined, text);
  }
}
