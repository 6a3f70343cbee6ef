// Unit tests of the linker with objects made by OUR assembler: multi-object
// programs run on the machine (cross-object calls, %pcrel and %hi/%lo data
// references), weak symbols, linker-provided symbols, the layout, the symbol
// table, and the errors for undefined and duplicate symbols.

import { describe, expect, it } from 'vitest';
import { PF_R, PF_W, PF_X, PT_LOAD, STT_FUNC, STT_OBJECT } from '../../../../emulator/toolchain/elf/elf-constants.ts';
import { readElf } from '../../../../emulator/toolchain/elf/elf-reader.ts';
import { SymbolMap } from '../../../../emulator/toolchain/elf/symbol-map.ts';
import { formatLinkMap, link } from '../../../../emulator/toolchain/link/linker.ts';
import { asmObject, bytesAt, EXIT_TAIL, HART_BUILT, linkErrors, linkOk, runElf, symbolValue, wordAt } from './link-helpers.ts';

/** _start calls check (in another object), which returns 0 on success or a failing check number. */
const START = asmObject('start.s', `
  .text
  .globl _start
_start:
  la sp, __stack_top
  call check
  j exit
${EXIT_TAIL}`);

const ADDERS = asmObject('adders.s', `
  .text
  .globl add3, counter, table
  .type add3, @function
add3:
  addi a0, a0, 3
  ret
  .size add3, .-add3
  .data
  .type table, @object
table: .dword 10, 20, 30
  .size table, 24
  .bss
  .type counter, @object
counter: .zero 8
  .size counter, 8
`);

describe.skipIf(!HART_BUILT)('linked programs run on the machine', () => {
  it('calls across objects and reads data through %pcrel_hi/%pcrel_lo and la', async () => {
    const check = asmObject('check.s', `
  .text
  .globl check
check:
  addi sp, sp, -16
  sd ra, 8(sp)
  li a0, 4
  call add3
  li t1, 7
  li a0, 1
  bne a0, a0, 9f
  li a0, 4
  call add3
  li t1, 7
  bne a0, t1, fail1
1: auipc t0, %pcrel_hi(table)
  ld t2, %pcrel_lo(1b)(t0)
  li t1, 10
  bne t2, t1, fail2
  la t0, table
  ld t2, 16(t0)
  li t1, 30
  bne t2, t1, fail3
  la t0, counter
  ld t2, 0(t0)
  bnez t2, fail4
  li t1, 99
2: auipc t0, %pcrel_hi(counter)
  sd t1, %pcrel_lo(2b)(t0)
  ld t2, counter
  bne t2, t1, fail5
  li a0, 0
9: ld ra, 8(sp)
  addi sp, sp, 16
  ret
fail1: li a0, 1
  j 9b
fail2: li a0, 2
  j 9b
fail3: li a0, 3
  j 9b
fail4: li a0, 4
  j 9b
fail5: li a0, 5
  j 9b
`);
    const run = await runElf(linkOk([START, check, ADDERS]).elf);
    expect(run).toMatchObject({ reason: 'exit', exitCode: 0 });
  });

  it('resolves %hi/%lo absolute addressing when the image lies in the low 2 GiB', async () => {
    const check = asmObject('abs.s', `
  .text
  .globl check
check:
  lui t0, %hi(table)
  ld t1, %lo(table+8)(t0)
  addi t2, t0, %lo(table)
  li t3, 55
  sd t3, %lo(table)(t0)
  ld a0, 0(t2)
  addi a0, a0, -55
  add a0, a0, t1
  addi a0, a0, -20
  ret
`);
    const { elf } = linkOk([START, check, ADDERS], { textBase: 0x2000_0000n });
    expect(await runElf(elf, 0x2000_0000n)).toMatchObject({ reason: 'exit', exitCode: 0 });
  });

  it('lets a strong definition replace a weak one, and uses a lone weak definition', async () => {
    const weak = asmObject('weak.s', `
  .text
  .weak value_a, value_b
value_a: li a0, 1
  ret
value_b: li a0, 2
  ret
`);
    const strong = asmObject('strong.s', `
  .text
  .globl value_a
value_a: li a0, 40
  ret
`);
    const check = asmObject('check.s', `
  .text
  .globl check
check:
  addi sp, sp, -16
  sd ra, 8(sp)
  call value_a
  mv s1, a0
  call value_b
  add a0, a0, s1
  addi a0, a0, -42
  ld ra, 8(sp)
  addi sp, sp, 16
  ret
`);
    expect(await runElf(linkOk([START, weak, check, strong]).elf)).toMatchObject({ exitCode: 0 });
    expect(await runElf(linkOk([START, strong, check, weak]).elf)).toMatchObject({ exitCode: 0 });
  });

  it('resolves an undefined weak reference to address 0', async () => {
    const check = asmObject('check.s', `
  .text
  .weak missing
  .globl check
check:
  lla a0, missing
  beqz a0, 1f
  li a0, 9
1: ret
`);
    const r = linkOk([START, check]);
    expect(await runElf(r.elf)).toMatchObject({ exitCode: 0 });
  });
});

