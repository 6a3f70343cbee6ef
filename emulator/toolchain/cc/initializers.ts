// Initializers (C11 6.7.9): nested brace lists with brace elision, designated
// initializers (`[i] =`, `.f =`), string literals for char arrays, sizes of
// `T[]` from the initializer; flattened to static data items (offset, size,
// value | relocation) for static objects, or to a list of stores for locals.

import type { SourceLocation } from '../asm/diagnostics.ts';
import type { Expr, InitStore, Obj, StaticInit, StaticInitItem } from './ast.ts';
import { evalConst } from './const-eval.ts';
import { assignConvert, intNode } from './conversions.ts';
import { parseAssign, parseConstantInteger } from './parse-expression.ts';
import { ParseError, type Parser } from './parser.ts';
import { type CType, type Member, arrayOf, compatible, isRecord, typeName, unqual } from './types.ts';

/** The initializer of one (sub)object, shaped like its type. */
export interface InitNode {
  type: CType;
  /** Scalar or whole-struct initializer expression (already converted). */
  expr?: Expr;
  /** Array elements / struct members (union: only the active one is set). */
  children?: (InitNode | undefined)[];
  /** Member for struct/union children (index matches `children`). */
  member?: Member;
  loc?: SourceLocation;
}

function newNode(type: CType, member?: Member): InitNode {
  return { type, member };
}

function membersOf(t: CType): Member[] {
  return unqual(t).members ?? [];
}

/** Returns the child node at `index` (creating it; arrays of unknown length grow). */
function childAt(node: InitNode, index: number): InitNode | undefined {
  node.children ??= [];
  const t = node.type;
  if (t.kind === 'array') {
    if (t.arrayLen! >= 0 && index >= t.arrayLen!) return undefined;
    node.children[index] ??= newNode(t.base!);
    return node.children[index];
  }
  const members = membersOf(t);
  if (index >= members.length) return undefined;
  if (t.kind === 'union') node.children = node.children.map((c, i) => (i === index ? c : undefined));
  node.children[index] ??= newNode(members[index].type, members[index]);
  return node.children[index];
}

function isCharArray(t: CType): boolean {
  return t.kind === 'array' && (t.base!.kind === 'char' || (t.base!.kind === 'int' && t.base!.size === 4) || t.base!.kind === 'short');
}

/** True at `}` or `, }`, consuming them. */
function consumeEnd(p: Parser): boolean {
  if (p.accept('}')) return true;
  if (p.is(',') && p.peek().text === '}') { p.next(); p.next(); return true; }
  return false;
}

/**
 * Parses an initializer for an object of type `type`. Returns the tree; its
 * `type` is completed for `T[]` (length from the initializer). Reports type
 * mismatches and excess elements (a warning, as GCC).
 */
export function parseInitializer(p: Parser, type: CType): InitNode {
  const root = newNode(type);
  initializer(p, root);
  if (type.kind === 'array' && type.arrayLen! < 0) root.type = arrayOf(type.base!, Math.max(root.children?.length ?? 0, 0));
  return root;
}

// initializer = string-literal | "{" initializer-list "}" | assign
function initializer(p: Parser, node: InitNode): void {
  const t = node.type;
  node.loc = p.loc();
  if (isCharArray(t) && p.tok.kind === 'string') { stringInit(p, node); return; }
  if (isCharArray(t) && p.is('{') && p.peek().kind === 'string' && (p.peek(2).text === '}')) {
    p.next(); stringInit(p, node); p.expect('}'); return;
  }
  if (t.kind === 'array') { if (p.is('{')) bracedList(p, node); else unbracedList(p, node); return; }
  if (isRecord(t)) {
    if (p.is('{')) { bracedList(p, node); return; }
    const start = p.pos;
    const diagCount = p.diags.items.length;
    const strings = p.unit.strings.length;
    const e = parseAssign(p);
    if (isRecord(e.type) && compatible(e.type, t, true)) { node.expr = e; return; }
    p.pos = start; // brace elision: the expression initializes the first member
    p.diags.items.length = diagCount;
    p.unit.strings.length = strings;
    unbracedList(p, node);
    return;
  }
  if (p.accept('{')) {
    if (p.is('}')) { p.next(); node.expr = intNode(0n, unqual(t), node.loc); return; } // `{}` (C2x / GNU)
    initializer(p, node);
    while (p.is(',') && p.peek().text !== '}') { p.next(); p.warn(p.loc(), 'excess elements in scalar initializer'); parseAssign(p); }
    if (!consumeEnd(p)) p.expect('}');
    return;
  }
  node.expr = assignConvert(p, parseAssign(p), t, 'initializing');
}

