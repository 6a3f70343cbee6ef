// Declaration parser of the C front end (C11 6.7): declaration specifiers,
// declarators, struct/union/enum specifiers with layout, typedef names,
// attributes, type names, and the declarations of file and block scope
// (objects with their initializers, function definitions).

import type { SourceLocation } from '../asm/diagnostics.ts';
import type { Expr, Obj, Stmt } from './ast.ts';
import { parseInitializer, staticInitializer, localInitializer } from './initializers.ts';
import { parseConstantInteger } from './parse-expression.ts';
import { parseFunctionBody, parseStaticAssert } from './parse-statement.ts';
import { declareVla, parseArraySizeInFunction, rejectNestedVla, rejectVla, vlaType } from './vla.ts';
import { ParseError, type Parser } from './parser.ts';
import type { ScopeEntry } from './scope.ts';
import {
  type CType, type MemberDecl, type Param, arrayOf, boolType, charType, compatible, doubleType, enumType, floatType,
  funcType, intOf, intType, isComplete, isInteger, isRecord, layoutRecord, ldoubleType, longType, pointerTo,
  qualified, recordType, scharType, typeName, ucharType, uintType, ulongType, vaListType, voidType,
} from './types.ts';

/** GCC attributes the front end keeps. */
export interface Attributes {
  noreturn?: boolean;
  packed?: boolean;
  aligned?: number;
  section?: string;
  unused?: boolean;
  used?: boolean;
  weak?: boolean;
}

/** Parsed declaration specifiers. */
export interface DeclSpec {
  type: CType;
  storage?: 'typedef' | 'extern' | 'static' | 'auto' | 'register';
  isInline: boolean;
  isNoreturn: boolean;
  alignAs: number;
  attrs: Attributes;
  loc: SourceLocation;
}

const typeSpecifierWords = new Set([
  'void', '_Bool', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned', '__signed__',
  'struct', 'union', 'enum', '_Complex', '__builtin_va_list', 'typeof', '__typeof__',
]);
const qualifierWords = new Set(['const', 'volatile', 'restrict', '__restrict', '__restrict__', '__volatile__', '__const', '__const__', '_Atomic']);
const otherSpecWords = new Set([
  'typedef', 'extern', 'static', 'auto', 'register', 'inline', '__inline', '__inline__', '_Noreturn',
  '_Alignas', '__attribute__', '_Thread_local', '__thread',
]);

/** True when `t` starts a type name (a specifier/qualifier keyword or a visible typedef name). */
export function isTypeName(p: Parser, t = p.tok): boolean {
  if (t.kind !== 'identifier') return false;
  if (typeSpecifierWords.has(t.text) || qualifierWords.has(t.text) || otherSpecWords.has(t.text)) return true;
  return p.scope.lookup(t.text)?.kind === 'typedef';
}

// attribute = "__attribute__" "(" "(" (attr ("," attr)*)? ")" ")"
// attr = ident ("(" args ")")?
export function parseAttributes(p: Parser, attrs: Attributes): void {
  while (p.is('__attribute__')) {
    p.next();
    p.expect('(');
    p.expect('(');
    while (!p.is(')')) {
      const name = p.next().text.replace(/^__(.*)__$/, '$1');
      let args: string[] = [];
      if (p.accept('(')) args = parseAttributeArgs(p);
      if (name === 'noreturn') attrs.noreturn = true;
      else if (name === 'packed') attrs.packed = true;
      else if (name === 'aligned') attrs.aligned = Math.max(attrs.aligned ?? 0, args.length > 0 ? Number(args[0]) : 16);
      else if (name === 'section') attrs.section = args[0]?.replace(/^"|"$/g, '');
      else if (name === 'unused') attrs.unused = true;
      else if (name === 'used') attrs.used = true;
      else if (name === 'weak') attrs.weak = true;
      if (!p.accept(',')) break;
    }
    p.expect(')');
    p.expect(')');
  }
}

/** Parses attribute arguments up to the closing ')': constant integers evaluated, strings kept as written. */
function parseAttributeArgs(p: Parser): string[] {
  const args: string[] = [];
  while (!p.is(')') && p.tok.kind !== 'eof') {
    if (p.tok.kind === 'string') args.push(p.next().text);
    else if (p.tok.kind === 'identifier' && (p.peek().text === ',' || p.peek().text === ')')) args.push(p.next().text);
    else {
      const v = parseConstantInteger(p, 'attribute argument');
      args.push(String(v?.value ?? 0n));
    }
    if (!p.accept(',')) break;
  }
  p.expect(')');
  return args;
}

