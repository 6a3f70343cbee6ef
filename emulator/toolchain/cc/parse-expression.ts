// Expression parser of the C front end (C11 6.5), recursive descent in
// chibicc style with binary operators by precedence climbing. Builds typed
// nodes: implicit conversions become `cast` nodes, pointer arithmetic is
// scaled, lvalue and operand constraints are checked here.

import type { SourceLocation } from '../asm/diagnostics.ts';
import type { BinaryOp, Expr, Obj } from './ast.ts';
import { evalConst, evalInteger } from './const-eval.ts';
import {
  arithmeticOperands, assignConvert, castTo, checkModifiable, checkNotLongDouble, decay, defaultPromote, errorExpr, intNode,
  isErrorExpr, isLvalue, isNullPointerConstant, toCondition,
} from './conversions.ts';
import { parseCompoundLiteral } from './initializers.ts';
import { parseIntegerConstant, parseFloatConstant, parseCharConstant, parseStringLiterals, type StringPiece } from './literals.ts';
import { isTypeName, parseTypeName } from './parse-declaration.ts';
import { parseStatementExpression } from './parse-statement.ts';
import { ParseError, type Parser } from './parser.ts';
import { vlaReference, vlaSizeof } from './vla.ts';
import { parseLabelAddress } from './computed-goto.ts';
import {
  type CType, arrayOf, bitFieldType, charType, compatible, findMember, intType, isArithmetic, isComplete, isFloat, isInteger,
  isPointer, isRecord, isScalar, longType, pointerTo, promote, qualified, typeName, ulongType, unqual, usualArithmetic,
  voidType,
} from './types.ts';


// expr = assign ("," assign)*
export function parseExpr(p: Parser): Expr {
  let e = parseAssign(p);
  while (p.is(',')) {
    const loc = p.loc(p.next());
    const rhs = decay(parseAssign(p));
    e = { kind: 'comma', lhs: e, rhs, type: rhs.type, loc };
  }
  return e;
}

const assignOps: Record<string, BinaryOp | undefined> = {
  '=': undefined, '+=': 'add', '-=': 'sub', '*=': 'mul', '/=': 'div', '%=': 'mod',
  '<<=': 'shl', '>>=': 'shr', '&=': 'bitand', '|=': 'bitor', '^=': 'bitxor',
};

// assign = conditional (assign-op assign)?
// assign-op = "=" | "+=" | "-=" | "*=" | "/=" | "%=" | "&=" | "|=" | "^=" | "<<=" | ">>="
export function parseAssign(p: Parser): Expr {
  const lhs = parseConditional(p);
  const t = p.tok;
  if (t.kind !== 'punct' || !(t.text in assignOps)) return lhs;
  const loc = p.loc(p.next());
  const rhs = parseAssign(p);
  const op = assignOps[t.text];
  checkModifiable(p, lhs, 'left operand of assignment');
  if (op === undefined) {
    const conv = assignConvert(p, rhs, lhs.type, 'assigning to');
    return { kind: 'assign', lhs, rhs: conv, type: unqual(lhs.type), loc };
  }
  return compoundAssign(p, op, lhs, decay(rhs), loc);
}

function compoundAssign(p: Parser, op: BinaryOp, lhs: Expr, rhs: Expr, loc: SourceLocation): Expr {
  const lt = unqual(lhs.type);
  if (isPointer(lt) && (op === 'add' || op === 'sub') && isInteger(rhs.type)) {
    const scaled = scaleIndex(p, rhs, lt, loc);
    return { kind: 'compound', op, lhs, rhs: scaled, opType: lt, type: lt, loc };
  }
  if (!isArithmetic(lt) || !isArithmetic(rhs.type)) {
    p.error(loc, `invalid operands to compound assignment ('${typeName(lhs.type)}' and '${typeName(rhs.type)}')`);
    return { kind: 'assign', lhs, rhs: castTo(rhs, lt), type: lt, loc };
  }
  const intOnly = op === 'mod' || op === 'shl' || op === 'shr' || op === 'bitand' || op === 'bitor' || op === 'bitxor';
  if (intOnly && (!isInteger(lt) || !isInteger(rhs.type))) p.error(loc, `invalid operands to compound assignment (have '${typeName(lhs.type)}' and '${typeName(rhs.type)}')`);
  checkNotLongDouble(p, lhs);
  checkNotLongDouble(p, rhs);
  const opType = op === 'shl' || op === 'shr' ? promote(lt) : usualArithmetic(lt, rhs.type);
  return { kind: 'compound', op, lhs, rhs: castTo(rhs, opType), opType, type: lt, loc };
}

