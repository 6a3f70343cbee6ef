// Stack frame layout of the -O0 back end: every local (parameters included)
// and every compiler temporary gets a slot at a negative s0-relative offset;
// slot sizes are rounded up to 8 bytes so 8-byte register stores of small
// structs never touch a neighbour. The frame size is a multiple of 16.

import type { Obj } from '../ast.ts';
import { alignTo } from '../types.ts';

export class Frame {
  private size = 0;
  private readonly offsets = new Map<number, number>();

  /** Assigns a slot to a local object. */
  add(obj: Obj): void {
    if (this.offsets.has(obj.id)) return;
    this.offsets.set(obj.id, this.alloc(Math.max(obj.type.size, 1), Math.max(obj.align, obj.type.align, 1)));
  }

  /** Allocates an anonymous temporary; returns its s0-relative offset (negative). */
  alloc(size: number, align: number): number {
    this.size = alignTo(this.size + alignTo(size, 8), Math.max(align, 8));
    return -this.size;
  }

  /** Returns the s0-relative offset of a local; objects seen late (compound literals) get one now. */
  offsetOf(obj: Obj): number {
    let off = this.offsets.get(obj.id);
    if (off === undefined) {
      this.add(obj);
      off = this.offsets.get(obj.id)!;
    }
    return off;
  }

  /** Returns the frame size below s0, 16-byte aligned. */
  frameSize(): number {
    return alignTo(this.size, 16);
  }
}
