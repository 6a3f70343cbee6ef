// Generates the table-driven F/D check programs (rv64uf-*-gen.S, rv64ud-*-gen.S,
// written at test time into the build cache): each group runs one instruction
// over a table of operands with expected bits and fflags from fp-reference.ts,
// once per static rounding mode and once more with rm = dyn and frm set.
// Check numbers are group * 1000 + table index.
import type { GeneratedProgram } from './gen-int-ops.js';
import { randomFmaTriples, randomInts, randomTuples } from './random-operands.js';
import {
  add, classify, compare, convertFloat, div, F32, F64, fma, type Format, fromInt, minMax, mul,
  type Result, RDN, RMM, RNE, RTZ, RUP, sqrt, sub, toInt,
} from './fp-reference.js';

/** Where operands come from and how the result is checked: s/d = f register of that format, x = integer register. */
type Kind = 's' | 'd' | 'x';
interface Entry { inputs: bigint[]; result: Result }
interface Group { insn: string; inKind: Kind; arity: number; outKind: Kind; frm?: number; table: string; entries: Entry[] }

const MODES: [string, number][] = [['rne', RNE], ['rtz', RTZ], ['rdn', RDN], ['rup', RUP], ['rmm', RMM]];

const S_VALUES: bigint[] = [
  0x00000000n, 0x80000000n, 0x3f800000n, 0xbf800000n, 0x40490fdbn, 0xc0200000n, 0x3f800001n,
  0x3dcccccdn, 0x40400000n, 0x00000001n, 0x807fffffn, 0x00800000n, 0x80800001n, 0x7f7fffffn,
  0xff7fffffn, 0x7f800000n, 0xff800000n, 0x7fc00000n, 0x7f800001n, 0xffc00001n, 0x4b000001n,
  0x33800000n,
];
const D_VALUES: bigint[] = [
  0x0000000000000000n, 0x8000000000000000n, 0x3ff0000000000000n, 0xbff0000000000000n,
  0x400921fb54442d18n, 0xc004000000000000n, 0x3ff0000000000001n, 0x3fb999999999999an,
  0x4008000000000000n, 0x0000000000000001n, 0x800fffffffffffffn, 0x0010000000000000n,
  0x8010000000000001n, 0x7fefffffffffffffn, 0xffefffffffffffffn, 0x7ff0000000000000n,
  0xfff0000000000000n, 0x7ff8000000000000n, 0x7ff0000000000001n, 0xfff8000000000001n,
  0x4330000000000001n, 0x3ca0000000000000n,
];
// a smaller set for the three-operand fused ops
const S_FMA: bigint[] = [0x00000000n, 0x80000000n, 0x3f800000n, 0xbf800000n, 0x3f800001n, 0x3dcccccdn, 0x00800000n, 0x7f7fffffn, 0x7f800000n, 0xff800000n, 0x7fc00000n, 0x7f800001n];
const D_FMA: bigint[] = [0n, 0x8000000000000000n, 0x3ff0000000000000n, 0xbff0000000000000n, 0x3ff0000000000001n, 0x3fb999999999999an, 0x0010000000000000n, 0x7fefffffffffffffn, 0x7ff0000000000000n, 0xfff0000000000000n, 0x7ff8000000000000n, 0x7ff0000000000001n];
// values for float -> integer conversions (rounding near .5, range limits, NaN/inf)
const S_TO_INT: bigint[] = [
  0x00000000n, 0x80000000n, 0x3f000000n, 0xbf000000n, 0x3fc00000n, 0xbfc00000n, 0x40200000n, 0xc0200000n,
  0x3f7fffffn, 0xbf7fffffn, 0x3f800000n, 0xbf800000n, 0x00000001n, 0x80000001n, 0x4effffffn, 0x4f000000n,
  0xcf000000n, 0xcf000001n, 0x4f800000n, 0x4f7fffffn, 0x5effffffn, 0x5f000000n, 0xdf000000n, 0xdf000001n,
  0x5f800000n, 0x7f7fffffn, 0xff7fffffn, 0x7f800000n, 0xff800000n, 0x7fc00000n, 0xffc00000n, 0x7f800001n,
  0x4b7fffffn, 0x3f400000n,
];
const D_TO_INT: bigint[] = [
  0n, 0x8000000000000000n, 0x3fe0000000000000n, 0xbfe0000000000000n, 0x3ff8000000000000n, 0xbff8000000000000n,
  0x4004000000000000n, 0xc004000000000000n, 0x3fefffffffffffffn, 0xbfefffffffffffffn, 0x3ff0000000000000n,
  0xbff0000000000000n, 0x0000000000000001n, 0x8000000000000001n, 0x41dfffffffc00000n, 0x41dfffffffe00000n,
  0x41e0000000000000n, 0xc1e0000000000000n, 0xc1e0000000200000n, 0xc1e0000000100000n, 0x41efffffffe00000n,
  0x41effffffff00000n, 0x41f0000000000000n, 0x43dfffffffffffffn, 0x43e0000000000000n, 0xc3e0000000000000n,
  0xc3e0000000000001n, 0x43efffffffffffffn, 0x43f0000000000000n, 0x7fefffffffffffffn, 0xffefffffffffffffn,
  0x7ff0000000000000n, 0xfff0000000000000n, 0x7ff8000000000000n, 0xfff8000000000000n, 0x7ff0000000000001n,
  0x4330000000000001n, 0x3fe8000000000000n,
];
const INTS: bigint[] = [
  0n, 1n, 0xffffffffffffffffn, 2n, 3n, 0x1000001n, 0x1000003n, 0xfffffffffefffffdn, 0x7fffffffn, 0x80000000n,
  0xffffffffn, 0xffffffff80000000n, 0x1234567800000005n, 0x20000000000001n, 0x20000000000003n,
  0x7fffffffffffffffn, 0x8000000000000000n, 0x8000000000000001n, 0xfffffffffffffffen, 0x7fffffc0n, 0xffffff7fn,
];
// doubles for fcvt.s.d: rounding, overflow, underflow into subnormals, NaNs
const D_TO_S: bigint[] = [
  ...D_VALUES, 0x3ff0000010000000n, 0x3ff0000030000000n, 0x3ff0000010000001n, 0xbff0000010000000n,
  0x47efffffe0000000n, 0x47efffffefffffffn, 0x47effffff0000000n, 0x47f0000000000000n, 0xc7effffff0000000n,
  0x3810000000000000n, 0x380fffffffffffffn, 0x36a0000000000000n, 0x3690000000000000n, 0x3690000000000001n,
  0x36a8000000000000n, 0x380ffffff0000000n, 0x7ff4000000000000n,
];
const SIGN_BIT: Record<'s' | 'd', bigint> = { s: 0x80000000n, d: 0x8000000000000000n };

