// Developer tool (not a vitest test): measures how strong the privileged test
// programs are by building mutated copies of the hart (one deliberate spec
// violation each, in a temp directory) and reporting which programs catch it.
// Run: npx tsx tests/emulator/hart/priv/support/mutation-check.ts [mutant-name]
// A mutant whose pattern no longer matches the hart source is reported, not run.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHart } from '../../../../../emulator/hart/hart.ts';
import { PRIV_PROGRAMS } from '../programs.ts';
import { buildProgram, makeBuildDir } from './build-program.ts';
import { runProgram } from './run-program.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..');
const HART_SRC = join(root, 'emulator', 'hart', 'assembly');
const ASC = join(root, 'node_modules', 'assemblyscript', 'bin', 'asc.js');

/** [name, file under emulator/hart/assembly, exact source text, replacement]. */
type Mutant = readonly [string, string, string, string];

const MUTANTS: readonly Mutant[] = [
  ['mret-keeps-mprv', 'trap.ts', 'if (mpp != 3) s &= ~MPRV;', ''],
  ['sret-keeps-mprv', 'trap.ts', 'let s = mstatus & ~(SIE | SPP | MPRV);', 'let s = mstatus & ~(SIE | SPP);'],
  ['sret-keeps-spp', 'trap.ts', 'let s = mstatus & ~(SIE | SPP | MPRV);', 'let s = mstatus & ~(SIE | MPRV);'],
  ['mret-keeps-mpp', 'trap.ts', 'let s = mstatus & ~(MIE | MPP);', 'let s = mstatus & ~(MIE);'],
  ['mret-no-mpie', 'trap.ts', '  s |= MPIE;\n  if (mpp', '  if (mpp'],
  ['delegate-from-m', 'trap.ts', 'if (priv <= 1 && ((deleg >> code) & 1) != 0)', 'if (((deleg >> code) & 1) != 0)'],
  ['s-int-ignores-sie', 'trap.ts', '(priv < 1 || (priv == 1 && (mstatus & SIE) != 0))', '(priv <= 1)'],
  ['m-int-ignores-mie', 'trap.ts', '(priv < 3 || (mstatus & MIE) != 0)', '(true)'],
  ['vectored-exceptions', 'trap.ts', 'pc = (mtvec & ~3) + (isInt && (mtvec & 3) == 1', 'pc = (mtvec & ~3) + ((mtvec & 3) == 1'],
  ['priority-mti-first', 'trap.ts', 'memory.data<u8>([11, 3, 7, 9, 1, 5])', 'memory.data<u8>([11, 7, 3, 9, 1, 5])'],
  ['no-spie', 'trap.ts', 'if ((mstatus & SIE) != 0) s |= SPIE;', ''],
  ['no-spp', 'trap.ts', 'if (priv == 1) s |= SPP;', ''],
  ['timer-strictly-greater', 'trap.ts', 'if (<u64>mtimeNow() >= <u64>mtimecmp)', 'if (<u64>mtimeNow() > <u64>mtimecmp)'],
  ['sum-ignored', 'mmu.ts', 'if (acc == ACC_FETCH || (mstatus & (1 << 18)) == 0) return false;', 'if (acc == ACC_FETCH) return false;'],
  ['s-exec-user', 'mmu.ts', 'if (acc == ACC_FETCH || (mstatus & (1 << 18)) == 0) return false;', 'if ((mstatus & (1 << 18)) == 0) return false;'],
  ['mxr-ignored', 'mmu.ts', '((mstatus & (1 << 19)) != 0 && (pte & 8) != 0)', 'false'],
  ['no-superpage-align', 'mmu.ts', 'if (level > 0 && (ppn & ((<i64>1 << (9 * level)) - 1)) != 0) return -1;', ''],
  ['dirty-on-load', 'mmu.ts', 'const want: i64 = acc == ACC_STORE ? 0xc0 : 0x40;', 'const want: i64 = 0xc0;'],
  ['no-canonical-check', 'mmu.ts', 'if ((va << 25) >> 25 != va) return -1;', ''],
  ['reserved-pte-bits-ok', 'mmu.ts', '(pte >>> 54) != 0', 'false'],
  ['w-without-r-ok', 'mmu.ts', '(pte & 6) == 4 || ', ''],
  ['u-access-s-page', 'mmu.ts', 'if (effPriv == 0 && !u) return false;', ''],
  ['mprv-ignored', 'mmu.ts', 'if (priv == 3 && (mstatus & (1 << 17)) != 0) return', 'if (false) return'],
  ['pte-outside-ram-pagefault', 'mmu.ts', 'if (!isRam(pteAddr)) { walkAccessFault = true; return -1; }', 'if (!isRam(pteAddr)) { return -1; }'],
  ['crossing-tval-first-byte', 'mmu.ts', 'if (excCause >= 0) return 0; // tval: the first address in the faulting page', 'if (excCause >= 0) { raise(excCause, va); return 0; }'],
  ['fetch-straddle-tval-start', 'fetch.ts', '  if (host2 == 0) return 0;', '  if (host2 == 0) { raise(excCause, pc); return 0; }'],
  ['scounteren-ignored', 'csr.ts', 'return priv == 1 || ((scounteren >> index) & 1) != 0;', 'return true;'],
  ['mcounteren-ignored', 'csr.ts', 'if (((mcounteren >> index) & 1) == 0) return false;', ''],
  ['tvm-satp-ignored', 'csr.ts', 'if (addr == 0x180 && priv == 1 && (mstatus & 0x100000) != 0) { raise(2, 0); return false; }', ''],
  ['fs-off-csr-ok', 'csr.ts', 'if (addr <= 3 && !fpEnabled()) { raise(2, 0); return false; }', ''],
  ['ro-csr-writable', 'csr.ts', '(write && (addr >> 10) == 3)', 'false'],
  ['medeleg-bit11', 'csr.ts', 'const MEDELEG_MASK: i64 = 0xb3ff;', 'const MEDELEG_MASK: i64 = 0xbbff;'],
  ['sie-write-undelegated', 'csr.ts', 'mie = (mie & ~mideleg) | (v & mideleg & MIE_MASK)', 'mie = v & MIE_MASK'],
  ['sip-write-any', 'csr.ts', 'mipSoft = (mipSoft & ~(mideleg & 2)) | (v & mideleg & 2)', 'mipSoft = v & 0x222'],
  ['mip-m-bits-writable', 'csr.ts', 'const MIP_WMASK: i64 = 0x222;', 'const MIP_WMASK: i64 = 0xaaa;'],
  ['mpp2-kept', 'csr.ts', 'if (((v >> 11) & 3) == 2) v = (v & ~0x1800) | (mstatus & 0x1800);', ''],
  ['satp-any-mode', 'csr.ts', 'if (mode != 0 && mode != 8) return;', ''],
  ['mepc-bit0', 'csr.ts', 'case 0x341: mepc = v & ~1;', 'case 0x341: mepc = v;'],
  ['tvec-mode2', 'csr.ts', 'return (v & 3) >= 2 ? v & ~3 : v;', 'return v;'],
  ['sd-on-any-fs', 'csr.ts', 'if ((mstatus & FS) == FS) v |= <i64>1 << 63;', 'if ((mstatus & FS) != 0) v |= <i64>1 << 63;'],
  ['minstret-counts-write', 'csr.ts', 'minstretOff = v - (liveRetired() + 1)', 'minstretOff = v - liveRetired()'],
  ['tsr-ignored', 'exec.ts', 'if (priv == 0 || (priv == 1 && (mstatus & (1 << 22)) != 0)) {', 'if (priv == 0) {'],
  ['tw-ignored', 'exec.ts', '(priv == 1 && (mstatus & (1 << 21)) != 0)) { raise(2, 0); return; }', '(false)) { raise(2, 0); return; }'],
  ['u-wfi-legal', 'exec.ts', 'if (priv == 0 || (priv == 1 && (mstatus & (1 << 21)) != 0)) { raise(2, 0); return; }', 'if (priv == 1 && (mstatus & (1 << 21)) != 0) { raise(2, 0); return; }'],
  ['sfence-no-flush', 'exec.ts', 'pc = p; translationChanged(); p = pc;', 'pc = p; p = pc;'],
];

