// Differential test of the FPU against qemu-riscv64 (its own IEEE model): a
// generated C program runs every F/D operation in each static rounding mode
// through inline asm on shared operands and prints result bits and fflags.
// Skips cleanly when riscv64-linux-gnu-gcc or qemu-riscv64 is not installed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { F32, F64, type Format } from './exact-reference.ts';
import { loadFpu } from './fpu-wasm.ts';
import { Rng, expField, operand } from './operand-gen.ts';

const onPath = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const haveTools = onPath('riscv64-linux-gnu-gcc') && onPath('qemu-riscv64');
const RMS = ['rne', 'rtz', 'rdn', 'rup', 'rmm'];
// RVOS_FPU_QEMU_CASES / RVOS_FPU_QEMU_SEED widen a local soak run; CI uses the defaults.
const CASES = Number(process.env.RVOS_FPU_QEMU_CASES ?? 400);
const SEED = Number(process.env.RVOS_FPU_QEMU_SEED ?? 77);

/** One generated test function: asm body plus how to call the FPU for case i. */
interface OpCase {
  asm: string; // instructions; inputs in ft0..ft2 / %1 (integer), result to ft3 or %0
  out: 'f' | 'x' | 'x32';
  fpu: (i: number) => { name: string; args: (number | bigint)[] };
}

interface Operands { d: bigint[][]; s: bigint[][]; ints: bigint[] }

function makeOperands(): Operands {
  const rng = new Rng(SEED);
  const triple = (f: Format): bigint[] => {
    const a = operand(f, rng), b = operand(f, rng, expField(f, a));
    const bias = (1 << (f.expBits - 1)) - 1;
    return [a, b, operand(f, rng, expField(f, a) + expField(f, b) - bias)];
  };
  return {
    d: Array.from({ length: CASES }, () => triple(F64)),
    s: Array.from({ length: CASES }, () => triple(F32)),
    ints: Array.from({ length: CASES }, () => BigInt.asUintN(64, rng.bits64() >> BigInt(rng.int(64)) ^ (rng.int(2) ? -1n : 0n))),
  };
}

/** The operation table for one precision ('d' or 's'). */
function opsFor(p: 'd' | 's', o: Operands): OpCase[] {
  const t = p === 'd' ? 'f64' : 'f32';
  const v = (i: number, k: number): number | bigint => (p === 'd' ? o.d[i]![k]! : Number(o.s[i]![k]!));
  const neg = (x: number | bigint): number | bigint => (typeof x === 'bigint' ? x ^ (1n << 63n) : (x ^ 0x80000000) >>> 0);
  const ops: OpCase[] = [];
  RMS.forEach((rm, m) => {
    for (const op of ['add', 'sub', 'mul', 'div']) {
      ops.push({ asm: `f${op}.${p} ft3, ft0, ft1, ${rm}`, out: 'f', fpu: (i) => ({ name: `${t}_${op}`, args: [v(i, 0), v(i, 1), m] }) });
    }
    ops.push({ asm: `fsqrt.${p} ft3, ft0, ${rm}`, out: 'f', fpu: (i) => ({ name: `${t}_sqrt`, args: [v(i, 0), m] }) });
    const fma: [string, (i: number) => (number | bigint)[]][] = [
      ['fmadd', (i) => [v(i, 0), v(i, 1), v(i, 2)]], ['fmsub', (i) => [v(i, 0), v(i, 1), neg(v(i, 2))]],
      ['fnmsub', (i) => [neg(v(i, 0)), v(i, 1), v(i, 2)]], ['fnmadd', (i) => [neg(v(i, 0)), v(i, 1), neg(v(i, 2))]],
    ];
    for (const [insn, args] of fma) {
      ops.push({ asm: `${insn}.${p} ft3, ft0, ft1, ft2, ${rm}`, out: 'f', fpu: (i) => ({ name: `${t}_fma`, args: [...args(i), m] }) });
    }
    for (const [to, name] of [['w', 'i32'], ['wu', 'u32'], ['l', 'i64'], ['lu', 'u64']] as const) {
      const out = to.startsWith('w') ? 'x32' : 'x';
      ops.push({ asm: `fcvt.${to}.${p} %0, ft0, ${rm}`, out, fpu: (i) => ({ name: `${t}_to_${name}`, args: [v(i, 0), m] }) });
      const intArg = (i: number): number | bigint => (to.startsWith('w') ? Number(BigInt.asIntN(32, o.ints[i]!)) : o.ints[i]!);
      const exact = p === 'd' && to.startsWith('w'); // the assembler takes no rm for exact conversions
      ops.push({ asm: `fcvt.${p}.${to} ft3, %1${exact ? '' : `, ${rm}`}`, out: 'f', fpu: (i) => ({ name: `${name}_to_${t}`, args: [intArg(i), m] }) });
    }
    if (p === 's') ops.push({ asm: `fcvt.s.d ft3, ft0, ${rm}`, out: 'f', fpu: (i) => ({ name: 'f64_to_f32', args: [o.d[i]![0]!, m] }) });
  });
  for (const op of ['min', 'max']) ops.push({ asm: `f${op}.${p} ft3, ft0, ft1`, out: 'f', fpu: (i) => ({ name: `${t}_${op}`, args: [v(i, 0), v(i, 1)] }) });
  for (const op of ['eq', 'lt', 'le']) ops.push({ asm: `f${op}.${p} %0, ft0, ft1`, out: 'x', fpu: (i) => ({ name: `${t}_${op}`, args: [v(i, 0), v(i, 1)] }) });
  ops.push({ asm: `fclass.${p} %0, ft0`, out: 'x', fpu: (i) => ({ name: `${t}_classify`, args: [v(i, 0)] }) });
  if (p === 'd') ops.push({ asm: 'fcvt.d.s ft3, ft0', out: 'f', fpu: (i) => ({ name: 'f32_to_f64', args: [Number(o.s[i]![0]!)] }) });
  return ops;
}