function fmtOf(name: 's' | 'd'): Format {
  return name === 's' ? F32 : F64;
}
function cross<T>(sets: T[][]): T[][] {
  return sets.reduce<T[][]>((acc, set) => acc.flatMap((prefix) => set.map((v) => [...prefix, v])), [[]]);
}

/** Two groups (static rm and dyn with frm) sharing one table. */
function withModes(base: string, inKind: Kind, arity: number, outKind: Kind, inputs: bigint[][],
  ref: (ins: bigint[], rm: number) => Result): Group[] {
  const groups: Group[] = [];
  for (const [name, rm] of MODES) {
    const table = `t_${base.replace(/[ .,]/g, '_')}_${name}`;
    const entries = inputs.map((ins) => ({ inputs: ins, result: ref(ins, rm) }));
    groups.push({ insn: `${base}, ${name}`, inKind, arity, outKind, table, entries });
    groups.push({ insn: `${base}, dyn`, inKind, arity, outKind, frm: rm, table, entries });
  }
  return groups;
}
function noMode(insn: string, inKind: Kind, arity: number, outKind: Kind, inputs: bigint[][],
  ref: (ins: bigint[]) => Result): Group[] {
  const table = `t_${insn.replace(/[ .,]/g, '_')}`;
  return [{ insn, inKind, arity, outKind, table, entries: inputs.map((ins) => ({ inputs: ins, result: ref(ins) })) }];
}