// conditional = logor ("?" expr ":" conditional)?
export function parseConditional(p: Parser): Expr {
  const cond = parseBinary(p, 0);
  if (!p.is('?')) return cond;
  const loc = p.loc(p.next());
  const c = toCondition(p, cond);
  const a = decay(p.is(':') ? c : parseExpr(p)); // GNU `a ?: b`
  p.expect(':');
  const b = decay(parseConditional(p));
  return { ...conditionalOperands(p, a, b, loc), kind: 'cond', cond: c, loc };
}

function conditionalOperands(p: Parser, a: Expr, b: Expr, loc: SourceLocation): { then: Expr; else: Expr; type: CType } {
  if (isArithmetic(a.type) && isArithmetic(b.type)) {
    const [x, y, t] = arithmeticOperands(a, b);
    return { then: x, else: y, type: t };
  }
  if (a.type.kind === 'void' || b.type.kind === 'void') return { then: castTo(a, voidType), else: castTo(b, voidType), type: voidType };
  if (isPointer(a.type) && isNullPointerConstant(b)) return { then: a, else: castTo(b, a.type), type: a.type };
  if (isPointer(b.type) && isNullPointerConstant(a)) return { then: castTo(a, b.type), else: b, type: b.type };
  if (isPointer(a.type) && isPointer(b.type)) {
    const ab = a.type.base!;
    const bb = b.type.base!;
    const q = (t: CType): CType => qualified(t, !!(ab.isConst || bb.isConst), !!(ab.isVolatile || bb.isVolatile));
    const t = ab.kind === 'void' || bb.kind === 'void' ? pointerTo(q(voidType)) : pointerTo(q(unqual(ab)));
    if (ab.kind !== 'void' && bb.kind !== 'void' && !compatible(ab, bb, true)) p.warn(loc, 'pointer type mismatch in conditional expression');
    return { then: castTo(a, t), else: castTo(b, t), type: t };
  }
  if (isRecord(a.type) && compatible(a.type, b.type, true)) return { then: a, else: b, type: unqual(a.type) };
  p.error(loc, `type mismatch in conditional expression ('${typeName(a.type)}' and '${typeName(b.type)}')`);
  return { then: a, else: castTo(b, a.type), type: a.type };
}

/** Binary operators by precedence level (higher binds tighter). */
const binaryPrecedence: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '<=': 7, '>': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
};

const binaryOpOf: Record<string, BinaryOp> = {
  '|': 'bitor', '^': 'bitxor', '&': 'bitand', '==': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge',
  '<<': 'shl', '>>': 'shr', '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '%': 'mod',
};

// logor = logand ("||" logand)*      logand = bitor ("&&" bitor)*
// bitor = bitxor ("|" bitxor)*       bitxor = bitand ("^" bitand)*
// bitand = equality ("&" equality)*  equality = relational (("==" | "!=") relational)*
// relational = shift (("<" | "<=" | ">" | ">=") shift)*
// shift = add (("<<" | ">>") add)*   add = mul (("+" | "-") mul)*
// mul = cast (("*" | "/" | "%") cast)*
function parseBinary(p: Parser, minPrec: number): Expr {
  let lhs = parseCast(p);
  for (;;) {
    const t = p.tok;
    const prec = t.kind === 'punct' ? binaryPrecedence[t.text] : undefined;
    if (prec === undefined || prec <= minPrec) return lhs;
    const loc = p.loc(p.next());
    const rhs = parseBinary(p, prec);
    if (t.text === '&&' || t.text === '||') {
      lhs = { kind: t.text === '&&' ? 'logand' : 'logor', lhs: toCondition(p, lhs), rhs: toCondition(p, rhs), type: intType, loc };
    } else {
      lhs = buildBinary(p, binaryOpOf[t.text], lhs, rhs, loc);
    }
  }
}

/** Returns `i * sizeof(*ptrType)` as a long, for pointer arithmetic. */
function scaleIndex(p: Parser, i: Expr, ptrType: CType, loc: SourceLocation): Expr {
  const base = ptrType.base!;
  if (base.kind !== 'void' && base.kind !== 'func' && !isComplete(base)) p.error(loc, `arithmetic on a pointer to an incomplete type '${typeName(base)}'`);
  const size = BigInt(base.kind === 'void' || base.kind === 'func' ? 1 : base.size);
  const li = castTo(i, longType);
  if (size === 1n) return li;
  if (li.kind === 'int') return intNode(li.value * size, longType, li.loc);
  return { kind: 'binary', op: 'mul', lhs: li, rhs: intNode(size, longType, loc), type: longType, loc };
}

