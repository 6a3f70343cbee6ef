// The display device (a virtio-gpu-like scanout): a width x height XRGB8888
// framebuffer whose backing store is a list of guest-physical pages
// (scatter-gather, as virtio-gpu's attach_backing), so the guest draws into
// ordinary RAM. flush() records dirty rectangles; the host takes them as RGBA8
// pixels with takeFrame(). State (backing pages) is plain data; the dirty set is
// the host's presentation bookkeeping (taken at wall-clock times), not VM state.

import { addDirty, checkRect, type Rect, type RectError } from './dirty-rects.ts';
import { PAGE_SIZE } from './memory-map.ts';

/** Bytes per XRGB8888 pixel. */
export const BYTES_PER_PIXEL = 4;
/** The only pixel format: 32-bit little-endian 0x00RRGGBB (bytes B, G, R, X). */
export const DISPLAY_FORMAT_XRGB8888 = 1;

/** One changed rectangle as RGBA8 pixels, row-major, `width * height * 4` bytes (the host protocol's DirtyRect). */
export interface DirtyRect extends Rect {
  readonly pixels: ArrayBuffer;
}

/** The framebuffer's size and the rectangles changed since the last frame (the host protocol's DisplayFrame). */
export interface DisplayFrame {
  readonly width: number;
  readonly height: number;
  readonly rects: readonly DirtyRect[];
}

/** What the device reads guest RAM through (the hart provides it). */
export interface RamView {
  readonly ram: Uint8Array;
  readonly ramBase: bigint;
}

/**
 * The device state to snapshot (pixels live in guest RAM, which RAM snapshots cover).
 * The pending dirty set is left out: the host drains it at wall-clock times, so it
 * would make a paused VM's state hash change; a restored display is wholly dirty.
 */
export interface DisplayState {
  readonly backing: readonly number[];
}

export class DisplayDevice {
  /** Bytes per framebuffer row. */
  readonly stride: number;
  readonly format = DISPLAY_FORMAT_XRGB8888;
  /** Physical address of each backing page, in framebuffer order (empty: no backing, the display is black). */
  private backing: number[] = [];
  /** Pending dirty rectangles; the whole screen at first, so the first frame tells the host the size. */
  private dirty: Rect[];

  /** A display of `width` x `height` pixels over the RAM of `mem`; RangeError when that RAM is not 4-byte aligned in host memory. */
  constructor(private readonly mem: RamView, readonly width: number, readonly height: number) {
    if (mem.ram.byteOffset % BYTES_PER_PIXEL !== 0) throw new RangeError('display: guest RAM must be 4-byte aligned in host memory');
    this.stride = width * BYTES_PER_PIXEL;
    this.dirty = [{ x: 0, y: 0, width, height }];
  }

  /** Bytes of the framebuffer (height rows of stride bytes). */
  get byteSize(): number {
    return this.stride * this.height;
  }

  /** Pages the backing store needs. */
  get pagesNeeded(): number {
    return Math.ceil(this.byteSize / PAGE_SIZE);
  }

  /** True while a backing store is attached. */
  get attached(): boolean {
    return this.backing.length > 0;
  }

  /**
   * Makes `pages` (guest-physical page addresses, in order) the backing store and marks the whole
   * screen dirty. Throws RangeError when there are too few pages or one is not a page of RAM
   * (the kernel passes its own frames: a failure is a kernel bug, not guest input).
   */
  attachBacking(pages: readonly number[]): void {
    if (pages.length < this.pagesNeeded) throw new RangeError(`display: ${pages.length} backing pages, ${this.pagesNeeded} needed`);
    const base = Number(this.mem.ramBase);
    const end = base + this.mem.ram.length;
    const bad = pages.find((p) => !Number.isSafeInteger(p) || p % PAGE_SIZE !== 0 || p < base || p + PAGE_SIZE > end);
    if (bad !== undefined) throw new RangeError(`display: backing page ${bad} is not a page of RAM`);
    this.backing = pages.slice(0, this.pagesNeeded);
    this.markAll();
  }