/** Counts of type specifier words, combined into a type at the end (6.7.2p2). */
interface SpecCounts { [word: string]: number }

// declspec = ("void" | "_Bool" | "char" | "short" | "int" | "long" | "float" | "double" | "signed" | "unsigned"
//            | struct-or-union-spec | enum-spec | typedef-name | "typedef" | "static" | "extern" | "inline"
//            | "_Noreturn" | "_Alignas" "(" ... ")" | "const" | "volatile" | "restrict" | attribute)+
export function parseDeclSpec(p: Parser, allowStorage: boolean): DeclSpec {
  const spec: DeclSpec = { type: intType, isInline: false, isNoreturn: false, alignAs: 0, attrs: {}, loc: p.loc() };
  const counts: SpecCounts = {};
  let named: CType | undefined;
  let isConst = false;
  let isVolatile = false;
  let any = false;
  for (;;) {
    const t = p.tok;
    if (t.kind !== 'identifier') break;
    const w = t.text;
    if (w === '__attribute__') { parseAttributes(p, spec.attrs); any = true; continue; }
    if (['typedef', 'extern', 'static', 'auto', 'register'].includes(w)) {
      if (!allowStorage) p.errorAt(t, `storage class specified for a type name or member`);
      else if (spec.storage !== undefined && !(spec.storage === w)) p.errorAt(t, 'multiple storage classes in declaration specifiers');
      spec.storage = w as DeclSpec['storage'];
      p.next(); any = true; continue;
    }
    if (w === '_Thread_local' || w === '__thread') { p.errorAt(t, 'thread-local storage is not supported'); p.next(); continue; }
    if (w === 'inline' || w === '__inline' || w === '__inline__') { spec.isInline = true; p.next(); any = true; continue; }
    if (w === '_Noreturn') { spec.isNoreturn = true; p.next(); any = true; continue; }
    if (w === '__extension__') { p.next(); continue; }
    if (qualifierWords.has(w)) {
      if (w === 'const' || w === '__const' || w === '__const__') isConst = true;
      if (w === 'volatile' || w === '__volatile__') isVolatile = true;
      if (w === '_Atomic') p.errorAt(t, '_Atomic is not supported');
      p.next(); any = true; continue;
    }
    if (w === '_Alignas') { spec.alignAs = Math.max(spec.alignAs, parseAlignas(p)); any = true; continue; }
    if (w === 'struct' || w === 'union' || w === 'enum' || w === '__builtin_va_list' || w === 'typeof' || w === '__typeof__') {
      if (named || Object.keys(counts).length > 0) p.errorAt(t, 'two or more data types in declaration specifiers');
      p.next();
      if (w === 'enum') named = parseEnumSpec(p);
      else if (w === '__builtin_va_list') named = vaListType;
      else if (w === 'typeof' || w === '__typeof__') named = parseTypeof(p);
      else named = parseRecordSpec(p, w);
      any = true;
      continue;
    }
    if (typeSpecifierWords.has(w)) {
      if (named) p.errorAt(t, 'two or more data types in declaration specifiers');
      const key = w === '__signed__' ? 'signed' : w;
      counts[key] = (counts[key] ?? 0) + 1;
      if (w === '_Complex') p.errorAt(t, '_Complex is not supported');
      p.next(); any = true; continue;
    }
    const entry = named === undefined && Object.keys(counts).length === 0 ? p.scope.lookup(w) : undefined;
    if (entry?.kind === 'typedef') { named = entry.type; p.next(); any = true; continue; }
    break;
  }
  if (!any) p.fail(`unknown type name '${p.tok.text}'`);
  const base = named ?? combineSpecifiers(p, counts, spec.loc);
  spec.type = qualified(base, isConst, isVolatile);
  return spec;
}

function parseTypeof(p: Parser): CType {
  p.expect('(');
  let t: CType;
  if (isTypeName(p)) t = parseTypeName(p);
  else t = parseExprForTypeof(p);
  p.expect(')');
  return t;
}

let exprParserForTypeof: ((p: Parser) => CType) | undefined;
/** Installed by the expression module (avoids an import cycle at load time). */
export function setTypeofParser(f: (p: Parser) => CType): void {
  exprParserForTypeof = f;
}
function parseExprForTypeof(p: Parser): CType {
  return exprParserForTypeof ? exprParserForTypeof(p) : intType;
}

