// The assembler's entry point: GNU as syntax for RV64GC in, an in-memory
// relocatable object and diagnostics out. Pass 1 walks the statements
// (labels, directives, instructions and pseudo-instructions); then layout,
// then emission. Never throws for bad input: every problem is a diagnostic.

import { AssemblyContext, marchHasC } from './assembly-context.ts';
import { AsmError, DiagnosticBag, type Diagnostic, type SourceLocation } from './diagnostics.ts';
import { handleDirective } from './directives.ts';
import { writeElfObject } from './elf-object-writer.ts';
import { emitObject } from './emit.ts';
import { evaluateConstant } from './eval.ts';
import type { Expr } from './expr.ts';
import { findCompressed, findInstruction } from './isa-adapter.ts';
import { layoutSections } from './layout.ts';
import type { ObjectFile } from './object.ts';
import { matchOperands } from './operand-match.ts';
import { parseSource, type Operand, type Statement } from './parser.ts';
import { expandPseudo, isPseudo, pseudoArity, type Expansion, type PseudoContext } from './pseudo.ts';

export interface AssembleOptions {
  /** Emit compressed (RVC) forms where valid, as with -march=rv64gc (default true); `.option rvc/norvc` switch it. */
  rvc?: boolean;
  /** Alternatively an ISA string such as 'rv64gc' or 'rv64imafd': RVC is on when it names the C extension. */
  march?: string;
}


export interface AssembleResult {
  /** The object; when diagnostics contain errors it is incomplete and must not be used. */
  object: ObjectFile;
  diagnostics: Diagnostic[];
}

/**
 * Assembles `source` (named `fileName` in diagnostics). Returns the object and
 * all diagnostics; check for errors with `diagnostics.some(d => d.severity === 'error')`.
 */
export function assemble(source: string, fileName: string, options: AssembleOptions = {}): AssembleResult {
  const diags = new DiagnosticBag();
  const rvc = options.rvc ?? (options.march !== undefined ? marchHasC(options.march) : true);
  const ctx = new AssemblyContext(fileName, diags, rvc);
  for (const stmt of parseSource(source, fileName, diags)) {
    try {
      statement(ctx, stmt);
    } catch (e) {
      if (!(e instanceof AsmError)) throw e;
      diags.error(e.loc, e.message);
    }
  }
  ctx.checkForwardRefs();
  const layout = layoutSections([...ctx.sections.values()], ctx.constEval.symbol);
  const object = emitObject(ctx, layout, ctx.archRvc);
  const diagnostics = [...diags.items].sort((a, b) => a.line - b.line || a.column - b.column);
  return { object, diagnostics };
}

/**
 * Assembles `source` and, when there is no error, writes the ELF64 ET_REL file.
 * Returns the file's bytes (undefined when any diagnostic is an error) and all diagnostics.
 */
export function assembleToElf(source: string, fileName: string, options: AssembleOptions = {}): { bytes: Uint8Array | undefined; diagnostics: Diagnostic[] } {
  const { object, diagnostics } = assemble(source, fileName, options);
  const failed = diagnostics.some((d) => d.severity === 'error');
  return { bytes: failed ? undefined : writeElfObject(object), diagnostics };
}

function statement(ctx: AssemblyContext, stmt: Statement): void {
  switch (stmt.kind) {
    case 'label':
      if (stmt.numeric) ctx.defineLocalLabel(stmt.name, stmt.loc);
      else ctx.defineLabel(stmt.name, stmt.loc);
      return;
    case 'assign':
      ctx.defineEqu(stmt.name, ctx.resolveExpr(stmt.expr), stmt.loc);
      return;
    case 'directive':
      handleDirective(ctx, stmt.name, stmt.args, stmt.loc);
      return;
    case 'instruction':
      instruction(ctx, stmt.mnemonic, stmt.operands, stmt.loc);
  }
}

function resolveOperand(ctx: AssemblyContext, op: Operand): Operand {
  if (op.kind === 'expr') return { ...op, expr: ctx.resolveExpr(op.expr) };
  return op.offset ? { ...op, offset: ctx.resolveExpr(op.offset) } : op;
}

function instruction(ctx: AssemblyContext, mnemonic: string, rawOps: Operand[], loc: SourceLocation): void {
  const ops = rawOps.map((op) => resolveOperand(ctx, op));
  const pctx: PseudoContext = {
    constant: (expr) => liConstant(ctx, expr),
    anchor: (at) => ctx.tempLabel(at, '.Lpcrel_hi'),
    rvc: ctx.rvc,
  };
  const expansion: Expansion[] = expandPseudo(mnemonic, ops, loc, pctx) ?? [{ kind: 'insn', mnemonic, operands: ops }];
  for (const e of expansion) {
    if (e.kind === 'bytes') ctx.addItem({ kind: 'bytes', bytes: e.bytes }, loc);
    else realInstruction(ctx, e.mnemonic, e.operands, loc, e.compress ?? true);
  }
}

/** The value of li's operand; names a symbol that is not (yet) an equate when there is one. */
function liConstant(ctx: AssemblyContext, expr: Expr): bigint {
  try {
    return evaluateConstant(expr, ctx.constEval, 'li value');
  } catch (e) {
    const sym = e instanceof AsmError ? firstNonEquate(ctx, expr) : undefined;
    if (sym?.kind !== 'sym') throw e;
    throw new AsmError(`li value must be a constant: '${sym.name}' is not an equate defined before this line`, sym.loc);
  }
}

function firstNonEquate(ctx: AssemblyContext, expr: Expr): Expr | undefined {
  switch (expr.kind) {
    case 'sym': return ctx.symbols.get(expr.name)?.def?.kind === 'equ' ? undefined : expr;
    case 'unary': case 'modifier': return firstNonEquate(ctx, expr.arg);
    case 'binary': return firstNonEquate(ctx, expr.left) ?? firstNonEquate(ctx, expr.right);
    default: return undefined;
  }
}

function realInstruction(ctx: AssemblyContext, mnemonic: string, ops: Operand[], loc: SourceLocation, compress: boolean): void {
  const wide = findInstruction(mnemonic);
  const def = wide ?? findCompressed(mnemonic);
  if (!def) {
    if (isPseudo(mnemonic)) {
      throw new AsmError(`'${mnemonic}' expects ${pseudoArity(mnemonic).join(' or ')} operands, got ${ops.length}`, loc);
    }
    throw new AsmError(`unknown instruction '${mnemonic}'`, loc);
  }
  if (!wide && !ctx.rvc) throw new AsmError(`'${mnemonic}' needs the C extension (.option rvc)`, loc);
  ctx.addItem({ kind: 'insn', insn: matchOperands(def, ops, loc, compress && ctx.rvc && wide !== undefined), loc }, loc);
}
