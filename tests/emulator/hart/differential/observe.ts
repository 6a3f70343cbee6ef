// Observation items for the differential generator: after an instruction that
// writes an x or f register, mix the result into the accumulator x29 (through
// x30 for f registers, and sometimes fflags too), so that a wrong intermediate
// value shows up in the final dump even when its register is overwritten later.

import type { Prng } from './prng.ts';
import { ACC_REG, insn, type Item, OBS_TMP_REG } from './program-model.ts';

/** Mnemonics whose first operand is a source (stores), not a destination. */
const STORE = /^(c\.)?f?s[bhwd](sp)?$/;
const FP_FLAGS_SOURCE = /^(c\.)?f(add|sub|mul|div|sqrt|m?n?m(add|sub)|cvt|min|max|eq|lt|le)/;

/** Returns the destination register written by the last line of `item`, if any ('x5', 'f3'). */
export function destinationOf(item: Item): string | undefined {
  if (item.kind !== 'insn') return undefined;
  const last = item.lines[item.lines.length - 1].trim();
  const space = last.indexOf(' ');
  if (space < 0) return undefined;
  const mnemonic = last.slice(0, space);
  if (STORE.test(mnemonic)) return undefined;
  const first = last.slice(space + 1).split(',')[0].trim();
  if (first === 'x0' || !/^[xf]\d+$/.test(first)) return undefined;
  return first;
}

/**
 * Returns an observation item for `item`'s result (with probability `p`), else
 * undefined; after an FP operation, fflags are mixed in too with probability `flagsShare`.
 */
export function observe(rng: Prng, item: Item, p: number, flagsShare = 0.3): Item | undefined {
  const dest = destinationOf(item);
  if (dest === undefined || item.kind !== 'insn' || !rng.chance(p)) return undefined;
  const acc = `x${ACC_REG}`;
  const tmp = `x${OBS_TMP_REG}`;
  // acc = 3 * acc + value: equal values do not cancel as they would with xor.
  const triple = [`slli ${tmp}, ${acc}, 1`, `add ${acc}, ${acc}, ${tmp}`];
  const lines = dest.startsWith('x')
    ? [...triple, `add ${acc}, ${acc}, ${dest}`]
    : [...triple, `fmv.x.d ${tmp}, ${dest}`, `add ${acc}, ${acc}, ${tmp}`];
  const mnemonic = item.lines[item.lines.length - 1].trim().split(' ')[0];
  if (FP_FLAGS_SOURCE.test(mnemonic) && rng.chance(flagsShare)) {
    lines.push(...triple, `frflags ${tmp}`, `add ${acc}, ${acc}, ${tmp}`);
  }
  return insn(...lines);
}
