// A tiny code builder for benchmark and test programs: emits instructions
// through the ISA encoder (optionally compressed where an RVC form exists),
// resolves labels for branches, jumps and auipc/addi pairs, and expands `li`
// for 32-bit constants. Not an assembler: no parsing, no sections, no relocs.

import { compress, encode, type OperandValue } from '../../emulator/toolchain/isa/encode.ts';

/** A label reference as an operand: the byte offset from this instruction (or from the auipc of an `la`) to the label. */
export interface LabelRef {
  readonly label: string;
  /** For `la`: which half of the pc-relative offset this operand takes. */
  readonly part?: 'hi' | 'lo';
  /** For the `lo` half: the label of the paired auipc. */
  readonly anchor?: string;
}

type BuilderOperand = OperandValue | LabelRef;

interface Item {
  readonly mnemonic: string;
  readonly operands: readonly BuilderOperand[];
  /** Labels defined at this item's address. */
  readonly labels: string[];
  size: 2 | 4;
}

function isRef(op: BuilderOperand): op is LabelRef {
  return typeof op === 'object';
}

/** Splits a pc-relative offset into auipc's upper 20 bits and addi's signed low 12 bits. */
function splitOffset(offset: number): { hi: number; lo: number } {
  const hi = Math.floor((offset + 0x800) / 4096);
  return { hi: ((hi % 0x100000) + 0x100000) % 0x100000, lo: offset - hi * 4096 };
}

export class CodeBuilder {
  private readonly items: Item[] = [];
  private pendingLabels: string[] = [];
  private readonly absolute = new Map<string, number>();
  private anchorCount = 0;

  /** `compressed`: emit RVC forms wherever one expresses the instruction. */
  constructor(private readonly compressed: boolean) {}

  /** Defines `name` at the next emitted instruction. */
  label(name: string): this {
    this.pendingLabels.push(name);
    return this;
  }

  /** Defines `name` at a fixed byte offset from the start of the code (e.g. a data area after it). */
  at(name: string, offset: number): this {
    this.absolute.set(name, offset);
    return this;
  }

  /** Emits one instruction; a `{ label }` operand becomes the pc-relative offset to that label. */
  op(mnemonic: string, ...operands: BuilderOperand[]): this {
    this.items.push({ mnemonic, operands, labels: this.pendingLabels, size: this.compressed ? 2 : 4 });
    this.pendingLabels = [];
    return this;
  }

  /** Loads a signed 32-bit constant (addi, or lui + addiw). */
  li(rd: string, value: number): this {
    if (value >= -2048 && value < 2048) return this.op('addi', rd, 'zero', value);
    const { hi, lo } = splitOffset(value);
    this.op('lui', rd, hi);
    return lo === 0 ? this : this.op('addiw', rd, rd, lo);
  }

  /** Loads the address of a label pc-relatively (auipc + addi). */
  la(rd: string, label: string): this {
    const anchor = `.la${this.anchorCount++}`;
    this.label(anchor).op('auipc', rd, { label, part: 'hi' });
    return this.op('addi', rd, rd, { label, part: 'lo', anchor });
  }

  /** Returns the machine code; throws EncodeError for an operand that does not fit. */
  build(): Uint8Array {
    for (let pass = 0; pass < 8; pass++) {
      const addresses = this.layout();
      const words = this.items.map((item, i) => this.encodeItem(item, addresses, i));
      if (words.every((w, i) => w.size === this.items[i].size)) return this.emit(words);
      words.forEach((w, i) => { this.items[i].size = w.size; });
    }
    throw new Error('code builder: instruction sizes do not converge');
  }

  private layout(): { labels: Map<string, number>; offsets: number[] } {
    const labels = new Map(this.absolute);
    const offsets: number[] = [];
    let pc = 0;
    for (const item of this.items) {
      for (const l of item.labels) labels.set(l, pc);
      offsets.push(pc);
      pc += item.size;
    }
    for (const l of this.pendingLabels) labels.set(l, pc);
    return { labels, offsets };
  }

  private resolve(op: BuilderOperand, labels: Map<string, number>, pc: number): OperandValue {
    if (!isRef(op)) return op;
    const target = labels.get(op.label);
    if (target === undefined) throw new Error(`code builder: undefined label '${op.label}'`);
    if (op.part === 'hi') return splitOffset(target - pc).hi;
    if (op.part === 'lo') return splitOffset(target - (labels.get(op.anchor ?? '') ?? pc)).lo;
    return target - pc;
  }

  private encodeItem(item: Item, at: { labels: Map<string, number>; offsets: number[] }, i: number): { word: number; size: 2 | 4 } {
    const ops = item.operands.map((op) => this.resolve(op, at.labels, at.offsets[i]));
    const half = this.compressed ? compress(item.mnemonic, ops) : undefined;
    return half === undefined ? { word: encode(item.mnemonic, ops), size: 4 } : { word: half, size: 2 };
  }

  private emit(words: { word: number; size: 2 | 4 }[]): Uint8Array {
    const bytes = new Uint8Array(words.reduce((n, w) => n + w.size, 0));
    const view = new DataView(bytes.buffer);
    let at = 0;
    for (const { word, size } of words) {
      if (size === 2) view.setUint16(at, word, true);
      else view.setUint32(at, word, true);
      at += size;
    }
    return bytes;
  }
}
