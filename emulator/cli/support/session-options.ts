// Parsing shared by the kernel commands (boot, run, test, bench): the options
// that come before the command's own arguments (--max-instructions, --ram-mib)
// and the rule that the first non-option argument starts the guest's arguments.

import { MAX_RAM_SIZE } from '../../machine/machine-config.ts';

export interface SessionOptions {
  maxInstructions: number | undefined;
  ramMib: number | undefined;
  /** Arguments after the options, passed to the guest. */
  rest: string[];
}

export const SESSION_OPTIONS_USAGE = `  --max-instructions N  stop after N steps (exit code 124; default: no limit)
  --ram-mib N           RAM size in MiB (default 128)`;

/** Parsed options, 'help', or an error message. Options end at the first argument that is not one (or at --). */
export function parseSessionArgs(args: readonly string[]): SessionOptions | 'help' | string {
  const o: SessionOptions = { maxInstructions: undefined, ramMib: undefined, rest: [] };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') { i++; break; }
    if (a === '-h' || a === '--help') return 'help';
    const [name, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (name !== '--max-instructions' && name !== '--ram-mib') {
      if (a.startsWith('-')) return `unknown option '${a}'`;
      break;
    }
    const value = inline ?? args[++i];
    if (value === undefined) return `${name} needs a value`;
    const n = parseCount(value, 1, name === '--ram-mib' ? MAX_RAM_SIZE / (1024 * 1024) : Number.MAX_SAFE_INTEGER);
    if (Number.isNaN(n)) return `${name} must be a positive integer in range, got '${value}'`;
    if (name === '--ram-mib') o.ramMib = n;
    else o.maxInstructions = n;
  }
  o.rest = args.slice(i);
  return o;
}

/** A decimal integer (underscores allowed) within [min, max], else NaN. */
export function parseCount(text: string, min: number, max: number): number {
  if (!/^[0-9][0-9_]*$/.test(text)) return Number.NaN;
  const value = Number(text.replaceAll('_', ''));
  return Number.isSafeInteger(value) && value >= min && value <= max ? value : Number.NaN;
}