function parseAlignas(p: Parser): number {
  p.next();
  p.expect('(');
  let align: number;
  if (isTypeName(p)) align = parseTypeName(p).align;
  else align = Number(parseConstantInteger(p, "requested alignment")?.value ?? 1n);
  p.expect(')');
  if (align !== 0 && (align & (align - 1)) !== 0) p.errorAt(p.prev, 'requested alignment is not a positive power of 2');
  return align;
}

/** Maps a multiset of specifier words to a type (6.7.2p2), reporting invalid combinations. */
function combineSpecifiers(p: Parser, c: SpecCounts, loc: SourceLocation): CType {
  const has = (w: string): number => c[w] ?? 0;
  const unsigned = has('unsigned') > 0;
  const signed = has('signed') > 0;
  const words = Object.keys(c).filter((w) => w !== 'signed' && w !== 'unsigned' && w !== '_Complex');
  const key = words.sort().map((w) => (w === 'long' && c[w] === 2 ? 'long long' : w)).join(' ');
  if (unsigned && signed) p.error(loc, "both 'signed' and 'unsigned' in declaration specifiers");
  if (Object.entries(c).some(([w, n]) => n > (w === 'long' ? 2 : 1))) { p.error(loc, 'invalid combination of type specifiers'); return intType; }
  const bad = (): CType => { p.error(loc, 'invalid combination of type specifiers'); return intType; };
  switch (key) {
    case '': return unsigned ? intOf('int', true) : signed ? intType : (p.warn(loc, "type defaults to 'int' in declaration"), intType);
    case 'void': return unsigned || signed ? bad() : voidType;
    case '_Bool': return unsigned || signed ? bad() : boolType;
    case 'char': return unsigned ? ucharType : signed ? scharType : charType;
    case 'short': case 'int short': return intOf('short', unsigned);
    case 'int': return intOf('int', unsigned);
    case 'long': case 'int long': return intOf('long', unsigned);
    case 'long long': case 'int long long': return intOf('llong', unsigned);
    case 'float': return unsigned || signed ? bad() : floatType;
    case 'double': return unsigned || signed ? bad() : doubleType;
    case 'double long': return unsigned || signed ? bad() : ldoubleType;
    default: return bad();
  }
}

// struct-or-union-spec = attribute* ident? ("{" struct-declaration* "}")? attribute*
function parseRecordSpec(p: Parser, kind: 'struct' | 'union'): CType {
  const attrs: Attributes = {};
  parseAttributes(p, attrs);
  let tag: string | undefined;
  const tagTok = p.tok;
  if (p.tok.kind === 'identifier' && !p.isKeyword(p.tok)) tag = p.next().text;
  if (tag === undefined && !p.is('{')) p.fail(`expected '{' or identifier after '${kind}'`);
  if (!p.is('{')) {
    const existing = tag !== undefined ? p.scope.lookupTag(tag) : undefined;
    if (existing) {
      if (existing.kind !== kind) p.errorAt(tagTok, `'${tag}' defined as wrong kind of tag`);
      return existing;
    }
    const t = recordType(kind, tag);
    p.scope.declareTag(tag!, t);
    return t;
  }
  let rec = tag !== undefined ? p.scope.lookupTagCurrent(tag) : undefined;
  if (rec && rec.kind !== kind) { p.errorAt(tagTok, `'${tag}' defined as wrong kind of tag`); rec = undefined; }
  if (rec?.members !== undefined) { p.errorAt(tagTok, `redefinition of '${kind} ${tag}'`); rec = undefined; }
  if (!rec) {
    rec = recordType(kind, tag);
    if (tag !== undefined) p.scope.declareTag(tag, rec);
  }
  p.next();
  const decls = parseMemberDeclarations(p);
  parseAttributes(p, attrs);
  layoutRecord(rec, decls, !!attrs.packed, attrs.aligned ?? 0, p.pack.maxAlign);
  return rec;
}

