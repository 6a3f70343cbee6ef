// The state hash of a whole VM, for tests and the UI: SHA-256 over each
// section of the VM state (vm-state.ts) by name. Two VMs in the same state
// have the same hash; it depends on nothing outside the VM (no wall clock, no
// host state; the boot image enters through its digest in the 'vm' section).

import type { Kernel } from '../../kernel/system/kernel.ts';
import { hex, sha256 } from './snapshot-digest.ts';
import { captureVm, type VmState } from './vm-state.ts';

export interface VmStateDigests {
  /** Hex SHA-256 of the whole state: the hash to show. */
  readonly hash: string;
  /** Hex SHA-256 of each section's bytes (which part differs, when two hashes differ). */
  readonly sections: Readonly<Record<string, string>>;
}

/** The state hash of the VM around `kernel` (captured now, between run() calls). Throws as captureVm. */
export async function vmStateHash(kernel: Kernel): Promise<string> {
  return (await vmStateDigests(await captureVm(kernel))).hash;
}

/** The hash of a captured state and of each of its sections. */
export async function vmStateDigests(state: VmState): Promise<VmStateDigests> {
  const sections: Record<string, string> = {};
  const parts: Uint8Array[] = [];
  const encoder = new TextEncoder();
  for (const s of state.sections) {
    const digest = await sha256(s.bytes);
    sections[s.name] = hex(digest);
    parts.push(encoder.encode(`${s.name}\0`), digest);
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (all.set(p, at), at + p.length), 0);
  return { hash: hex(await sha256(all)), sections };
}
