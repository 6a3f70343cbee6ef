// The directive layer (6.10): reads tokens from the stack of open files,
// carries out #define/#undef/#include/#if.../#line/#error/#warning/#pragma, drops
// skipped groups, and hands text-line tokens to the macro expander (as its TokenSource).

import type { DiagnosticBag } from '../../asm/diagnostics.ts';
import { evaluateIf } from './conditional.ts';
import { checkMacroName, parseDefine } from './define.ts';
import { Expander, type ExpandHooks, headerFromTokens, listSource, type TokenSource } from './expand.ts';
import { FileReader } from './file-reader.ts';
import { type FileSystem, resolveInclude, type SearchPaths } from './include.ts';
import { spellTokens } from './macro-args.ts';
import { type Macro, MacroTable, sameDefinition } from './macro-table.ts';
import type { PPToken } from './pp-token.ts';
import { PragmaHandler } from './pragma.ts';

/** Maximum number of files open at once, the main file included (GCC's default and counting). */
export const MAX_INCLUDE_DEPTH = 200;

export interface PreprocessorConfig {
  fs: FileSystem;
  paths: SearchPaths;
  date: string;
  time: string;
}

export class Preprocessor implements TokenSource {
  readonly macros = new MacroTable();
  readonly dependencies: string[] = [];
  readonly onceFiles = new Set<string>();
  /** Files found to be wrapped in `#ifndef X ... #endif`, with X. */
  private readonly guards = new Map<string, string>();
  private readonly files: FileReader[] = [];
  private readonly pragmas: PragmaHandler;
  readonly hooks: ExpandHooks;
  private counter = 0;
  /** Tokens a directive produced (a passed-through #pragma), returned before reading on. */
  readonly queue: PPToken[] = [];
  /** Number of directive lines read so far (see TokenSource.directiveSerial). */
  directiveSerial = 0;
  /** The main file has ended: the 'eof' now returned is the final one. */
  finished = false;
  private mainPath = '';

  constructor(private readonly cfg: PreprocessorConfig, readonly diags: DiagnosticBag) {
    this.pragmas = new PragmaHandler(this, diags);
    this.hooks = {
      pragma: (text, at) => this.pragmas.fromOperator(text, at),
      hasInclude: (name, quoted) => this.find(name, quoted) !== undefined,
    };
  }

  /** The innermost open file. */
  get current(): FileReader | undefined {
    return this.files.at(-1);
  }

  /** Opens the main file; `predefs` (the "<built-in>" source) is read first. */
  start(mainPath: string, mainText: string, predefs: string): void {
    this.mainPath = mainPath;
    this.dependencies.push(mainPath);
    this.files.push(new FileReader(mainPath, mainText, this.diags, -1));
    this.files.push(new FileReader('<built-in>', predefs, this.diags, -1));
  }

  /** Returns the next text-line token; 'eof' at the end of each file (the final one sets `finished`). */
  next(): PPToken {
    for (;;) {
      const queued = this.queue.shift();
      if (queued !== undefined) return queued;
      const f = this.current;
      if (f === undefined) throw new Error('Preprocessor.next() before start()');
      const t = f.lex();
      if (t.kind === 'eof') {
        for (const fr of f.conds.openFrames()) this.diags.error(fr.loc, `unterminated #${fr.directive}`);
        const guard = f.guard.guard();
        if (guard !== undefined) this.guards.set(f.path, guard);
        if (this.files.length > 1) this.files.pop();
        else this.finished = true;
        return t;
      }
      if (t.atLineStart && t.kind === 'punct' && t.text === '#') {
        this.directiveSerial++;
        this.directive(f);
        f.syncSkipping();
        continue;
      }
      if (!f.conds.skipping) {
        f.guard.sawContent();
        return t;
      }
    }
  }

  /** Returns __LINE__ for a physical line of the current file (#line applied). */
  presumedLine(line: number): number {
    return line + (this.current?.lineDelta ?? 0);
  }

  /** Returns __FILE__: the current file's name, as #line may have changed it. */
  presumedFile(): string {
    return this.current?.presumedName ?? this.mainPath;
  }

  /** Returns __INCLUDE_LEVEL__: 0 in the main file, 1 in a file it includes, ... */
  includeLevel(): number {
    return Math.max(0, this.files.length - 1);
  }