function arithGroups(n: 's' | 'd'): Group[] {
  const f = fmtOf(n);
  const vals = n === 's' ? S_VALUES : D_VALUES;
  const fv = n === 's' ? S_FMA : D_FMA;
  const pairs = cross([vals, vals]);
  const triples = cross([fv, fv, fv]);
  const fused: [string, boolean, boolean][] = [['fmadd', false, false], ['fmsub', false, true], ['fnmsub', true, false], ['fnmadd', true, true]];
  return [
    ...withModes(`fadd.${n} f3, f1, f2`, n, 2, n, pairs, ([a, b], rm) => add(f, a, b, rm)),
    ...withModes(`fsub.${n} f3, f1, f2`, n, 2, n, pairs, ([a, b], rm) => sub(f, a, b, rm)),
    ...withModes(`fmul.${n} f3, f1, f2`, n, 2, n, pairs, ([a, b], rm) => mul(f, a, b, rm)),
    ...withModes(`fdiv.${n} f3, f1, f2`, n, 2, n, pairs, ([a, b], rm) => div(f, a, b, rm)),
    ...withModes(`fsqrt.${n} f3, f1`, n, 1, n, [...vals, ...vals.map((v) => v + 3n)].map((v) => [v]), ([a], rm) => sqrt(f, a, rm)),
    ...fused.flatMap(([op, np, na]) =>
      withModes(`${op}.${n} f3, f1, f2, f4`, n, 3, n, triples, ([a, b, c], rm) => fma(f, a, b, c, np, na, rm))),
  ];
}

const RANDOM_COUNT = 256;

/** Random operands in every rounding mode: arithmetic, fused ops and conversions. */
function randomGroups(n: 's' | 'd'): Group[] {
  const f = fmtOf(n);
  const seed = n === 's' ? 0x5eed0001n : 0x5eed0002n;
  const pairs = randomTuples(seed, f, 2, RANDOM_COUNT);
  const singles = randomTuples(seed + 1n, f, 1, RANDOM_COUNT).map(([v]) => [v & ~(1n << BigInt(f.bits - 1))]);
  const triples = randomFmaTriples(seed + 2n, f, RANDOM_COUNT);
  const ints = randomInts(seed + 3n, RANDOM_COUNT).map((v) => [v]);
  const other = n === 's' ? F64 : F32;
  const narrowing = randomTuples(seed + 4n, other, 1, RANDOM_COUNT);
  return [
    ...withModes(`fadd.${n} f3, f1, f2`, n, 2, n, pairs, ([a, b], rm) => add(f, a, b, rm)),
    ...withModes(`fsub.${n} f3, f1, f2`, n, 2, n, pairs, ([a, b], rm) => sub(f, a, b, rm)),
    ...withModes(`fmul.${n} f3, f1, f2`, n, 2, n, pairs, ([a, b], rm) => mul(f, a, b, rm)),
    ...withModes(`fdiv.${n} f3, f1, f2`, n, 2, n, pairs, ([a, b], rm) => div(f, a, b, rm)),
    ...withModes(`fsqrt.${n} f3, f1`, n, 1, n, singles, ([a], rm) => sqrt(f, a, rm)),
    ...withModes(`fmadd.${n} f3, f1, f2, f4`, n, 3, n, triples, ([a, b, c], rm) => fma(f, a, b, c, false, false, rm)),
    ...withModes(`fnmsub.${n} f3, f1, f2, f4`, n, 3, n, triples, ([a, b, c], rm) => fma(f, a, b, c, true, false, rm)),
    ...withModes(`fcvt.l.${n} a0, f1`, n, 1, 'x', pairs.map(([a]) => [a]), ([a], rm) => toInt(f, a, 64, true, rm)),
    ...withModes(`fcvt.wu.${n} a0, f1`, n, 1, 'x', pairs.map(([, b]) => [b]), ([a], rm) => toInt(f, a, 32, false, rm)),
    ...withModes(`fcvt.${n}.l f3, a1`, 'x', 1, n, ints, ([a], rm) => fromInt(f, a, 64, true, rm)),
    ...withModes(`fcvt.${n}.lu f3, a1`, 'x', 1, n, ints, ([a], rm) => fromInt(f, a, 64, false, rm)),
    ...(n === 's' ? withModes('fcvt.s.d f3, f1', 'd', 1, 's', narrowing, ([a], rm) => convertFloat(F64, F32, a, rm)) : []),
  ];
}