/**
 * Builds a binary arithmetic/bitwise/shift/comparison node with conversions:
 * pointer +/- integer is scaled, pointer - pointer divides by the element
 * size, comparisons yield int. Reports invalid operand types.
 */
export function buildBinary(p: Parser, op: BinaryOp, lhs0: Expr, rhs0: Expr, loc: SourceLocation): Expr {
  const lhs = decay(lhs0);
  const rhs = decay(rhs0);
  const lt = lhs.type;
  const rt = rhs.type;
  if (op === 'add' || op === 'sub') {
    if (isPointer(lt) && isInteger(rt)) return { kind: 'binary', op, lhs, rhs: scaleIndex(p, rhs, lt, loc), type: unqual(lt), loc };
    if (op === 'add' && isInteger(lt) && isPointer(rt)) return { kind: 'binary', op, lhs: rhs, rhs: scaleIndex(p, lhs, rt, loc), type: unqual(rt), loc };
    if (op === 'sub' && isPointer(lt) && isPointer(rt)) {
      if (!compatible(lt.base!, rt.base!, true)) p.error(loc, `invalid operands to binary - (have '${typeName(lt)}' and '${typeName(rt)}')`);
      const diff: Expr = { kind: 'binary', op: 'sub', lhs: castTo(lhs, longType), rhs: castTo(rhs, longType), type: longType, loc };
      const size = BigInt(lt.base!.kind === 'void' ? 1 : Math.max(1, lt.base!.size));
      return size === 1n ? diff : { kind: 'binary', op: 'div', lhs: diff, rhs: intNode(size, longType, loc), type: longType, loc };
    }
  }
  const isCompare = op === 'eq' || op === 'ne' || op === 'lt' || op === 'le' || op === 'gt' || op === 'ge';
  if (isCompare && (isPointer(lt) || isPointer(rt))) return pointerCompare(p, op, lhs, rhs, loc);
  const spelling = Object.entries(binaryOpOf).find(([, v]) => v === op)![0];
  const intOnly = op === 'mod' || op === 'shl' || op === 'shr' || op === 'bitand' || op === 'bitor' || op === 'bitxor';
  if (!isArithmetic(lt) || !isArithmetic(rt) || (intOnly && (!isInteger(lt) || !isInteger(rt)))) {
    if (isErrorExpr(lhs) || isErrorExpr(rhs)) return errorExpr(loc);
    p.error(loc, `invalid operands to binary ${spelling} (have '${typeName(lt)}' and '${typeName(rt)}')`);
    return { kind: 'binary', op, lhs, rhs, type: intType, loc };
  }
  checkNotLongDouble(p, lhs);
  checkNotLongDouble(p, rhs);
  if (op === 'shl' || op === 'shr') {
    const t = promote(lt);
    return fold({ kind: 'binary', op, lhs: castTo(lhs, t), rhs: castTo(rhs, promote(rt)), type: t, loc });
  }
  const [a, b, t] = arithmeticOperands(lhs, rhs);
  if ((op === 'div' || op === 'mod') && b.kind === 'int' && b.value === 0n) p.warn(loc, 'division by zero');
  return fold({ kind: 'binary', op, lhs: a, rhs: b, type: isCompare ? intType : t, loc });
}

/** Folds an integer binary node whose operands are both constants (keeps the node when not foldable). */
function fold(e: Expr): Expr {
  if (e.kind !== 'binary' || e.lhs.kind !== 'int' || e.rhs.kind !== 'int') return e;
  const v = evalInteger(e);
  return v === undefined ? e : intNode(v, e.type, e.loc);
}

function pointerCompare(p: Parser, op: BinaryOp, lhs: Expr, rhs: Expr, loc: SourceLocation): Expr {
  const lt = lhs.type;
  const rt = rhs.type;
  let a = lhs;
  let b = rhs;
  if (isPointer(lt) && isPointer(rt)) {
    const lb = lt.base!;
    const rb = rt.base!;
    if (lb.kind !== 'void' && rb.kind !== 'void' && !compatible(lb, rb, true)) p.warn(loc, 'comparison of distinct pointer types lacks a cast');
  } else if (isPointer(lt) && isNullPointerConstant(rhs)) b = castTo(rhs, lt);
  else if (isPointer(rt) && isNullPointerConstant(lhs)) a = castTo(lhs, rt);
  else if (isInteger(lt) || isInteger(rt)) {
    p.warn(loc, 'comparison between pointer and integer');
    if (isInteger(lt)) a = castTo(lhs, rt);
    else b = castTo(rhs, lt);
  } else {
    p.error(loc, `invalid operands to comparison (have '${typeName(lt)}' and '${typeName(rt)}')`);
  }
  return { kind: 'binary', op, lhs: castTo(a, ulongType), rhs: castTo(b, ulongType), type: intType, loc };
}

