// Matches the parsed operands of one instruction against its table entry's
// syntax (`rd,imm12(rs1)`, `frd,frs1,frs2,rm`, `c_rdp,c_lw_off(c_rs1p)`):
// registers, CSR/rounding-mode/fence names become numbers, immediates become
// symbolic values with the relocation role implied by the operand and modifier.

import type { ImmRole, MachineInsn, SymbolicImm } from './asm-state.ts';
import { AsmError, type SourceLocation } from './diagnostics.ts';
import type { Expr } from './expr.ts';
import { csrAddress, parseFenceSet, parseRegister, ROUNDING_MODES, type InstructionDef, type OperandKind } from './isa-adapter.ts';
import type { Operand } from './parser.ts';

const RM_DYNAMIC = 7;

/** Returns the machine instruction for `def` with `ops`; throws AsmError at the offending operand. */
export function matchOperands(def: InstructionDef, ops: readonly Operand[], loc: SourceLocation, compressible: boolean): MachineInsn {
  const pieces = def.syntax === '' ? [] : def.syntax.split(',');
  const hasOptionalRm = pieces[pieces.length - 1] === 'rm';
  if (ops.length !== pieces.length && !(hasOptionalRm && ops.length === pieces.length - 1)) {
    const form = def.syntax === '' ? 'no operands' : `${pieces.length} operands (${def.name} ${def.syntax})`;
    throw new AsmError(`'${def.name}' expects ${form}, got ${ops.length}`, loc);
  }
  const values: (number | SymbolicImm)[] = [];
  let k = 0;
  const next = (): OperandKind => def.operands[k++]!;
  pieces.forEach((piece, i) => {
    const op = ops[i];
    if (op === undefined) {
      values.push(RM_DYNAMIC);
      return;
    }
    const mem = /^(\w*)\((\w+)\)$/.exec(piece);
    if (mem) {
      matchMemory(def, op, mem[1]!, mem[2]!, next, values);
    } else if (piece === 'sp') {
      expectLiteralSp(op);
    } else {
      values.push(matchSingle(def, next(), op));
    }
  });
  return { def, values, compressible };
}

function matchMemory(def: InstructionDef, op: Operand, offsetKind: string, baseKind: string, next: () => OperandKind, values: (number | SymbolicImm)[]): void {
  if (op.kind !== 'mem') throw new AsmError(`'${def.name}' expects a memory operand like ${offsetKind === '' ? '' : 'offset'}(reg) here`, op.loc);
  if (offsetKind !== '') {
    const kind = next();
    const offset: Expr = op.offset ?? { kind: 'num', value: 0n, loc: op.loc };
    values.push(immediate(def, kind, offset));
  } else if (op.offset !== undefined && !(op.offset.kind === 'num' && op.offset.value === 0n)) {
    throw new AsmError(`'${def.name}' takes no offset here, only (reg)`, op.loc);
  }
  if (baseKind === 'sp') {
    if (parseRegister('x', op.base) !== 2) throw new AsmError(`'${def.name}' needs sp as its base register`, op.baseLoc);
    return;
  }
  const kind = next();
  values.push(register(kind, op.base, op.baseLoc));
}

function expectLiteralSp(op: Operand): void {
  const name = op.kind === 'expr' && op.expr.kind === 'sym' ? op.expr.name : undefined;
  if (name === undefined || parseRegister('x', name) !== 2) throw new AsmError('expected register sp', op.loc);
}

function register(kind: OperandKind, name: string, loc: SourceLocation): number {
  const n = parseRegister(kind.file ?? 'x', name);
  if (n === undefined) {
    const what = kind.file === 'f' ? 'a floating-point register' : 'an integer register';
    throw new AsmError(`expected ${what}, found '${name}'`, loc);
  }
  return n;
}

function identOf(op: Operand): string | undefined {
  return op.kind === 'expr' && op.expr.kind === 'sym' ? op.expr.name : undefined;
}

function isRegisterName(name: string | undefined): boolean {
  return name !== undefined && (parseRegister('x', name) !== undefined || parseRegister('f', name) !== undefined);
}

function matchSingle(def: InstructionDef, kind: OperandKind, op: Operand): number | SymbolicImm {
  if (op.kind === 'mem') throw new AsmError(`unexpected memory operand for '${def.name}'`, op.loc);
  const name = identOf(op);
  switch (kind.cls) {
    case 'reg':
      if (name === undefined) throw new AsmError(`expected ${kind.file === 'f' ? 'a floating-point' : 'an integer'} register`, op.loc);
      return register(kind, name, op.loc);
    case 'rm': {
      const rm = name === undefined ? -1 : ROUNDING_MODES.indexOf(name.toLowerCase());
      if (rm < 0 || name === '') throw new AsmError('expected a rounding mode (rne, rtz, rdn, rup, rmm, dyn)', op.loc);
      return rm;
    }
    case 'fence': {
      const set = name !== undefined ? parseFenceSet(name) : op.expr.kind === 'num' && op.expr.value === 0n ? 0 : undefined;
      if (set === undefined) throw new AsmError('expected a fence set such as rw or iorw', op.loc);
      return set;
    }
    case 'csr': {
      const csr = name === undefined ? undefined : csrAddress(name.toLowerCase());
      if (csr !== undefined) return csr;
      return immediate(def, kind, op.expr);
    }
    default:
      // Branch targets may be symbols named like registers (a C function `f0`), as in GNU as.
      if (kind.cls !== 'target' && isRegisterName(name)) throw new AsmError(`expected an immediate, found register '${name}'`, op.loc);
      return immediate(def, kind, op.expr);
  }
}

/** Returns the symbolic immediate for `expr` in operand `kind`, with its relocation role. */
function immediate(def: InstructionDef, kind: OperandKind, expr: Expr): SymbolicImm {
  if (kind.cls === 'target') {
    if (expr.kind === 'modifier') throw new AsmError(`%${expr.modifier} is not valid for a branch target`, expr.loc);
    const role: ImmRole = kind.name === 'boff' || kind.name === 'c_boff' ? 'branch' : 'jump';
    return { expr, role };
  }
  if (expr.kind !== 'modifier') return { expr, role: 'abs' };
  const upper = kind.name === 'uimm20';
  const lower = kind.name === 'imm12' || kind.name === 'simm12';
  const m = expr.modifier;
  if ((m === 'hi' || m === 'pcrel_hi' || m === 'call') && upper) return { expr: expr.arg, role: m };
  if ((m === 'lo' || m === 'pcrel_lo') && lower) return { expr: expr.arg, role: m };
  throw new AsmError(`%${m} is not valid for this operand of '${def.name}'`, expr.loc);
}
