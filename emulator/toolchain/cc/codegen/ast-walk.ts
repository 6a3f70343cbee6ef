// Generic traversal of the typed AST for the -O1 passes: the direct child
// expressions and statements of a node, and a walk over a whole function body
// that reports every expression with its loop nesting depth.

import type { Expr, Stmt } from '../ast.ts';

/** Returns the direct sub-expressions of `e` (statement-expression bodies are not included). */
export function exprChildren(e: Expr): Expr[] {
  switch (e.kind) {
    case 'neg': case 'bitnot': case 'not': case 'addr': case 'deref': case 'member': case 'cast':
    case 'preinc': case 'postinc':
      return [e.operand];
    case 'binary': case 'logand': case 'logor': case 'assign': case 'compound': case 'comma':
      return [e.lhs, e.rhs];
    case 'cond': return [e.cond, e.then, e.else];
    case 'call': return [e.callee, ...e.args];
    case 'va_start': case 'va_arg': case 'va_end': return [e.ap];
    case 'va_copy': return [e.dst, e.src];
    case 'compound_literal': return e.stores.map((s) => s.value);
    case 'alloca': return [e.size];
    case 'stack_restore': return [e.value];
    case 'int': case 'float': case 'string': case 'var': case 'stmt_expr': case 'stack_save': case 'label_addr': return [];
    default: return unknownKind(e);
  }
}

/** Returns the direct expressions and sub-statements of `s`. */
export function stmtChildren(s: Stmt): { exprs: Expr[]; stmts: Stmt[] } {
  switch (s.kind) {
    case 'block': return { exprs: [], stmts: s.body };
    case 'expr': return { exprs: [s.expr], stmts: [] };
    case 'decl': return { exprs: s.stores.map((x) => x.value), stmts: [] };
    case 'if': return { exprs: [s.cond], stmts: s.else ? [s.then, s.else] : [s.then] };
    case 'while': case 'do': return { exprs: [s.cond], stmts: [s.body] };
    case 'for': return { exprs: [s.cond, s.step].filter((x): x is Expr => x !== undefined), stmts: s.init ? [s.init, s.body] : [s.body] };
    case 'switch': return { exprs: [s.cond], stmts: [s.body] };
    case 'case': case 'label': return { exprs: [], stmts: [s.body] };
    case 'return': return { exprs: s.value ? [s.value] : [], stmts: [] };
    case 'asm': return { exprs: [...s.outputs, ...s.inputs].map((o) => o.expr), stmts: [] };
    case 'goto_indirect': return { exprs: [s.target], stmts: [] };
    case 'break': case 'continue': case 'goto': case 'null': return { exprs: [], stmts: [] };
    default: return unknownKind(s);
  }
}

/** Compile-time check that every node kind is handled (a new kind makes this call a type error). */
function unknownKind(node: never): never {
  throw new Error(`ast-walk: unknown node ${JSON.stringify((node as { kind?: string }).kind)}`);
}

export interface AstVisitor {
  /** Called for every expression (pre-order) with the loop depth it sits in. */
  expr?(e: Expr, loopDepth: number): void;
  /** Called for every statement (pre-order). */
  stmt?(s: Stmt, loopDepth: number): void;
}

/** Visits every statement and expression under `s`, statement expressions included. */
export function walkStmt(s: Stmt, v: AstVisitor, depth = 0): void {
  v.stmt?.(s, depth);
  const inner = s.kind === 'while' || s.kind === 'do' || s.kind === 'for' ? depth + 1 : depth;
  const { exprs, stmts } = stmtChildren(s);
  for (const e of exprs) walkExpr(e, v, inner);
  for (const c of stmts) walkStmt(c, v, s.kind === 'for' && c === s.init ? depth : inner);
}

/** Visits `e` and everything below it. */
export function walkExpr(e: Expr, v: AstVisitor, depth: number): void {
  v.expr?.(e, depth);
  if (e.kind === 'stmt_expr') for (const s of e.body) walkStmt(s, v, depth);
  for (const c of exprChildren(e)) walkExpr(c, v, depth);
}
