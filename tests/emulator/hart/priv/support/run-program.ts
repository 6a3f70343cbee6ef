// Runs one privileged test program on the bare-metal machine (emulator/machine)
// with the WebAssembly hart, and turns the HTIF exit into a verdict: passed, or
// the number of the failed check plus the trap the harness recorded
// (fail_info: cause, epc, tval, status) so a failure message says what happened.

import type { HartApi, HartOptions } from '../../../../../emulator/hart/hart-api.ts';
import { Machine } from '../../../../../emulator/machine/machine.ts';
import { findSymbol, readElf } from '../../../../../emulator/toolchain/elf/elf-reader.ts';

const HART_MODULE = '../../../../../emulator/hart/hart.ts';
/** Every program finishes in far fewer instructions; more means a hang. */
const MAX_INSTRUCTIONS = 20_000_000;

export interface ProgramVerdict {
  passed: boolean;
  /** The failed check number (0 when passed, -1 when the run did not exit). */
  check: number;
  /** A one-line description for assertion messages. */
  message: string;
  instructions: number;
  /** Everything the guest wrote to the console (UART and HTIF putchar). */
  console: string;
}

type HartFactory = (options: HartOptions) => HartApi | Promise<HartApi>;

/** Returns the hart factory exported by emulator/hart/hart.ts (`createHart` or `Hart.create`); throws if absent. */
export async function loadHartFactory(): Promise<HartFactory> {
  const mod = (await import(/* @vite-ignore */ HART_MODULE)) as Record<string, unknown>;
  if (typeof mod.createHart === 'function') return mod.createHart as HartFactory;
  const cls = mod.Hart as { create?: unknown } | undefined;
  if (cls !== undefined && typeof cls.create === 'function') return cls.create.bind(cls) as HartFactory;
  throw new Error('emulator/hart/hart.ts exports neither createHart nor Hart.create');
}

/** Runs `elfBytes` on a fresh machine; returns the verdict (never throws for guest failures). */
export async function runProgram(elfBytes: Uint8Array, factory: HartFactory): Promise<ProgramVerdict> {
  const console: number[] = [];
  const machine = await Machine.create({ hartFactory: factory, consoleOutput: (b) => console.push(...b) });
  const elf = readElf(elfBytes);
  machine.loadProgram(elf);
  const result = machine.runUntilExit({ maxInstructions: MAX_INSTRUCTIONS });
  const output = String.fromCharCode(...console);
  const text = output.length > 0 ? ` console: ${JSON.stringify(output.slice(0, 400))}` : '';
  const base = { instructions: result.instructions, console: output };
  if (result.reason !== 'exit') {
    return { ...base, passed: false, check: -1, message: `${result.message} at pc 0x${result.pc.toString(16)}${text}` };
  }
  if (result.exitCode === 0) return { ...base, passed: true, check: 0, message: 'passed' };
  const info = readFailInfo(machine.hart, findSymbol(elf, 'fail_info')?.value);
  const named = nameAddress(elf, info.epc);
  return {
    ...base,
    passed: false,
    check: result.exitCode,
    message: `check ${result.exitCode} failed; last trap cause 0x${info.cause.toString(16)} epc 0x${info.epc.toString(16)}${named} tval 0x${info.tval.toString(16)} status 0x${info.status.toString(16)}${text}`,
  };
}

interface FailInfo { cause: bigint; epc: bigint; tval: bigint; status: bigint }

function readFailInfo(hart: HartApi, address: bigint | undefined): FailInfo {
  if (address === undefined) return { cause: 0n, epc: 0n, tval: 0n, status: 0n };
  const view = new DataView(hart.ram.buffer, hart.ram.byteOffset + Number(address - hart.ramBase), 40);
  return { cause: view.getBigUint64(0, true), epc: view.getBigUint64(8, true), tval: view.getBigUint64(16, true), status: view.getBigUint64(24, true) };
}

/** " (<symbol>+0xoff)" for the nearest preceding function/label symbol, or ''. */
function nameAddress(elf: ReturnType<typeof readElf>, address: bigint): string {
  let best: { name: string; value: bigint } | undefined;
  for (const s of elf.symbols) {
    if (s.name === '' || s.value > address || s.name.startsWith('$')) continue;
    if (best === undefined || s.value > best.value) best = s;
  }
  return best === undefined ? '' : ` (${best.name}+0x${(address - best.value).toString(16)})`;
}