// cast = "(" type-name ")" cast | "(" type-name ")" "{" initializer-list "}" postfix-tail | unary
export function parseCast(p: Parser): Expr {
  if (p.is('(') && isTypeName(p, p.peek())) {
    const loc = p.loc(p.next());
    const type = parseTypeName(p);
    p.expect(')');
    if (p.is('{')) return parsePostfixTail(p, parseCompoundLiteral(p, type, loc));
    const operand = decay(parseCast(p));
    return buildCast(p, operand, type, loc);
  }
  return parseUnary(p);
}

/** Returns `(type) operand` after checking that the conversion is allowed. */
function buildCast(p: Parser, operand: Expr, type: CType, loc: SourceLocation): Expr {
  if (type.kind === 'void') return { kind: 'cast', operand, type: voidType, loc };
  if (!isScalar(type)) {
    p.error(loc, `conversion to non-scalar type '${typeName(type)}' requested`);
    return operand;
  }
  if (!isScalar(operand.type)) {
    p.error(loc, `cannot convert a value of type '${typeName(operand.type)}' to '${typeName(type)}'`);
    return operand;
  }
  if ((isPointer(type) && isFloat(operand.type)) || (isFloat(type) && isPointer(operand.type)))
    p.error(loc, `cannot convert between pointer and floating type`);
  if (isPointer(operand.type) && isInteger(type)) {
    const v = evalConst(operand); // `(size_t)&((T *)0)->m` (offsetof) folds to a constant
    if (v?.kind === 'int') return intNode(v.value, unqual(type), loc);
  }
  const r = castTo(operand, unqual(type));
  return r === operand ? { kind: 'cast', operand, type: unqual(type), loc } : r;
}

// unary = ("+" | "-" | "!" | "~" | "&" | "*") cast | ("++" | "--") unary
//       | "sizeof" unary | "sizeof" "(" type-name ")" | "_Alignof" "(" type-name ")" | postfix
export function parseUnary(p: Parser): Expr {
  const t = p.tok;
  const loc = p.loc(t);
  if (t.kind === 'punct') {
    switch (t.text) {
      case '+': { p.next(); const e = decay(parseCast(p)); return arithUnary(p, e, 'unary plus', loc) ? castTo(e, promote(e.type)) : e; }
      case '-': {
        p.next();
        const e = decay(parseCast(p));
        if (!arithUnary(p, e, 'unary minus', loc)) return e;
        const x = castTo(e, promote(e.type));
        if (x.kind === 'int') return intNode(-x.value, x.type, loc);
        if (x.kind === 'float') return { ...x, value: -x.value, loc };
        return { kind: 'neg', operand: x, type: x.type, loc };
      }
      case '!': { p.next(); const e = toCondition(p, parseCast(p)); return e.kind === 'int' ? intNode(e.value === 0n ? 1n : 0n, intType, loc) : { kind: 'not', operand: e, type: intType, loc }; }
      case '~': {
        p.next();
        const e = decay(parseCast(p));
        if (!isInteger(e.type)) { p.error(loc, `wrong type argument to bit-complement`); return e; }
        const x = castTo(e, promote(e.type));
        return x.kind === 'int' ? intNode(~x.value, x.type, loc) : { kind: 'bitnot', operand: x, type: x.type, loc };
      }
      case '&': { p.next(); return addressOf(p, parseCast(p), loc); }
      case '&&': return parseLabelAddress(p, loc);
      case '*': { p.next(); return dereference(p, parseCast(p), loc); }
      case '++': case '--': {
        p.next();
        return incDec(p, parseUnary(p), t.text === '++' ? 1 : -1, 'preinc', loc);
      }
    }
  }
  if (t.kind === 'identifier' && t.text === 'sizeof') return parseSizeof(p, loc);
  if (t.kind === 'identifier' && (t.text === '_Alignof' || t.text === '__alignof__')) {
    p.next();
    let type: CType;
    if (p.is('(') && isTypeName(p, p.peek())) { p.next(); type = parseTypeName(p); p.expect(')'); }
    else type = parseUnary(p).type;
    return intNode(BigInt(type.align), ulongType, loc);
  }
  if (t.kind === 'identifier' && t.text === '__extension__') { p.next(); return parseCast(p); }
  return parsePostfix(p);
}

