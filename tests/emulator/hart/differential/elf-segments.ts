// Minimal ELF64 little-endian reader for the differential test: the entry
// point and the PT_LOAD segments of a static RISC-V executable, so that
// hart-runner.ts can copy them into the hart's RAM. No relocation, no dynamic.

export interface LoadSegment {
  readonly paddr: bigint;
  readonly data: Uint8Array;
  /** Bytes in memory (>= data.length; the rest is zero). */
  readonly memSize: number;
}

export interface ElfImage {
  readonly entry: bigint;
  readonly segments: readonly LoadSegment[];
}

const PT_LOAD = 1;
const EM_RISCV = 243;

/** Returns the entry and load segments of `bytes`; throws on a non-ELF64-LE-RISC-V file. */
export function readElf(bytes: Uint8Array): ElfImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, false) !== 0x7f454c46 || bytes[4] !== 2 || bytes[5] !== 1) {
    throw new Error('not an ELF64 little-endian file');
  }
  if (view.getUint16(18, true) !== EM_RISCV) throw new Error('not a RISC-V ELF');
  const entry = view.getBigUint64(24, true);
  const phoff = Number(view.getBigUint64(32, true));
  const phentsize = view.getUint16(54, true);
  const phnum = view.getUint16(56, true);
  const segments: LoadSegment[] = [];
  for (let i = 0; i < phnum; i++) {
    const ph = phoff + i * phentsize;
    if (view.getUint32(ph, true) !== PT_LOAD) continue;
    const offset = Number(view.getBigUint64(ph + 8, true));
    const paddr = view.getBigUint64(ph + 24, true);
    const fileSize = Number(view.getBigUint64(ph + 32, true));
    const memSize = Number(view.getBigUint64(ph + 40, true));
    segments.push({ paddr, data: bytes.subarray(offset, offset + fileSize), memSize });
  }
  return { entry, segments };
}
