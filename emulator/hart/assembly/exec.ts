// The interpreter loop: executes up to n instructions from the decoded cache.
// Fetch goes through the cached code page; loads and stores inline the TLB
// hit and call the mmu slow paths otherwise; every exception leaves through
// trapExc. JIT hook: a compiled block would be one more op kind in the decoded
// page cache (entry -> block id + instruction count), run when it fits the budget.

import { csrAccessAllowed, csrRead, csrWrite } from './csr';
import { E_IMM, E_LEN, E_RAW, E_RD, E_RS1, E_RS2 } from './decode';
import { decodeEntry, fetchEntry, swapFetchPages } from './fetch';
import { execAmo, execLr, execSc } from './amo';
import { execFma, execFp, execFpLoad, execFpStore } from './fp';
import { invalidateAllCode } from './codecache';
import { loadSlow, storeSlow } from './mmu';
import * as O from './ops';
import {
  breakChunk, excCause, excTval, fetchBase, fetchVPage, fetchVPage2, mie, mstatus, notRetired, pc, priv, raise,
  retired, stepsNow, stopReason, tlbR, tlbW, xget, xset,
} from './state';
import { doMret, doSret, mipValue, takeTrap, translationChanged } from './trap';

/** Takes the pending exception of entry e (0 = fetch); returns true when run() must stop. */
function trapExc(e: usize): bool {
  const cause = excCause;
  let tval = excTval;
  if (cause == 2 && e != 0) tval = <i64>load<u32>(e, E_RAW);
  excCause = -1;
  notRetired++;
  takeTrap(<i64>cause, tval);
  return stopReason >= 0;
}

@inline function mulhu(a: i64, b: i64): i64 {
  const al = a & 0xffffffff, ah = a >>> 32, bl = b & 0xffffffff, bh = b >>> 32;
  const p0 = al * bl, p1 = al * bh, p2 = ah * bl, p3 = ah * bh;
  const mid = (p0 >>> 32) + (p1 & 0xffffffff) + (p2 & 0xffffffff);
  return p3 + (p1 >>> 32) + (p2 >>> 32) + (mid >>> 32);
}

function mulh(a: i64, b: i64): i64 {
  let h = mulhu(a, b);
  if (a < 0) h -= b;
  if (b < 0) h -= a;
  return h;
}

function mulhsu(a: i64, b: i64): i64 {
  let h = mulhu(a, b);
  if (a < 0) h -= b;
  return h;
}

function div64(a: i64, b: i64): i64 {
  if (b == 0) return -1;
  if (b == -1 && a == i64.MIN_VALUE) return a;
  return a / b;
}

function rem64(a: i64, b: i64): i64 {
  if (b == 0) return a;
  if (b == -1) return 0;
  return a % b;
}

function div32(a: i32, b: i32): i64 {
  if (b == 0) return -1;
  if (b == -1 && a == i32.MIN_VALUE) return <i64>a;
  return <i64>(a / b);
}

