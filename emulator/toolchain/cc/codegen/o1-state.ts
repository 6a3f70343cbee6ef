// Per-function -O1 state: the register of each register-allocated local, the
// callee-saved registers lent out as expression temporaries (instead of stack
// pushes), and the set of callee-saved registers the prologue must save.

import type { Obj } from '../ast.ts';
import type { RegPlan } from './reg-alloc.ts';

export class O1State {
  /** Callee-saved registers written by the function (saved in the prologue, restored in the epilogue). */
  readonly used = new Set<string>();
  private intBusy = 0;
  private floatBusy = 0;

  constructor(readonly plan: RegPlan) {
    for (const r of plan.regs.values()) this.used.add(r);
  }

  /** The register of a register-allocated local, else undefined. */
  regOf(obj: Obj): string | undefined {
    return obj.storage === 'local' ? this.plan.regs.get(obj.id) : undefined;
  }

  /** Lends the next free callee-saved temporary (LIFO), or undefined when none is left. */
  takeTemp(float: boolean): string | undefined {
    const pool = float ? this.plan.freeFloat : this.plan.freeInt;
    const busy = float ? this.floatBusy : this.intBusy;
    if (busy >= pool.length) return undefined;
    if (float) this.floatBusy++; else this.intBusy++;
    this.used.add(pool[busy]);
    return pool[busy];
  }

  /** Returns the most recently lent temporary. */
  giveTemp(float: boolean): void {
    if (float) this.floatBusy--; else this.intBusy--;
  }
}
