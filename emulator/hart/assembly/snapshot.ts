// Serializes the complete architectural hart state (registers, pc, privilege,
// CSR storage, CLINT, virtual time, reservation, host-trap status) into a fixed
// buffer for VM snapshots, and restores it. RAM and device state are the host's.

import { invalidateAllCode } from './codecache';
import {
  FREGS, PMPADDR, REGS, fflags, frm, hostCause, hostTrapMode, hostTval, inhibitedCycle, inhibitedInstret,
  mcause, mcounteren, mcountinhibit, mcycleOff, medeleg, menvcfg, mepc, mideleg, mie, minstretOff, mipExt,
  mipSoft, misa, mscratch, msip, mstatus, mtimecmp, mtval, mtvec, pc, pmpcfg0, pmpcfg2, priv, reservation,
  retired, satp, scause, scounteren, senvcfg, sepc, sscratch, stval, stvec, ticksAdvanced, tohostAddr,
} from './state';
import { translationChanged } from './trap';

/** 'HARTSNP' + format version 1. */
const MAGIC: i64 = 0x48415254534e5001;
export const SNAPSHOT_BUFFER: usize = memory.data(2048, 16);
let cur: usize = 0;

function w(v: i64): void { store<i64>(cur, v); cur += 8; }
function r(): i64 { const v = load<i64>(cur); cur += 8; return v; }

/** Writes the state into SNAPSHOT_BUFFER; returns its length in bytes. */
export function saveState(): i32 {
  cur = SNAPSHOT_BUFFER;
  w(MAGIC);
  for (let i = 1; i < 32; i++) w(load<i64>(REGS + (<usize>i << 3)));
  for (let i = 0; i < 32; i++) w(load<i64>(FREGS + (<usize>i << 3)));
  for (let i = 0; i < 16; i++) w(load<i64>(PMPADDR + (<usize>i << 3)));
  w(pc); w(<i64>priv); w(mstatus); w(misa); w(medeleg); w(mideleg); w(mie); w(mipSoft); w(mipExt);
  w(mtvec); w(stvec); w(mcounteren); w(scounteren); w(mcountinhibit); w(mscratch); w(sscratch);
  w(mepc); w(sepc); w(mcause); w(scause); w(mtval); w(stval); w(satp); w(<i64>fflags); w(<i64>frm);
  w(menvcfg); w(senvcfg); w(pmpcfg0); w(pmpcfg2);
  w(retired); w(ticksAdvanced); w(mtimecmp); w(<i64>msip); w(minstretOff); w(mcycleOff);
  w(inhibitedInstret); w(inhibitedCycle); w(reservation);
  w(hostTrapMode ? 1 : 0); w(hostCause); w(hostTval); w(tohostAddr);
  return <i32>(cur - SNAPSHOT_BUFFER);
}

/** Restores the state from SNAPSHOT_BUFFER; returns false (nothing changed) when the magic does not match. */
export function loadState(): bool {
  cur = SNAPSHOT_BUFFER;
  if (r() != MAGIC) return false;
  for (let i = 1; i < 32; i++) store<i64>(REGS + (<usize>i << 3), r());
  for (let i = 0; i < 32; i++) store<i64>(FREGS + (<usize>i << 3), r());
  for (let i = 0; i < 16; i++) store<i64>(PMPADDR + (<usize>i << 3), r());
  pc = r(); priv = <i32>r(); mstatus = r(); misa = r(); medeleg = r(); mideleg = r(); mie = r();
  mipSoft = r(); mipExt = r(); mtvec = r(); stvec = r(); mcounteren = r(); scounteren = r();
  mcountinhibit = r(); mscratch = r(); sscratch = r(); mepc = r(); sepc = r(); mcause = r(); scause = r();
  mtval = r(); stval = r(); satp = r(); fflags = <i32>r(); frm = <i32>r(); menvcfg = r(); senvcfg = r();
  pmpcfg0 = r(); pmpcfg2 = r();
  retired = r(); ticksAdvanced = r(); mtimecmp = r(); msip = <i32>r(); minstretOff = r(); mcycleOff = r();
  inhibitedInstret = r(); inhibitedCycle = r(); reservation = r();
  hostTrapMode = r() != 0; hostCause = r(); hostTval = r(); tohostAddr = r();
  invalidateAllCode();
  translationChanged();
  return true;
}
