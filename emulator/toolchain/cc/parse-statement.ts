// Statement parser of the C front end (C11 6.8): compound statements with
// block-scope declarations, selection/iteration/jump statements with their
// constraints (break outside loop, duplicate case, undefined label), inline
// asm, _Static_assert, GNU statement expressions, and function bodies.

import type { SourceLocation } from '../asm/diagnostics.ts';
import type { AsmOperand, Expr, Obj, Stmt } from './ast.ts';
import { assignConvert, castTo, decay, toCondition } from './conversions.ts';
import { isTypeName, parseDeclaration } from './parse-declaration.ts';
import { parseConstantInteger, parseExpr } from './parse-expression.ts';
import { ParseError, type Parser } from './parser.ts';
import { type CType, isComplete, isInteger, promote, unqual, voidType } from './types.ts';
import { wrapInt } from './conversions.ts';
import { parseStringLiterals } from './literals.ts';
import { applyPragma } from './pragma-pack.ts';
import { enterVlaBlock, leaveVlaBlock, vlaJump } from './vla.ts';
import { parseIndirectGoto } from './computed-goto.ts';

/** Parses `{ body }` of a function definition and registers the FunctionDef. */
export function parseFunctionBody(p: Parser, obj: Obj, type: CType): void {
  const params: Obj[] = [];
  p.fn = { obj, type, locals: [], labels: new Map(), gotos: [], loopDepth: 0, breakDepth: 0, switches: [] };
  p.undeclared.clear();
  p.scope.enter();
  try {
    for (const [i, prm] of (type.params ?? []).entries()) {
      if (prm.name === undefined) { p.error(prm.loc ?? obj.loc, `parameter name omitted`); continue; }
      const o: Obj = {
        name: prm.name, type: prm.type, loc: prm.loc ?? obj.loc, storage: 'local', isStatic: false, isExtern: false,
        symbol: prm.name, align: prm.type.align, id: p.nextId(), isFunction: false,
      };
      if (!isComplete(prm.type)) p.error(o.loc, `parameter ${i + 1} ('${prm.name}') has incomplete type`);
      if (p.scope.lookupCurrent(prm.name)) p.error(o.loc, `redefinition of parameter '${prm.name}'`);
      p.scope.declare(prm.name, { kind: 'var', obj: o });
      params.push(o);
      p.fn.locals.push(o);
    }
    const body = parseCompound(p, false);
    for (const g of p.fn.gotos) if (!p.fn.labels.has(g.label)) p.error(g.loc, `label '${g.label}' used but not defined`);
    p.addFunction({ obj, params, locals: p.fn.locals, body, isVariadic: !!type.variadic });
  } finally {
    p.scope.leave();
    p.fn = undefined;
  }
}

// compound-stmt = "{" (declaration | stmt)* "}"
function parseCompound(p: Parser, newScope = true): Stmt {
  const loc = p.loc(p.expect('{'));
  if (newScope) p.scope.enter();
  const body: Stmt[] = [];
  if (p.fn !== undefined) enterVlaBlock(p);
  try {
    while (!p.accept('}')) {
      if (p.tok.kind === 'eof') { p.errorAt(p.tok, "expected '}' at end of input"); break; }
      body.push(...parseBlockItem(p));
    }
  } finally {
    if (p.fn !== undefined) leaveVlaBlock(p, body, p.loc(p.prev));
    if (newScope) p.scope.leave();
  }
  return { kind: 'block', body, loc };
}

/** One declaration or statement of a block; on a syntax error reports, skips to the next `;` and returns nothing. */
function parseBlockItem(p: Parser): Stmt[] {
  const start = p.pos;
  try {
    if (p.tok.kind === 'pragma') { applyPragma(p.pack, p.tok.text, p.loc(), (loc, m) => p.warn(loc, m)); p.next(); return []; }
    while (p.is('__extension__') && isTypeName(p, p.peek())) p.next();
    if (p.is('_Static_assert')) { parseStaticAssert(p); return []; }
    if (isDeclarationStart(p)) return parseDeclaration(p);
    return [parseStmt(p)];
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    p.recover();
    if (p.pos === start && p.tok.kind !== 'eof') p.next();
    return [];
  }
}