/** C source of one op as a function of the case index. */
function cFunction(k: number, p: 'd' | 's', op: OpCase, crossInput: boolean): string {
  const arr = crossInput ? (p === 's' ? 'D' : 'S') : (p === 'd' ? 'D' : 'S');
  const mv = arr === 'D' ? 'fmv.d.x' : 'fmv.w.x';
  const load = [0, 1, 2].map((j) => `${mv} ft${j}, %${j + 2}`).join('\\n\\t');
  // The result format is the group's precision (fcvt.s.d sits in the 's' group).
  const store = op.out === 'f' ? (p === 'd' ? '\\n\\tfmv.x.d %0, ft3' : '\\n\\tfmv.x.w %0, ft3') : '';
  const mask = op.out === 'x32' || (op.out === 'f' && p === 's') ? ' & 0xffffffffull' : '';
  return `static unsigned long long op${k}(int i) { unsigned long long r;
  asm volatile("${load}\\n\\t${op.asm}${store}" : "=r"(r) : "r"(I[i]), "r"(${arr}[i][0]), "r"(${arr}[i][1]), "r"(${arr}[i][2]) : "ft0", "ft1", "ft2", "ft3");
  return r${mask}; }`;
}

function cProgram(o: Operands, groups: { p: 'd' | 's'; ops: OpCase[] }[]): string {
  const rows = (xs: bigint[][]): string => xs.map((r) => `{${r.map((x) => `0x${x.toString(16)}ull`).join(',')}}`).join(',\n');
  const fns: string[] = [];
  let k = 0;
  for (const { p, ops } of groups) {
    for (const op of ops) fns.push(cFunction(k++, p, op, op.asm.startsWith('fcvt.s.d') || op.asm.startsWith('fcvt.d.s')));
  }
  return `#include <stdio.h>
static const unsigned long long D[${CASES}][3] = {${rows(o.d)}};
static const unsigned long long S[${CASES}][3] = {${rows(o.s)}};
static const unsigned long long I[${CASES}] = {${o.ints.map((x) => `0x${x.toString(16)}ull`).join(',')}};
${fns.join('\n')}
typedef unsigned long long (*opfn)(int);
static const opfn OPS[] = {${Array.from({ length: k }, (_, j) => `op${j}`).join(',')}};
int main(void) {
  for (int i = 0; i < ${CASES}; i++) for (unsigned j = 0; j < sizeof OPS / sizeof OPS[0]; j++) {
    unsigned long f; asm volatile("fsflags zero");
    unsigned long long r = OPS[j](i);
    asm volatile("frflags %0" : "=r"(f));
    printf("%llx %lx\\n", r, f);
  }
  return 0;
}
`;
}

describe.skipIf(!haveTools)('FPU vs qemu-riscv64 (all F/D operations, all static rounding modes)', () => {
  let dir = '';
  afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it('matches result bits and fflags', () => {
    dir = mkdtempSync(join(tmpdir(), 'rvos-fpu-qemu-'));
    const o = makeOperands();
    const groups = [{ p: 'd' as const, ops: opsFor('d', o) }, { p: 's' as const, ops: opsFor('s', o) }];
    writeFileSync(join(dir, 'fpu.c'), cProgram(o, groups));
    const cc = spawnSync('riscv64-linux-gnu-gcc', ['-static', '-O1', '-march=rv64gc', '-mabi=lp64d', '-o', join(dir, 'fpu'), join(dir, 'fpu.c')], { encoding: 'utf8' });
    expect(cc.stderr).toBe('');
    const run = spawnSync('qemu-riscv64', [join(dir, 'fpu')], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    const all = groups.flatMap((g) => g.ops);
    expect(lines.length).toBe(CASES * all.length);
    const fpu = loadFpu();
    const bad: string[] = [];
    lines.forEach((line, n) => {
      const op = all[n % all.length]!;
      const { name, args } = op.fpu(Math.floor(n / all.length));
      const [r, f] = line.split(' ');
      const got = fpu.call(name, ...args);
      const value = op.out === 'x32' ? got.value & 0xffffffffn : got.value;
      if ((value !== BigInt(`0x${r}`) || got.flags !== Number(`0x${f}`)) && bad.length < 10) {
        bad.push(`${op.asm} [${args.map((x) => x.toString(16)).join(', ')}]: fpu ${value.toString(16)}/${got.flags}, qemu ${r}/${f}`);
      }
    });
    expect(bad).toEqual([]);
    expect(lines.length).toBeGreaterThan(180 * CASES);
  });
});