function rem32(a: i32, b: i32): i64 {
  if (b == 0) return <i64>a;
  if (b == -1) return 0;
  return <i64>(a % b);
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

/** Runs at most n steps (instructions or traps); returns the number of steps taken. */
export function runChunk(limit: i32): i32 {
  // pc and the code-page cache live in locals; they are written back before,
  // and reloaded after, every out-of-line call that may read or change them.
  let n = limit;
  let steps = 0;
  let p = pc;
  let vpage = fetchVPage;
  let base = fetchBase;
  notRetired = 0;
  stepsNow = 1;
  breakChunk = false;
  while (steps < n) {
    steps++;
    let e: usize;
    if ((p & ~0xfff) == vpage) e = base + ((<usize>p & 0xffe) << 3);
    else if ((p & ~0xfff) == fetchVPage2) {
      swapFetchPages();
      vpage = fetchVPage; base = fetchBase;
      e = base + ((<usize>p & 0xffe) << 3);
    } else {
      stepsNow = steps;
      pc = p;
      e = fetchEntry();
      p = pc; vpage = fetchVPage; base = fetchBase;
      if (e == 0) {
        if (stopReason >= 0) { notRetired++; break; }
        const stop = trapExc(0);
        p = pc; vpage = fetchVPage; base = fetchBase;
        if (stop) break;
        continue;
      }
    }
    let op = load<u8>(e);
    if (op <= O.OP_CROSS) {
      pc = p;
      e = decodeEntry(e);
      if (e == 0) {
        const stop = trapExc(0);
        p = pc; vpage = fetchVPage; base = fetchBase;
        if (stop) break;
        continue;
      }
      op = load<u8>(e);
    }
    switch (op) {
      case O.OP_LB: { // lb
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const t = tlbR + ((<usize>(a >> 12) & 255) << 4);
        let v: i64;
        if (load<i64>(t) == (a & ~0xfff)) v = <i64><i8>load<i8>(<usize>(a + load<i64>(t, 8)));
        else {
          stepsNow = steps;
          v = <i64><i8>loadSlow(a, 1);
          if (excCause >= 0) { pc = p; if (trapExc(e)) n = steps; p = pc; vpage = fetchVPage; base = fetchBase; continue; }
        }
        xset(load<u8>(e, E_RD), v);
        p += len(e);
        break;
      }
      case O.OP_LH: { // lh
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const t = tlbR + ((<usize>(a >> 12) & 255) << 4);
        let v: i64;
        if (load<i64>(t) == (a & ~0xffe)) v = <i64><i16>load<i16>(<usize>(a + load<i64>(t, 8)));
        else {
          stepsNow = steps;
          v = <i64><i16>loadSlow(a, 2);
          if (excCause >= 0) { pc = p; if (trapExc(e)) n = steps; p = pc; vpage = fetchVPage; base = fetchBase; continue; }
        }
        xset(load<u8>(e, E_RD), v);
        p += len(e);
        break;
      }
      case O.OP_LW: { // lw
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const t = tlbR + ((<usize>(a >> 12) & 255) << 4);
        let v: i64;
        if (load<i64>(t) == (a & ~0xffc)) v = <i64><i32>load<i32>(<usize>(a + load<i64>(t, 8)));
        else {
          stepsNow = steps;
          v = <i64><i32>loadSlow(a, 4);
          if (excCause >= 0) { pc = p; if (trapExc(e)) n = steps; p = pc; vpage = fetchVPage; base = fetchBase; continue; }
        }
        xset(load<u8>(e, E_RD), v);
        p += len(e);
        break;
      }
      case O.OP_LD: { // ld
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const t = tlbR + ((<usize>(a >> 12) & 255) << 4);
        let v: i64;
        if (load<i64>(t) == (a & ~0xff8)) v = load<i64>(<usize>(a + load<i64>(t, 8)));
        else {
          stepsNow = steps;
          v = loadSlow(a, 8);
          if (excCause >= 0) { pc = p; if (trapExc(e)) n = steps; p = pc; vpage = fetchVPage; base = fetchBase; continue; }
        }
        xset(load<u8>(e, E_RD), v);
        p += len(e);
        break;
      }
      case O.OP_LBU: { // lbu
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const t = tlbR + ((<usize>(a >> 12) & 255) << 4);
        let v: i64;
        if (load<i64>(t) == (a & ~0xfff)) v = <i64><u8>load<u8>(<usize>(a + load<i64>(t, 8)));
        else {
          stepsNow = steps;
          v = loadSlow(a, 1);
          if (excCause >= 0) { pc = p; if (trapExc(e)) n = steps; p = pc; vpage = fetchVPage; base = fetchBase; continue; }
        }
        xset(load<u8>(e, E_RD), v);
        p += len(e);
        break;
      }
      case O.OP_LHU: { // lhu
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const t = tlbR + ((<usize>(a >> 12) & 255) << 4);
        let v: i64;
        if (load<i64>(t) == (a & ~0xffe)) v = <i64><u16>load<u16>(<usize>(a + load<i64>(t, 8)));
        else {
          stepsNow = steps;
          v = loadSlow(a, 2);
          if (excCause >= 0) { pc = p; if (trapExc(e)) n = steps; p = pc; vpage = fetchVPage; base = fetchBase; continue; }
        }
        xset(load<u8>(e, E_RD), v);
        p += len(e);
        break;
      }
      case O.OP_LWU: { // lwu
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const t = tlbR + ((<usize>(a >> 12) & 255) << 4);
        let v: i64;
        if (load<i64>(t) == (a & ~0xffc)) v = <i64><u32>load<u32>(<usize>(a + load<i64>(t, 8)));
        else {
          stepsNow = steps;
          v = loadSlow(a, 4);
          if (excCause >= 0) { pc = p; if (trapExc(e)) n = steps; p = pc; vpage = fetchVPage; base = fetchBase; continue; }
        }
        xset(load<u8>(e, E_RD), v);
        p += len(e);
        break;
      }
      case O.OP_SB: { // sb
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const v = xget(load<u8>(e, E_RS2));
        const t = tlbW + ((<usize>(a >> 12) & 255) << 4);
        if (load<i64>(t) == (a & ~0xfff)) store<u8>(<usize>(a + load<i64>(t, 8)), <u8>v);
        else {
          const len = <i64>load<u8>(e, E_LEN);
          stepsNow = steps;
          pc = p; storeSlow(a, 1, v); vpage = fetchVPage;
          if (excCause >= 0) { pc = p; if (trapExc(e)) n = steps; p = pc; vpage = fetchVPage; base = fetchBase; continue; }
          if (breakChunk) n = steps;
          p += len;
          break;
        }
        p += len(e);
        break;
      }
      case O.OP_SH: { // sh
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const v = xget(load<u8>(e, E_RS2));
        const t = tlbW + ((<usize>(a >> 12) & 255) << 4);
        if (load<i64>(t) == (a & ~0xffe)) store<u16>(<usize>(a + load<i64>(t, 8)), <u16>v);
        else {
          const len = <i64>load<u8>(e, E_LEN);
          stepsNow = steps;
          pc = p; storeSlow(a, 2, v); vpage = fetchVPage;
          if (excCause >= 0) { pc = p; if (trapExc(e)) n = steps; p = pc; vpage = fetchVPage; base = fetchBase; continue; }
          if (breakChunk) n = steps;
          p += len;
          break;
        }
        p += len(e);
        break;
      }
      case O.OP_SW: { // sw
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const v = xget(load<u8>(e, E_RS2));
        const t = tlbW + ((<usize>(a >> 12) & 255) << 4);
        if (load<i64>(t) == (a & ~0xffc)) store<u32>(<usize>(a + load<i64>(t, 8)), <u32>v);
        else {
          const len = <i64>load<u8>(e, E_LEN);
          stepsNow = steps;
          pc = p; storeSlow(a, 4, v); vpage = fetchVPage;
          if (excCause >= 0) { pc = p; if (trapExc(e)) n = steps; p = pc; vpage = fetchVPage; base = fetchBase; continue; }
          if (breakChunk) n = steps;
          p += len;
          break;
        }
        p += len(e);
        break;
      }
      case O.OP_SD: { // sd
        const a = xget(load<u8>(e, E_RS1)) + <i64>load<i32>(e, E_IMM);
        const v = xget(load<u8>(e, E_RS2));
        const t = tlbW + ((<usize>(a >> 12) & 255) << 4);
        if (load<i64>(t) == (a & ~0xff8)) store<i64>(<usize>(a + load<i64>(t, 8)), v);
        else {
          const len = <i64>load<u8>(e, E_LEN);
          stepsNow = steps;
          pc = p; storeSlow(a, 8, v); vpage = fetchVPage;
          if (excCause >= 0) { pc = p; if (trapExc(e)) n = steps; p = pc; vpage = fetchVPage; base = fetchBase; continue; }
          if (breakChunk) n = steps;
          p += len;
          break;
        }
        p += len(e);
        break;
      }
      case O.OP_ILLEGAL: { // illegal encoding
        raise(2, 0);
        pc = p;
        if (trapExc(e)) n = steps;
        p = pc; vpage = fetchVPage; base = fetchBase;
        continue;
      }
      case O.OP_LUI: wr(e, imm(e)); p += len(e); break; // lui
      case O.OP_AUIPC: wr(e, p + imm(e)); p += len(e); break; // auipc
      case O.OP_JAL: { // jal
        const link = p + len(e);
        p += imm(e);
        wr(e, link);
        break;
      }
      case O.OP_JALR: { // jalr
        const link = p + len(e);
        p = (r1(e) + imm(e)) & ~1;
        wr(e, link);
        break;
      }
      case O.OP_BEQ: if (r1(e) == r2(e)) p += imm(e); else p += len(e); break; // beq
      case O.OP_BNE: if (r1(e) != r2(e)) p += imm(e); else p += len(e); break; // bne
      case O.OP_BLT: if (r1(e) < r2(e)) p += imm(e); else p += len(e); break; // blt
      case O.OP_BGE: if (r1(e) >= r2(e)) p += imm(e); else p += len(e); break; // bge
      case O.OP_BLTU: if (<u64>r1(e) < <u64>r2(e)) p += imm(e); else p += len(e); break; // bltu
      case O.OP_BGEU: if (<u64>r1(e) >= <u64>r2(e)) p += imm(e); else p += len(e); break; // bgeu
      case O.OP_ADDI: wr(e, r1(e) + imm(e)); p += len(e); break; // addi
      case O.OP_SLTI: wr(e, r1(e) < imm(e) ? 1 : 0); p += len(e); break; // slti
      case O.OP_SLTIU: wr(e, <u64>r1(e) < <u64>imm(e) ? 1 : 0); p += len(e); break; // sltiu
      case O.OP_XORI: wr(e, r1(e) ^ imm(e)); p += len(e); break; // xori
      case O.OP_ORI: wr(e, r1(e) | imm(e)); p += len(e); break; // ori
      case O.OP_ANDI: wr(e, r1(e) & imm(e)); p += len(e); break; // andi
      case O.OP_SLLI: wr(e, r1(e) << imm(e)); p += len(e); break; // slli
      case O.OP_SRLI: wr(e, r1(e) >>> imm(e)); p += len(e); break; // srli
      case O.OP_SRAI: wr(e, r1(e) >> imm(e)); p += len(e); break; // srai
      case O.OP_ADD: wr(e, r1(e) + r2(e)); p += len(e); break; // add
      case O.OP_SUB: wr(e, r1(e) - r2(e)); p += len(e); break; // sub
      case O.OP_SLL: wr(e, r1(e) << r2(e)); p += len(e); break; // sll
      case O.OP_SLT: wr(e, r1(e) < r2(e) ? 1 : 0); p += len(e); break; // slt
      case O.OP_SLTU: wr(e, <u64>r1(e) < <u64>r2(e) ? 1 : 0); p += len(e); break; // sltu
      case O.OP_XOR: wr(e, r1(e) ^ r2(e)); p += len(e); break; // xor
      case O.OP_SRL: wr(e, r1(e) >>> r2(e)); p += len(e); break; // srl
      case O.OP_SRA: wr(e, r1(e) >> r2(e)); p += len(e); break; // sra
      case O.OP_OR: wr(e, r1(e) | r2(e)); p += len(e); break; // or
      case O.OP_AND: wr(e, r1(e) & r2(e)); p += len(e); break; // and
      case O.OP_ADDIW: wr(e, <i64>(<i32>r1(e) + <i32>imm(e))); p += len(e); break; // addiw
      case O.OP_SLLIW: wr(e, <i64>(<i32>r1(e) << <i32>imm(e))); p += len(e); break; // slliw
      case O.OP_SRLIW: wr(e, <i64><i32>(<u32>r1(e) >>> <u32>imm(e))); p += len(e); break; // srliw
      case O.OP_SRAIW: wr(e, <i64>(<i32>r1(e) >> <i32>imm(e))); p += len(e); break; // sraiw
      case O.OP_ADDW: wr(e, <i64>(<i32>r1(e) + <i32>r2(e))); p += len(e); break; // addw
      case O.OP_SUBW: wr(e, <i64>(<i32>r1(e) - <i32>r2(e))); p += len(e); break; // subw
      case O.OP_SLLW: wr(e, <i64>(<i32>r1(e) << (<i32>r2(e) & 31))); p += len(e); break; // sllw
      case O.OP_SRLW: wr(e, <i64><i32>(<u32>r1(e) >>> (<u32>r2(e) & 31))); p += len(e); break; // srlw
      case O.OP_SRAW: wr(e, <i64>(<i32>r1(e) >> (<i32>r2(e) & 31))); p += len(e); break; // sraw
      case O.OP_MUL: wr(e, r1(e) * r2(e)); p += len(e); break; // mul
      case O.OP_MULH: wr(e, mulh(r1(e), r2(e))); p += len(e); break; // mulh
      case O.OP_MULHSU: wr(e, mulhsu(r1(e), r2(e))); p += len(e); break; // mulhsu
      case O.OP_MULHU: wr(e, mulhu(r1(e), r2(e))); p += len(e); break; // mulhu
      case O.OP_DIV: wr(e, div64(r1(e), r2(e))); p += len(e); break; // div
      case O.OP_DIVU: { // divu
        const b = r2(e);
        wr(e, b == 0 ? -1 : <i64>(<u64>r1(e) / <u64>b));
        p += len(e);
        break;
      }
      case O.OP_REM: wr(e, rem64(r1(e), r2(e))); p += len(e); break; // rem
      case O.OP_REMU: { // remu
        const b = r2(e);
        wr(e, b == 0 ? r1(e) : <i64>(<u64>r1(e) % <u64>b));
        p += len(e);
        break;
      }
      case O.OP_MULW: wr(e, <i64>(<i32>r1(e) * <i32>r2(e))); p += len(e); break; // mulw
      case O.OP_DIVW: wr(e, div32(<i32>r1(e), <i32>r2(e))); p += len(e); break; // divw
      case O.OP_DIVUW: { // divuw
        const b = <u32>r2(e);
        wr(e, b == 0 ? -1 : <i64><i32>(<u32>r1(e) / b));
        p += len(e);
        break;
      }
      case O.OP_REMW: wr(e, rem32(<i32>r1(e), <i32>r2(e))); p += len(e); break; // remw
      case O.OP_REMUW: { // remuw
        const b = <u32>r2(e);
        wr(e, b == 0 ? <i64><i32>r1(e) : <i64><i32>(<u32>r1(e) % b));
        p += len(e);
        break;
      }
      case O.OP_FENCE: p += len(e); break; // fence
      case O.OP_FENCE_I: pc = p; invalidateAllCode(); p = pc; vpage = fetchVPage; base = fetchBase; p += len(e); break; // fence.i
      case O.OP_ECALL: { // ecall
        raise(8 + priv, 0);
        pc = p;
        if (trapExc(e)) n = steps;
        p = pc; vpage = fetchVPage; base = fetchBase;
        continue;
      }
      case O.OP_EBREAK: { // ebreak
        raise(3, p);
        pc = p;
        if (trapExc(e)) n = steps;
        p = pc; vpage = fetchVPage; base = fetchBase;
        continue;
      }
      case O.OP_MRET: { // mret
        if (priv != 3) { raise(2, 0); pc = p; if (trapExc(e)) n = steps; p = pc; vpage = fetchVPage; base = fetchBase; continue; }
        pc = p; doMret(); p = pc; vpage = fetchVPage; base = fetchBase;
        n = steps;
        break;
      }
      case O.OP_SRET: { // sret
        if (priv == 0 || (priv == 1 && (mstatus & (1 << 22)) != 0)) {
          raise(2, 0);
          pc = p;
          if (trapExc(e)) n = steps;
          p = pc; vpage = fetchVPage; base = fetchBase;
          continue;
        }
        pc = p; doSret(); p = pc; vpage = fetchVPage; base = fetchBase;
        n = steps;
        break;
      }
      case O.OP_WFI: { // wfi
        stepsNow = steps;
        pc = p; execWfi(); p = pc; vpage = fetchVPage; base = fetchBase;
        if (excCause >= 0) { pc = p; if (trapExc(e)) n = steps; p = pc; vpage = fetchVPage; base = fetchBase; continue; }
        n = steps;
        break;
      }
      case O.OP_SFENCE_VMA: { // sfence.vma
        if (priv == 0 || (priv == 1 && (mstatus & (1 << 20)) != 0)) {
          raise(2, 0);
          pc = p;
          if (trapExc(e)) n = steps;
          p = pc; vpage = fetchVPage; base = fetchBase;
          continue;
        }
        p += len(e);
        pc = p; translationChanged(); p = pc; vpage = fetchVPage; base = fetchBase;
        break;
      }
      case O.OP_CSRRW: case O.OP_CSRRS: case O.OP_CSRRC: // csrrw csrrs csrrc
      case O.OP_CSRRWI: case O.OP_CSRRSI: case O.OP_CSRRCI: { // csrrwi csrrsi csrrci
        stepsNow = steps;
        pc = p; execCsr(e, op); p = pc; vpage = fetchVPage; base = fetchBase;
        if (excCause >= 0) { pc = p; if (trapExc(e)) n = steps; p = pc; vpage = fetchVPage; base = fetchBase; continue; }
        p += len(e);
        if (breakChunk) n = steps;
        break;
      }
      case O.OP_LR_W: case O.OP_LR_D: // lr.w lr.d
      case O.OP_SC_W: case O.OP_SC_D: // sc.w sc.d
      case O.OP_AMO_W: case O.OP_AMO_D: // amo*.w amo*.d
      case O.OP_FLW: case O.OP_FLD: case O.OP_FSW: case O.OP_FSD: // flw fld fsw fsd
      case O.OP_FP: // op-fp
      case O.OP_FMADD: case O.OP_FMSUB: case O.OP_FNMSUB: case O.OP_FNMADD: { // fmadd fmsub fnmsub fnmadd
        stepsNow = steps;
        pc = p; execSlow(e, op); p = pc; vpage = fetchVPage; base = fetchBase;
        if (excCause >= 0) { pc = p; if (trapExc(e)) n = steps; p = pc; vpage = fetchVPage; base = fetchBase; continue; }
        p += len(e);
        if (breakChunk) n = steps;
        break;
      }
      default: { // unreachable: unknown op
        raise(2, 0);
        pc = p;
        if (trapExc(e)) n = steps;
        p = pc; vpage = fetchVPage; base = fetchBase;
        continue;
      }
    }
  }
  pc = p;
  retired += <i64>(steps - notRetired);
  notRetired = 0;
  stepsNow = 1;
  return steps;
}

/** A/F/D instructions: executed out of line (amo.ts, fp.ts). */
function execSlow(e: usize, op: u8): void {
  if (op == O.OP_LR_W || op == O.OP_LR_D) execLr(e, op == O.OP_LR_D);
  else if (op == O.OP_SC_W || op == O.OP_SC_D) execSc(e, op == O.OP_SC_D);
  else if (op == O.OP_AMO_W || op == O.OP_AMO_D) execAmo(e, op == O.OP_AMO_D);
  else if (op == O.OP_FLW || op == O.OP_FLD) execFpLoad(e, op == O.OP_FLD);
  else if (op == O.OP_FSW || op == O.OP_FSD) execFpStore(e, op == O.OP_FSD);
  else if (op == O.OP_FP) execFp(e);
  else execFma(e, op);
}

@inline function r1(e: usize): i64 { return xget(load<u8>(e, E_RS1)); }
@inline function r2(e: usize): i64 { return xget(load<u8>(e, E_RS2)); }
@inline function imm(e: usize): i64 { return <i64>load<i32>(e, E_IMM); }
@inline function len(e: usize): i64 { return <i64>load<u8>(e, E_LEN); }
@inline function wr(e: usize, v: i64): void { xset(load<u8>(e, E_RD), v); }
