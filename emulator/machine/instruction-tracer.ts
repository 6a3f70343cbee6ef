// A StepObserver that prints one line per stepped instruction: pc, instruction
// word, disassembly, and every register it changed, e.g.
//   0000000080000004 00a50533 add a0,a0,a0  a0=0x0000000000000004
// The word is read from RAM through hart.debugTranslate; the registers are
// diffed around each step. An instruction that traps instead of retiring is
// marked with `<trap cause=... tval=...>` (the cause CSR of the mode that took it).

import { Privilege, type HartApi } from '../hart/hart-api.ts';
import type { StepObserver } from './machine.ts';
import { u64 } from './machine.ts';
import { registerName } from '../toolchain/isa/registers.ts';

const CSR_MCAUSE = 0x342, CSR_MTVAL = 0x343, CSR_SCAUSE = 0x142, CSR_STVAL = 0x143;

/** Turns an instruction word (16-bit value for compressed) at `pc` into text. */
export type Disassembler = (word: number, pc: bigint) => string;

/** Register state captured around a step. */
interface Snapshot {
  x: bigint[];
  f: bigint[];
}

const hex64 = (v: bigint): string => u64(v).toString(16).padStart(16, '0');

export class InstructionTracer implements StepObserver {
  private pc = 0n;
  private retired = 0n;
  private before: Snapshot | undefined;

  constructor(private readonly hart: HartApi, private readonly writeLine: (line: string) => void, private readonly disassemble?: Disassembler) {}

  beforeStep(): void {
    this.pc = u64(this.hart.getPc());
    this.retired = this.hart.retired();
    this.before ??= this.snapshot();
  }

  afterStep(): void {
    const after = this.snapshot();
    const word = readInstruction(this.hart, this.pc);
    const text = word === undefined ? '(not readable)' : this.disassemble?.(word, this.pc) ?? '';
    const wordText = word === undefined ? '????????' : word.toString(16).padStart((word & 3) === 3 ? 8 : 4, '0').padEnd(8, ' ');
    const notes = this.hart.retired() === this.retired ? [this.trapNote()] : changes(this.before!, after);
    const head = `${hex64(this.pc)} ${wordText}${text === '' ? '' : ` ${text}`}`;
    this.writeLine(notes.length === 0 ? head : `${head}  ${notes.join(' ')}`);
    this.before = after;
  }

  private snapshot(): Snapshot {
    const x: bigint[] = [];
    const f: bigint[] = [];
    for (let i = 0; i < 32; i++) {
      x.push(u64(this.hart.getX(i)));
      f.push(u64(this.hart.getF(i)));
    }
    return { x, f };
  }

  private trapNote(): string {
    const inM = this.hart.getPrivilege() === Privilege.Machine;
    const cause = u64(this.hart.getCsr(inM ? CSR_MCAUSE : CSR_SCAUSE));
    const tval = u64(this.hart.getCsr(inM ? CSR_MTVAL : CSR_STVAL));
    return `<trap cause=0x${cause.toString(16)} tval=0x${tval.toString(16)}>`;
  }
}

/** `name=0x...` for every register that differs between the snapshots. */
function changes(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (let i = 1; i < 32; i++) if (before.x[i] !== after.x[i]) out.push(`${registerName('x', i)}=0x${hex64(after.x[i]!)}`);
  for (let i = 0; i < 32; i++) if (before.f[i] !== after.f[i]) out.push(`${registerName('f', i)}=0x${hex64(after.f[i]!)}`);
  return out;
}

/**
 * Returns the instruction at virtual `pc` (a 16-bit value when compressed),
 * or undefined when it is unmapped or outside RAM.
 */
export function readInstruction(hart: HartApi, pc: bigint): number | undefined {
  const low = readHalf(hart, pc);
  if (low === undefined || (low & 3) !== 3) return low;
  const high = readHalf(hart, pc + 2n);
  return high === undefined ? undefined : ((high << 16) | low) >>> 0;
}

function readHalf(hart: HartApi, vaddr: bigint): number | undefined {
  const paddr = hart.debugTranslate(vaddr, 'fetch');
  if (paddr < 0n) return undefined;
  const offset = paddr - hart.ramBase;
  if (offset < 0n || offset + 2n > BigInt(hart.ram.length)) return undefined;
  const at = Number(offset);
  return hart.ram[at]! | (hart.ram[at + 1]! << 8);
}
