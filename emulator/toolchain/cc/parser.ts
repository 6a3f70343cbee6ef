// The C parser's state shared by the declaration, statement and expression
// parsers: token cursor, diagnostics, scopes, the translation unit being
// built and the state of the function being parsed (locals, labels, loops).

import { DiagnosticBag, type SourceLocation } from '../asm/diagnostics.ts';
import type { FunctionDef, Obj, TranslationUnit } from './ast.ts';
import { diagnosticLocation, type Token } from './preprocess/token.ts';
import { ScopeStack } from './scope.ts';
import type { CType } from './types.ts';
import { PackState } from './pragma-pack.ts';

/** Thrown to abandon the current statement or declaration after a syntax error (already reported). */
export class ParseError extends Error {
  override readonly name = 'ParseError';
}

/** Thrown once the error limit is reached; ends parsing of the translation unit. */
export class TooManyErrors extends Error {
  override readonly name = 'TooManyErrors';
}

/** State of the function body being parsed. */
export interface FunctionState {
  obj: Obj;
  type: CType;
  locals: Obj[];
  labels: Map<string, SourceLocation>;
  gotos: { label: string; loc: SourceLocation }[];
  loopDepth: number;
  breakDepth: number;
  switches: SwitchState[];
}

export interface SwitchState {
  type: CType;
  cases: { value: bigint; high?: bigint; label: number }[];
  defaultLabel?: number;
}

export const C_KEYWORDS = new Set([
  'auto', 'break', 'case', 'char', 'const', 'continue', 'default', 'do', 'double', 'else', 'enum', 'extern',
  'float', 'for', 'goto', 'if', 'inline', 'int', 'long', 'register', 'restrict', 'return', 'short', 'signed',
  'sizeof', 'static', 'struct', 'switch', 'typedef', 'union', 'unsigned', 'void', 'volatile', 'while',
  '_Alignas', '_Alignof', '_Atomic', '_Bool', '_Complex', '_Generic', '_Imaginary', '_Noreturn',
  '_Static_assert', '_Thread_local', '__attribute__', '__asm__', 'asm', '__asm', '__inline', '__inline__',
  '__restrict', '__restrict__', '__volatile__', '__const', '__const__', '__signed__', '__extension__',
  '__typeof__', 'typeof', '__alignof__', '__builtin_va_list', '__builtin_va_arg', '__builtin_offsetof',
]);

export class Parser {
  readonly diags = new DiagnosticBag();
  readonly scope = new ScopeStack();
  readonly unit: TranslationUnit = { globals: [], functions: [], externFunctions: [], strings: [] };
  pos = 0;
  /** Objects with external linkage by name (file scope and block-scope `extern`), so redeclarations share one Obj. */
  readonly linkage = new Map<string, Obj>();
  /** `#pragma pack` state: the maximum member alignment of records defined now. */
  readonly pack = new PackState();
  fn: FunctionState | undefined;
  /** Undeclared identifiers already reported (in the current function). */
  readonly undeclared = new Set<string>();
  /** Counter for unique names (string literals, block statics, case labels). */
  private counter = 0;
  /** Counts errors so a flood can be cut short. */
  errorCount = 0;

  constructor(readonly tokens: readonly Token[], readonly maxErrors = 100) {
    if (tokens.length === 0 || tokens.at(-1)!.kind !== 'eof')
      this.tokens = [...tokens, { kind: 'eof', text: '', loc: tokens.at(-1)?.loc ?? { file: '<input>', line: 1, column: 1 }, hasSpaceBefore: false, atLineStart: true }];
  }

  get tok(): Token {
    return this.tokens[Math.min(this.pos, this.tokens.length - 1)];
  }

  peek(n = 1): Token {
    return this.tokens[Math.min(this.pos + n, this.tokens.length - 1)];
  }

  /** The token before the current one (for "expected ';'" after it). */
  get prev(): Token {
    return this.tokens[Math.max(0, this.pos - 1)];
  }