  /** Returns __BASE_FILE__: the main file's path. */
  baseFile(): string {
    return this.mainPath;
  }

  /** Returns __COUNTER__'s next value (0, 1, 2, ...). */
  nextCounter(): number {
    return this.counter++;
  }

  /** The fixed __DATE__ and __TIME__ texts. */
  get dateTime(): { date: string; time: string } {
    return { date: this.cfg.date, time: this.cfg.time };
  }

  private directive(f: FileReader): void {
    if (f.atLineEnd()) return; // null directive
    const name = f.lex();
    const skipping = f.conds.skipping;
    const word = name.kind === 'identifier' ? name.text : name.kind === 'number' ? '#line-marker' : '';
    this.watchGuard(f, word);
    switch (word) {
      case 'if': return this.ifDirective(name, f, skipping ? false : this.evalIf(name, f));
      case 'ifdef':
      case 'ifndef': return this.ifdefDirective(name, f, word === 'ifndef');
      case 'elif': return this.elifDirective(name, f);
      case 'else': return this.report(name, f.conds.else(), f);
      case 'endif': return this.report(name, f.conds.endif(), f);
    }
    if (skipping) {
      f.restOfLine();
      return;
    }
    switch (word) {
      case 'define': return this.defineDirective(name, f);
      case 'undef': return this.undefDirective(name, f);
      case 'include': return this.includeDirective(name, f, false);
      case 'include_next': return this.includeDirective(name, f, true);
      case 'line': return this.lineDirective(name, f.restOfLine(), f);
      case '#line-marker': return this.lineDirective(name, [name, ...f.restOfLine()], f);
      case 'error':
      case 'warning': return this.messageDirective(name, f);
      case 'pragma': return void this.queue.push(...this.pragmas.fromDirective(name, f.restOfLine()));
      case 'ident':
      case 'sccs': return void f.restOfLine();
      default:
        this.diags.error(name.loc, `invalid preprocessing directive #${name.text}`);
        f.restOfLine();
    }
  }

  /** Tells the include-guard watcher about a directive (the #ifndef operand is peeked, not consumed). */
  private watchGuard(f: FileReader, word: string): void {
    const conditional = ['if', 'ifdef', 'ifndef', 'elif', 'else', 'endif'].includes(word);
    if (!conditional) {
      if (!f.conds.skipping && f.conds.depth === 0) f.guard.sawContent();
      return;
    }
    let macro: string | undefined;
    if (word === 'ifndef' && !f.atLineEnd()) {
      const t = f.lex();
      f.unlex(t);
      if (t.kind === 'identifier') macro = t.text;
    }
    f.guard.sawConditional(word, f.conds.depth, macro);
  }

  /** For #else/#endif: reports the stack error (if any) and extra tokens. */
  private report(name: PPToken, err: string | undefined, f: FileReader): void {
    if (err !== undefined) this.diags.error(name.loc, err);
    this.extraTokens(name, f);
  }

  private extraTokens(name: PPToken, f: FileReader): void {
    const rest = f.restOfLine();
    if (rest.length > 0 && !f.conds.skipping) this.diags.warning(rest[0].loc, `extra tokens at end of #${name.text} directive`);
  }

  private evalIf(name: PPToken, f: FileReader): boolean {
    const toks = new Expander(listSource(f.restOfLine()), this.macros, this.diags, this.hooks, true).expandAll();
    return evaluateIf(toks, name, this.diags);
  }

  private ifDirective(name: PPToken, f: FileReader, value: boolean): void {
    if (f.conds.skipping) f.restOfLine();
    f.conds.open(value, name.loc, name.text);
  }

  private ifdefDirective(name: PPToken, f: FileReader, negate: boolean): void {
    if (f.conds.skipping) {
      f.restOfLine();
      f.conds.open(false, name.loc, name.text);
      return;
    }
    const toks = f.restOfLine();
    const ok = checkMacroName(toks[0], name, name.text, this.diags);
    if (ok && toks.length > 1) this.diags.warning(toks[1].loc, `extra tokens at end of #${name.text} directive`);
    f.conds.open(ok && this.macros.has(toks[0].text) !== negate, name.loc, name.text);
  }

