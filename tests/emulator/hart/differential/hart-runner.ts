// Runs a differential-test ELF on our hart (emulator/hart/hart.ts): loads its
// segments into RAM, starts it in U-mode with host-trap mode on (satp Bare, so
// addresses are physical), serves write(64) and exit(93) ecalls, and returns the
// bytes the program wrote, like qemu-runner.ts does for QEMU.

import { ExitReason, Privilege, type HartApi } from '../../../../emulator/hart/hart-api.ts';
import { createHart } from '../../../../emulator/hart/hart.ts';
import { readElf } from './elf-segments.ts';

const RAM_BASE = 0x8000_0000n;
const RAM_SIZE = 1 << 20;
const CSR_FCSR = 0x003;
const CSR_MSTATUS = 0x300;
const MSTATUS_FS_DIRTY = 3n << 13n;
const CAUSE_ECALL_U = 8n;
const SYS_WRITE = 64n;
const SYS_EXIT = 93n;
/** Generated programs retire a few thousand instructions; anything far beyond is a hang. */
const MAX_INSTRUCTIONS = 5_000_000;
const BUDGET = 100_000;

/** A trap the hart took from U-mode other than the write/exit ecalls. */
export interface HartTrap {
  readonly cause: bigint;
  readonly pc: bigint;
  readonly tval: bigint;
}

export type HartResult =
  | { readonly ok: true; readonly output: Uint8Array; readonly retired: bigint }
  | { readonly ok: false; readonly error: string; readonly trap?: HartTrap };

/** Something that runs a program ELF and returns what it wrote: the hart, or a test double around it. */
export interface ProgramRunner {
  run(elf: Uint8Array): HartResult;
}

export class HartRunner implements ProgramRunner {
  private constructor(private readonly hart: HartApi) {}

  /** Returns a runner around one fresh hart (reused for every program); throws if the hart cannot be built. */
  static async create(): Promise<HartRunner> {
    return new HartRunner(await createHart({ ramBase: RAM_BASE, ramSize: RAM_SIZE, instructionsPerTick: 10 }));
  }

  /** Returns what the program at `elf` wrote to stdout, or an error (unexpected trap, hang, hart exception). */
  run(elf: Uint8Array): HartResult {
    try {
      this.load(elf);
      return this.loop();
    } catch (error) {
      return { ok: false, error: `hart threw: ${error instanceof Error ? error.stack ?? error.message : String(error)}` };
    }
  }

  private load(elfBytes: Uint8Array): void {
    const image = readElf(elfBytes);
    const hart = this.hart;
    hart.ram.fill(0);
    for (const seg of image.segments) {
      const at = Number(seg.paddr - RAM_BASE);
      if (at < 0 || at + seg.memSize > RAM_SIZE) throw new Error(`segment at 0x${seg.paddr.toString(16)} outside RAM`);
      hart.ram.set(seg.data, at);
    }
    hart.invalidateCode(RAM_BASE, RAM_SIZE);
    hart.reset(image.entry);
    hart.flushTlb();
    for (let i = 0; i < 32; i++) hart.setF(i, 0n);
    hart.setCsr(CSR_FCSR, 0n);
    hart.setCsr(CSR_MSTATUS, hart.getCsr(CSR_MSTATUS) | MSTATUS_FS_DIRTY);
    hart.setX(2, RAM_BASE + BigInt(RAM_SIZE) - 16n);
    hart.setHostTrapMode(true);
    hart.setPrivilege(Privilege.User);
    hart.setPc(image.entry);
  }

  private loop(): HartResult {
    const hart = this.hart;
    const chunks: Uint8Array[] = [];
    const start = hart.retired();
    while (hart.retired() - start < BigInt(MAX_INSTRUCTIONS)) {
      const reason = hart.run(BUDGET);
      if (reason === ExitReason.Budget) continue;
      if (reason !== ExitReason.HostTrap) return { ok: false, error: `run() returned ${reason} at pc ${hexPc(hart)}` };
      const cause = hart.trapCause();
      if (cause !== CAUSE_ECALL_U) {
        const trap = { cause, pc: hart.getPc(), tval: hart.trapValue() };
        return { ok: false, error: `host trap cause ${cause} tval 0x${trap.tval.toString(16)} at pc ${hexPc(hart)}`, trap };
      }
      const nr = hart.getX(17);
      if (nr === SYS_EXIT) return { ok: true, output: concat(chunks), retired: hart.retired() - start };
      if (nr !== SYS_WRITE) return { ok: false, error: `unexpected syscall ${nr} at pc ${hexPc(hart)}` };
      const at = Number(hart.getX(11) - RAM_BASE);
      const len = Number(hart.getX(12));
      chunks.push(hart.ram.slice(at, at + len));
      hart.setX(10, BigInt(len));
      hart.setPc(hart.getPc() + 4n);
    }
    return { ok: false, error: `no exit after ${MAX_INSTRUCTIONS} instructions (pc ${hexPc(hart)})` };
  }
}

function hexPc(hart: HartApi): string {
  return `0x${hart.getPc().toString(16)}`;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
