// UserMemory: THE accessor for a process's memory from kernel code. Every
// access goes through the process's page table (never the hart's TLB), checks
// the range with no wrap-around, and needs the U bit plus R (reads) or W
// (writes) on every page touched; otherwise BadAddress and nothing is written.

import { RvosError } from '../abi/errors.ts';
import { fail, ok, type KResult } from '../core/result.ts';
import { inUserRange, PAGE_SIZE } from './memory-layout.ts';
import { Pte, pteFrame, type PageTable } from './page-table.ts';
import type { PhysicalMemory } from './physical-memory.ts';

/** A piece of a user range that lies in one page: its physical address and length. */
interface Piece {
  readonly pa: number;
  readonly len: number;
}

export class UserMemory {
  constructor(readonly mem: PhysicalMemory, private readonly table: PageTable) {}

  /** A copy of `len` user bytes at `va`; BadAddress unless all are readable user memory. */
  read(va: number, len: number): KResult<Uint8Array> {
    if (len === 0) return ok(new Uint8Array(0));
    const pa = this.onePage(va, len, Pte.R);
    if (pa !== undefined) return ok(this.mem.read(pa, len));
    const pieces = this.pieces(va, len, Pte.R);
    if (pieces === undefined) return fail(RvosError.BadAddress);
    const out = new Uint8Array(len);
    let at = 0;
    for (const p of pieces) {
      out.set(this.mem.read(p.pa, p.len), at);
      at += p.len;
    }
    return ok(out);
  }

  /** Copies `bytes` to user memory at `va`; BadAddress (nothing written) unless all of it is writable user memory. */
  write(va: number, bytes: Uint8Array): KResult<void> {
    if (bytes.length === 0) return ok(undefined);
    const pa = this.onePage(va, bytes.length, Pte.W);
    if (pa !== undefined) {
      this.mem.write(pa, bytes);
      return ok(undefined);
    }
    const pieces = this.pieces(va, bytes.length, Pte.W);
    if (pieces === undefined) return fail(RvosError.BadAddress);
    let at = 0;
    for (const p of pieces) {
      this.mem.write(p.pa, bytes.subarray(at, at + p.len));
      at += p.len;
    }
    return ok(undefined);
  }

  /** The little-endian u32 at `va` (any alignment); BadAddress as for read. */
  readU32(va: number): KResult<number> {
    const r = this.read(va, 4);
    return r.ok ? ok(view(r.value).getUint32(0, true)) : r;
  }

  /** The little-endian u64 at `va` (any alignment); BadAddress as for read. */
  readU64(va: number): KResult<bigint> {
    const r = this.read(va, 8);
    return r.ok ? ok(view(r.value).getBigUint64(0, true)) : r;
  }

  /** Stores a little-endian u32 (the low 32 bits of `value`); BadAddress as for write. */
  writeU32(va: number, value: number): KResult<void> {
    const bytes = new Uint8Array(4);
    view(bytes).setUint32(0, value >>> 0, true);
    return this.write(va, bytes);
  }

  /** Stores a little-endian u64 (`value` modulo 2^64); BadAddress as for write. */
  writeU64(va: number, value: bigint): KResult<void> {
    const bytes = new Uint8Array(8);
    view(bytes).setBigUint64(0, BigInt.asUintN(64, value), true);
    return this.write(va, bytes);
  }

  /**
   * The physical address of [va, va+len) when it lies in one user page with U and `need` (Pte.R or
   * Pte.W), for copies through PhysicalMemory without allocating (the IPC fast path); undefined
   * otherwise (then use read / write, which handle every case).
   */
  physical(va: number, len: number, need: number): number | undefined {
    return this.onePage(va, len, need);
  }

  /** The physical address of [va, va+len) when it lies in one accessible page (U and `need`); undefined otherwise (then use pieces). */
  private onePage(va: number, len: number, need: number): number | undefined {
    if (!inUserRange(va, len)) return undefined;
    const offset = va & (PAGE_SIZE - 1); // = va % PAGE_SIZE for a safe integer (checked above), without a division
    if (offset + len > PAGE_SIZE) return undefined;
    const pte = this.table.leafPte(this.mem, va);
    return (pte & (Pte.U | need)) === (Pte.U | need) ? pteFrame(pte) + offset : undefined;
  }

  /** The physical pieces of [va, va+len), or undefined when a page is unmapped, not U, or lacks `need`. */
  private pieces(va: number, len: number, need: number): Piece[] | undefined {
    if (!inUserRange(va, len)) return undefined;
    const pieces: Piece[] = [];
    for (let at = va, end = va + len; at < end;) {
      const offset = at % PAGE_SIZE;
      const pte = this.table.leafPte(this.mem, at);
      if ((pte & (Pte.U | need)) !== (Pte.U | need)) return undefined;
      const take = Math.min(PAGE_SIZE - offset, end - at);
      pieces.push({ pa: pteFrame(pte) + offset, len: take });
      at += take;
    }
    return pieces;
  }
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
