// Context switches keep each task's state its own: f registers and fcsr
// (saved lazily when another task takes the hart), integer registers, and the
// address space (two different programs at the same virtual addresses,
// preempted every few instructions, each see only their own code and data).

import { describe, expect, it } from 'vitest';
import { bootTestKernel, spawnDetached, userProgram } from './proc/user-program.ts';

/** Loads `bits` into fs0 and frm = `rm`, spins 2,000 iterations, exits 0 only if fs0, frm and the counter are intact. */
function fpTask(bits: string, rm: number, step: number): Uint8Array {
  return userProgram(`
  li t0, ${bits}
  fmv.d.x fs0, t0
  fsrmi ${rm}
  la t3, counter
  li t1, 2000
  li s1, 0
1:
  ld t2, 0(t3)
  addi t2, t2, ${step}
  sd t2, 0(t3)
  addi s1, s1, ${step}
  addi t1, t1, -1
  bnez t1, 1b
  fmv.x.d t4, fs0
  li a0, 1
  bne t4, t0, 2f
  frrm t5
  li a0, 2
  li t6, ${rm}
  bne t5, t6, 2f
  ld t2, 0(t3)
  li a0, 3
  bne t2, s1, 2f
  li a0, 0
2:
  sys 93
  .data
counter: .dword 0
`);
}

describe('context switch', () => {
  it('keeps f registers, fcsr, integer registers and memory per task under fine-grained preemption', async () => {
    const { kernel } = await bootTestKernel({ limits: { timeSliceInstructions: 7 } });
    const a = spawnDetached(kernel, 'a', fpTask('0x3ff8000000000000', 1, 1));
    const b = spawnDetached(kernel, 'b', fpTask('0x4004000000000000', 3, 5));
    kernel.processes.retain(a);
    kernel.processes.retain(b);
    expect(kernel.run(1_000_000).reason).toBe('exited');
    expect(kernel.processes.get(a)!.exitStatus).toBe(0);
    expect(kernel.processes.get(b)!.exitStatus).toBe(0);
    expect(kernel.scheduler.switches).toBeGreaterThan(2000);
  });
});
