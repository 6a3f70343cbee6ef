// Deterministic random operand values for the ISA tables, for round-trip and
// differential tests: valid values for every operand kind (biased towards the
// registers and small immediates that compressed forms accept), and the
// GNU-as text of an instruction with those values.

import type { InstructionDef } from '../../../../emulator/toolchain/isa/instructions.ts';
import { fenceSetName, operandError, ROUNDING_MODES, RM_DYNAMIC, type OperandKind } from '../../../../emulator/toolchain/isa/operands.ts';
import { csrName } from '../../../../emulator/toolchain/isa/csr-names.ts';
import { registerName } from '../../../../emulator/toolchain/isa/registers.ts';

/** A small seeded PRNG (mulberry32); returns a function yielding uint32 values. */
export function prng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function candidate(kind: OperandKind, rnd: () => number): number {
  switch (kind.cls) {
    case 'reg': return rnd() % 2 === 0 ? 8 + (rnd() % 8) : rnd() % 32;
    case 'rm': return [0, 1, 2, 3, 4, RM_DYNAMIC, RM_DYNAMIC][rnd() % 7];
    case 'fence': return 1 + (rnd() % 15);
    case 'csr': return rnd() % 4096;
    default: {
      const small = rnd() % 2 === 0;
      const raw = small ? (rnd() % 64) - 32 : (rnd() | 0);
      return raw;
    }
  }
}

/** Returns a valid value for `kind` (retrying until the kind accepts it). */
export function sampleOperand(kind: OperandKind, rnd: () => number): number {
  for (let tries = 0; tries < 10_000; tries++) {
    let v = candidate(kind, rnd);
    if (kind.cls !== 'reg' && kind.cls !== 'rm' && kind.cls !== 'fence' && kind.cls !== 'csr') {
      // Fold into the kind's range by masking and aligning; operandError decides.
      v = v % 2 ** 21;
      const align = Math.min(...kind.runs.map((r) => r.valueAt));
      v -= v % 2 ** align;
      if (!kind.signed && v < 0) v = -v;
    }
    if (operandError(kind, v) === undefined) return v;
  }
  throw new Error(`cannot sample ${kind.name}`);
}

/** Returns operand values for every operand of `def`. */
export function sampleOperands(def: InstructionDef, rnd: () => number): number[] {
  return def.operands.map((k) => sampleOperand(k, rnd));
}

function asmOperand(kind: OperandKind, value: number): string {
  switch (kind.cls) {
    case 'reg': return registerName(kind.file ?? 'x', value);
    case 'target': return value < 0 ? `.${value}` : `.+${value}`;
    case 'uimm-hex': return `0x${value.toString(16)}`;
    case 'csr': return csrName(value) ?? String(value);
    case 'rm': return ROUNDING_MODES[value];
    case 'fence': return fenceSetName(value);
    default: return String(value);
  }
}

/** Returns GNU as source text for `def` with `values` (a dyn rounding mode left out). */
export function asmText(def: InstructionDef, values: readonly number[]): string {
  const index = new Map(def.operands.map((k, i) => [k.name, i]));
  const ops = def.syntax.replace(/[a-z_0-9]+/g, (w) => {
    const i = index.get(w);
    if (i === undefined) return w;
    const kind = def.operands[i];
    if (kind.cls === 'rm' && values[i] === RM_DYNAMIC) return '';
    return asmOperand(kind, values[i]);
  }).replace(/,$/, '');
  return ops === '' ? def.name : `${def.name} ${ops}`;
}