/** True when the block item starting here is a declaration (labels `T:` are statements). */
function isDeclarationStart(p: Parser): boolean {
  if (!isTypeName(p)) {
    // `foo bar;` with `foo` unknown: report as an unknown type name like GCC
    const t = p.tok;
    const n = p.peek();
    if (t.kind === 'identifier' && !p.isKeyword(t) && !p.scope.lookup(t.text) && n.kind === 'identifier' && !p.isKeyword(n) && (p.peek(2).text === ';' || p.peek(2).text === '=' || p.peek(2).text === ','))
      p.fail(`unknown type name '${t.text}'`);
    if (t.kind === 'identifier' && !p.isKeyword(t) && !p.scope.lookup(t.text) && n.text === '*' && n.kind === 'punct' && p.peek(2).kind === 'identifier' && (p.peek(3).text === ';' || p.peek(3).text === '='))
      p.fail(`unknown type name '${t.text}'`);
    return false;
  }
  return !(p.peek().text === ':' && p.scope.lookup(p.tok.text)?.kind === 'typedef');
}

// static-assert = "_Static_assert" "(" const-expr ("," string)? ")" ";"
export function parseStaticAssert(p: Parser): void {
  const loc = p.loc(p.next());
  p.expect('(');
  const v = parseConstantInteger(p, 'expression in static assertion');
  let message = '';
  if (p.accept(',')) {
    const pieces = [];
    while (p.tok.kind === 'string') { const t = p.next(); pieces.push({ text: t.text, prefix: t.prefix ?? '' }); }
    const r = parseStringLiterals(pieces);
    if (r.ok) message = new TextDecoder().decode(r.value.bytes.slice(0, -1));
  }
  p.expect(')');
  p.expect(';');
  if (v !== undefined && v.value === 0n) p.error(loc, `static assertion failed${message ? `: "${message}"` : ''}`);
}

function inFunction(p: Parser): NonNullable<Parser['fn']> {
  if (!p.fn) p.fail('statement outside of a function');
  return p.fn;
}

// stmt = "return" expr? ";" | "if" "(" expr ")" stmt ("else" stmt)? | "switch" "(" expr ")" stmt
//      | "case" const-expr ("..." const-expr)? ":" stmt | "default" ":" stmt
//      | "for" "(" (declaration | expr? ";") expr? ";" expr? ")" stmt | "while" "(" expr ")" stmt
//      | "do" stmt "while" "(" expr ")" ";" | "goto" ident ";" | "break" ";" | "continue" ";"
//      | asm-stmt | ident ":" stmt | compound-stmt | expr? ";"
export function parseStmt(p: Parser): Stmt {
  const t = p.tok;
  const loc = p.loc(t);
  const fn = inFunction(p);
  if (t.kind === 'identifier' && p.peek().text === ':' && p.peek().kind === 'punct' && !p.isKeyword(t)) {
    p.next(); p.next();
    if (fn.labels.has(t.text)) p.error(loc, `duplicate label '${t.text}'`);
    fn.labels.set(t.text, loc);
    if (p.is('}')) { p.error(p.loc(), 'label at end of compound statement'); return { kind: 'label', label: t.text, body: { kind: 'null', loc }, loc }; }
    return { kind: 'label', label: t.text, body: parseStmt(p), loc };
  }
  if (t.kind === 'punct') {
    if (t.text === '{') return parseCompound(p);
    if (t.text === ';') { p.next(); return { kind: 'null', loc }; }
  }
  if (t.kind === 'identifier') {
    switch (t.text) {
      case 'return': return parseReturn(p, loc);
      case 'if': {
        p.next();
        const cond = parseCondition(p);
        const then = parseSubStmt(p);
        const els = p.accept('else') ? parseSubStmt(p) : undefined;
        return { kind: 'if', cond, then, else: els, loc };
      }
      case 'while': {
        p.next();
        const cond = parseCondition(p);
        return { kind: 'while', cond, body: loopBody(p), loc };
      }
      case 'do': {
        p.next();
        const body = loopBody(p);
        p.expect('while');
        const cond = parseCondition(p);
        p.expect(';');
        return { kind: 'do', cond, body, loc };
      }
      case 'for': return parseFor(p, loc);
      case 'switch': return parseSwitch(p, loc);
      case 'case': case 'default': return parseCase(p, loc);
      case 'break': case 'continue': {
        p.next();
        if (t.text === 'break' && fn.breakDepth === 0) p.error(loc, 'break statement not within loop or switch');
        if (t.text === 'continue' && fn.loopDepth === 0) p.error(loc, 'continue statement not within a loop');
        p.expect(';');
        return vlaJump(p, { kind: t.text, loc });
      }
      case 'goto': {
        p.next();
        if (p.is('*')) return parseIndirectGoto(p, loc);
        const id = p.next();
        if (id.kind !== 'identifier') { p.errorAt(id, 'expected identifier'); throw new ParseError(); }
        fn.gotos.push({ label: id.text, loc: p.loc(id) });
        p.expect(';');
        return { kind: 'goto', label: id.text, loc };
      }
      case '__asm__': case 'asm': case '__asm': return parseAsm(p, loc);
      case 'else': p.fail("expected expression before 'else'");
    }
  }
  const expr = parseExpr(p);
  p.expect(';', ' after expression');
  return { kind: 'expr', expr, loc };
}