// struct-declaration = declspec (member-declarator ("," member-declarator)*)? ";" | static-assert
// member-declarator = declarator (":" const-expr)? | ":" const-expr
function parseMemberDeclarations(p: Parser): MemberDecl[] {
  const decls: MemberDecl[] = [];
  const names = new Set<string>();
  while (!p.accept('}')) {
    if (p.tok.kind === 'eof') p.fail("expected '}' at end of input");
    if (p.is('_Static_assert')) { parseStaticAssert(p); continue; }
    if (p.accept(';')) continue;
    try {
      const spec = parseDeclSpec(p, false);
      if (p.accept(';')) {
        if (isRecord(spec.type)) decls.push({ name: undefined, type: spec.type, alignAs: spec.alignAs, packed: !!spec.attrs.packed });
        else p.warn(spec.loc, 'declaration does not declare anything');
        continue;
      }
      do {
        const attrs: Attributes = { ...spec.attrs };
        let d: Declarator = { name: undefined, loc: p.loc(), type: spec.type };
        if (!p.is(':')) d = parseDeclarator(p, spec.type);
        let bitWidth: number | undefined;
        if (p.accept(':')) bitWidth = parseBitWidth(p, d);
        parseAttributes(p, attrs);
        if (d.name !== undefined) {
          if (names.has(d.name)) p.error(d.loc, `duplicate member '${d.name}'`);
          names.add(d.name);
        }
        checkMemberType(p, d);
        decls.push({ name: d.name, type: d.type, bitWidth, alignAs: Math.max(spec.alignAs, attrs.aligned ?? 0), packed: !!attrs.packed });
      } while (p.accept(','));
      p.expect(';', ' at end of member declaration');
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      p.recover();
    }
  }
  return decls;
}

function checkMemberType(p: Parser, d: Declarator): void {
  rejectVla(p, d.type, d.loc, 'member');
  if (d.type.kind === 'func') p.error(d.loc, `field '${d.name ?? ''}' declared as a function`);
  else if (d.type.kind === 'array' && (d.type.arrayLen ?? 0) < 0) d.type = arrayOf(d.type.base!, 0); // flexible array member
  else if (!isComplete(d.type)) p.error(d.loc, `field '${d.name ?? ''}' has incomplete type`);
}

function parseBitWidth(p: Parser, d: Declarator): number {
  const v = parseConstantInteger(p, 'bit-field width');
  const width = Number(v?.value ?? 1n);
  if (!isInteger(d.type)) p.error(d.loc, `bit-field '${d.name ?? ''}' has invalid type`);
  else if (width < 0) p.error(d.loc, `negative width in bit-field '${d.name ?? ''}'`);
  else if (width > d.type.size * 8) p.error(d.loc, `width of '${d.name ?? ''}' exceeds its type`);
  else if (width === 0 && d.name !== undefined) p.error(d.loc, `zero width for bit-field '${d.name}'`);
  return Math.max(0, Math.min(width, d.type.size * 8));
}

/** An enumerator's type: int, or (GNU C, C23) unsigned int / long / unsigned long for a value outside int. */
function enumConstantType(value: bigint): CType {
  if (value >= -(1n << 31n) && value < 1n << 31n) return intType;
  if (value >= 0n && value < 1n << 32n) return uintType;
  return value < 1n << 63n ? longType : ulongType;
}

// enum-spec = ident? "{" enum-list? "}" | ident
// enum-list = ident ("=" const-expr)? ("," ident ("=" const-expr)?)* ","?
function parseEnumSpec(p: Parser): CType {
  const attrs: Attributes = {};
  parseAttributes(p, attrs);
  let tag: string | undefined;
  const tagTok = p.tok;
  if (p.tok.kind === 'identifier' && !p.isKeyword(p.tok)) tag = p.next().text;
  if (!p.is('{')) {
    if (tag === undefined) p.fail("expected '{' or identifier after 'enum'");
    const existing = p.scope.lookupTag(tag);
    if (existing) return existing;
    p.errorAt(tagTok, `use of undeclared enum '${tag}'`);
    const t = enumType(tag);
    p.scope.declareTag(tag, t);
    return t;
  }
  p.next();
  const t = enumType(tag);
  if (tag !== undefined) {
    if (p.scope.lookupTagCurrent(tag)?.members !== undefined || p.scope.lookupTagCurrent(tag)?.kind === 'enum') p.errorAt(tagTok, `redeclaration of 'enum ${tag}'`);
    p.scope.declareTag(tag, t);
  }
  let value = 0n;
  let min = 0n;
  let max = 0n;
  while (!p.accept('}')) {
    const id = p.next();
    if (id.kind !== 'identifier' || p.isKeyword(id)) { p.errorAt(id, 'expected identifier'); throw new ParseError(); }
    parseAttributes(p, attrs);
    if (p.accept('=')) value = parseConstantInteger(p, 'enumerator value')?.value ?? value;
    declareOrdinary(p, id.text, { kind: 'enum_const', value, type: enumConstantType(value), loc: p.loc(id) }, p.loc(id));
    if (value < min) min = value;
    if (value > max) max = value;
    value++;
    if (!p.accept(',')) { p.expect('}'); break; }
  }
  if (min < -(1n << 31n) || max >= 1n << 32n) { t.size = 8; t.align = 8; }
  if (min >= 0n && max >= 1n << 31n) t.unsigned = true;
  parseAttributes(p, attrs);
  return t;
}