function arithUnary(p: Parser, e: Expr, what: string, loc: SourceLocation): boolean {
  if (isArithmetic(e.type)) { checkNotLongDouble(p, e); return true; }
  p.error(loc, `wrong type argument to ${what}`);
  return false;
}

function parseSizeof(p: Parser, loc: SourceLocation): Expr {
  p.next();
  let type: CType;
  if (p.is('(') && isTypeName(p, p.peek())) {
    p.next();
    type = parseTypeName(p);
    p.expect(')');
    if (p.is('{')) type = parsePostfixTail(p, parseCompoundLiteral(p, type, loc)).type;
  } else type = parseUnary(p).type;
  const vlaSize = vlaSizeof(type, loc);
  if (vlaSize !== undefined) return vlaSize;
  if (type.kind === 'func') return intNode(1n, ulongType, loc);
  if (type.kind === 'void') return intNode(1n, ulongType, loc);
  if (!isComplete(type)) p.error(loc, `invalid application of 'sizeof' to incomplete type '${typeName(type)}'`);
  return intNode(BigInt(type.size), ulongType, loc);
}

/** Returns `&e` (checks that e is an lvalue or function designator, not a bit-field). */
export function addressOf(p: Parser, e: Expr, loc: SourceLocation): Expr {
  if (e.kind === 'var' && e.obj.isFunction) return { kind: 'addr', operand: e, type: pointerTo(e.type), loc };
  if (e.kind === 'deref') return castTo(e.operand, pointerTo(e.type)); // &*p == p
  if (isErrorExpr(e)) return e;
  if (!isLvalue(e)) { p.error(loc, 'lvalue required as unary \'&\' operand'); return errorExpr(loc); }
  if (e.kind === 'member' && e.member.bitWidth !== undefined) p.error(loc, `cannot take address of bit-field '${e.member.name ?? ''}'`);
  return { kind: 'addr', operand: e, type: pointerTo(e.type), loc };
}

/** Returns `*e` (checks that e is a pointer). */
export function dereference(p: Parser, e0: Expr, loc: SourceLocation): Expr {
  const e = decay(e0);
  if (isErrorExpr(e)) return e;
  if (!isPointer(e.type)) {
    p.error(loc, `invalid type argument of unary '*' (have '${typeName(e.type)}')`);
    return errorExpr(loc);
  }
  const base = e.type.base!;
  if (base.kind === 'func') return e; // *f is f
  return { kind: 'deref', operand: e, type: base, loc };
}

function incDec(p: Parser, e: Expr, sign: number, kind: 'preinc' | 'postinc', loc: SourceLocation): Expr {
  checkModifiable(p, e, kind === 'preinc' ? (sign > 0 ? 'increment operand' : 'decrement operand') : sign > 0 ? 'increment operand' : 'decrement operand');
  const t = unqual(e.type);
  if (isPointer(t)) {
    const base = t.base!;
    if (base.kind !== 'void' && !isComplete(base)) p.error(loc, `arithmetic on a pointer to an incomplete type '${typeName(base)}'`);
    return { kind, operand: e, delta: sign * (base.kind === 'void' ? 1 : base.size), type: t, loc };
  }
  if (!isArithmetic(t)) p.error(loc, `wrong type argument to ${sign > 0 ? 'increment' : 'decrement'}`);
  checkNotLongDouble(p, e);
  return { kind, operand: e, delta: sign, type: t, loc };
}

// postfix = primary postfix-tail
// postfix-tail = ("[" expr "]" | "(" args ")" | "." ident | "->" ident | "++" | "--")*
function parsePostfix(p: Parser): Expr {
  return parsePostfixTail(p, parsePrimary(p));
}

function parsePostfixTail(p: Parser, e0: Expr): Expr {
  let e = e0;
  for (;;) {
    const loc = p.loc();
    if (p.accept('[')) {
      const idx = parseExpr(p);
      p.expect(']');
      const a = decay(e);
      const b = decay(idx);
      if (!(isPointer(a.type) && isInteger(b.type)) && !(isInteger(a.type) && isPointer(b.type))) {
        if (!isErrorExpr(a) && !isErrorExpr(b)) p.error(loc, 'subscripted value is neither array nor pointer nor vector');
        e = errorExpr(loc);
        continue;
      }
      e = dereference(p, buildBinary(p, 'add', a, b, loc), loc);
    } else if (p.accept('(')) {
      e = parseCall(p, e, loc);
    } else if (p.is('.') || p.is('->')) {
      const arrow = p.next().text === '->';
      e = memberAccess(p, arrow ? dereference(p, e, loc) : e, arrow, loc);
    } else if (p.is('++') || p.is('--')) {
      e = incDec(p, e, p.next().text === '++' ? 1 : -1, 'postinc', loc);
    } else return e;
  }
}