/** A sub-statement of if/else: a declaration there is an error in C. */
function parseSubStmt(p: Parser): Stmt {
  if (isTypeName(p) && p.peek().text !== ':') {
    p.errorAt(p.tok, 'a declaration is not allowed as the body of a selection or iteration statement');
    p.scope.enter();
    try { return { kind: 'block', body: parseDeclaration(p), loc: p.loc() }; } finally { p.scope.leave(); }
  }
  return parseStmt(p);
}

function loopBody(p: Parser): Stmt {
  const fn = p.fn!;
  fn.loopDepth++; fn.breakDepth++;
  try { return parseSubStmt(p); } finally { fn.loopDepth--; fn.breakDepth--; }
}

function parseCondition(p: Parser): Expr {
  p.expect('(');
  const e = toCondition(p, parseExpr(p));
  p.expect(')');
  return e;
}

function parseReturn(p: Parser, loc: SourceLocation): Stmt {
  p.next();
  const fn = p.fn!;
  const ret = fn.type.base!;
  if (p.accept(';')) {
    if (ret.kind !== 'void') p.warn(loc, `'return' with no value, in function returning non-void`);
    return { kind: 'return', loc };
  }
  const e = parseExpr(p);
  p.expect(';', ' after return statement');
  if (ret.kind === 'void') {
    if (e.type.kind !== 'void') p.error(e.loc, `'return' with a value, in function returning void`);
    return { kind: 'return', value: e, loc };
  }
  return { kind: 'return', value: assignConvert(p, e, ret, 'returning'), loc };
}

function parseFor(p: Parser, loc: SourceLocation): Stmt {
  p.next();
  p.expect('(');
  p.scope.enter();
  try {
    let init: Stmt | undefined;
    if (isTypeName(p)) init = { kind: 'block', body: parseDeclaration(p), loc: p.loc() };
    else if (!p.accept(';')) { const e = parseExpr(p); init = { kind: 'expr', expr: e, loc: e.loc }; p.expect(';'); }
    const cond = p.is(';') ? undefined : toCondition(p, parseExpr(p));
    p.expect(';');
    const step = p.is(')') ? undefined : parseExpr(p);
    p.expect(')');
    return { kind: 'for', init, cond, step, body: loopBody(p), loc };
  } finally {
    p.scope.leave();
  }
}

function parseSwitch(p: Parser, loc: SourceLocation): Stmt {
  p.next();
  p.expect('(');
  const raw = decay(parseExpr(p));
  p.expect(')');
  if (!isInteger(raw.type)) p.error(raw.loc, 'switch quantity not an integer');
  const type = isInteger(raw.type) ? promote(raw.type) : unqual(raw.type);
  const cond = castTo(raw, type);
  const fn = p.fn!;
  const sw = { type, cases: [] as { value: bigint; high?: bigint; label: number }[], defaultLabel: undefined as number | undefined };
  fn.switches.push(sw);
  fn.breakDepth++;
  try {
    const body = parseSubStmt(p);
    return { kind: 'switch', cond, body, cases: sw.cases, defaultLabel: sw.defaultLabel, loc };
  } finally {
    fn.switches.pop();
    fn.breakDepth--;
  }
}

