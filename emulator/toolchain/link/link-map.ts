// Formats a link result as a human-readable map (what `ld -Map` gives): the
// output sections with addresses and sizes, then every symbol with address,
// size, kind, binding and the input that defined it.

import type { LinkedSymbol } from './output-symbols.ts';

export interface LinkMapInput {
  entry: bigint;
  sections: readonly { name: string; address: bigint; size: bigint }[];
  map: readonly LinkedSymbol[];
}

const hex16 = (v: bigint): string => `0x${v.toString(16).padStart(16, '0')}`;

/** Returns the map text: one line per output section, then one per symbol, sorted by address. */
export function formatLinkMap(result: LinkMapInput): string {
  const lines = [`entry ${hex16(result.entry)}`, '', 'sections:'];
  for (const s of result.sections) lines.push(`  ${s.name.padEnd(8)} ${hex16(s.address)} size 0x${s.size.toString(16)}`);
  lines.push('', 'symbols:');
  for (const s of result.map) {
    lines.push(`  ${hex16(s.address)} 0x${s.size.toString(16).padEnd(6)} ${s.kind.padEnd(6)} ${s.binding.padEnd(6)} ${s.name}  (${s.file})`);
  }
  return lines.join('\n');
}
