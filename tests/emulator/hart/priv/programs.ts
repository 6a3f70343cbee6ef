// The list of privileged test programs: name, sources under programs/, and
// what each one covers. priv.test.ts builds and runs every entry.

export interface PrivProgram {
  name: string;
  sources: string[];
  about: string;
  /** Link support/harness.S (default true); false for programs with their own startup. */
  harness?: boolean;
  /** The exact console output (HTIF putchar) a passing run must produce; default none. */
  console?: string;
}

export const PRIV_PROGRAMS: readonly PrivProgram[] = [
  { name: 'reset', sources: ['reset.S'], about: 'reset state, misa, mhartid, identification CSRs' },
  { name: 'csr', sources: ['csr.S'], about: 'CSR instructions, read-only/unknown CSRs, privilege checks, FP CSRs' },
  { name: 'mstatus', sources: ['mstatus.S'], about: 'mstatus/sstatus writable fields, WARL MPP, SXL/UXL, SD and FS' },
  { name: 'traps', sources: ['traps.S'], about: 'ecall/ebreak/illegal causes, epc and tval, mepc and mtvec WARL' },
  { name: 'delegation', sources: ['delegation.S'], about: 'medeleg/mideleg, delegated traps to S, never from M' },
  { name: 'counters', sources: ['counters.S'], about: 'mcycle/minstret, time, mcounteren/scounteren gating, hpm, mcountinhibit' },
  { name: 'interrupts', sources: ['interrupts.S'], about: 'CLINT timer and software interrupts, priority, delegation, vectoring, wfi' },
  { name: 'access', sources: ['access.S'], about: 'access faults, misaligned loads/stores/AMOs, fetch alignment with C' },
  { name: 'sv39', sources: ['sv39.S'], about: 'Sv39 mappings, superpages, permissions, SUM/MXR/MPRV, A/D, sfence.vma, satp' },
  { name: 'pmp-debug', sources: ['pmp_debug.S'], about: 'PMP CSR WARL rules and startup sequence, trigger CSRs without triggers' },
  {
    name: 'vm-demand-paging',
    sources: ['vm_entry.S', 'vm_kernel.c', 'vm_user.S'],
    about: 'env/v-style S kernel: sret from M into U, demand paging, A/D, fault causes, page-crossing faults',
    harness: false,
    console: 'vm: boot\nvm: pass\n',
  },
  { name: 'xret', sources: ['xret.S'], about: 'mret/sret stacks, MPRV clearing, TSR, TVM, TW and wfi' },
];