function stringInit(p: Parser, node: InitNode): void {
  const loc = p.loc();
  const s = parseAssign(p);
  if (s.kind !== 'string') { p.error(loc, 'array initialized from non-constant array expression'); return; }
  const elem = node.type.base!;
  const strElem = s.type.base!;
  if (strElem.size !== elem.size) p.error(loc, `cannot initialize array of '${typeName(elem)}' from a string literal with type array of '${typeName(strElem)}'`);
  const count = s.bytes.length / strElem.size;
  const len = node.type.arrayLen! < 0 ? count : node.type.arrayLen!;
  if (node.type.arrayLen! >= 0 && count - 1 > len) p.warn(loc, 'initializer-string for array is too long');
  node.children = [];
  for (let i = 0; i < Math.min(len, count); i++) {
    let v = 0n;
    for (let b = 0; b < strElem.size; b++) v |= BigInt(s.bytes[i * strElem.size + b]) << BigInt(8 * b);
    node.children[i] = { type: elem, expr: intNode(v, unqual(elem), loc) };
  }
  if (node.type.arrayLen! < 0) node.children.length = count;
}

// initializer-list = "{" (designation? initializer ("," designation? initializer)*)? ","? "}"
function bracedList(p: Parser, node: InitNode): void {
  p.expect('{');
  let index = 0;
  let first = true;
  while (!consumeEnd(p)) {
    if (p.tok.kind === 'eof') p.fail("expected '}' before end of input");
    if (!first) p.expect(',');
    first = false;
    if (p.is('[') || p.is('.')) { index = designation(p, node) + 1; continue; }
    const child = childAt(node, index);
    if (child) initializer(p, child);
    else { if (index === membersLength(node)) p.warn(p.loc(), `excess elements in ${node.type.kind === 'array' ? 'array' : node.type.kind} initializer`); skipInitializer(p); }
    index++;
    if (node.type.kind === 'union' && !p.is('}') && !(p.is(',') && p.peek().text === '}')) { /* further items are excess */ }
  }
}

function membersLength(node: InitNode): number {
  return node.type.kind === 'array' ? node.type.arrayLen! : membersOf(node.type).length;
}

/** Elements without braces: fill `node` from the enclosing list until it is full or a designator/`}` is seen. */
function unbracedList(p: Parser, node: InitNode, from = 0): void {
  const limit = node.type.kind === 'union' ? 1 : membersLength(node);
  for (let index = from; limit < 0 || index < limit; index++) {
    if (index > 0) {
      if (!p.is(',') || p.peek().text === '}' || p.peek().text === '[' || p.peek().text === '.') return;
      p.next();
    }
    const child = childAt(node, index);
    if (!child) return;
    initializer(p, child);
  }
}

function skipInitializer(p: Parser): void {
  if (p.is('{')) { let depth = 0; do { if (p.is('{')) depth++; else if (p.is('}')) depth--; p.next(); } while (depth > 0 && p.tok.kind !== 'eof'); return; }
  parseAssign(p);
}

// designation = ("[" const-expr "]" | "." ident)+ "="? initializer
// Returns the index (in `node`) of the first designated element.
function designation(p: Parser, node: InitNode): number {
  let index: number;
  let child: InitNode | undefined;
  if (p.accept('[')) {
    const v = parseConstantInteger(p, 'array index in initializer');
    p.expect(']');
    index = Number(v?.value ?? 0n);
    if (node.type.kind !== 'array') p.errorAt(p.prev, 'array index in non-array initializer');
    else if (index < 0 || (node.type.arrayLen! >= 0 && index >= node.type.arrayLen!)) p.errorAt(p.prev, 'array index in initializer exceeds array bounds');
    else if (node.type.arrayLen! < 0 && index >= 0x1000_0000) { p.errorAt(p.prev, 'size of array is too large'); throw new ParseError(); }
    child = node.type.kind === 'array' ? childAt(node, index) : undefined;
  } else {
    p.expect('.');
    const id = p.next();
    if (!isRecord(node.type)) { p.errorAt(id, `field name not in record or union initializer`); throw new ParseError(); }
    const members = membersOf(node.type);
    index = members.findIndex((m) => m.name === id.text);
    if (index < 0) {
      const anon = members.findIndex((m) => m.name === undefined && isRecord(m.type) && hasMemberDeep(m.type, id.text));
      if (anon < 0) { p.errorAt(id, `unknown field '${id.text}' specified in initializer`); throw new ParseError(); }
      p.pos -= 2; // re-read `.name` inside the anonymous member
      const inner = childAt(node, anon)!;
      unbracedList(p, inner, designation(p, inner) + 1);
      return anon;
    }
    child = childAt(node, index);
  }
  if (!child) { skipDesignated(p); return index; }
  // After a nested designator, following initializers continue in the innermost aggregate (6.7.9p17).
  if (p.is('[') || p.is('.')) unbracedList(p, child, designation(p, child) + 1);
  else { p.accept('='); initializer(p, child); }
  return index;
}

