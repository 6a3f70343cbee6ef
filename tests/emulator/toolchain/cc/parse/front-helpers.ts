// Test helpers for the C front end: preprocess in-memory C source (with the
// userland headers available) and parse it; look up functions, globals and
// expression types in the resulting AST.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../../../../../emulator/toolchain/asm/diagnostics.ts';
import type { Expr, FunctionDef, Obj, Stmt } from '../../../../../emulator/toolchain/cc/ast.ts';
import { type FrontEndResult, parseTranslationUnit } from '../../../../../emulator/toolchain/cc/compile-front.ts';
import { preprocess } from '../../../../../emulator/toolchain/cc/preprocess/preprocess.ts';
import { typeName } from '../../../../../emulator/toolchain/cc/types.ts';

export const root = resolve(import.meta.dirname, '../../../../..');

/** A file system over the repository root with `main.c` overridden by `src`. */
function fsWith(src: string): { read: (path: string) => string | undefined } {
  return {
    read: (path: string) => {
      if (path === 'main.c') return src;
      try { return readFileSync(join(root, path), 'utf8'); } catch { return undefined; }
    },
  };
}

/** Preprocesses and parses `src` as main.c (include path: fixtures/userland/include). */
export function front(src: string): FrontEndResult {
  const r = preprocess('main.c', { fs: fsWith(src), includePaths: ['fixtures/userland/include'] });
  return parseTranslationUnit(r.tokens);
}

/** Errors (and warnings when asked) as `line:col: message`. */
export function diags(src: string, withWarnings = false): string[] {
  return front(src).diagnostics
    .filter((d: Diagnostic) => withWarnings || d.severity === 'error')
    .map((d) => `${d.line}:${d.column}: ${d.message}`);
}

/** Parses `src` and throws when it has errors; returns the result. */
export function ok(src: string): FrontEndResult {
  const r = front(src);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.line}:${d.column}: ${d.message}`).join('\n'));
  return r;
}

export function fn(r: FrontEndResult, name: string): FunctionDef {
  const f = r.unit.functions.find((x) => x.obj.name === name);
  if (!f) throw new Error(`no function ${name}`);
  return f;
}

export function global(r: FrontEndResult, name: string): Obj {
  const g = r.unit.globals.find((x) => x.name === name);
  if (!g) throw new Error(`no global ${name}`);
  return g;
}

/** The expression of the last `return` of function `f` in `src` (parsed without errors). */
export function returned(src: string, f = 'f'): Expr {
  const body = fn(ok(src), f).body;
  const stmts = body.kind === 'block' ? body.body : [body];
  const last = [...stmts].reverse().find((s: Stmt) => s.kind === 'return');
  if (!last || last.kind !== 'return' || !last.value) throw new Error('no return value');
  return last.value;
}

/** C type name of expression `expr` evaluated with declarations `decls` (as `typeof`-style text). */
export function typeOf(decls: string, expr: string): string {
  const body = fn(ok(`${decls}\nvoid probe_fn(void) { ${expr}; }`), 'probe_fn').body;
  if (body.kind !== 'block' || body.body.at(-1)?.kind !== 'expr') throw new Error('no expression');
  const s = body.body.at(-1)!;
  return s.kind === 'expr' ? typeName(s.expr.type) : '';
}

/** Renders an expression tree compactly (kinds and types) for structural assertions. */
export function show(e: Expr): string {
  const t = typeName(e.type);
  switch (e.kind) {
    case 'int': return `${e.value}:${t}`;
    case 'float': return `${e.value}:${t}`;
    case 'var': return e.obj.name;
    case 'string': return `str:${t}`;
    case 'cast': return `(${t})${show(e.operand)}`;
    case 'binary': return `${e.op}(${show(e.lhs)}, ${show(e.rhs)}):${t}`;
    case 'member': return `${show(e.operand)}.${e.member.name ?? '?'}`;
    case 'deref': return `*${show(e.operand)}`;
    case 'addr': return `&${show(e.operand)}`;
    case 'neg': case 'bitnot': case 'not': return `${e.kind}(${show(e.operand)})`;
    case 'assign': return `assign(${show(e.lhs)}, ${show(e.rhs)})`;
    case 'compound': return `${e.op}=(${show(e.lhs)}, ${show(e.rhs)}):${typeName(e.opType)}`;
    case 'preinc': case 'postinc': return `${e.kind}(${show(e.operand)}, ${e.delta})`;
    case 'call': return `call(${show(e.callee)}${e.args.map((a) => `, ${show(a)}`).join('')}):${t}`;
    case 'cond': return `cond(${show(e.cond)}, ${show(e.then)}, ${show(e.else)}):${t}`;
    case 'logand': case 'logor': return `${e.kind}(${show(e.lhs)}, ${show(e.rhs)})`;
    case 'comma': return `comma(${show(e.lhs)}, ${show(e.rhs)})`;
    default: return `${e.kind}:${t}`;
  }
}