function compareGroups(n: 's' | 'd'): Group[] {
  const f = fmtOf(n);
  const vals = n === 's' ? S_VALUES : D_VALUES;
  const pairs = cross([vals, vals]);
  const sb = SIGN_BIT[n];
  const mag = (v: bigint): bigint => v & (sb - 1n);
  return [
    ...noMode(`fmin.${n} f3, f1, f2`, n, 2, n, pairs, ([a, b]) => minMax(f, false, a, b)),
    ...noMode(`fmax.${n} f3, f1, f2`, n, 2, n, pairs, ([a, b]) => minMax(f, true, a, b)),
    ...noMode(`feq.${n} a0, f1, f2`, n, 2, 'x', pairs, ([a, b]) => compare(f, 'eq', a, b)),
    ...noMode(`flt.${n} a0, f1, f2`, n, 2, 'x', pairs, ([a, b]) => compare(f, 'lt', a, b)),
    ...noMode(`fle.${n} a0, f1, f2`, n, 2, 'x', pairs, ([a, b]) => compare(f, 'le', a, b)),
    ...noMode(`fsgnj.${n} f3, f1, f2`, n, 2, n, pairs, ([a, b]) => ({ bits: mag(a) | (b & sb), flags: 0n })),
    ...noMode(`fsgnjn.${n} f3, f1, f2`, n, 2, n, pairs, ([a, b]) => ({ bits: mag(a) | (~b & sb), flags: 0n })),
    ...noMode(`fsgnjx.${n} f3, f1, f2`, n, 2, n, pairs, ([a, b]) => ({ bits: a ^ (b & sb), flags: 0n })),
    ...noMode(`fclass.${n} a0, f1`, n, 1, 'x', vals.map((v) => [v]), ([a]) => ({ bits: classify(f, a), flags: 0n })),
  ];
}

function convertGroups(n: 's' | 'd'): Group[] {
  const f = fmtOf(n);
  const toIntVals = (n === 's' ? S_TO_INT : D_TO_INT).map((v) => [v]);
  const ints = INTS.map((v) => [v]);
  const kinds: [string, 32 | 64, boolean][] = [['w', 32, true], ['wu', 32, false], ['l', 64, true], ['lu', 64, false]];
  // int -> double is exact for 32-bit sources: the assembler takes no rounding mode there
  const exact = (bits: number): boolean => n === 'd' && bits === 32;
  const groups = kinds.flatMap(([t, bits, signed]) => [
    ...withModes(`fcvt.${t}.${n} a0, f1`, n, 1, 'x', toIntVals, ([a], rm) => toInt(f, a, bits, signed, rm)),
    ...(exact(bits)
      ? noMode(`fcvt.${n}.${t} f3, a1`, 'x', 1, n, ints, ([a]) => fromInt(f, a, bits, signed, RNE))
      : withModes(`fcvt.${n}.${t} f3, a1`, 'x', 1, n, ints, ([a], rm) => fromInt(f, a, bits, signed, rm))),
  ]);
  if (n === 's') {
    groups.push(...withModes('fcvt.s.d f3, f1', 'd', 1, 's', D_TO_S.map((v) => [v]), ([a], rm) => convertFloat(F64, F32, a, rm)));
  } else {
    groups.push(...noMode('fcvt.d.s f3, f1', 's', 1, 'd', S_VALUES.map((v) => [v]), ([a]) => convertFloat(F32, F64, a, RNE)));
  }
  return groups;
}

const LOAD: Record<Kind, string> = { s: 'flw', d: 'fld', x: 'ld' };
const IN_REGS: Record<Kind, string[]> = { s: ['f1', 'f2', 'f4'], d: ['f1', 'f2', 'f4'], x: ['a1'] };