function hasMemberDeep(t: CType, name: string): boolean {
  return membersOf(t).some((m) => m.name === name || (m.name === undefined && isRecord(m.type) && hasMemberDeep(m.type, name)));
}

function skipDesignated(p: Parser): void {
  while (p.accept('[')) { parseConstantInteger(p, 'array index'); p.expect(']'); }
  p.accept('=');
  skipInitializer(p);
}

/** Parses the braces of a compound literal `(T){...}` (after the type) into an object expression. */
export function parseCompoundLiteral(p: Parser, type: CType, loc: SourceLocation): Expr {
  const init = parseInitializer(p, type);
  const atFile = p.fn === undefined;
  const obj: Obj = {
    name: `.compound.${p.nextId()}`, type: init.type, loc, storage: atFile ? 'global' : 'local', isStatic: true, isExtern: false,
    symbol: `.L.compound.${p.nextId()}`, align: init.type.align, id: p.nextId(), isFunction: false,
  };
  if (atFile) {
    obj.init = staticInitializer(p, obj, init);
    p.addGlobal(obj);
    return { kind: 'var', obj, type: obj.type, loc };
  }
  p.fn!.locals.push(obj);
  const r = localInitializer(p, init);
  return { kind: 'compound_literal', obj, stores: r.stores, zeroFill: r.zeroFill, type: obj.type, loc };
}

/** Walks the tree calling `leaf` for each initialized scalar (or whole-struct) with its byte offset. */
function walk(node: InitNode, offset: number, leaf: (n: InitNode, offset: number) => void): void {
  if (node.expr) { leaf(node, offset); return; }
  node.children?.forEach((c, i) => {
    if (!c) return;
    const off = node.type.kind === 'array' ? offset + i * node.type.base!.size : offset + (c.member?.offset ?? 0);
    walk(c, off, leaf);
  });
}

/**
 * Flattens the initializer of a static object to data items; reports an
 * initializer element that is not a constant ("initializer element is not
 * constant").
 */
export function staticInitializer(p: Parser, obj: Obj, init: InitNode): StaticInit {
  obj.type = init.type;
  const items: StaticInitItem[] = [];
  walk(init, 0, (n, offset) => {
    const e = n.expr!;
    if (isRecord(e.type)) { p.error(e.loc, 'initializer element is not constant'); return; }
    const v = evalConst(e);
    const size = n.type.size;
    const bits = n.member?.bitWidth !== undefined ? { bitWidth: n.member.bitWidth, bitOffset: n.member.bitOffset } : {};
    if (v === undefined) { p.error(e.loc, 'initializer element is not constant'); return; }
    if (v.kind === 'int') items.push({ kind: 'int', offset, size, value: v.value, ...bits });
    else if (v.kind === 'float') items.push({ kind: 'int', offset, size, value: floatBits(v.value, size) });
    else if (size !== 8) p.error(e.loc, 'initializer element is not computable at load time');
    else items.push({ kind: 'reloc', offset, size, symbol: v.symbol, addend: v.addend });
  });
  items.sort((a, b) => a.offset - b.offset);
  return { size: init.type.size, items };
}

/**
 * Returns the IEEE bits of a float (size 4), double (size 8) or long double
 * (size 16, binary128: the front end keeps long double values as doubles, so
 * the quad has at most double precision) as an unsigned bigint.
 */
export function floatBits(value: number, size: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  if (size === 4) { view.setFloat32(0, value, true); return BigInt(view.getUint32(0, true)); }
  view.setFloat64(0, value, true);
  const bits = view.getBigUint64(0, true);
  return size === 16 ? doubleToQuadBits(bits) : bits;
}

/** binary64 bits -> binary128 bits (exact: every double is a quad). */
function doubleToQuadBits(bits: bigint): bigint {
  const sign = bits >> 63n;
  let exp = (bits >> 52n) & 0x7ffn;
  let frac = bits & ((1n << 52n) - 1n);
  if (exp === 0x7ffn) exp = 0x7fffn;
  else if (exp !== 0n) exp += 16383n - 1023n;
  else if (frac !== 0n) {
    // A subnormal double is a normal quad: shift the fraction up to its leading 1.
    let e = 1n - 1023n;
    while ((frac & (1n << 52n)) === 0n) { frac <<= 1n; e--; }
    frac &= (1n << 52n) - 1n;
    exp = e + 16383n;
  }
  return (sign << 127n) | (exp << 112n) | (frac << 60n);
}

/** Returns the stores that initialize a local object, and whether it must be zeroed first (aggregates). */
export function localInitializer(_p: Parser, init: InitNode): { stores: InitStore[]; zeroFill: boolean } {
  const stores: InitStore[] = [];
  walk(init, 0, (n, offset) => stores.push({ offset, type: n.type, value: n.expr!, member: n.member?.bitWidth !== undefined ? n.member : undefined }));
  const zeroFill = init.expr === undefined;
  return { stores, zeroFill };
}