/** A parsed declarator: the declared name (undefined when abstract), its location and full type. */
export interface Declarator {
  name: string | undefined;
  loc: SourceLocation;
  type: CType;
  attrs?: Attributes;
}

// declarator = pointers ("(" declarator ")" | ident?) type-suffix*
// pointers = ("*" ("const" | "volatile" | "restrict" | attribute)*)*
export function parseDeclarator(p: Parser, base: CType, attrs?: Attributes): Declarator {
  const shape = parseDeclaratorShape(p, attrs);
  return { name: shape.name, loc: shape.loc, type: shape.apply(base), attrs };
}

/** A declarator parsed once, applied to its base type afterwards (nested declarators compose). */
interface DeclaratorShape {
  name: string | undefined;
  loc: SourceLocation;
  apply: (base: CType) => CType;
}

function parseDeclaratorShape(p: Parser, attrs?: Attributes): DeclaratorShape {
  const pointers: { c: boolean; v: boolean }[] = [];
  while (p.accept('*')) {
    let c = false;
    let v = false;
    for (;;) {
      if (p.is('const') || p.is('__const') || p.is('__const__')) { c = true; p.next(); }
      else if (p.is('volatile') || p.is('__volatile__')) { v = true; p.next(); }
      else if (p.is('restrict') || p.is('__restrict') || p.is('__restrict__') || p.is('_Atomic')) p.next();
      else if (p.is('__attribute__')) parseAttributes(p, attrs ?? {});
      else break;
    }
    pointers.push({ c, v });
  }
  const withPointers = (base: CType): CType => pointers.reduce((t, q) => qualified(pointerTo(t), q.c, q.v), base);
  if (p.is('(') && !isTypeName(p, p.peek()) && !p.peek().text.startsWith(')')) {
    p.next();
    if (p.is('__attribute__')) parseAttributes(p, attrs ?? {});
    const inner = parseDeclaratorShape(p, attrs);
    p.expect(')');
    const suffix = parseTypeSuffix(p);
    return { name: inner.name, loc: inner.loc, apply: (base) => inner.apply(suffix(withPointers(base))) };
  }
  let name: string | undefined;
  const loc = p.loc();
  if (p.tok.kind === 'identifier' && !p.isKeyword(p.tok)) name = p.next().text;
  const suffix = parseTypeSuffix(p);
  if (p.is('__asm__') || p.is('__asm') || p.is('asm')) { p.next(); p.expect('('); while (p.tok.kind === 'string') p.next(); p.expect(')'); }
  if (attrs) parseAttributes(p, attrs);
  return { name, loc, apply: (base) => suffix(withPointers(base)) };
}

