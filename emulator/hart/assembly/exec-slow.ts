// The interpreter's out-of-line half: everything run() does not do inline.
// Resolving pc to a decoded entry when the code page changes, decoding on
// first use, TLB misses of loads and stores, system and CSR instructions,
// the A/F/D extensions, and taking every exception (through trapExc).
// Keeping these behind three calls lets the loop in exec.ts keep its state in registers.

import { csrAccessAllowed, csrRead, csrWrite } from './csr';
import { E_IMM, E_LEN, E_RAW, E_RD, E_RS1, E_RS2 } from './decode';
import { decodeEntry, fetchEntry } from './fetch';
import { execAmo, execLr, execSc } from './amo';
import { execFma, execFp, execFpLoad, execFpStore } from './fp';
import { invalidateAllCode } from './codecache';
import { loadSlow, storeSlow } from './mmu';
import * as O from './ops';
import {
  breakChunk, excCause, excTval, mie, mstatus, notRetired, pc, priv, raise, stepsNow, stopReason, xget, xset,
} from './state';
import { doMret, doSret, mipValue, takeTrap, translationChanged } from './trap';

/** Step limit of the running chunk; ending the chunk after step s sets it to s (see runChunk). */
export let chunkLimit: i32 = 0;
/** Set by fetchStep and decodeStep when the step they took must end the chunk. */
export let chunkStop: bool = false;

/** Takes the pending exception of entry e (0 = fetch); returns true when run() must stop. */
export function trapExc(e: usize): bool {
  const cause = excCause;
  let tval = excTval;
  if (cause == 2 && e != 0) tval = <i64>load<u32>(e, E_RAW);
  excCause = -1;
  notRetired++;
  takeTrap(<i64>cause, tval);
  return stopReason >= 0;
}

/** Executes a CSR instruction of entry e; raises on illegal access. */
function execCsr(e: usize, op: u8): void {
  const raw = load<u32>(e, E_RAW);
  const addr = <i32>(raw >> 20);
  const src = (raw >> 15) & 31;
  const rdRaw = (raw >> 7) & 31;
  const isRw = op == O.OP_CSRRW || op == O.OP_CSRRWI;
  const write = isRw || src != 0;
  if (!csrAccessAllowed(addr, write)) return;
  const old = csrRead(addr);
  if (excCause >= 0) return;
  const val: i64 = op >= O.OP_CSRRWI ? <i64>src : xget(src);
  if (write) {
    let nv = val;
    if (op == O.OP_CSRRS || op == O.OP_CSRRSI) nv = old | val;
    else if (op == O.OP_CSRRC || op == O.OP_CSRRCI) nv = old & ~val;
    csrWrite(addr, nv);
  }
  if (rdRaw != 0) xset(rdRaw, old);
}

/** wfi: TW / U-mode trap; otherwise retires and stops the run if no enabled interrupt is pending. */
function execWfi(): void {
  if (priv == 0 || (priv == 1 && (mstatus & (1 << 21)) != 0)) { raise(2, 0); return; }
  pc += 4;
  if ((mipValue() & mie) == 0) stopReason = 2;
}

/** A/F/D instructions: executed out of line (amo.ts, fp.ts). */
function execAfd(e: usize, op: u8): void {
  if (op == O.OP_LR_W || op == O.OP_LR_D) execLr(e, op == O.OP_LR_D);
  else if (op == O.OP_SC_W || op == O.OP_SC_D) execSc(e, op == O.OP_SC_D);
  else if (op == O.OP_AMO_W || op == O.OP_AMO_D) execAmo(e, op == O.OP_AMO_D);
  else if (op == O.OP_FLW || op == O.OP_FLD) execFpLoad(e, op == O.OP_FLD);
  else if (op == O.OP_FSW || op == O.OP_FSD) execFpStore(e, op == O.OP_FSD);
  else if (op == O.OP_FP) execFp(e);
  else execFma(e, op);
}