  /** Detaches the backing store (the display shows black) and marks the whole screen dirty. */
  detachBacking(): void {
    this.backing = [];
    this.markAll();
  }

  /** Records `r` as changed. Returns undefined, or why it was refused ('empty', 'out-of-range'; nothing recorded). */
  flush(r: Rect): RectError | undefined {
    const error = checkRect(r, this.width, this.height);
    if (error === undefined) this.dirty = addDirty(this.dirty, r);
    return error;
  }

  /** True when a frame is pending. */
  hasFrame(): boolean {
    return this.dirty.length > 0;
  }

  /** How many dirty rectangles are pending (at most MAX_DIRTY_RECTS). */
  get pendingRects(): number {
    return this.dirty.length;
  }

  /** The pending rectangles as RGBA8 (the pending set is cleared), or undefined when nothing changed. */
  takeFrame(): DisplayFrame | undefined {
    if (this.dirty.length === 0) return undefined;
    const rects = this.dirty.map((r) => this.readRect(r));
    this.dirty = [];
    return { width: this.width, height: this.height, rects };
  }

  /** The state to snapshot. */
  saveState(): DisplayState {
    return { backing: this.backing.slice() };
  }

  /** Restores saveState() output and marks the whole screen dirty. Throws RangeError for backing that does not fit this display. */
  loadState(state: DisplayState): void {
    if (state.backing.length > 0) this.attachBacking(state.backing);
    else this.backing = [];
    this.markAll();
  }

  private markAll(): void {
    this.dirty = [{ x: 0, y: 0, width: this.width, height: this.height }];
  }

  /** Rectangle `r` (checked) converted from XRGB8888 in guest RAM to RGBA8. */
  private readRect(r: Rect): DirtyRect {
    const out = new Uint32Array(r.width * r.height);
    if (this.backing.length === 0) {
      out.fill(0xff000000);
    } else {
      const ram = this.mem.ram;
      const words = new Uint32Array(ram.buffer, ram.byteOffset, ram.byteLength >>> 2);
      const base = Number(this.mem.ramBase);
      for (let row = 0; row < r.height; row++) {
        this.readRow(words, base, (r.y + row) * this.stride + r.x * BYTES_PER_PIXEL, r.width, out, row * r.width);
      }
    }
    return { x: r.x, y: r.y, width: r.width, height: r.height, pixels: out.buffer };
  }

  /** Converts `count` pixels starting at framebuffer byte `offset` into out[at..], page by page. */
  private readRow(words: Uint32Array, base: number, offset: number, count: number, out: Uint32Array, at: number): void {
    let left = count;
    while (left > 0) {
      const inPage = offset % PAGE_SIZE;
      const n = Math.min(left, (PAGE_SIZE - inPage) / BYTES_PER_PIXEL);
      const src = this.backing[Math.floor(offset / PAGE_SIZE)]! + inPage - base;
      convertXrgbToRgba(words, src, n, out, at);
      offset += n * BYTES_PER_PIXEL;
      at += n;
      left -= n;
    }
  }
}

/**
 * Converts `n` XRGB8888 pixels at byte `src` of `ram` (bytes B, G, R, X) to RGBA8 words (bytes R, G, B,
 * 255) in out[at..]. `words` is `ram` as 32-bit words (src is a multiple of 4). Words are little-endian,
 * as on every host the workbench runs on.
 */
export function convertXrgbToRgba(words: Uint32Array, src: number, n: number, out: Uint32Array, at: number): void {
  const first = src >>> 2;
  for (let i = 0; i < n; i++) {
    const v = words[first + i]!;
    out[at + i] = 0xff000000 | ((v & 0xff) << 16) | (v & 0xff00) | ((v >>> 16) & 0xff); // stored modulo 2^32
  }
}
