// Plain-text rendering of benchmark tables: right-aligned numeric columns,
// a header rule, notes underneath. Pure string building (no I/O).

import type { BenchTable } from './bench-section.ts';

const NUMERIC = /^[-+]?[\d.,]+(e[-+]?\d+)?[a-zA-Z%×x/]*$/;

/** Returns the table as lines of text. */
export function formatTable(table: BenchTable): string[] {
  const widths = table.headers.map((h, c) => Math.max(h.length, ...table.rows.map((r) => (r[c] ?? '').length)));
  const cell = (text: string, c: number): string => (NUMERIC.test(text) ? text.padStart(widths[c]) : text.padEnd(widths[c]));
  const lines = [table.title, table.headers.map((h, c) => h.padEnd(widths[c])).join('  '), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of table.rows) lines.push(row.map((t, c) => cell(t, c)).join('  ').trimEnd());
  for (const note of table.notes ?? []) lines.push(`  ${note}`);
  return lines;
}

/** Formats a number with a fixed number of decimals. */
export function fixed(value: number, decimals: number): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : '-';
}

/** Formats an integer with thousands separators. */
export function count(value: number | bigint): string {
  return value.toLocaleString('en-US');
}
