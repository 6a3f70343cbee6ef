// Seeded random program generator for the differential test: register and
// f-register initialisation, then a weighted mix of integer, M, A, F/D (with
// targeted corner cases) and compressed instructions, each result observed now
// and then (observe.ts), forward branches/jumps over short bodies, bounded loops
// and self-modifying code. Deterministic: the same seed and options give the same Program.

import { Prng } from './prng.ts';
import { genSelfModifying } from './self-modifying.ts';
import { observe } from './observe.ts';
import { genFCorner } from './fp-corners.ts';
import { insn, LOOP_REG, type Item, type Program, SCRATCH_SIZE } from './program-model.ts';
import { doubleBits, fregBits, hex, intValue, rdNonZero, rs, singleBits, writableRegs } from './operands.ts';
import {
  genAmo, genCompressed, genIntI, genIntMem, genIntR, genLoadImmediate, genLrSc, genMul,
} from './instructions-integer.ts';
import {
  genFArith, genFConstant, genFConvert, genFCompareMove, genFcsr, genFMem, genFMemCompressed, genFma,
} from './instructions-float.ts';

export type Extension = 'i' | 'm' | 'a' | 'f' | 'c';
export const ALL_EXTENSIONS: readonly Extension[] = ['i', 'm', 'a', 'f', 'c'];

export interface GeneratorOptions {
  /** Number of random body items (each is at least one instruction). */
  readonly bodyItems: number;
  /** Instruction groups to draw from ('i' is always on; 'f' means F and D). */
  readonly extensions: readonly Extension[];
}

export const DEFAULT_OPTIONS: GeneratorOptions = { bodyItems: 1000, extensions: ALL_EXTENSIONS };

type Gen = (rng: Prng) => Item;
/** `ext` 'fc' needs both F/D and C. */
interface Weighted {
  readonly ext: Extension | 'fc';
  readonly weight: number;
  readonly gen: Gen;
  /** Observation probability (and fflags too), instead of OBSERVE_SHARE. */
  readonly observe?: number;
}

const SIMPLE: readonly Weighted[] = [
  { ext: 'i', weight: 14, gen: genIntR },
  { ext: 'i', weight: 14, gen: genIntI },
  { ext: 'i', weight: 3, gen: genLoadImmediate },
  { ext: 'i', weight: 8, gen: genIntMem },
  { ext: 'm', weight: 9, gen: genMul },
  { ext: 'a', weight: 3, gen: genAmo },
  { ext: 'a', weight: 2, gen: genLrSc },
  { ext: 'c', weight: 5, gen: genCompressed },
  { ext: 'f', weight: 12, gen: genFArith },
  { ext: 'f', weight: 5, gen: genFma },
  { ext: 'f', weight: 8, gen: genFConvert },
  { ext: 'f', weight: 6, gen: genFCompareMove },
  { ext: 'f', weight: 8, gen: genFConstant },
  { ext: 'f', weight: 3, gen: genFMem },
  { ext: 'f', weight: 3, gen: genFcsr },
  { ext: 'fc', weight: 1, gen: genFMemCompressed },
  { ext: 'f', weight: 3, gen: genFCorner, observe: 1 },
];

/** Share of register-writing items followed by an observation (observe.ts). */
const OBSERVE_SHARE = 0.35;
const BRANCHES = ['beq', 'bne', 'blt', 'bge', 'bltu', 'bgeu'];