/** A load that missed the read TLB: the value (sign/zero-extended per op), or 0 with an exception raised. */
function loadMiss(a: i64, op: u8): i64 {
  switch (op) {
    case O.OP_LB: return <i64><i8>loadSlow(a, 1);
    case O.OP_LH: return <i64><i16>loadSlow(a, 2);
    case O.OP_LW: return <i64><i32>loadSlow(a, 4);
    case O.OP_LD: return loadSlow(a, 8);
    case O.OP_LBU: return loadSlow(a, 1);
    case O.OP_LHU: return loadSlow(a, 2);
    default: return loadSlow(a, 4); // lwu
  }
}

/** Ends the chunk after step `rem` counts down to: returns the new remaining count (0). */
function stopAfter(rem: i32): i32 {
  chunkLimit -= rem;
  return 0;
}

/**
 * Executes entry e (pc = its address, `rem` steps left after it) out of line:
 * sets pc to the next instruction or the trap handler and returns the steps
 * left, 0 when the chunk must end after this step.
 */
export function slowStep(e: usize, rem: i32): i32 {
  const op = load<u8>(e);
  stepsNow = chunkLimit - rem;
  const len = <i64>load<u8>(e, E_LEN);
  const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
  let stop = false;
  if (op >= O.OP_LB && op <= O.OP_LWU) {
    const v = loadMiss(a, op);
    if (excCause < 0) { xset(load<u8>(e, E_RD), v); pc += len; }
  } else if (op >= O.OP_SB && op <= O.OP_SD) {
    storeSlow(a, 1 << (op - O.OP_SB), xget(load<u8>(e, E_RS2)));
    if (excCause < 0) { pc += len; stop = breakChunk; }
  } else {
    switch (op) {
      case O.OP_FENCE_I: invalidateAllCode(); pc += len; break; // fence.i
      case O.OP_ECALL: raise(8 + priv, 0); break; // ecall
      case O.OP_EBREAK: raise(3, pc); break; // ebreak
      case O.OP_MRET: // mret
        if (priv != 3) raise(2, 0);
        else { doMret(); stop = true; }
        break;
      case O.OP_SRET: // sret
        if (priv == 0 || (priv == 1 && (mstatus & (1 << 22)) != 0)) raise(2, 0);
        else { doSret(); stop = true; }
        break;
      case O.OP_WFI: execWfi(); stop = true; break; // wfi
      case O.OP_SFENCE_VMA: // sfence.vma
        if (priv == 0 || (priv == 1 && (mstatus & (1 << 20)) != 0)) raise(2, 0);
        else { pc += len; translationChanged(); }
        break;
      case O.OP_CSRRW: case O.OP_CSRRS: case O.OP_CSRRC: // csrrw csrrs csrrc
      case O.OP_CSRRWI: case O.OP_CSRRSI: case O.OP_CSRRCI: // csrrwi csrrsi csrrci
        execCsr(e, op);
        if (excCause < 0) { pc += len; stop = breakChunk; }
        break;
      case O.OP_LR_W: case O.OP_LR_D: case O.OP_SC_W: case O.OP_SC_D: case O.OP_AMO_W: case O.OP_AMO_D:
      case O.OP_FLW: case O.OP_FLD: case O.OP_FSW: case O.OP_FSD: case O.OP_FP:
      case O.OP_FMADD: case O.OP_FMSUB: case O.OP_FNMSUB: case O.OP_FNMADD: // A, F, D
        execAfd(e, op);
        if (excCause < 0) { pc += len; stop = breakChunk; }
        break;
      default: raise(2, 0); break; // illegal encoding (OP_ILLEGAL) or unknown op
    }
  }
  if (excCause >= 0) stop = trapExc(e);
  return stop ? stopAfter(rem) : rem;
}

/**
 * Resolves pc's entry through the fetch path (stepsNow must be set); returns
 * it, or 0 when this step was a fetch trap or a breakpoint stop (chunkStop
 * then says whether the chunk must end).
 */
export function fetchStep(): usize {
  const e = fetchEntry();
  if (e != 0) return e;
  if (stopReason >= 0) { notRetired++; chunkStop = true; return 0; }
  chunkStop = trapExc(0);
  return 0;
}

/** Decodes entry e of pc; returns the entry to execute, or 0 after taking a fetch fault (chunkStop set as in fetchStep). */
export function decodeStep(e: usize): usize {
  const d = decodeEntry(e);
  if (d != 0) return d;
  chunkStop = trapExc(0);
  return 0;
}