/** Compiles the hart sources in `srcDir` to wasm bytes; throws with asc's message on failure. */
function compileHart(srcDir: string, out: string): Uint8Array {
  const args = [ASC, join(srcDir, 'index.ts'), '-o', out, '--runtime', 'stub', '--initialMemory', '16', '-O2', '--noAssert', '--uncheckedBehavior', 'always'];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`asc failed: ${result.stderr}`);
  return new Uint8Array(readFileSync(out));
}

/** Returns the failing programs ("name#check") for one mutant, or undefined if its pattern is gone. */
async function runMutant(mutant: Mutant, elfs: { name: string; elf: Uint8Array }[], work: string): Promise<string[] | undefined> {
  const [name, file, from, to] = mutant;
  const src = join(work, name);
  cpSync(HART_SRC, src, { recursive: true });
  const path = join(src, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) return undefined;
  writeFileSync(path, text.replace(from, to));
  const wasm = compileHart(src, join(work, `${name}.wasm`));
  const failed: string[] = [];
  for (const { name: program, elf } of elfs) {
    const verdict = await runProgram(elf, (options) => createHart(options, wasm));
    if (!verdict.passed) failed.push(`${program}#${verdict.check}`);
  }
  return failed;
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const work = mkdtempSync(join(tmpdir(), 'rvos-mutants-'));
  const buildDir = makeBuildDir();
  try {
    const elfs = PRIV_PROGRAMS.map((p) => ({ name: p.name, elf: buildProgram(p.name, p.sources, buildDir, p.harness ?? true) }));
    let survivors = 0;
    for (const mutant of MUTANTS.filter((m) => only === undefined || m[0] === only)) {
      const failed = await runMutant(mutant, elfs, work);
      if (failed !== undefined && failed.length === 0) survivors++;
      console.log(`${mutant[0]}: ${failed === undefined ? 'pattern not found (hart source changed)' : failed.length > 0 ? `killed by ${failed.join(', ')}` : 'SURVIVED'}`);
    }
    process.exitCode = survivors > 0 ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(buildDir, { recursive: true, force: true });
  }
}

await main();