  private elifDirective(name: PPToken, f: FileReader): void {
    const value = f.conds.elifNeedsValue() ? this.evalIf(name, f) : (f.restOfLine(), false);
    const err = f.conds.elif(value);
    if (err !== undefined) this.diags.error(name.loc, err);
  }

  private defineDirective(name: PPToken, f: FileReader): void {
    const m = parseDefine(f.restOfLine(), name, this.diags);
    if (m !== undefined) this.define(m);
  }

  /** Defines `m`, warning when it changes an existing definition. */
  define(m: Macro): void {
    const old = this.macros.define(m);
    if (old !== undefined && !sameDefinition(old, m) && m.loc !== undefined) {
      const where = old.loc === undefined ? '' : ` (previous definition at ${old.loc.file}:${old.loc.line}:${old.loc.column})`;
      this.diags.warning(m.loc, `"${m.name}" redefined${where}`);
    }
  }

  private undefDirective(name: PPToken, f: FileReader): void {
    const toks = f.restOfLine();
    if (!checkMacroName(toks[0], name, 'undef', this.diags)) return;
    if (toks.length > 1) this.diags.warning(toks[1].loc, 'extra tokens at end of #undef directive');
    this.macros.undef(toks[0].text);
  }

  private find(name: string, quoted: boolean, after?: number): { path: string; text: string; index: number } | undefined {
    return resolveInclude(name, quoted, this.current?.path ?? this.mainPath, this.cfg.paths, this.cfg.fs, after);
  }

  private includeDirective(name: PPToken, f: FileReader, next: boolean): void {
    let header: { name: string; quoted: boolean } | undefined;
    const angle = f.lexer.angleHeaderName();
    if (angle !== undefined) {
      header = { name: angle, quoted: false };
      this.extraTokens(name, f);
    } else {
      const toks = f.restOfLine();
      const direct = toks.length > 0 && toks[0].kind === 'string';
      const expanded = direct ? toks.slice(0, 1) : new Expander(listSource(toks), this.macros, this.diags, this.hooks).expandAll();
      if (direct && toks.length > 1) this.diags.warning(toks[1].loc, `extra tokens at end of #${name.text} directive`);
      header = headerFromTokens(expanded);
    }
    if (header === undefined || header.name === '') {
      this.diags.error(name.loc, `#${name.text} expects "FILENAME" or <FILENAME>`);
      return;
    }
    if (this.files.length >= MAX_INCLUDE_DEPTH) {
      this.diags.error(name.loc, `#include nested depth ${MAX_INCLUDE_DEPTH} exceeds maximum of ${MAX_INCLUDE_DEPTH}`);
      return;
    }
    const found = this.find(header.name, header.quoted && !next, next ? f.searchIndex : undefined);
    if (found === undefined) {
      this.diags.error(name.loc, `${header.name}: No such file or directory`);
      return;
    }
    if (this.onceFiles.has(found.path)) return;
    const guard = this.guards.get(found.path);
    if (guard !== undefined && this.macros.has(guard)) return;
    if (!this.dependencies.includes(found.path)) this.dependencies.push(found.path);
    const reader = new FileReader(found.path, found.text, this.diags, found.index);
    this.files.push(reader);
  }

  private lineDirective(name: PPToken, toks: PPToken[], f: FileReader): void {
    const expanded = toks.some((t) => t.kind === 'identifier')
      ? new Expander(listSource(toks), this.macros, this.diags, this.hooks).expandAll()
      : toks;
    const num = expanded[0];
    if (num === undefined || num.kind !== 'number' || !/^[0-9]+$/.test(num.text)) {
      this.diags.error(num?.loc ?? name.loc, `"${num?.text ?? ''}" after #line is not a positive integer`);
      return;
    }
    const nextLine = (toks.at(-1) ?? name).loc.line + 1;
    f.lineDelta = Number(num.text) - nextLine;
    const file = expanded[1];
    if (file !== undefined && file.kind === 'string') f.presumedName = file.text.slice(1, -1).replace(/\\(.)/g, '$1');
    else if (file !== undefined) this.diags.error(file.loc, `invalid filename "${file.text}"`);
  }

  private messageDirective(name: PPToken, f: FileReader): void {
    const text = `#${name.text} ${spellTokens(f.restOfLine())}`.trimEnd();
    if (name.text === 'error') this.diags.error(name.loc, text);
    else this.diags.warning(name.loc, text);
  }
}
