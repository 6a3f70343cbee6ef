// Per-function code generation state: the output lines, the compile-time push
// depth (to keep sp 16-byte aligned at calls), label numbering, loop/switch
// targets, stack slots of locals, and at -O1 the register locals/temporaries.

import type { Diagnostic, SourceLocation } from '../../asm/diagnostics.ts';
import type { FunctionDef, Obj } from '../ast.ts';
import { Frame } from './frame.ts';
import { O1State } from './o1-state.ts';
import type { RegPlan } from './reg-alloc.ts';

/** Thrown for a construct the back end cannot compile; becomes a diagnostic. */
export class CodegenError extends Error {
  constructor(readonly loc: SourceLocation, message: string) {
    super(message);
  }
}

/** The state while generating one function (or, with `fn` undefined, nothing but data). */
export class FnContext {
  readonly lines: string[] = [];
  /** Bytes pushed on the stack by the expression evaluator right now. */
  depth = 0;
  private labelCount = 0;
  readonly breakLabels: string[] = [];
  readonly continueLabels: string[] = [];
  readonly frame = new Frame();
  /** Slot of the hidden struct-return pointer (large struct returns). */
  retPtrSlot = -1;
  /** Number of integer argument registers used by the named parameters (for va_start). */
  namedGprs = 0;
  readonly returnLabel: string;
  /** -O1 state (register locals, temporaries); undefined at -O0. */
  readonly o1: O1State | undefined;

  constructor(readonly fn: FunctionDef, readonly fnIndex: number, readonly diagnostics: Diagnostic[], plan?: RegPlan) {
    this.returnLabel = `.L.return.${fnIndex}`;
    this.o1 = plan ? new O1State(plan) : undefined;
    for (const obj of fn.locals) if (!plan?.regs.has(obj.id)) this.frame.add(obj);
  }

  /** The register of a register-allocated local (-O1), else undefined. */
  regOf(obj: Obj): string | undefined {
    return this.o1?.regOf(obj);
  }

  /** Emits one instruction line. */
  emit(line: string): void {
    this.lines.push(`\t${line}`);
  }

  label(name: string): void {
    this.lines.push(`${name}:`);
  }

  newLabel(kind: string): string {
    return `.L.${kind}.${this.fnIndex}.${this.labelCount++}`;
  }

  /** Label of a C goto label or a case label id. */
  userLabel(name: string): string {
    return `.L.u.${this.fnIndex}.${name}`;
  }

  push(reg = 'a0'): void {
    this.emit('addi sp, sp, -8');
    this.emit(`sd ${reg}, 0(sp)`);
    this.depth += 8;
  }

  pop(reg: string): void {
    this.emit(`ld ${reg}, 0(sp)`);
    this.emit('addi sp, sp, 8');
    this.depth -= 8;
  }

  pushF(reg = 'fa0'): void {
    this.emit('addi sp, sp, -8');
    this.emit(`fsd ${reg}, 0(sp)`);
    this.depth += 8;
  }

  popF(reg: string): void {
    this.emit(`fld ${reg}, 0(sp)`);
    this.emit('addi sp, sp, 8');
    this.depth -= 8;
  }

  /** Keeps a0 (fa0 when `float`) while other code runs; returns where: a callee-saved temporary (-O1) or 'stack'. */
  hold(float: boolean): string {
    const r = this.o1?.takeTemp(float);
    if (r !== undefined) {
      this.emit(float ? `fmv.d ${r}, fa0` : `mv ${r}, a0`);
      return r;
    }
    if (float) this.pushF(); else this.push();
    return 'stack';
  }

  /** Takes back a value kept by hold() (LIFO); returns the register that holds it (`into` when it was on the stack). */
  release(where: string, float: boolean, into: string): string {
    if (where !== 'stack') {
      this.o1?.giveTemp(float);
      return where;
    }
    if (float) this.popF(into); else this.pop(into);
    return into;
  }

  /** reg += imm (any size; uses t0 for large values, so never pass t0). */
  addImm(reg: string, imm: number): void {
    if (imm === 0) return;
    if (imm >= -2048 && imm < 2048) this.emit(`addi ${reg}, ${reg}, ${imm}`);
    else {
      this.emit(`li t0, ${imm}`);
      this.emit(`add ${reg}, ${reg}, t0`);
    }
  }

  /** Puts s0 + offset (offset negative for locals) into `reg`. */
  frameAddr(reg: string, offset: number): void {
    if (offset >= -2048 && offset < 2048) this.emit(`addi ${reg}, s0, ${offset}`);
    else {
      this.emit(`li ${reg}, ${offset}`);
      this.emit(`add ${reg}, s0, ${reg}`);
    }
  }

  /** Puts the address of a local object into `reg`. */
  localAddr(reg: string, obj: Obj): void {
    if (this.regOf(obj) !== undefined) throw new CodegenError(obj.loc, `internal compiler error: address of register local ${obj.name}`);
    this.frameAddr(reg, this.frame.offsetOf(obj));
  }
}