/** The assembly of one group's loop. */
function groupCode(g: Group, number: number): string[] {
  const lines = [`/* check ${number * 1000}+i: ${g.insn}${g.frm !== undefined ? ` with frm = ${g.frm}` : ''} */`];
  lines.push(`  li TESTNUM, ${number * 1000}`);
  if (g.frm !== undefined) lines.push(`  csrwi frm, ${g.frm}`);
  lines.push(`  la s2, ${g.table}`, `  li s3, ${g.entries.length}`, '1:');
  for (let i = 0; i < g.arity; i++) lines.push(`  ${LOAD[g.inKind]} ${IN_REGS[g.inKind][i]}, ${i * 8}(s2)`);
  lines.push('  fsflags x0', `  ${g.insn}`, '  fsflags a3, x0');
  if (g.outKind === 's') {
    lines.push('  fmv.x.w a0, f3', '  lw t4, 24(s2)', '  bne a0, t4, fail');
    lines.push('  fmv.x.d a0, f3', '  srai a0, a0, 32', '  addi a0, a0, 1', '  bnez a0, fail'); // NaN-boxed
  } else if (g.outKind === 'd') {
    lines.push('  fmv.x.d a0, f3', '  ld t4, 24(s2)', '  bne a0, t4, fail');
  } else {
    lines.push('  ld t4, 24(s2)', '  bne a0, t4, fail');
  }
  lines.push('  ld t4, 32(s2)', '  bne a3, t4, fail', '  addi s2, s2, 40', '  addi TESTNUM, TESTNUM, 1',
    '  addi s3, s3, -1', '  bnez s3, 1b');
  if (g.frm !== undefined) lines.push('  csrwi frm, 0');
  return lines;
}

function hex(v: bigint): string {
  return '0x' + v.toString(16);
}

function tableData(g: Group): string[] {
  const lines = ['  .align 3', `${g.table}:`];
  for (const e of g.entries) {
    const ins = [...e.inputs, 0n, 0n, 0n].slice(0, 3);
    lines.push(`  .dword ${ins.map(hex).join(', ')}, ${hex(e.result.bits)}, ${hex(e.result.flags)}`);
  }
  return lines;
}

function program(title: string, groups: Group[]): { text: string; checks: number } {
  const code: string[] = [];
  const data: string[] = [];
  const emitted = new Set<string>();
  let checks = 0;
  groups.forEach((g, i) => {
    code.push(...groupCode(g, i + 1));
    checks += g.entries.length;
    if (!emitted.has(g.table)) {
      emitted.add(g.table);
      data.push(...tableData(g));
    }
  });
  const text = [
    `/* ${title}`,
    '   GENERATED by gen/gen-fp-ops.ts from gen/fp-reference.ts.',
    '   A failing check number is group * 1000 + table index; the group comments name the instruction. */',
    '#include "test-macros.h"',
    'TEST_BEGIN',
    ...code,
    'TEST_END',
    '  .data',
    ...data,
    '',
  ].join('\n');
  return { text, checks };
}

/** The generated F and/or D programs (default both), with their check counts. */
export function generateFpPrograms(formats: ('s' | 'd')[] = ['s', 'd']): GeneratedProgram[] {
  const ext = { s: 'uf', d: 'ud' } as const;
  const name = { s: 'Single', d: 'Double' } as const;
  return formats.flatMap((n) => {
    const outputs: [string, string, Group[]][] = [
      [`rv64${ext[n]}-arith-gen`, `${name[n]}-precision arithmetic, square root and fused multiply-add in every rounding mode.`, arithGroups(n)],
      [`rv64${ext[n]}-cmp-gen`, `${name[n]}-precision min/max, compares, sign injection and classify.`, compareGroups(n)],
      [`rv64${ext[n]}-cvt-gen`, `${name[n]}-precision conversions to and from integers and the other format, every rounding mode.`, convertGroups(n)],
      [`rv64${ext[n]}-random-gen`, `${name[n]}-precision operations on seeded random operands, every rounding mode.`, randomGroups(n)],
    ];
    return outputs.map(([file, title, groups]) => ({ name: file, ...program(title, groups) }));
  });
}