// type-suffix = "(" func-params | "[" array-dimensions | ε
// Returns the function that builds the suffixed type from the type to its left.
function parseTypeSuffix(p: Parser): (base: CType) => CType {
  if (p.is('(')) {
    const loc = p.loc(p.next());
    const params = parseFunctionParams(p);
    const retSuffix = parseTypeSuffix(p);
    return (base) => {
      const ret = retSuffix(base);
      if (ret.kind === 'func') p.error(loc, 'function returning a function');
      if (ret.kind === 'array') p.error(loc, 'function returning an array');
      return funcType(ret, params.params, params.variadic);
    };
  }
  if (p.is('[')) {
    const loc = p.loc(p.next());
    while (p.is('static') || p.is('const') || p.is('restrict') || p.is('volatile') || p.is('__restrict')) p.next();
    let len = -1;
    let vla: Expr | undefined;
    if (!p.is(']')) {
      if (p.is('*')) { p.next(); p.error(loc, 'variable length arrays are not supported'); }
      else {
        const size = p.fn !== undefined || paramDepth > 0 ? parseArraySizeInFunction(p, paramDepth > 0) : parseConstantInteger(p, 'size of array', 'variable length arrays are not supported');
        if (size !== undefined && 'vla' in size) vla = size.vla;
        const v = size !== undefined && 'vla' in size ? { value: 0n } : size;
        len = Number(v?.value ?? 1n);
        if (v !== undefined && v.value < 0n) { p.error(loc, 'size of array is negative'); len = 1; }
        if (v !== undefined && v.value > 1n << 40n) { p.error(loc, 'size of array is too large'); len = 1; }
      }
    }
    p.expect(']');
    const innerSuffix = parseTypeSuffix(p);
    return (base) => {
      const inner = innerSuffix(base);
      if (inner.kind === 'func') p.error(loc, 'declaration of an array of functions');
      else if (inner.kind === 'void') p.error(loc, 'declaration of an array of voids');
      else if (!isComplete(inner)) p.error(loc, `array type has incomplete element type '${typeName(inner)}'`);
      return vla !== undefined ? vlaType(p, inner, vla, loc) : arrayOf(inner, len);
    };
  }
  return (base) => base;
}

// func-params = ("void" | param ("," param)* ("," "...")?)? ")"
// param = declspec declarator
/** > 0 while parsing a parameter list (a parameter's outermost array size may name earlier parameters). */
let paramDepth = 0;

function parseFunctionParams(p: Parser): { params: Param[] | undefined; variadic: boolean } {
  paramDepth++;
  try {
    return parseParamList(p);
  } finally {
    paramDepth--;
  }
}

function parseParamList(p: Parser): { params: Param[] | undefined; variadic: boolean } {
  if (p.accept(')')) return { params: undefined, variadic: false };
  if (p.is('void') && p.peek().text === ')') { p.next(); p.next(); return { params: [], variadic: false }; }
  const params: Param[] = [];
  let variadic = false;
  for (;;) {
    if (p.accept('...')) { variadic = true; break; }
    if (!isTypeName(p)) p.fail(p.tok.kind === 'identifier' ? `unknown type name '${p.tok.text}'` : `expected declaration specifiers before ${p.describe(p.tok)}`);
    const spec = parseDeclSpec(p, true);
    if (spec.storage !== undefined && spec.storage !== 'register') p.error(spec.loc, `storage class specified for parameter`);
    const d = parseDeclarator(p, spec.type, {});
    params.push({ name: d.name, type: adjustParamType(d.type), loc: d.loc });
    rejectVla(p, params[params.length - 1].type, d.loc, 'parameter (other than the outermost dimension)');
    if (d.type.kind === 'void') p.error(d.loc, `parameter ${params.length} ('${d.name ?? ''}') has incomplete type 'void'`);
    if (!p.accept(',')) break;
  }
  p.expect(')');
  return { params, variadic };
}

/** Parameter type adjustment (6.7.6.3p7-8): array -> pointer, function -> pointer to function. */
function adjustParamType(t: CType): CType {
  if (t.kind === 'array') return qualified(pointerTo(t.base!), !!t.isConst, false);
  if (t.kind === 'func') return pointerTo(t);
  return t;
}

// type-name = declspec abstract-declarator
export function parseTypeName(p: Parser): CType {
  const spec = parseDeclSpec(p, false);
  const t = parseDeclarator(p, spec.type).type;
  rejectVla(p, t, spec.loc, 'in a type name');
  return t;
}

/** Declares an ordinary identifier in the current scope, reporting conflicting redeclarations. */
export function declareOrdinary(p: Parser, name: string, entry: ScopeEntry, loc: SourceLocation): void {
  const prev = p.scope.lookupCurrent(name);
  if (prev) {
    const sameTypedef = prev.kind === 'typedef' && entry.kind === 'typedef' && compatible(prev.type, entry.type);
    if (!sameTypedef) {
      const what = prev.kind === 'var' && entry.kind === 'var' ? `redefinition of '${name}'` : `'${name}' redeclared as different kind of symbol`;
      p.error(loc, what);
    }
  }
  p.scope.declare(name, entry);
}

