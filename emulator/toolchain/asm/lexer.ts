// Tokenizer for GNU as syntax: identifiers, numbers (dec/hex/bin/octal/char,
// floating-point literals), local label references (1b, 1f), strings with C
// escapes, punctuation, and statement ends (newline or ';'). Comments
// (# ... and /* ... */) are dropped.

import { AsmError, type DiagnosticBag, type SourceLocation } from './diagnostics.ts';

/** 'bad' marks a line the lexer already reported an error on; the parser skips that statement. */
export type TokenKind = 'ident' | 'number' | 'float' | 'localref' | 'string' | 'punct' | 'eol' | 'bad';

export interface Token {
  kind: TokenKind;
  /** Source text of the token (for punct: the operator itself; for eol: '\n' or ';'). */
  text: string;
  /** number: the value; localref: the label number. */
  value?: bigint;
  /** localref: 'b' (backward) or 'f' (forward). */
  direction?: 'b' | 'f';
  /** string: the decoded bytes. */
  bytes?: number[];
  /** float: the value (only .float/.double take floating-point literals). */
  float?: number;
  line: number;
  column: number;
}

const PUNCT2 = ['<<', '>>', '==', '!=', '<=', '>=', '&&', '||'];
const PUNCT1 = ',()+-*/%&|^~!:<>=@[]{}';

const isIdentStart = (c: string): boolean => /[A-Za-z_.$]/.test(c);
const isIdentPart = (c: string): boolean => /[A-Za-z0-9_.$]/.test(c);
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

const SIMPLE_ESCAPES: Record<string, number> = {
  n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, '\\': 92, '"': 34, "'": 39, e: 27,
};

/**
 * Splits a whole source file into tokens, ending with an eol token. A bad token
 * is reported to `diags`, the rest of its line is replaced by one 'bad' token.
 */
export function tokenize(source: string, file: string, diags: DiagnosticBag): Token[] {
  return new Lexer(source, file, diags).run();
}

