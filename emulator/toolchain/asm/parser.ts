// Parser of GNU as source lines into statements: labels (`name:` and numeric
// `1:`), symbol assignments (`name = expr`), directives (arguments left as
// tokens for directives.ts), instructions with register, expression and
// `offset(reg)` memory operands, and `.rept`/`.endr` expansion. Errors are
// reported per line; parsing goes on.

import { AsmError, type DiagnosticBag, type SourceLocation } from './diagnostics.ts';
import { evaluateConstant, type EvalContext } from './eval.ts';
import { parseExpr, type Expr } from './expr.ts';
import { tokenize, type Token } from './lexer.ts';
import { TokenCursor } from './token-cursor.ts';

export type Operand =
  | { kind: 'expr'; expr: Expr; loc: SourceLocation }
  | { kind: 'mem'; offset: Expr | undefined; base: string; baseLoc: SourceLocation; loc: SourceLocation };

export type Statement =
  | { kind: 'label'; name: string; numeric: boolean; loc: SourceLocation }
  | { kind: 'assign'; name: string; expr: Expr; loc: SourceLocation }
  | { kind: 'directive'; name: string; args: TokenCursor; loc: SourceLocation }
  | { kind: 'instruction'; mnemonic: string; operands: Operand[]; loc: SourceLocation };

/** Returns the statements of a whole source file; syntax errors go to `diags` and drop their line. */
export function parseSource(source: string, file: string, diags: DiagnosticBag): Statement[] {
  const tokens = tokenize(source, file, diags);
  const lines: Token[][] = [];
  let start = 0;
  tokens.forEach((t, i) => {
    if (t.kind !== 'eol') return;
    lines.push(tokens.slice(start, i + 1));
    start = i + 1;
  });
  const out: Statement[] = [];
  parseLines(lines, file, diags, out);
  return out;
}

/** Upper bound on statements produced by .rept expansion (a hostile `.rept` cannot exhaust memory). */
const MAX_STATEMENTS = 2_000_000;

function directiveIs(line: readonly Token[], name: string): boolean {
  return line[0]?.kind === 'ident' && line[0].text.toLowerCase() === name;
}

/** Returns the index of the `.endr` closing the `.rept` at `from`, or -1. */
function findEndr(lines: readonly Token[][], from: number): number {
  let depth = 0;
  for (let i = from; i < lines.length; i++) {
    if (directiveIs(lines[i]!, '.rept')) depth++;
    else if (directiveIs(lines[i]!, '.endr') && --depth === 0) return i;
  }
  return -1;
}

// .rept count (a constant without symbols)
function reptCount(line: Token[], file: string): number {
  const c = new TokenCursor(line.slice(1), file);
  const expr = parseExpr(c);
  c.expectEnd();
  const noSymbols: EvalContext = {
    symbol: (name, e) => { throw new AsmError(`.rept count must be a constant number, not '${name}'`, e.loc); },
    offsetOf: () => undefined,
  };
  const n = evaluateConstant(expr, noSymbols, '.rept count');
  if (n < 0n || n > 1_000_000n) throw new AsmError(`.rept count ${n} out of range`, expr.loc);
  return Number(n);
}

function parseLines(lines: Token[][], file: string, diags: DiagnosticBag, out: Statement[]): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.some((t) => t.kind === 'bad')) continue;
    const cursor = new TokenCursor(line, file);
    try {
      if (directiveIs(line, '.rept')) {
        const end = findEndr(lines, i);
        if (end < 0) throw cursor.error("'.rept' without '.endr'");
        const body = lines.slice(i + 1, end);
        i = end; // the body is consumed even when the count is bad
        const count = reptCount(line, file);
        for (let k = 0; k < count && out.length < MAX_STATEMENTS; k++) parseLines(body, file, diags, out);
        if (out.length >= MAX_STATEMENTS) throw cursor.error('.rept expands to too many statements');
      } else if (directiveIs(line, '.endr')) {
        throw cursor.error("'.endr' without '.rept'");
      } else {
        parseLine(cursor, out);
      }
    } catch (e) {
      if (!(e instanceof AsmError)) throw e;
      diags.error(e.loc, e.message);
      if (out.length >= MAX_STATEMENTS) return;
    }
  }
}

// line = label* (assignment | directive | instruction)?
function parseLine(c: TokenCursor, out: Statement[]): void {
  while (isLabelStart(c)) {
    const t = c.take();
    c.take();
    out.push({ kind: 'label', name: t.text, numeric: t.kind === 'number', loc: c.locOf(t) });
  }
  if (c.atEnd()) return;
  const head = c.expectIdent('an instruction, directive or label');
  const loc = c.locOf(head);
  if (c.isPunct('=')) {
    c.take();
    const expr = parseExpr(c);
    c.expectEnd();
    out.push({ kind: 'assign', name: head.text, expr, loc });
  } else if (head.text.startsWith('.')) {
    out.push({ kind: 'directive', name: head.text.toLowerCase(), args: c, loc });
  } else {
    out.push({ kind: 'instruction', mnemonic: head.text.toLowerCase(), operands: parseOperands(c), loc });
  }
}

function isLabelStart(c: TokenCursor): boolean {
  const t = c.peek();
  if (t.kind === 'number' && !/^[0-9]+$/.test(t.text)) return false;
  return (t.kind === 'ident' || t.kind === 'number') && c.isPunct(':', 1);
}

// operands = (operand (',' operand)*)?
function parseOperands(c: TokenCursor): Operand[] {
  const ops: Operand[] = [];
  if (c.atEnd()) return ops;
  do ops.push(parseOperand(c));
  while (c.accept(','));
  c.expectEnd();
  return ops;
}

// operand = '(' reg ')' | expr ('(' reg ')')?
function parseOperand(c: TokenCursor): Operand {
  const first = c.peek();
  const loc = c.locOf(first);
  if (isBareBase(c)) {
    c.take();
    const base = c.take();
    c.take();
    return { kind: 'mem', offset: undefined, base: base.text, baseLoc: c.locOf(base), loc };
  }
  const expr = parseExpr(c);
  if (!c.isPunct('(')) return { kind: 'expr', expr, loc };
  c.take();
  const base = c.expectIdent('a base register');
  c.expect(')');
  return { kind: 'mem', offset: expr, base: base.text, baseLoc: c.locOf(base), loc };
}

function isBareBase(c: TokenCursor): boolean {
  const after: Token = c.peek(3);
  return c.isPunct('(') && c.peek(1).kind === 'ident' && c.isPunct(')', 2)
    && (after.kind === 'eol' || (after.kind === 'punct' && after.text === ','));
}