function newObj(p: Parser, d: Declarator, spec: DeclSpec, storage: 'global' | 'local', symbol: string): Obj {
  const attrs = { ...spec.attrs, ...d.attrs };
  const isFunction = d.type.kind === 'func';
  return {
    name: d.name!, type: d.type, loc: d.loc, storage, symbol, id: p.nextId(), isFunction,
    isStatic: spec.storage === 'static', isExtern: spec.storage === 'extern' || isFunction,
    align: Math.max(d.type.align, spec.alignAs, attrs.aligned ?? 0),
    section: attrs.section, isNoreturn: spec.isNoreturn || !!attrs.noreturn, isInline: spec.isInline, isUsed: !!attrs.used,
  };
}

/**
 * Parses one declaration at file scope or in a block (after its specifiers
 * were seen): typedefs, objects with initializers, function declarations, or
 * a function definition (file scope). Returns the local statements produced
 * (initializations of block-scope objects).
 */
export function parseDeclaration(p: Parser): Stmt[] {
  const spec = parseDeclSpec(p, true);
  if (p.accept(';')) {
    if (!isRecord(spec.type) && spec.type.kind !== 'enum') p.warn(spec.loc, 'useless type name in empty declaration');
    return [];
  }
  const stmts: Stmt[] = [];
  let first = true;
  for (;;) {
    const attrs: Attributes = {};
    const d = parseDeclarator(p, spec.type, attrs);
    if (d.name === undefined) p.error(d.loc, 'expected identifier or \'(\'');
    if (first && d.type.kind === 'func' && p.is('{')) {
      if (!p.scope.atFileScope) p.fail('function definition is not allowed here');
      if (d.name !== undefined) defineFunction(p, spec, d);
      return [];
    }
    first = false;
    if (d.name !== undefined) {
      if (spec.storage === 'typedef') declareTypedef(p, d, spec);
      else if (d.type.kind === 'func') declareFunction(p, spec, d);
      else stmts.push(...declareObject(p, spec, d));
    }
    if (!p.accept(',')) break;
  }
  p.expect(';', ' after declaration');
  return stmts;
}

function declareTypedef(p: Parser, d: Declarator, spec: DeclSpec): void {
  rejectVla(p, d.type, d.loc, 'typedef');
  const type = d.type.typedefName === undefined && (isRecord(d.type) || d.type.kind === 'enum') ? d.type : { ...d.type, typedefName: d.name };
  const keep = d.type.origin === undefined && (isRecord(d.type) || d.type.kind === 'enum') ? d.type : type;
  const aligned = spec.attrs.aligned ?? d.attrs?.aligned;
  declareOrdinary(p, d.name!, { kind: 'typedef', type: aligned ? { ...keep, align: aligned } : keep, loc: d.loc }, d.loc);
}

/** Finds or creates the file-scope object for a function/extern declaration, checking type conflicts. */
function fileScopeObj(p: Parser, spec: DeclSpec, d: Declarator): Obj {
  const linked = p.linkage.get(d.name!);
  const prev = p.scope.lookupFile(d.name!) ?? (linked ? { kind: 'var' as const, obj: linked } : undefined);
  if (prev?.kind === 'var') {
    const o = prev.obj;
    if (!compatible(o.type, d.type, true)) {
      p.error(d.loc, `conflicting types for '${d.name}'; have '${typeName(d.type)}'`);
    } else if (o.type.kind === 'func' && o.type.params === undefined && d.type.params !== undefined) o.type = d.type;
    else if (o.type.kind === 'array' && (o.type.arrayLen ?? -1) < 0) o.type = d.type;
    if (spec.isNoreturn || spec.attrs.noreturn || d.attrs?.noreturn) o.isNoreturn = true;
    if (spec.storage === 'static') o.isStatic = true;
    return o;
  }
  if (prev) p.error(d.loc, `'${d.name}' redeclared as different kind of symbol`);
  const o = newObj(p, d, spec, 'global', d.name!);
  p.linkage.set(d.name!, o);
  return o;
}

function declareFunction(p: Parser, spec: DeclSpec, d: Declarator): Obj {
  if (!p.scope.atFileScope && spec.storage === 'static') p.error(d.loc, `invalid storage class for function '${d.name}'`);
  const existed = p.scope.atFileScope && p.scope.lookupFile(d.name!)?.kind === 'var';
  const o = fileScopeObj(p, spec, d);
  if (!existed) p.scope.declare(d.name!, { kind: 'var', obj: o });
  p.functionObjs.add(o);
  return o;
}

