// Register names of RV64GC: the ABI names of x0..x31 and f0..f31 as objdump
// prints them, and the parser the encoder (and later the assembler) uses to
// accept either ABI names or raw xN/fN names.

/** ABI names of the integer registers, index = register number. */
export const X_ABI_NAMES: readonly string[] = [
  'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2',
  's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7',
  's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6',
];

/** ABI names of the floating-point registers, index = register number. */
export const F_ABI_NAMES: readonly string[] = [
  'ft0', 'ft1', 'ft2', 'ft3', 'ft4', 'ft5', 'ft6', 'ft7',
  'fs0', 'fs1', 'fa0', 'fa1', 'fa2', 'fa3', 'fa4', 'fa5',
  'fa6', 'fa7', 'fs2', 'fs3', 'fs4', 'fs5', 'fs6', 'fs7',
  'fs8', 'fs9', 'fs10', 'fs11', 'ft8', 'ft9', 'ft10', 'ft11',
];

export type RegisterFile = 'x' | 'f';

function buildIndex(abi: readonly string[], prefix: string): Map<string, number> {
  const index = new Map<string, number>();
  abi.forEach((name, i) => {
    index.set(name, i);
    index.set(`${prefix}${i}`, i);
  });
  return index;
}

const X_INDEX = buildIndex(X_ABI_NAMES, 'x');
X_INDEX.set('fp', 8);
const F_INDEX = buildIndex(F_ABI_NAMES, 'f');

/** Returns the register number for an ABI or numeric name (`a0`, `x10`, `fp`, `fa0`, `f10`), or undefined. */
export function parseRegister(file: RegisterFile, name: string): number | undefined {
  return (file === 'x' ? X_INDEX : F_INDEX).get(name.toLowerCase());
}

/** Returns the ABI name of register `index` (0..31) of the given file. */
export function registerName(file: RegisterFile, index: number): string {
  return (file === 'x' ? X_ABI_NAMES : F_ABI_NAMES)[index] ?? `${file}?${index}`;
}
