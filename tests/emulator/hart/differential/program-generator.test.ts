// Tests of the differential program generator: determinism, size, coverage of
// every instruction group, and (when the RISC-V tools are installed) that
// generated programs build and run to completion under qemu-riscv64.

import { describe, expect, it } from 'vitest';
import { findOracle, prepare, type Oracle } from './differential.ts';
import { compareDumps } from './dump-compare.ts';
import { deriveSeed } from './prng.ts';
import { countLines, OUTPUT_SIZE, type Program, renderProgram, SCRATCH_SIZE } from './program-model.ts';
import { generateProgram, type Extension } from './program-generator.ts';

describe('program generator', () => {
  it('is deterministic per seed and differs between seeds', () => {
    expect(renderProgram(generateProgram(42))).toBe(renderProgram(generateProgram(42)));
    expect(renderProgram(generateProgram(42))).not.toBe(renderProgram(generateProgram(43)));
    expect(deriveSeed(1, 0)).not.toBe(deriveSeed(1, 1));
  });

  it('makes programs of 1000+ instructions', () => {
    for (let i = 0; i < 20; i++) expect(countLines(generateProgram(deriveSeed(7, i)).items)).toBeGreaterThan(1000);
  });

  it('covers integer, M, A, F, D, compressed, fcsr, branches and loops', () => {
    const text = Array.from({ length: 10 }, (_, i) => renderProgram(generateProgram(i))).join('\n');
    const wanted = ['addw', 'sraiw', 'mulhsu', 'remuw', 'amomaxu.d', 'amoadd.w', 'lr.d', 'sc.w', 'fmadd.s',
      'fnmsub.d', 'fsqrt.d', ', rmm', ', dyn', 'fcvt.lu.s', 'fcvt.s.d', 'fclass.d', 'fmv.x.w', 'fsgnjx.s',
      'fsrmi', 'fscsr', 'c.addiw', 'c.addi4spn', 'c.addi16sp', 'c.jr', 'fence.i', 'c.fldsp', 'c.subw', 'bltu', 'jalr', 'bnez x31', 'flw', 'fsd'];
    for (const w of wanted) expect(text, w).toContain(w);
  });

  it('restricts to the requested extensions', () => {
    const withF = renderProgram(generateProgram(5, { bodyItems: 1000, extensions: ['i', 'f'] }));
    expect(withF).toMatch(/fmadd/);
    expect(withF).not.toMatch(/\bc\./);
    const text = renderProgram(generateProgram(5, { bodyItems: 1000, extensions: ['i', 'm'] }));
    const body = text.slice(text.indexOf('fscsr x0'), text.indexOf('la x9, dump'));
    expect(body).not.toMatch(/\bf[a-z.]+ f\d|amo|lr\.|\bc\./);
    expect(body).toMatch(/\bmul/);
    expect(text).toContain('.option norvc');
  });
});

const oracle = findOracle();

/** Returns QEMU's dump of a program; throws when it does not build or dies on a signal. */
async function qemuOutput(o: Oracle, program: Program): Promise<Uint8Array> {
  const prepared = await prepare(o, program);
  if (typeof prepared === 'string') throw new Error(prepared);
  if (!(prepared.expected instanceof Uint8Array)) throw new Error(`qemu: ${prepared.expected.signal}`);
  return prepared.expected;
}

describe.skipIf(oracle === undefined)('generated programs under qemu-riscv64', () => {
  it('build, run to exit and write the full dump; the same program gives the same dump', async () => {
    if (oracle === undefined) return;
    for (let i = 0; i < 8; i++) {
      const program = generateProgram(deriveSeed(99, i));
      const out = await qemuOutput(oracle, program);
      expect(out.length).toBe(OUTPUT_SIZE);
      const dump = new DataView(out.buffer, out.byteOffset + SCRATCH_SIZE);
      expect(dump.getBigUint64(0, true)).toBe(0n); // x0
      expect(compareDumps(out, out)).toBeUndefined();
    }
  });

  it('assemble and run for every extension subset', async () => {
    if (oracle === undefined) return;
    const subsets: Extension[][] = [['i'], ['i', 'm'], ['i', 'a'], ['i', 'f'], ['i', 'c'], ['i', 'f', 'c'], ['i', 'm', 'a', 'c']];
    for (const extensions of subsets) {
      const out = await qemuOutput(oracle, generateProgram(31, { bodyItems: 400, extensions }));
      expect(out.length, extensions.join('')).toBe(OUTPUT_SIZE);
    }
  });
});
