// The typed AST the C front end hands to the code generator: expressions
// (every node carries its C type; implicit conversions are explicit `cast`
// nodes, pointer arithmetic is already scaled), statements, objects
// (variables/functions) with their storage, and the translation unit.

import type { SourceLocation } from '../asm/diagnostics.ts';
import type { CType, Member } from './types.ts';

/** A named object: global or local variable, parameter, or function. */
export interface Obj {
  name: string;
  type: CType;
  loc: SourceLocation;
  /** 'global' = file scope or block-scope static/extern (emitted as a symbol); 'local' = on the stack. */
  storage: 'global' | 'local';
  /** Internal linkage (`static` at file scope, or a block-scope static). */
  isStatic: boolean;
  /** Declared `extern` (or a function declaration) and not (yet) defined here. */
  isExtern: boolean;
  /** Assembly symbol name (block-scope statics get a unique one like `name.1`). */
  symbol: string;
  /** Declared alignment (max of type alignment and _Alignas/aligned). */
  align: number;
  /** Locals: unique id within the function (codegen assigns stack offsets). */
  id: number;
  /** Globals with an initializer: the flattened static data. */
  init?: StaticInit;
  /** `__attribute__((section("...")))`. */
  section?: string;
  isFunction: boolean;
  /** A variable length array: not a stack slot itself; `vlaPointer` (a local) holds its address. */
  vlaPointer?: Obj;
  isNoreturn?: boolean;
  isInline?: boolean;
  /** `__attribute__((used))` / `unused` kept for the back end's warnings. */
  isUsed?: boolean;
  /** Set once the name was referenced (for unused-static pruning). */
  isReferenced?: boolean;
}

/** One item of a static initializer: an integer (float bits included) or an address. */
export type StaticInitItem =
  | { kind: 'int'; offset: number; size: number; value: bigint; bitWidth?: number; bitOffset?: number }
  | { kind: 'reloc'; offset: number; size: number; symbol: string; addend: bigint };

/** Static data: `size` bytes, zero except for `items` (sorted by offset). */
export interface StaticInit {
  size: number;
  items: StaticInitItem[];
}

/** A store of a local initializer: `*(type *)(obj + offset) = value` (bit-fields via `member`). */
export interface InitStore {
  offset: number;
  type: CType;
  value: Expr;
  member?: Member;
}

interface ExprBase {
  type: CType;
  loc: SourceLocation;
}

export type BinaryOp =
  | 'add' | 'sub' | 'mul' | 'div' | 'mod' | 'shl' | 'shr' | 'bitand' | 'bitor' | 'bitxor'
  | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

/**
 * Expressions. Operands of arithmetic nodes already have the node's operation
 * type (usual conversions applied through `cast` nodes); comparison nodes have
 * type int and operands of a common type. Division/shift signedness follows the
 * (converted) left operand's type.
 */
export type Expr =
  /** Integer constant; `value` is the value in `type` (wrapped to its width, sign-extended for signed). */
  | (ExprBase & { kind: 'int'; value: bigint })
  /** Floating constant (float/double; long double is rejected before codegen). */
  | (ExprBase & { kind: 'float'; value: number })
  /** String literal: an anonymous static array; `bytes` is the encoded data incl. the terminator. */
  | (ExprBase & { kind: 'string'; bytes: Uint8Array; symbol: string })
  /** Reference to a variable or function (an lvalue; arrays/functions decay via `addr`/`cast`). */
  | (ExprBase & { kind: 'var'; obj: Obj })
  /** `-x`, `~x`, `!x` (`not` yields int 0/1). */
  | (ExprBase & { kind: 'neg' | 'bitnot' | 'not'; operand: Expr })
  /** `&x`: address of an lvalue (also produced for array/function decay). */
  | (ExprBase & { kind: 'addr'; operand: Expr })
  /** `*p`: load through a pointer (an lvalue). */
  | (ExprBase & { kind: 'deref'; operand: Expr })
  /** `s.m` (an lvalue when `s` is); `p->m` is `member(deref(p))`. Bit-fields: `member.bitWidth`. */
  | (ExprBase & { kind: 'member'; operand: Expr; member: Member })
  /** Arithmetic, bitwise, shifts and comparisons. */
  | (ExprBase & { kind: 'binary'; op: BinaryOp; lhs: Expr; rhs: Expr })
  /** `a && b`, `a || b`: short-circuit, int 0/1. */
  | (ExprBase & { kind: 'logand' | 'logor'; lhs: Expr; rhs: Expr })
  /** `lhs = rhs`; `rhs` already converted to the lhs type; value is the stored value. */
  | (ExprBase & { kind: 'assign'; lhs: Expr; rhs: Expr })
  /**
   * `lhs op= rhs`: evaluate the address of lhs once, load, convert to `opType`,
   * apply op with rhs (already of `opType`, pointer offsets pre-scaled), convert
   * back to the lhs type, store. Value is the stored value.
   */
  | (ExprBase & { kind: 'compound'; op: BinaryOp; lhs: Expr; rhs: Expr; opType: CType })
  /** `++x`/`--x` (pre) and `x++`/`x--` (post): add `delta` (already scaled for pointers; float for floats). */
  | (ExprBase & { kind: 'preinc' | 'postinc'; operand: Expr; delta: number })
  /** `c ? a : b` (a and b converted to the result type; void allowed). */
  | (ExprBase & { kind: 'cond'; cond: Expr; then: Expr; else: Expr })
  /** `a, b`. */
  | (ExprBase & { kind: 'comma'; lhs: Expr; rhs: Expr })
  /** Conversion of `operand` to `type` (integer widen/narrow, int<->float, to _Bool = compare with 0, to void). */
  | (ExprBase & { kind: 'cast'; operand: Expr })
  /**
   * Function call: `callee` is a pointer-to-function expression; `args` are
   * converted to the parameter types (default promotions for `...` and
   * unprototyped calls); `funcType` is the callee's function type.
   */
  | (ExprBase & { kind: 'call'; callee: Expr; args: Expr[]; funcType: CType })
  /** `__builtin_va_start(ap, last)`: `ap` is the va_list lvalue. */
  | (ExprBase & { kind: 'va_start'; ap: Expr })
  /** `__builtin_va_arg(ap, T)`: `type` is T. */
  | (ExprBase & { kind: 'va_arg'; ap: Expr })
  /** `__builtin_va_end(ap)`: no effect on RISC-V beyond evaluating ap. */
  | (ExprBase & { kind: 'va_end'; ap: Expr })
  /** `__builtin_va_copy(dst, src)`. */
  | (ExprBase & { kind: 'va_copy'; dst: Expr; src: Expr })
  /** A compound literal or any temporary object with initializer stores; value is the object (lvalue). */
  | (ExprBase & { kind: 'compound_literal'; obj: Obj; stores: InitStore[]; zeroFill: boolean })
  /** GNU statement expression `({ ... })`: value is the last expression statement's. */
  | (ExprBase & { kind: 'stmt_expr'; body: Stmt[] })
  /** Variable length arrays: `size` bytes (rounded up to 16) taken from the stack; value is their address. */
  | (ExprBase & { kind: 'alloca'; size: Expr })
  /** The stack pointer (void *), saved before a block's first VLA; `stack_restore` sets it back (type void). */
  | (ExprBase & { kind: 'stack_save' })
  | (ExprBase & { kind: 'stack_restore'; value: Expr })
  /** GNU `&&label`: the address of a label of this function (`symbol` is defined at the label). */
  | (ExprBase & { kind: 'label_addr'; label: string; symbol: string });

