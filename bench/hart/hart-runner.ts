// Runs a benchmark program on the hart as a user program in host-trap mode:
// loads its ELF into RAM, opens all memory to U-mode through one PMP entry,
// and services its ecalls on the host (exit and a no-op syscall).

import { createHartFromModule, ExitReason, loadHartModule, Privilege, type Hart } from '../../emulator/hart/hart.ts';
import { loadElf } from '../../emulator/machine/elf-loader.ts';
import { RAM_BASE } from '../../emulator/machine/memory-map.ts';
import { readElf } from '../../emulator/toolchain/elf/elf-reader.ts';
import { SYS_BENCH_NOP, SYS_EXIT } from './workloads.ts';

const RAM_SIZE = 8 << 20;
const CAUSE_ECALL_FROM_U = 8n;
const CSR_PMPCFG0 = 0x3a0;
const CSR_PMPADDR0 = 0x3b0;
const A0 = 10, A7 = 17, SP = 2;
/** Instructions per `run()` call: large, so the JS loop costs nothing measurable. */
const BUDGET = 50_000_000;

export interface HartRunResult {
  readonly instructions: bigint;
  readonly seconds: number;
  readonly syscalls: number;
  /** The exit status (a0 & 0xff at the exit syscall), a checksum of the program's work. */
  readonly exitStatus: number;
}

/** Returns a fresh hart with the program loaded, in U-mode at its entry, host-trap mode on. */
async function prepare(elfBytes: Uint8Array): Promise<Hart> {
  const hart = createHartFromModule(await loadHartModule(), { ramBase: RAM_BASE, ramSize: RAM_SIZE, instructionsPerTick: 10 });
  const program = loadElf(readElf(elfBytes), hart);
  hart.reset(program.entry);
  hart.setCsr(CSR_PMPADDR0, (1n << 54n) - 1n); // NAPOT, all of memory
  hart.setCsr(CSR_PMPCFG0, 0x1fn); // R W X, A = NAPOT
  hart.setX(SP, RAM_BASE + BigInt(RAM_SIZE) - 16n);
  hart.setPrivilege(Privilege.User);
  hart.setHostTrapMode(true);
  hart.setPc(program.entry);
  return hart;
}

/** Handles one host trap; returns true when the program exited. Throws on anything but our two syscalls. */
function serviceTrap(hart: Hart): boolean {
  const cause = hart.trapCause();
  if (cause !== CAUSE_ECALL_FROM_U) {
    throw new Error(`benchmark program trapped: cause ${cause}, tval 0x${hart.trapValue().toString(16)}, pc 0x${hart.getPc().toString(16)}`);
  }
  const number = hart.getX(A7);
  if (number === BigInt(SYS_EXIT)) return true;
  if (number !== BigInt(SYS_BENCH_NOP)) throw new Error(`benchmark program made unknown syscall ${number}`);
  hart.setX(A0, 0n);
  hart.setPc(hart.getPc() + 4n);
  return false;
}

/** Runs the program to its exit; returns retired instructions, wall time of the run loop and syscalls served. */
export async function runOnHart(elfBytes: Uint8Array): Promise<HartRunResult> {
  const hart = await prepare(elfBytes);
  let syscalls = 0;
  const start = performance.now();
  for (;;) {
    const reason = hart.run(BUDGET);
    if (reason === ExitReason.Budget) continue;
    if (reason !== ExitReason.HostTrap) throw new Error(`benchmark program stopped: exit reason ${reason}`);
    if (serviceTrap(hart)) break;
    syscalls++;
  }
  const seconds = (performance.now() - start) / 1000;
  return { instructions: hart.retired(), seconds, syscalls, exitStatus: Number(hart.getX(A0) & 0xffn) };
}
