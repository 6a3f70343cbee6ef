// Runs a differential-test ELF under qemu-riscv64 (user mode, CPU restricted to
// RV64GC) and returns the bytes it wrote to stdout (scratch area + register
// dump), or the fatal signal and its address (from -strace) when the program
// traps; cached next to the ELF by content hash so a rerun does not start QEMU.

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findOnPath } from './toolchain.ts';

/** QEMU 7.2's default CPU also has Zba/Zbb/Zbc/Zbs (and H); our hart is RV64GC only. */
const CPU = 'rv64,zba=false,zbb=false,zbc=false,zbs=false,Zfh=false,Zfhmin=false,v=false,h=false';
const SIGNAL_LINE = /--- (SIG[A-Z]+) \{si_signo=\w+, si_code=[-\w]+, si_addr=(0x[0-9a-f]+|NULL)\} ---/;

/** The program died on a signal: SIGILL/SIGSEGV/SIGBUS/SIGTRAP and si_addr (the pc for SIGILL). */
export interface QemuSignal {
  readonly signal: string;
  readonly addr: bigint;
}

export type QemuResult = Uint8Array | QemuSignal;

/** Returns the path of qemu-riscv64, or undefined when it is not installed. */
export function findQemu(): string | undefined {
  return findOnPath('qemu-riscv64');
}

/** Writes `data` to `file` atomically (concurrent test processes may run the same program). */
function writeAtomically(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/**
 * Returns QEMU's stdout for `elf`, or the signal that killed the program.
 * Throws when QEMU fails otherwise (bad ELF, timeout, non-zero exit status).
 */
export async function runOnQemu(qemu: string, elf: string): Promise<QemuResult> {
  const out = join(dirname(elf), 'qemu.out');
  const sig = join(dirname(elf), 'qemu.sig');
  if (existsSync(out)) return readFileSync(out);
  if (existsSync(sig)) {
    const [signal, addr] = readFileSync(sig, 'utf8').split(' ');
    return { signal, addr: BigInt(addr) };
  }
  const result = await new Promise<QemuResult>((resolve, reject) => {
    const options = { encoding: 'buffer' as const, timeout: 20_000, maxBuffer: 1 << 20 };
    execFile(qemu, ['-cpu', CPU, '-strace', elf], options, (error, stdout, stderr) => {
      const match = SIGNAL_LINE.exec(stderr.toString('latin1'));
      if (match !== null) resolve({ signal: match[1], addr: match[2] === 'NULL' ? 0n : BigInt(match[2]) });
      else if (error !== null) reject(new Error(`qemu-riscv64 failed: ${error.message}`));
      else resolve(stdout);
    });
  });
  if (result instanceof Uint8Array) writeAtomically(out, result);
  else writeAtomically(sig, `${result.signal} ${result.addr}`);
  return result;
}