describe('layout and linker-provided symbols', () => {
  const DATA = asmObject('data.s', `
  .text
  .globl _start
_start: j _start
  .section .rodata
msg: .asciz "ro"
  .data
  .globl d
d: .dword 1
  .section .sdata,"aw"
  .globl s
s: .word 2
  .section .sbss,"aw",@nobits
  .globl sb
sb: .zero 4
  .bss
  .globl b
b: .zero 100
  .section .tohost,"aw",@progbits
  .globl tohost
tohost: .dword 0
`);

  it('places RX then page-aligned RW, with .tohost first and 64-byte aligned', () => {
    const r = linkOk([DATA]);
    const elf = readElf(r.elf);
    const loads = elf.programHeaders.filter((p) => p.type === PT_LOAD);
    expect(loads.map((p) => [p.vaddr, p.flags])).toEqual([[0x8000_0000n, PF_R | PF_X], [0x8000_1000n, PF_R | PF_W]]);
    expect(r.sections.map((s) => s.name)).toEqual(['.text', '.rodata', '.tohost', '.data', '.sdata', '.sbss', '.bss']);
    expect(symbolValue(elf, 'tohost')).toBe(0x8000_1000n);
    expect(symbolValue(elf, 'd')).toBe(0x8000_1040n);
    expect(symbolValue(elf, 's')).toBe(0x8000_1048n);
    expect(symbolValue(elf, '__global_pointer$')).toBe(0x8000_1048n + 0x800n);
    expect(symbolValue(elf, '_edata')).toBe(0x8000_104cn);
    expect(symbolValue(elf, '__bss_start')).toBe(symbolValue(elf, 'sb'));
    expect(symbolValue(elf, '_end')).toBe(symbolValue(elf, 'b') + 100n);
    const stackBottom = symbolValue(elf, '__stack_bottom');
    expect(stackBottom % 16n).toBe(0n);
    expect(symbolValue(elf, '__stack_top')).toBe(stackBottom + 0x1_0000n);
    expect(loads[1]!.memsz).toBe(symbolValue(elf, '__stack_top') - 0x8000_1000n);
    expect(loads[1]!.filesz).toBe(0x4c);
  });

  it('honours textBase, stackSize 0 and a custom entry symbol', () => {
    const r = linkOk([DATA], { textBase: 0x4000_0000n, stackSize: 0n, entry: 'd' });
    const elf = readElf(r.elf);
    expect(elf.header.entry).toBe(0x4000_1040n);
    expect(elf.symbols.some((s) => s.name === '__stack_top')).toBe(false);
    expect(symbolValue(elf, '_end')).toBe(symbolValue(elf, 'b') + 100n);
  });

  it('warns and uses the start of .text when the entry symbol is missing', () => {
    const r = linkOk([DATA], { entry: 'nowhere' });
    expect(r.entry).toBe(0x8000_0000n);
    expect(r.diagnostics).toEqual([{ severity: 'warning', file: 'ld', message: "cannot find entry symbol 'nowhere'; defaulting to 0x80000000" }]);
  });

  it('does not override a linker symbol an input defines', () => {
    const own = asmObject('own.s', `
  .data
  .globl _end
_end: .dword 0
`);
    const r = linkOk([DATA, own]);
    expect(r.map.find((s) => s.name === '_end')?.file).toBe('own.s');
  });

  it('writes functions and objects with sizes, so pc maps to a function', () => {
    const r = linkOk([START, asmObject('check.s', '  .text\n  .globl check\ncheck: li a0, 0\n  ret\n'), ADDERS]);
    const elf = readElf(r.elf);
    const add3 = elf.symbols.find((s) => s.name === 'add3')!;
    expect([add3.type, add3.size]).toEqual([STT_FUNC, 4n]); // c.addi + c.jr
    const table = elf.symbols.find((s) => s.name === 'table')!;
    expect([table.type, table.size]).toEqual([STT_OBJECT, 24n]);
    expect(SymbolMap.fromElf(elf).describe(add3.value + 2n)).toBe('add3+0x2');
    expect(r.map.find((s) => s.name === 'add3')).toMatchObject({ kind: 'func', binding: 'global', file: 'adders.s', size: 4n });
    const text = formatLinkMap(r);
    expect(text).toMatch(/^entry 0x0000000080000000$/m);
    expect(text).toMatch(/^ {2}\.text {4}0x0000000080000000 size 0x[0-9a-f]+$/m);
    expect(text).toMatch(new RegExp(`^  0x${add3.value.toString(16).padStart(16, '0')} 0x4 +func +global add3  \\(adders\\.s\\)$`, 'm'));
  });
});

