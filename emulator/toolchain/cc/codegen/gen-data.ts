// Data emission: global objects (.data/.rodata/.bss or their own section)
// from the front end's flattened StaticInit (integers, bit-fields OR-ed into
// their units, `.dword sym+addend` relocations) and string literals (.rodata).

import type { Obj, StaticInit, TranslationUnit } from '../ast.ts';

/** Returns the assembly lines of every global object and string literal of the unit. */
export function genData(unit: TranslationUnit): string[] {
  const out: string[] = [];
  for (const obj of unit.globals) if (!obj.isExtern && !obj.isFunction) genGlobal(obj, out);
  // Identical literals share storage (as GCC merges them), so their addresses compare equal.
  const byContent = new Map<string, { symbols: string[]; bytes: Uint8Array; align: number }>();
  for (const s of unit.strings) {
    const key = `${s.align}:${s.bytes.join(',')}`;
    const group = byContent.get(key);
    if (group) group.symbols.push(s.symbol);
    else byContent.set(key, { symbols: [s.symbol], bytes: s.bytes, align: s.align });
  }
  for (const g of byContent.values()) {
    out.push('\t.section .rodata', `\t.balign ${Math.max(1, g.align)}`, ...g.symbols.map((sym) => `${sym}:`));
    out.push(...bytesLines(g.bytes));
  }
  return out;
}

function genGlobal(obj: Obj, out: string[]): void {
  const size = Math.max(obj.type.size, obj.init?.size ?? 0);
  const section = obj.section ?? (obj.init ? (obj.type.isConst ? '.rodata' : '.data') : '.bss');
  out.push(`\t.section ${section}`);
  out.push(`\t.balign ${Math.max(1, obj.align)}`);
  if (!obj.isStatic) out.push(`\t.globl ${obj.symbol}`);
  out.push(`\t.type ${obj.symbol}, @object`, `\t.size ${obj.symbol}, ${size}`, `${obj.symbol}:`);
  if (!obj.init) { out.push(`\t.zero ${Math.max(size, 1)}`); return; }
  out.push(...initLines(obj.init, size));
}

/** Lays out the initializer bytes and relocations as .byte/.dword/.zero lines. */
function initLines(init: StaticInit, size: number): string[] {
  const bytes = new Uint8Array(size);
  const relocs = new Map<number, string>();
  for (const item of init.items) {
    if (item.kind === 'reloc') {
      const a = item.addend;
      relocs.set(item.offset, `${item.symbol}${a === 0n ? '' : a > 0n ? `+${a}` : `${a}`}`);
      continue;
    }
    let v = BigInt.asUintN(item.size * 8, item.value);
    let n = item.size;
    if (item.bitWidth !== undefined) {
      v = (BigInt.asUintN(item.bitWidth, item.value)) << BigInt(item.bitOffset ?? 0);
      n = Math.max(n, Math.ceil(((item.bitOffset ?? 0) + item.bitWidth) / 8)); // a packed bit-field may reach past its unit
    }
    for (let i = 0; i < n; i++) bytes[item.offset + i] |= Number((v >> BigInt(8 * i)) & 0xffn);
  }
  const out: string[] = [];
  let start = 0;
  const flush = (end: number): void => { if (end > start) out.push(...bytesLines(bytes.subarray(start, end))); };
  for (const off of [...relocs.keys()].sort((a, b) => a - b)) {
    flush(off);
    out.push(`\t.dword ${relocs.get(off)}`);
    start = off + 8;
  }
  flush(size);
  return out;
}

function bytesLines(bytes: Uint8Array): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < bytes.length) {
    let j = i;
    while (j < bytes.length && bytes[j] === 0) j++;
    if (j - i >= 16) { out.push(`\t.zero ${j - i}`); i = j; continue; }
    const end = Math.min(bytes.length, i + 32);
    out.push(`\t.byte ${Array.from(bytes.subarray(i, end)).join(',')}`);
    i = end;
  }
  return out;
}