/** Returns the program for `seed`; throws nothing. */
export function generateProgram(seed: number, options: GeneratorOptions = DEFAULT_OPTIONS): Program {
  const rng = new Prng(seed);
  const enabled = (ext: Extension | 'fc'): boolean => ext === 'i'
    || (ext === 'fc' ? options.extensions.includes('f') && options.extensions.includes('c') : options.extensions.includes(ext));
  const table = SIMPLE.filter((w) => enabled(w.ext));
  const total = table.reduce((sum, w) => sum + w.weight, 0);
  const items: Item[] = initItems(rng, options.extensions.includes('f'));
  const initCount = items.length;
  const observed = (): Item[] => {
    const w = pickWeighted(rng, table, total);
    const item = w.gen(rng);
    const observer = w.observe === undefined ? observe(rng, item, OBSERVE_SHARE) : observe(rng, item, w.observe, w.observe);
    return observer === undefined ? [item] : [item, observer];
  };
  const compressed = options.extensions.includes('c');
  while (items.length < initCount + options.bodyItems) {
    if (rng.chance(0.06)) items.push(genBlock(rng, observed, compressed));
    else items.push(...observed());
  }
  const scratch: string[] = [];
  for (let i = 0; i < SCRATCH_SIZE / 8; i++) scratch.push(hex(rng.chance(0.5) ? fregBits(rng) : rng.nextU64()));
  return { seed, items, scratch, rvc: options.extensions.includes('c') };
}

function pickWeighted(rng: Prng, table: readonly Weighted[], total: number): Weighted {
  let x = rng.below(total);
  for (const w of table) {
    if (x < w.weight) return w;
    x -= w.weight;
  }
  return table[0];
}

/** Returns the register initialisation items: f0-f15 doubles, f16-f31 singles (if `withFloat`), then x registers. */
export function initItems(rng: Prng, withFloat: boolean): Item[] {
  const items: Item[] = [];
  if (withFloat) {
    for (let f = 0; f < 32; f++) {
      const bits = f < 16 ? doubleBits(rng) : 0xffff_ffff_0000_0000n | BigInt(singleBits(rng));
      items.push(insn(`li x5, ${hex(rng.chance(0.1) ? fregBits(rng) : bits)}`, `fmv.d.x f${f}, x5`));
    }
  }
  for (const r of writableRegs()) items.push(insn(`li x${r}, ${intValue(rng)}`));
  return items;
}

function genBody(rng: Prng, simple: () => Item[], max: number): Item[] {
  const body: Item[] = [];
  for (let n = rng.range(1, max); n > 0; n--) body.push(...simple());
  return body;
}

/** A forward conditional branch, a forward jal/jalr over a body, self-modifying code, or a bounded loop. */
function genBlock(rng: Prng, simple: () => Item[], compressed: boolean): Item {
  const r = rng.below(10);
  if (r < 5) {
    const cond = rng.chance(0.2)
      ? `${rng.pick(['beqz', 'bnez'])} ${rs(rng)}, %L`
      : `${rng.pick(BRANCHES)} ${rs(rng)}, ${rs(rng)}, %L`;
    return { kind: 'block', head: [cond], body: genBody(rng, simple, 8), tail: ['%L:'] };
  }
  if (r < 6) {
    return { kind: 'block', head: [`jal ${rdNonZero(rng)}, %L`], body: genBody(rng, simple, 4), tail: ['%L:'] };
  }
  if (r < 7) {
    const t = rdNonZero(rng);
    const jalr = `jalr ${rng.chance(0.2) ? 'x0' : rdNonZero(rng)}, ${t}`;
    const jump = compressed ? rng.pick([jalr, `c.jr ${t}`, `c.jalr ${t}`, 'c.j %L']) : jalr;
    return {
      kind: 'block', head: [`la ${t}, %L`, jump],
      body: genBody(rng, simple, 4), tail: ['%L:'],
    };
  }
  if (r < 8) return genSelfModifying(rng, compressed);
  return {
    kind: 'block', head: [`li x${LOOP_REG}, ${rng.range(1, 5)}`, '%L:'],
    body: [...genBody(rng, simple, 6), ...(rng.chance(0.3) ? [genSelfModifying(rng, compressed)] : [])],
    tail: [`addi x${LOOP_REG}, x${LOOP_REG}, -1`, `bnez x${LOOP_REG}, %L`],
  };
}
