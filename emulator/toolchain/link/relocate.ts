// Applies the RISC-V relocations of non-PIC static code to the laid-out input
// sections: absolute and PC-relative hi/lo pairs (a %pcrel_lo finds its
// %pcrel_hi through the auipc's address), calls, jumps, branches, compressed
// jumps, label differences (ADD/SUB/SET/ULEB128). Out-of-range values are
// errors, never truncated. RELAX is ignored; ALIGN was handled before layout.

import type { InputObject, InputSection, Relocation } from './input-object.ts';
import { LinkError, hexOf, type LinkDiagnostics } from './link-diagnostics.ts';
import * as R from '../elf/riscv-relocations.ts';
import { hi20, lo12, setB, setCB, setCJ, setI, setJ, setS, setU } from './riscv-immediates.ts';
import { symbolAddress, targetName } from './symbol-address.ts';
import type { SymbolTable } from './symbol-table.ts';

/** Most relocation errors reported before the rest are dropped. */
const MAX_ERRORS = 50;

interface Site {
  section: InputSection;
  reloc: Relocation;
  /** S + A */
  value: bigint;
  /** P: the address being relocated. */
  place: bigint;
  view: DataView;
}

/**
 * Relocates every section of `objects` in place. Reports each failing
 * relocation (range, undefined symbol, unsupported type) into `diags`.
 */
export function relocateAll(objects: readonly InputObject[], table: SymbolTable, diags: LinkDiagnostics): void {
  const hiValues = new Map<bigint, bigint>();
  let errors = 0;
  for (const pass of [0, 1]) {
    for (const object of objects) {
      for (const section of object.sections.values()) {
        const view = new DataView(section.data.buffer, section.data.byteOffset, section.data.byteLength);
        for (const reloc of section.relocations) {
          const isHi = reloc.type === R.R_RISCV_PCREL_HI20;
          if ((pass === 0) !== isHi) continue;
          try {
            const value = symbolAddress(table, object, reloc.symbol) + reloc.addend;
            const site = { section, reloc, value, place: section.address + BigInt(reloc.offset), view };
            if (isHi) hiValues.set(site.place, value - site.place);
            applyOne(site, hiValues);
          } catch (error) {
            if (!(error instanceof LinkError)) throw error;
            if (++errors <= MAX_ERRORS) diags.error(object.name, error.message);
          }
        }
      }
    }
  }
  if (errors > MAX_ERRORS) diags.error('ld', `${errors - MAX_ERRORS} more relocation errors not shown`);
}

const WIDTH: Readonly<Record<number, number>> = {
  [R.R_RISCV_64]: 8, [R.R_RISCV_ADD64]: 8, [R.R_RISCV_SUB64]: 8, [R.R_RISCV_CALL]: 8, [R.R_RISCV_CALL_PLT]: 8,
  [R.R_RISCV_RVC_BRANCH]: 2, [R.R_RISCV_RVC_JUMP]: 2, [R.R_RISCV_ADD16]: 2, [R.R_RISCV_SUB16]: 2, [R.R_RISCV_SET16]: 2,
  [R.R_RISCV_ADD8]: 1, [R.R_RISCV_SUB8]: 1, [R.R_RISCV_SET8]: 1, [R.R_RISCV_SUB6]: 1, [R.R_RISCV_SET6]: 1,
  [R.R_RISCV_SET_ULEB128]: 1, [R.R_RISCV_SUB_ULEB128]: 1, [R.R_RISCV_NONE]: 0, [R.R_RISCV_RELAX]: 0, [R.R_RISCV_ALIGN]: 0,
};

function applyOne(site: Site, hiValues: Map<bigint, bigint>): void {
  const { reloc, section } = site;
  const type = reloc.type;
  rejectUnsupported(site);
  const width = WIDTH[type] ?? 4;
  if (section.nobits && width > 0) throw siteError(site, `cannot be applied to ${section.name}, which has no contents`);
  if (reloc.offset + width > section.size) throw siteError(site, `offset lies outside ${section.name} (size ${hexOf(section.size)})`);
  if (!applyData(site) && !applyCode(site, hiValues)) throw siteError(site, 'is not supported by this linker');
}