function memberAccess(p: Parser, base: Expr, arrow: boolean, loc: SourceLocation): Expr {
  const nameTok = p.next();
  if (nameTok.kind !== 'identifier') { p.errorAt(nameTok, 'expected identifier'); throw new ParseError(); }
  if (isErrorExpr(base)) return base;
  if (!isRecord(base.type)) {
    p.error(loc, `request for member '${nameTok.text}' in something not a structure or union`);
    return errorExpr(loc);
  }
  if (!isComplete(base.type)) { p.error(loc, `invalid use of incomplete type '${typeName(base.type)}'`); return errorExpr(loc); }
  const path = findMember(base.type, nameTok.text);
  if (!path) {
    p.error(p.loc(nameTok), `'${typeName(base.type)}' has no member named '${nameTok.text}'`);
    return errorExpr(loc);
  }
  let e = base;
  for (const m of path) {
    // A bit-field reads as int (or unsigned int) when that holds its values, so it promotes as GCC does.
    const declared = m.bitWidth === undefined ? m.type : bitFieldType(m.type, m.bitWidth);
    const type = qualified(declared, !!e.type.isConst || !!m.type.isConst, !!e.type.isVolatile || !!m.type.isVolatile);
    e = { kind: 'member', operand: e, member: m, type, loc: arrow ? loc : loc };
  }
  return e;
}

// args = (assign ("," assign)*)?
function parseCall(p: Parser, callee0: Expr, loc: SourceLocation): Expr {
  const callee = decay(callee0);
  const args: Expr[] = [];
  if (!p.is(')')) {
    do args.push(parseAssign(p));
    while (p.accept(','));
  }
  p.expect(')');
  const ft = isPointer(callee.type) ? callee.type.base! : undefined;
  if (!ft || ft.kind !== 'func') {
    if (isErrorExpr(callee)) return errorExpr(loc);
    p.error(loc, 'called object is not a function or function pointer');
    return errorExpr(loc);
  }
  const name = callee.kind === 'addr' && callee.operand.kind === 'var' ? `'${callee.operand.obj.name}'` : 'function';
  const params = ft.params;
  const converted: Expr[] = [];
  if (params !== undefined) {
    if (args.length < params.length) p.error(loc, `too few arguments to function ${name}`);
    else if (args.length > params.length && !ft.variadic) p.error(loc, `too many arguments to function ${name}`);
  }
  args.forEach((a, i) => {
    const param = params?.[i];
    if (param) converted.push(assignConvert(p, a, param.type, `passing argument ${i + 1} of ${name}; initializing`));
    else {
      const d = defaultPromote(a);
      if (d.type.kind === 'void') p.error(a.loc, 'invalid use of void expression');
      converted.push(d);
    }
  });
  const ret = ft.base!;
  if (isRecord(ret) && !isComplete(ret)) p.error(loc, `calling function with incomplete return type '${typeName(ret)}'`);
  return { kind: 'call', callee, args: converted, funcType: ft, type: unqual(ret), loc };
}

// primary = "(" expr ")" | "(" "{" stmt+ "}" ")" | ident | number | char | string+
//         | "__builtin_va_arg" "(" assign "," type-name ")" | "__builtin_offsetof" "(" type-name "," ident ")"
function parsePrimary(p: Parser): Expr {
  const t = p.tok;
  const loc = p.loc(t);
  if (p.is('(') && p.peek().text === '{' && p.peek().kind === 'punct') {
    p.next();
    const e = parseStatementExpression(p, loc);
    p.expect(')');
    return e;
  }
  if (p.accept('(')) {
    const e = parseExpr(p);
    p.expect(')');
    return e;
  }
  switch (t.kind) {
    case 'number': return parseNumber(p);
    case 'char': {
      p.next();
      const r = parseCharConstant(t.text, t.prefix ?? '');
      if (!r.ok) { p.error(loc, r.message); return errorExpr(loc); }
      return intNode(r.value.value, r.value.type, loc);
    }
    case 'string': return parseString(p);
    case 'identifier': return parseIdentifier(p);
    default:
      if (t.kind === 'other') p.fail(`stray '${t.text}' in program`);
      p.fail(`expected expression before ${p.describe(t)}`);
  }
}