function parseCase(p: Parser, loc: SourceLocation): Stmt {
  const fn = p.fn!;
  const isDefault = p.next().text === 'default';
  const sw = fn.switches.at(-1);
  const label = p.nextId();
  if (isDefault) {
    p.expect(':');
    if (!sw) p.error(loc, "'default' label not within a switch statement");
    else if (sw.defaultLabel !== undefined) p.error(loc, 'multiple default labels in one switch');
    else sw.defaultLabel = label;
  } else {
    const v = parseConstantInteger(p, 'case label');
    let high: bigint | undefined;
    if (p.accept('...')) high = parseConstantInteger(p, 'case label')?.value;
    p.expect(':');
    if (!sw) p.error(loc, 'case label not within a switch statement');
    else if (v !== undefined) addCase(p, sw, wrapInt(v.value, sw.type), high === undefined ? undefined : wrapInt(high, sw.type), label, loc);
  }
  const body = p.is('}') ? ({ kind: 'null', loc } as Stmt) : parseStmt(p);
  return { kind: 'case', label, body, loc };
}

function addCase(p: Parser, sw: { cases: { value: bigint; high?: bigint; label: number }[] }, value: bigint, high: bigint | undefined, label: number, loc: SourceLocation): void {
  const hi = high ?? value;
  const dup = sw.cases.find((c) => value <= (c.high ?? c.value) && hi >= c.value);
  if (dup) p.error(loc, `duplicate case value`);
  sw.cases.push({ value, high, label });
}

// asm-stmt = "__asm__" ("volatile" | "inline" | "goto")* "(" string (":" operands (":" operands (":" clobbers)?)?)? ")" ";"
function parseAsm(p: Parser, loc: SourceLocation): Stmt {
  p.next();
  let isVolatile = false;
  while (p.is('volatile') || p.is('__volatile__') || p.is('inline') || p.is('goto')) { if (p.next().text !== 'inline') isVolatile = true; }
  p.expect('(');
  const template = parseAsmString(p);
  const outputs: AsmOperand[] = [];
  const inputs: AsmOperand[] = [];
  const clobbers: string[] = [];
  if (p.accept(':')) {
    parseAsmOperands(p, outputs, true);
    if (p.accept(':')) {
      parseAsmOperands(p, inputs, false);
      if (p.accept(':')) {
        while (p.tok.kind === 'string') { clobbers.push(parseAsmString(p)); if (!p.accept(',')) break; }
      }
    }
  }
  p.expect(')');
  p.expect(';');
  if (outputs.length === 0) isVolatile = true; // GCC: asm without outputs is implicitly volatile
  return { kind: 'asm', template, outputs, inputs, clobbers, isVolatile, loc };
}

function parseAsmString(p: Parser): string {
  if (p.tok.kind !== 'string') p.fail(`expected string literal before ${p.describe(p.tok)}`);
  const pieces = [];
  while (p.tok.kind === 'string') { const t = p.next(); pieces.push({ text: t.text, prefix: t.prefix ?? '' }); }
  const r = parseStringLiterals(pieces);
  return r.ok ? new TextDecoder().decode(r.value.bytes.slice(0, -1)) : '';
}

function parseAsmOperands(p: Parser, list: AsmOperand[], isOutput: boolean): void {
  if (p.tok.kind !== 'string' && !p.is('[')) return;
  do {
    let name: string | undefined;
    if (p.accept('[')) { name = p.next().text; p.expect(']'); }
    const constraint = parseAsmString(p);
    p.expect('(');
    const e = parseExpr(p);
    p.expect(')');
    if (isOutput && !constraint.startsWith('=') && !constraint.startsWith('+')) p.error(e.loc, `output operand constraint lacks '='`);
    if (isOutput && e.kind !== 'var' && e.kind !== 'deref' && e.kind !== 'member') p.error(e.loc, 'invalid lvalue in asm output');
    list.push({ constraint, expr: isOutput ? e : decay(e), name });
  } while (p.accept(','));
}

/** Parses `{ ... }` of a GNU statement expression (after `(`); its value is the last expression statement. */
export function parseStatementExpression(p: Parser, loc: SourceLocation): Expr {
  inFunction(p);
  const block = parseCompound(p);
  const body = block.kind === 'block' ? block.body : [];
  const last = body.at(-1);
  const type: CType = last?.kind === 'expr' ? decay(last.expr).type : voidType;
  return { kind: 'stmt_expr', body, type, loc };
}