function rejectUnsupported(site: Site): void {
  const type = site.reloc.type;
  if (R.TLS_RELOCATIONS.has(type)) throw siteError(site, 'is a thread-local storage relocation: TLS is not supported');
  if (type === R.R_RISCV_GOT_HI20) throw siteError(site, 'needs a GOT, which this static linker does not build: compile with -fno-pic');
  if (R.DYNAMIC_RELOCATIONS.has(type)) throw siteError(site, 'is a dynamic relocation and has no meaning in a static executable');
}

/** Data relocations; returns false when `type` is not one of them. */
function applyData(site: Site): boolean {
  const { view, reloc, value } = site;
  const at = reloc.offset;
  const u = (bits: number): bigint => BigInt.asUintN(bits, value);
  switch (reloc.type) {
    case R.R_RISCV_NONE: case R.R_RISCV_RELAX: case R.R_RISCV_ALIGN: return true;
    case R.R_RISCV_64: view.setBigUint64(at, u(64), true); return true;
    case R.R_RISCV_32: checkWord(site, value); view.setUint32(at, Number(u(32)), true); return true;
    case R.R_RISCV_32_PCREL: checkSigned(site, value - site.place, 32); view.setUint32(at, Number(BigInt.asUintN(32, value - site.place)), true); return true;
    case R.R_RISCV_ADD8: view.setUint8(at, (view.getUint8(at) + Number(u(8))) & 0xff); return true;
    case R.R_RISCV_SUB8: view.setUint8(at, (view.getUint8(at) - Number(u(8))) & 0xff); return true;
    case R.R_RISCV_ADD16: view.setUint16(at, (view.getUint16(at, true) + Number(u(16))) & 0xffff, true); return true;
    case R.R_RISCV_SUB16: view.setUint16(at, (view.getUint16(at, true) - Number(u(16))) & 0xffff, true); return true;
    case R.R_RISCV_ADD32: view.setUint32(at, (view.getUint32(at, true) + Number(u(32))) >>> 0, true); return true;
    case R.R_RISCV_SUB32: view.setUint32(at, (view.getUint32(at, true) - Number(u(32))) >>> 0, true); return true;
    case R.R_RISCV_ADD64: view.setBigUint64(at, BigInt.asUintN(64, view.getBigUint64(at, true) + value), true); return true;
    case R.R_RISCV_SUB64: view.setBigUint64(at, BigInt.asUintN(64, view.getBigUint64(at, true) - value), true); return true;
    case R.R_RISCV_SUB6: view.setUint8(at, (view.getUint8(at) & 0xc0) | ((view.getUint8(at) - Number(u(6))) & 0x3f)); return true;
    case R.R_RISCV_SET6: view.setUint8(at, (view.getUint8(at) & 0xc0) | Number(u(6))); return true;
    case R.R_RISCV_SET8: view.setUint8(at, Number(u(8))); return true;
    case R.R_RISCV_SET16: view.setUint16(at, Number(u(16)), true); return true;
    case R.R_RISCV_SET32: view.setUint32(at, Number(u(32)), true); return true;
    case R.R_RISCV_SET_ULEB128: writeUleb(site, BigInt.asUintN(64, value)); return true;
    case R.R_RISCV_SUB_ULEB128: writeUleb(site, BigInt.asUintN(64, readUleb(site).value - value)); return true;
    default: return false;
  }
}

/** Instruction relocations; returns false when `type` is not one of them. */
function applyCode(site: Site, hiValues: Map<bigint, bigint>): boolean {
  const { view, reloc, value, place } = site;
  const at = reloc.offset;
  const word = (): number => view.getUint32(at, true);
  const put = (insn: number, offset = 0): void => view.setUint32(at + offset, insn, true);
  const pc = value - place;
  switch (reloc.type) {
    case R.R_RISCV_HI20: checkHi(site, BigInt.asIntN(64, value), 'value'); put(setU(word(), hi20(value))); return true;
    case R.R_RISCV_LO12_I: put(setI(word(), lo12(value))); return true;
    case R.R_RISCV_LO12_S: put(setS(word(), lo12(value))); return true;
    case R.R_RISCV_PCREL_HI20: checkHi(site, pc, 'offset'); put(setU(word(), hi20(pc))); return true;
    case R.R_RISCV_PCREL_LO12_I: put(setI(word(), lo12(pairedHi(site, hiValues)))); return true;
    case R.R_RISCV_PCREL_LO12_S: put(setS(word(), lo12(pairedHi(site, hiValues)))); return true;
    case R.R_RISCV_CALL: case R.R_RISCV_CALL_PLT:
      checkHi(site, pc, 'offset');
      put(setU(word(), hi20(pc)));
      put(setI(view.getUint32(at + 4, true), lo12(pc)), 4);
      return true;
    case R.R_RISCV_JAL: checkBranch(site, pc, 21); put(setJ(word(), Number(pc))); return true;
    case R.R_RISCV_BRANCH: checkBranch(site, pc, 13); put(setB(word(), Number(pc))); return true;
    case R.R_RISCV_RVC_BRANCH: checkBranch(site, pc, 9); view.setUint16(at, setCB(view.getUint16(at, true), Number(pc)), true); return true;
    case R.R_RISCV_RVC_JUMP: checkBranch(site, pc, 12); view.setUint16(at, setCJ(view.getUint16(at, true), Number(pc)), true); return true;
    default: return false;
  }
}