  next(): Token {
    const t = this.tok;
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  nextId(): number {
    return ++this.counter;
  }

  /** True when the current token is the punctuator or keyword `text` (not a string/char). */
  is(text: string): boolean {
    const t = this.tok;
    return t.text === text && (t.kind === 'punct' || t.kind === 'identifier');
  }

  /** Consumes the token when it is `text`; returns whether it did. */
  accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.next();
    return true;
  }

  /** Consumes `text` or reports "expected 'text'" and throws ParseError. */
  expect(text: string, what = ''): Token {
    if (this.is(text)) return this.next();
    if (this.tok.kind === 'other') this.fail(`stray '${this.tok.text}' in program`);
    if (text === ';' || text === ')' || text === ']') this.errorAfterPrev(`expected '${text}'${what}`);
    else this.errorAt(this.tok, `expected '${text}'${what} before ${this.describe(this.tok)}`);
    throw new ParseError();
  }

  describe(t: Token): string {
    return t.kind === 'eof' ? 'end of input' : `'${t.text}'`;
  }

  loc(t: Token = this.tok): SourceLocation {
    return diagnosticLocation(t);
  }

  error(loc: SourceLocation, message: string): void {
    this.errorCount++;
    this.diags.error(loc, message);
    if (this.errorCount >= this.maxErrors) {
      this.diags.error(loc, 'too many errors; stopping');
      throw new TooManyErrors();
    }
  }

  warn(loc: SourceLocation, message: string): void {
    this.diags.warning(loc, message);
  }

  errorAt(t: Token, message: string): void {
    this.error(this.loc(t), message);
  }

  /** Reports at the end of the previous token (where a missing `;` belongs). */
  errorAfterPrev(message: string): void {
    const p = this.prev;
    const l = this.loc(p);
    const sameSpot = p.expansion === undefined;
    this.error(sameSpot ? { ...l, column: l.column + p.text.length } : l, message);
  }

  /** Reports a syntax error at the current token and throws ParseError. */
  fail(message: string): never {
    this.errorAt(this.tok, message);
    throw new ParseError();
  }

  /** True when the identifier is a keyword. */
  isKeyword(t: Token): boolean {
    return t.kind === 'identifier' && C_KEYWORDS.has(t.text);
  }

  /** Skips to the end of the current statement/declaration: past `;`, or before `}` at depth 0, or eof. */
  recover(): void {
    const start = this.pos;
    let depth = 0;
    while (this.tok.kind !== 'eof') {
      const t = this.tok;
      if (t.kind === 'punct') {
        if (t.text === '{' || t.text === '(' || t.text === '[') depth++;
        else if (t.text === ')' || t.text === ']') depth = Math.max(0, depth - 1);
        else if (t.text === '}') {
          if (depth === 0) break;
          depth--;
          if (depth === 0) { this.next(); if (this.is(';')) this.next(); return; }
        } else if (t.text === ';' && depth === 0) { this.next(); return; }
      }
      this.next();
    }
    if (this.pos === start && this.tok.kind !== 'eof' && !this.is('}')) this.next();
  }

  /** Objects with static storage in first-declaration order (a Set: redeclarations are listed once). */
  private readonly globalObjs = new Set<Obj>();
  /** Every function declared (defined or not), in first-declaration order. */
  readonly functionObjs = new Set<Obj>();

  addGlobal(o: Obj): void {
    this.globalObjs.add(o);
  }

  /** Fills the unit's global and extern-function lists; call once at the end. */
  finishUnit(): TranslationUnit {
    this.unit.globals = [...this.globalObjs];
    this.unit.externFunctions = [...this.functionObjs].filter((o) => o.isExtern);
    return this.unit;
  }

  /** Registers a function definition. */
  addFunction(def: FunctionDef): void {
    this.unit.functions.push(def);
  }
}