export type ExprKind = Expr['kind'];

/** An operand of an inline asm statement: constraint string and expression. */
export interface AsmOperand {
  constraint: string;
  expr: Expr;
  /** `[name]` symbolic operand name, when given. */
  name?: string;
}

interface StmtBase {
  loc: SourceLocation;
}

/** Statements of a function body. */
export type Stmt =
  /** `{ ... }`. */
  | (StmtBase & { kind: 'block'; body: Stmt[] })
  /** An expression evaluated for its side effects. */
  | (StmtBase & { kind: 'expr'; expr: Expr })
  /** A local declaration: zero the object when `zeroFill`, then perform the stores in order. */
  | (StmtBase & { kind: 'decl'; obj: Obj; stores: InitStore[]; zeroFill: boolean })
  /** `if (cond) then else`. */
  | (StmtBase & { kind: 'if'; cond: Expr; then: Stmt; else?: Stmt })
  /** `while`, `for` (init/cond/step optional; a declaration init is a block before the loop), `do ... while`. */
  | (StmtBase & { kind: 'while'; cond: Expr; body: Stmt })
  | (StmtBase & { kind: 'do'; cond: Expr; body: Stmt })
  | (StmtBase & { kind: 'for'; init?: Stmt; cond?: Expr; step?: Expr; body: Stmt })
  /** `switch`: `cases` lists every case label of the body (values in the promoted cond type), `hasDefault` too. */
  | (StmtBase & { kind: 'switch'; cond: Expr; body: Stmt; cases: { value: bigint; high?: bigint; label: number }[]; defaultLabel?: number })
  /** `case V:` / `default:` inside a switch body; `label` matches the switch's case list entry. */
  | (StmtBase & { kind: 'case'; label: number; body: Stmt })
  /** `break` / `continue` of the innermost loop (or switch for break). */
  | (StmtBase & { kind: 'break' | 'continue' })
  /** `return expr?` (expr converted to the return type). */
  | (StmtBase & { kind: 'return'; value?: Expr })
  /** `goto label` and `label: stmt`. */
  | (StmtBase & { kind: 'goto'; label: string })
  | (StmtBase & { kind: 'label'; label: string; body: Stmt })
  /** GNU `goto *target`. */
  | (StmtBase & { kind: 'goto_indirect'; target: Expr })
  /** `__asm__ volatile ("template" : outputs : inputs : clobbers)`. */
  | (StmtBase & { kind: 'asm'; template: string; outputs: AsmOperand[]; inputs: AsmOperand[]; clobbers: string[]; isVolatile: boolean })
  /** `;`. */
  | (StmtBase & { kind: 'null' });

export type StmtKind = Stmt['kind'];

/** A function definition. */
export interface FunctionDef {
  obj: Obj;
  params: Obj[];
  /** Every local (parameters included) of the function, in declaration order. */
  locals: Obj[];
  body: Stmt;
  isVariadic: boolean;
}

/** The result of parsing one translation unit. */
export interface TranslationUnit {
  /** Global variables (definitions and extern declarations), in first-declaration order. */
  globals: Obj[];
  /** Function definitions in source order. */
  functions: FunctionDef[];
  /** Declared-only functions (externs), for the assembler's symbol table. */
  externFunctions: Obj[];
  /** String literals used (each `string` expr's `symbol` names one of these), with their data. */
  strings: { symbol: string; bytes: Uint8Array; align: number }[];
}