/** The PC-relative value of the R_RISCV_PCREL_HI20 at the auipc this %pcrel_lo names (its S + A). */
function pairedHi(site: Site, hiValues: Map<bigint, bigint>): bigint {
  const hi = hiValues.get(site.value);
  if (hi === undefined) throw siteError(site, `does not point at an auipc with an R_RISCV_PCREL_HI20 relocation (it points at ${hexOf(site.value)})`);
  return hi;
}

function checkSigned(site: Site, value: bigint, bits: number, what = 'offset'): void {
  if (BigInt.asIntN(bits, value) !== value) throw rangeError(site, `${what} ${hexOf(value)} does not fit ${bits} bits`);
}

/** R_RISCV_32 accepts values that fit 32 bits signed or unsigned. */
function checkWord(site: Site, value: bigint): void {
  if (value < -(1n << 31n) || value >= 1n << 32n) throw rangeError(site, `value ${hexOf(value)} does not fit 32 bits`);
}

/** A hi20/lo12 pair reaches [-2^31 - 0x800, 2^31 - 0x800). */
function checkHi(site: Site, value: bigint, what: string): void {
  if (value + 0x800n < -(1n << 31n) || value + 0x800n >= 1n << 31n) {
    const hint = what === 'value' ? ' (%hi/%lo reach only the lowest and highest 2 GiB: use -mcmodel=medany)' : '';
    throw rangeError(site, `${what} ${hexOf(value)} does not fit 32 bits${hint}`);
  }
}

function checkBranch(site: Site, pc: bigint, bits: number): void {
  checkSigned(site, pc, bits);
  if ((pc & 1n) !== 0n) throw rangeError(site, `offset ${hexOf(pc)} is odd`);
}

function readUleb(site: Site): { value: bigint; length: number } {
  const { view, reloc, section } = site;
  let value = 0n;
  for (let i = 0; reloc.offset + i < section.size && i < 10; i++) {
    const byte = view.getUint8(reloc.offset + i);
    value |= BigInt(byte & 0x7f) << BigInt(7 * i);
    if ((byte & 0x80) === 0) return { value, length: i + 1 };
  }
  throw siteError(site, 'does not point at a complete ULEB128 number');
}

/** Rewrites the ULEB128 at the site in its existing length; the value must fit it. */
function writeUleb(site: Site, value: bigint): void {
  const { length } = readUleb(site);
  if (value >> BigInt(7 * length) !== 0n) throw rangeError(site, `value ${hexOf(value)} does not fit the ${length}-byte ULEB128 there`);
  for (let i = 0; i < length; i++) {
    const bits = Number((value >> BigInt(7 * i)) & 0x7fn);
    site.view.setUint8(site.reloc.offset + i, i === length - 1 ? bits : bits | 0x80);
  }
}

function describe(site: Site): string {
  const target = targetName(site.section.object, site.reloc.symbol);
  return `relocation ${R.relocationName(site.reloc.type)}${target === '' ? '' : ` against '${target}'`}`;
}

function where(site: Site): string {
  return `(at ${site.section.name}+${hexOf(site.reloc.offset)})`;
}

function rangeError(site: Site, detail: string): LinkError {
  return new LinkError(site.section.object.name, `${describe(site)} out of range: ${detail} ${where(site)}`);
}

function siteError(site: Site, detail: string): LinkError {
  return new LinkError(site.section.object.name, `${describe(site)} ${detail} ${where(site)}`);
}