function parseNumber(p: Parser): Expr {
  const t = p.next();
  const loc = p.loc(t);
  const isFloatText = /^0[xX]/.test(t.text) ? /[pP]/.test(t.text) : /[.eE]/.test(t.text) || (/[fF]$/.test(t.text) && /^[0-9.]/.test(t.text) && !/^0[xX]/.test(t.text) && /\./.test(t.text));
  if (isFloatText) {
    const r = parseFloatConstant(t.text);
    if (!r.ok) { p.error(loc, r.message); return errorExpr(loc); }
    return { kind: 'float', value: r.value.value, type: r.value.type, loc };
  }
  const r = parseIntegerConstant(t.text);
  if (!r.ok) { p.error(loc, r.message); return errorExpr(loc); }
  return { kind: 'int', value: r.value.value, type: r.value.type, loc };
}

/** Parses one or more adjacent string literals into a `string` node (registered in the unit). */
export function parseString(p: Parser): Expr {
  const loc = p.loc();
  const pieces: StringPiece[] = [];
  while (p.tok.kind === 'string') {
    const t = p.next();
    pieces.push({ text: t.text, prefix: t.prefix ?? '' });
  }
  const r = parseStringLiterals(pieces);
  if (!r.ok) { p.error(loc, r.message); return stringNode(p, new Uint8Array([0]), arrayOf(charType, 1), loc); }
  return stringNode(p, r.value.bytes, r.value.type, loc);
}

export function stringNode(p: Parser, bytes: Uint8Array, type: CType, loc: SourceLocation): Expr {
  const symbol = `.L.str.${p.unit.strings.length}`;
  p.unit.strings.push({ symbol, bytes, align: type.base!.align });
  return { kind: 'string', bytes, symbol, type, loc };
}

function parseIdentifier(p: Parser): Expr {
  const t = p.tok;
  const loc = p.loc(t);
  const name = t.text;
  if (name === '__builtin_va_start' || name === '__builtin_va_end' || name === '__builtin_va_copy' || name === '__builtin_va_arg')
    return parseVaBuiltin(p, name, loc);
  if (name === '__builtin_offsetof') return parseOffsetof(p, loc);
  if (name === '__builtin_expect' || name === '__builtin_constant_p') return parseValueBuiltin(p, name, loc);
  if (name === '_Generic') return parseGeneric(p, loc);
  if (name === '__func__' || name === '__FUNCTION__' || name === '__PRETTY_FUNCTION__') {
    p.next();
    const fname = p.fn?.obj.name ?? '';
    if (!p.fn) p.warn(loc, `'${name}' is not defined outside of function scope`);
    const bytes = new Uint8Array([...new TextEncoder().encode(fname), 0]);
    return stringNode(p, bytes, arrayOf(qualified(charType, true, false), bytes.length), loc);
  }
  if (p.isKeyword(t)) p.fail(`expected expression before '${name}'`);
  p.next();
  const entry = p.scope.lookup(name);
  if (entry?.kind === 'var' && entry.obj.vlaPointer !== undefined) return vlaReference(entry.obj, loc);
  if (entry?.kind === 'var') { entry.obj.isReferenced = true; return { kind: 'var', obj: entry.obj, type: entry.obj.type, loc }; }
  if (entry?.kind === 'enum_const') return intNode(entry.value, entry.type, loc);
  if (entry?.kind === 'typedef') p.fail(`unexpected type name '${name}': expected expression`);
  if (p.undeclared.has(name)) return errorExpr(loc); // GCC: each undeclared identifier is reported only once
  p.undeclared.add(name);
  if (p.is('(')) {
    p.error(loc, `implicit declaration of function '${name}'`);
    return { kind: 'var', obj: implicitFunction(p, name, loc), type: implicitFunctionType, loc };
  }
  p.error(loc, `'${name}' undeclared${p.fn ? ' (first use in this function)' : ' here (not in a function)'}`);
  return errorExpr(loc);
}

const implicitFunctionType: CType = { kind: 'func', size: 1, align: 1, unsigned: false, base: intType, params: undefined, variadic: false };

function implicitFunction(p: Parser, name: string, loc: SourceLocation): Obj {
  const obj: Obj = { name, type: implicitFunctionType, loc, storage: 'global', isStatic: false, isExtern: true, symbol: name, align: 1, id: 0, isFunction: true };
  p.scope.declare(name, { kind: 'var', obj }); // one report per name
  return obj;
}