class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private readonly out: Token[] = [];

  constructor(private readonly src: string, private readonly file: string, private readonly diags: DiagnosticBag) {}

  run(): Token[] {
    while (this.pos < this.src.length) {
      try {
        this.next();
      } catch (e) {
        if (!(e instanceof AsmError)) throw e;
        this.diags.error(e.loc, e.message);
        this.push('bad', '', this.pos);
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      }
    }
    this.push('eol', '\n', this.pos);
    return this.out;
  }

  private loc(at: number): SourceLocation {
    return { file: this.file, line: this.line, column: at - this.lineStart + 1 };
  }

  private push(kind: TokenKind, text: string, start: number, extra: Partial<Token> = {}): void {
    this.out.push({ kind, text, line: this.line, column: start - this.lineStart + 1, ...extra });
  }

  private next(): void {
    const c = this.src[this.pos]!;
    const start = this.pos;
    if (c === '\n') {
      this.push('eol', '\n', start);
      this.pos++;
      this.line++;
      this.lineStart = this.pos;
    } else if (c === ';') {
      this.push('eol', ';', start);
      this.pos++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      this.pos++;
    } else if (c === '#') {
      while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
    } else if (c === '/' && this.src[this.pos + 1] === '*') {
      this.blockComment();
    } else if (isDigit(c)) {
      this.number();
    } else if (isIdentStart(c)) {
      while (this.pos < this.src.length && isIdentPart(this.src[this.pos]!)) this.pos++;
      this.push('ident', this.src.slice(start, this.pos), start);
    } else if (c === '"') {
      this.string();
    } else if (c === "'") {
      this.charLiteral();
    } else {
      this.punct();
    }
  }

  private blockComment(): void {
    const startLoc = this.loc(this.pos);
    const end = this.src.indexOf('*/', this.pos + 2);
    if (end < 0) {
      this.pos = this.src.length;
      throw new AsmError('unterminated comment', startLoc);
    }
    for (let i = this.pos; i < end; i++) {
      if (this.src[i] === '\n') {
        this.line++;
        this.lineStart = i + 1;
      }
    }
    this.pos = end + 2;
  }

  private number(): void {
    const start = this.pos;
    while (this.pos < this.src.length && isIdentPart(this.src[this.pos]!)) this.pos++;
    if (/^[0-9]+(\.[0-9]*)?[eE]$/.test(this.src.slice(start, this.pos)) && /^[+-][0-9]/.test(this.src.slice(this.pos, this.pos + 2))) {
      this.pos++;
      while (this.pos < this.src.length && isDigit(this.src[this.pos]!)) this.pos++;
    }
    const text = this.src.slice(start, this.pos);
    if (/^[0-9]+(\.[0-9]*([eE][+-]?[0-9]+)?|[eE][+-]?[0-9]+)$/.test(text)) {
      this.push('float', text, start, { float: Number(text) });
      return;
    }
    const ref = /^([0-9]+)([bf])$/.exec(text);
    if (ref && !/^0b[01]+$/i.test(text)) {
      this.push('localref', text, start, { value: BigInt(ref[1]!), direction: ref[2] as 'b' | 'f' });
      return;
    }
    const value = parseIntegerLiteral(text);
    if (value === undefined) throw new AsmError(`invalid number '${text}'`, this.loc(start));
    this.push('number', text, start, { value });
  }

  private string(): void {
    const start = this.pos;
    this.pos++;
    const bytes: number[] = [];
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined || c === '\n') throw new AsmError('unterminated string', this.loc(start));
      this.pos++;
      if (c === '"') break;
      if (c === '\\') bytes.push(this.escape(start));
      else bytes.push(...new TextEncoder().encode(c));
    }
    this.push('string', this.src.slice(start, this.pos), start, { bytes });
  }

  private escape(start: number): number {
    const c = this.src[this.pos];
    if (c === undefined || c === '\n') throw new AsmError('unterminated string', this.loc(start));
    this.pos++;
    if (c in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[c]!;
    if (/[0-7]/.test(c)) {
      let v = Number(c);
      for (let i = 0; i < 2 && /[0-7]/.test(this.src[this.pos] ?? ''); i++) v = v * 8 + Number(this.src[this.pos++]);
      return v & 0xff;
    }
    if (c === 'x' || c === 'X') {
      let v = 0;
      let n = 0;
      while (/[0-9a-fA-F]/.test(this.src[this.pos] ?? '')) {
        v = ((v << 4) | parseInt(this.src[this.pos++]!, 16)) & 0xff;
        n++;
      }
      if (n === 0) throw new AsmError('\\x used with no following hex digits', this.loc(this.pos - 2));
      return v;
    }
    return c.charCodeAt(0) & 0xff;
  }

  private charLiteral(): void {
    const start = this.pos;
    this.pos++;
    const c = this.src[this.pos];
    if (c === undefined || c === '\n') throw new AsmError('unterminated character constant', this.loc(start));
    this.pos++;
    const value = c === '\\' ? this.escape(start) : c.charCodeAt(0);
    if (this.src[this.pos] === "'") this.pos++;
    this.push('number', this.src.slice(start, this.pos), start, { value: BigInt(value) });
  }

  private punct(): void {
    const start = this.pos;
    const two = this.src.slice(this.pos, this.pos + 2);
    const text = PUNCT2.includes(two) ? two : this.src[this.pos]!;
    if (text.length === 1 && !PUNCT1.includes(text)) {
      throw new AsmError(`unexpected character '${text}'`, this.loc(start));
    }
    this.pos += text.length;
    this.push('punct', text, start);
  }
}

/** Returns the value of a GNU as integer literal (123, 0x7f, 0b101, 017), or undefined if malformed. */
export function parseIntegerLiteral(text: string): bigint | undefined {
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) return BigInt(text);
  if (/^0[bB][01]+$/.test(text)) return BigInt(text);
  if (/^0[0-7]+$/.test(text)) return BigInt(`0o${text.slice(1)}`);
  if (/^[0-9]+$/.test(text)) return BigInt(text);
  return undefined;
}