function defineFunction(p: Parser, spec: DeclSpec, d: Declarator): void {
  const o = declareFunction(p, spec, d);
  if (!o.isExtern && o.isFunction) p.error(d.loc, `redefinition of '${d.name}'`);
  o.isExtern = false;
  o.type = d.type;
  o.loc = d.loc;
  const ret = d.type.base!;
  if (ret.kind !== 'void' && !isComplete(ret)) p.error(d.loc, `return type is an incomplete type`);
  parseFunctionBody(p, o, d.type);
}

function declareObject(p: Parser, spec: DeclSpec, d: Declarator): Stmt[] {
  if (d.type.kind === 'void') p.error(d.loc, `variable '${d.name}' declared void`);
  if (p.scope.atFileScope) { declareGlobal(p, spec, d); return []; }
  if (spec.storage === 'extern' || spec.storage === 'static') rejectVla(p, d.type, d.loc, `with '${spec.storage}' storage`);
  if (spec.storage === 'extern') {
    const o = fileScopeObj(p, spec, d);
    p.addGlobal(o);
    declareOrdinary(p, d.name!, { kind: 'var', obj: o }, d.loc);
    if (p.is('=')) p.error(d.loc, `'${d.name}' has both 'extern' and initializer`);
    return [];
  }
  if (spec.storage === 'static') {
    const o = newObj(p, d, spec, 'global', `${d.name}.${p.nextId()}`);
    declareOrdinary(p, d.name!, { kind: 'var', obj: o }, d.loc);
    p.addGlobal(o);
    if (p.accept('=')) o.init = staticInitializer(p, o, parseInitializer(p, o.type));
    finishArrayType(p, o);
    return [];
  }
  if (rejectNestedVla(p, d.type, d.loc)) return [];
  if (d.type.vlaLength !== undefined) {
    const vla = declareVla(p, d.name!, d.type, d.loc);
    declareOrdinary(p, d.name!, { kind: 'var', obj: vla.obj }, d.loc);
    if (p.is('=')) p.fail('variable-sized object may not be initialized');
    return vla.stmts;
  }
  const o = newObj(p, d, spec, 'local', d.name!);
  declareOrdinary(p, d.name!, { kind: 'var', obj: o }, d.loc);
  p.fn?.locals.push(o);
  if (p.accept('=')) {
    const init = parseInitializer(p, o.type);
    o.type = init.type;
    const r = localInitializer(p, init);
    finishArrayType(p, o);
    return [{ kind: 'decl', obj: o, stores: r.stores, zeroFill: r.zeroFill, loc: d.loc }];
  }
  finishArrayType(p, o);
  return [{ kind: 'decl', obj: o, stores: [], zeroFill: false, loc: d.loc }];
}

function finishArrayType(p: Parser, o: Obj): void {
  o.align = Math.max(o.align, o.type.align);
  if (o.storage === 'local' && !isComplete(o.type)) p.error(o.loc, `storage size of '${o.name}' isn't known`);
  // Frames are only 16-byte aligned (no stack realignment): say so rather than misalign the object.
  if (o.storage === 'local' && o.align > 16) p.error(o.loc, `alignment of local '${o.name}' above 16 bytes is not supported`);
}

function declareGlobal(p: Parser, spec: DeclSpec, d: Declarator): void {
  if (spec.storage === 'auto' || spec.storage === 'register') p.error(d.loc, `file-scope declaration of '${d.name}' specifies '${spec.storage}'`);
  const existed = p.scope.lookupFile(d.name!)?.kind === 'var';
  const o = fileScopeObj(p, spec, d);
  if (!existed) p.scope.declare(d.name!, { kind: 'var', obj: o });
  p.addGlobal(o);
  if (spec.storage !== 'extern') o.isExtern = false;
  if (spec.attrs.section ?? d.attrs?.section) o.section = spec.attrs.section ?? d.attrs?.section;
  o.align = Math.max(o.align, spec.alignAs, spec.attrs.aligned ?? 0, d.attrs?.aligned ?? 0);
  if (p.accept('=')) {
    if (o.init) p.error(d.loc, `redefinition of '${d.name}'`);
    o.isExtern = false;
    const init = parseInitializer(p, o.type);
    o.type = init.type;
    o.init = staticInitializer(p, o, init);
  }
  o.align = Math.max(o.align, o.type.align);
  if (!o.isExtern && !isComplete(o.type) && !(o.type.kind === 'array' && o.init === undefined)) {
    if (!isComplete(o.type)) p.error(d.loc, `storage size of '${d.name}' isn't known`);
  }
}