describe('symbol errors', () => {
  it('names the symbol and the referencing object for an undefined reference', () => {
    expect(linkErrors([START])).toBe("start.s: error: undefined reference to 'check'");
  });

  it('names both objects for a duplicate definition', () => {
    const again = asmObject('again.s', '  .text\n  .globl add3\nadd3: ret\n');
    const check = asmObject('check.s', '  .text\n  .globl check\ncheck: ret\n');
    expect(linkErrors([START, check, ADDERS, again])).toBe("again.s: error: multiple definition of 'add3': first defined in adders.s");
  });

  it('reports a JAL out of range instead of truncating', () => {
    const far = asmObject('far.s', `
  .text
  .globl check
check:
  jal far_away
`);
    const filler = asmObject('filler.s', '  .text\n  .space 0x100000\n');
    const target = asmObject('target.s', '  .text\n  .globl far_away\nfar_away: ret\n');
    expect(linkErrors([START, far, filler, target])).toBe("far.s: error: relocation R_RISCV_JAL against 'far_away' out of range: offset 0x100004 does not fit 21 bits (at .text+0x0)");
  });

  it('reports %hi of an address above 2 GiB as out of range', () => {
    const abs = asmObject('abs.s', '  .text\n  .globl check\ncheck: lui a0, %hi(check)\n  ret\n');
    expect(linkErrors([START, abs])).toMatch(/^abs\.s: error: relocation R_RISCV_HI20 against 'check' out of range: value 0x800000[0-9a-f]{2} does not fit 32 bits \(%hi\/%lo reach only the lowest and highest 2 GiB: use -mcmodel=medany\) \(at \.text\+0x0\)$/);
  });

  it('rejects input that is neither an object nor an archive, and an empty link', () => {
    expect(linkErrors([{ name: 'junk.o', bytes: new Uint8Array([1, 2, 3]) }])).toBe('junk.o: error: not an ELF file: bad magic (expected 7f 45 4c 46)');
    expect(linkErrors([])).toBe('ld: error: no input objects');
  });

  it('accepts unnamed byte inputs and names them by position', () => {
    expect(link([START.bytes]).diagnostics[0]).toEqual({ severity: 'error', file: 'input#0', message: "undefined reference to 'check'" });
  });
});

describe('determinism', () => {
  it('gives identical bytes on a second link and leaves the input bytes unchanged', () => {
    const check = asmObject('check.s', '  .text\n  .globl check\ncheck: ret\n');
    const before = [START, check, ADDERS].map((o) => o.bytes.slice());
    const first = linkOk([START, check, ADDERS]).elf;
    expect(linkOk([START, check, ADDERS]).elf).toEqual(first);
    expect([START, check, ADDERS].map((o) => o.bytes)).toEqual(before);
  });
});

describe('relocated words', () => {
  it('resolves label differences across objects (ADD/SUB pairs from our assembler)', () => {
    const diff = asmObject('diff.s', `
  .text
  .globl check
check: ret
  .data
  .globl spans
spans: .dword check - _start
  .word add3 - check
  .half add3 - _start
  .byte add3 - check
`);
    const r = linkOk([START, diff, ADDERS]);
    const elf = readElf(r.elf);
    const [start, check, add3] = ['_start', 'check', 'add3'].map((n) => symbolValue(elf, n)) as [bigint, bigint, bigint];
    const bytes = bytesAt(elf, symbolValue(elf, 'spans'), 15);
    const view = new DataView(bytes.buffer);
    expect(view.getBigUint64(0, true)).toBe(check - start);
    expect(BigInt(view.getUint32(8, true))).toBe(add3 - check);
    expect(BigInt(view.getUint16(12, true))).toBe(add3 - start);
    expect(BigInt(view.getUint8(14))).toBe(add3 - check);
  });

  it('encodes a cross-object call as auipc+jalr reaching the callee', () => {
    const check = asmObject('check.s', '  .text\n  .globl check\ncheck: ret\n');
    const r = linkOk([START, check]);
    const elf = readElf(r.elf);
    const callAt = symbolValue(elf, '_start') + 8n; // after la sp (auipc+addi)
    const auipc = wordAt(elf, callAt);
    const jalr = wordAt(elf, callAt + 4n);
    const target = callAt + BigInt((auipc & 0xfffff000) | 0) + BigInt(jalr >> 20);
    expect(auipc & 0x7f).toBe(0x17);
    expect(target).toBe(symbolValue(elf, 'check'));
  });
});