/** `__builtin_expect(e, c)` is `(long)e`; `__builtin_constant_p(e)` is 1 when e is a constant expression, else 0 (e is not evaluated). */
function parseValueBuiltin(p: Parser, name: string, loc: SourceLocation): Expr {
  p.next();
  p.expect('(');
  const e = decay(parseAssign(p));
  if (name === '__builtin_constant_p') {
    p.expect(')');
    return intNode(evalConst(e) !== undefined ? 1n : 0n, intType, loc);
  }
  p.expect(',');
  parseAssign(p);
  p.expect(')');
  return assignConvert(p, e, longType, "argument of '__builtin_expect'");
}

function parseVaBuiltin(p: Parser, name: string, loc: SourceLocation): Expr {
  p.next();
  p.expect('(');
  const ap = parseAssign(p);
  const checkAp = (e: Expr): void => {
    if (!e.type.isVaList && !(e.type.kind === 'ptr' && unqual(e.type).isVaList)) p.error(e.loc, `first argument to '${name}' not of type 'va_list'`);
  };
  checkAp(ap);
  let result: Expr;
  if (name === '__builtin_va_arg') {
    p.expect(',');
    const type = parseTypeName(p);
    if (!isComplete(type)) p.error(loc, `second argument to 'va_arg' is of incomplete type '${typeName(type)}'`);
    result = { kind: 'va_arg', ap, type: unqual(type), loc };
  } else if (name === '__builtin_va_start') {
    p.expect(',');
    parseAssign(p);
    if (!p.fn || !p.fn.type.variadic) p.error(loc, "'va_start' used in function with fixed arguments");
    result = { kind: 'va_start', ap, type: voidType, loc };
  } else if (name === '__builtin_va_copy') {
    p.expect(',');
    const src = parseAssign(p);
    result = { kind: 'va_copy', dst: ap, src: decay(src), type: voidType, loc };
  } else {
    result = { kind: 'va_end', ap, type: voidType, loc };
  }
  if (result.kind !== 'va_copy' && !isLvalue(ap)) p.error(ap.loc, `'${name}' needs an lvalue va_list`);
  p.expect(')');
  return result;
}

// generic-selection = "_Generic" "(" assign ("," (type-name | "default") ":" assign)+ ")"
function parseGeneric(p: Parser, loc: SourceLocation): Expr {
  p.next();
  p.expect('(');
  const control = decay(parseAssign(p));
  const ctype = unqual(control.type);
  let chosen: Expr | undefined;
  let fallback: Expr | undefined;
  while (p.accept(',')) {
    const isDefault = p.accept('default');
    const type = isDefault ? undefined : parseTypeName(p);
    p.expect(':');
    const e = parseAssign(p);
    if (type === undefined) fallback = e;
    else if (compatible(ctype, type)) {
      if (chosen) p.error(e.loc, `'_Generic' selector matches multiple associations`);
      chosen = e;
    }
  }
  p.expect(')');
  const result = chosen ?? fallback;
  if (!result) { p.error(loc, `'_Generic' selector of type '${typeName(ctype)}' is not compatible with any association`); return errorExpr(loc); }
  return result;
}

function parseOffsetof(p: Parser, loc: SourceLocation): Expr {
  p.next();
  p.expect('(');
  const type = parseTypeName(p);
  p.expect(',');
  let offset = 0;
  let cur = type;
  do {
    const id = p.next();
    const path = isRecord(cur) ? findMember(cur, id.text) : undefined;
    if (!path) { p.errorAt(id, `'${typeName(cur)}' has no member named '${id.text}'`); break; }
    for (const m of path) offset += m.offset;
    cur = path.at(-1)!.type;
    while (p.accept('[')) {
      const i = evalInteger(parseExpr(p));
      p.expect(']');
      if (cur.kind === 'array') { offset += Number(i ?? 0n) * cur.base!.size; cur = cur.base!; }
    }
  } while (p.accept('.'));
  p.expect(')');
  return intNode(BigInt(offset), ulongType, loc);
}

/** Parses a constant expression and returns its integer value (reports and returns undefined when not constant). */
export function parseConstantInteger(p: Parser, what: string, notConstant?: string): { value: bigint; loc: SourceLocation } | undefined {
  const loc = p.loc();
  const e = parseConditional(p);
  if (!isInteger(e.type)) { p.error(loc, `${what} has non-integer type '${typeName(e.type)}'`); return undefined; }
  const v = evalInteger(e);
  if (v === undefined) { p.error(loc, notConstant ?? `${what} is not an integer constant expression`); return undefined; }
  return { value: v, loc };
}
