// writeSyscallReturn: a0 = error, a1.. = values (numbers as u32 halves, others
// modulo 2^64), pc past the ecall, wrapping at 2^64 like the hart's pc.

import { describe, expect, it } from 'vitest';
import { newTrapContext } from '../../../../emulator/kernel/proc/trap-context.ts';
import { writeSyscallReturn } from '../../../../emulator/kernel/syscall/syscall-return.ts';

describe('writeSyscallReturn', () => {
  it('writes a0, the values and pc + 4', () => {
    const context = newTrapContext(0x10074n, 0x3f_ffff_f000n);
    context.x[12] = 0x5555n;
    writeSyscallReturn(context, 7, [0xffff_ffff, 0x1_0000_0001, 2 ** 53 - 1]);
    expect(context.x[10]).toBe(7n);
    expect(context.x[11]).toBe(0xffff_ffffn);
    expect(context.x[12]).toBe(0x1_0000_0001n);
    expect(context.x[13]).toBe(2n ** 53n - 1n);
    expect(context.pc).toBe(0x10078n);
  });

  it('stores negative numbers and bigints modulo 2^64', () => {
    const context = newTrapContext(0n, 0n);
    writeSyscallReturn(context, 0, [-1, 1n << 64n | 5n, 0.5 * 2 ** 54]);
    expect(context.x[11]).toBe(0xffff_ffff_ffff_ffffn);
    expect(context.x[12]).toBe(5n);
    expect(context.x[13]).toBe(2n ** 53n);
  });

  it('wraps pc at 2^64', () => {
    const context = newTrapContext(0xffff_ffff_ffff_fffcn, 0n);
    writeSyscallReturn(context, 0, []);
    expect(context.pc).toBe(0n);
  });
});
