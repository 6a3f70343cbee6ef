// A test user program for init tests: receives on its boot channel forever
// (BootInfo first, then blocks). `pad` only changes the code, so two variants
// have different ELFs (a hot reload sees a new binary).

import { userProgram } from '../proc/user-program.ts';

/** The blocker's ELF, varied by `pad`. */
export const blocker = (pad: number): Uint8Array => userProgram(`
  li t0, 2048
  sub sp, sp, t0
  li t1, ${pad}
1:
  li a0, 0
  mv a1, sp
  sys 204
  j 1b
`);
