// Unit tests of directives and expressions: sections and their flags, data of
// every width, strings, alignment and fill, .equ/.set/=, symbol binding, type
// and size, .comm, numeric local labels, and relocations for data.

import { describe, expect, it } from 'vitest';
import { asmOk, hexOf, section } from './asm-helpers.ts';

const data = (src: string): string => hexOf(section(asmOk(`.data\n${src}`), '.data').bytes);

describe('data directives and expressions', () => {
  it('emits every integer width little-endian', () => {
    expect(data('.byte 1, -1\n.half 0x1234\n.short 2\n.2byte 3\n.word 0x11223344\n.long 5\n.4byte 6\n.int 7'))
      .toBe('01ff' + '3412' + '0200' + '0300' + '44332211' + '05000000' + '06000000' + '07000000');
    expect(data('.dword 0x0102030405060708\n.quad -2\n.8byte 1')).toBe('0807060504030201' + 'feffffffffffffff' + '0100000000000000');
  });

  it('evaluates operators with GNU as precedence', () => {
    expect(data('.byte 1 + 2 * 3, (1 + 2) * 3, 1 << 2 + 1, 7 / 2, 7 % 4, ~0 & 0xf, 6 ^ 3, 1 | 2 + 4, -(3), !0, 2 == 2, 1 < 2 && 2 > 3'))
      .toBe([7, 9, 5, 3, 3, 15, 5, 7, 253, 1, 255, 0].map((v) => v.toString(16).padStart(2, '0')).join(''));
  });

  it('emits strings with and without terminators', () => {
    expect(data('.ascii "ab"\n.asciz "c"\n.string "d", "e"')).toBe('6162' + '6300' + '6400' + '6500');
  });

  it('emits .zero/.space/.skip with fill, and aligns with .align/.p2align/.balign', () => {
    expect(data('.byte 1\n.zero 2\n.space 2, 0xaa\n.skip 1\n.balign 8\n.byte 2\n.p2align 2, 0xee\n.byte 3\n.align 1\n.byte 4'))
      .toBe('01' + '0000' + 'aaaa' + '00' + '0000' + '02' + 'eeeeee' + '03' + '00' + '04');
  });

  it('respects the maximum skip of .balign and .p2align', () => {
    expect(data('.byte 1\n.balign 8, 0, 3\n.byte 2\n.balign 4, 0xff, 3\n.byte 3')).toBe('0102ffff03');
  });

  it('folds differences of labels in one section, and uses equates defined before or after', () => {
    expect(data('a: .word 0\nb: .word b - a, c - a, K, K2\nc:\n.equ K, 40 + 2\nK2 = K * 2')).toBe('00000000' + '04000000' + '14000000' + '2a000000' + '54000000');
  });

  it('emits R_RISCV_64/32 for addresses and ADD/SUB pairs for differences across sections', () => {
    const obj = asmOk('.text\nf: nop\n.data\n.dword f + 8\n.word f + 2\n.word f - d\nd: .byte 0');
    const d = section(obj, '.data');
    expect(d.relocations.map((r) => [r.offset, r.type, obj.symbols[r.symbol]!.name, r.addend])).toEqual([
      [0, 2, 'f', 8n], [8, 1, 'f', 2n], [12, 35, 'f', 0n], [12, 39, 'd', 0n],
    ]);
  });

  it('encodes .float/.single/.double literals (as GNU as does)', () => {
    expect(data('.float 1.5, -2.25, 3\n.double 2.5, -1e-3, 6.02E23\n.single 7.\n.double inf'))
      .toBe('0000c03f' + '000010c0' + '00004040' + '0000000000000440' + 'fca9f1d24d6250bf' + '61d3a8109fdedf44' + '0000e040' + '000000000000f07f');
  });

  it('repeats statements with .rept/.endr, nested and zero times', () => {
    expect(data('.rept 3\n.byte 1\n.rept 2\n.byte 2\n.endr\n.endr\n.rept 0\n.byte 9\n.endr')).toBe('010202010202010202');
  });

  it('encodes .uleb128 and .sleb128', () => {
    expect(data('.uleb128 0, 127, 128, 624485\n.sleb128 -1, 63, 64, -123456')).toBe('007f8001e58e26' + '7f3fc000c0bb78');
  });

  it('. is the address of the statement that uses it', () => {
    expect(data('.word 0\nx: .word . - x, . - x')).toBe('00000000' + '00000000' + '04000000');
  });
});

describe('sections and symbols', () => {
  it('knows the default sections and .section with flags and types', () => {
    const obj = asmOk('nop\n.data\n.byte 1\n.bss\n.zero 16\n.rodata\n.byte 2\n.section .foo,"aw",@nobits\n.zero 4\n.section .bar,"ax",@progbits\nnop\n.section .note.GNU-stack,"",@progbits');
    const s = (n: string): unknown => { const x = section(obj, n); return [x.kind, x.alloc, x.write, x.exec, x.size]; };
    expect(s('.text')).toEqual(['progbits', true, false, true, 2]);
    expect(s('.data')).toEqual(['progbits', true, true, false, 1]);
    expect(s('.bss')).toEqual(['nobits', true, true, false, 16]);
    expect(s('.rodata')).toEqual(['progbits', true, false, false, 1]);
    expect(s('.foo')).toEqual(['nobits', true, true, false, 4]);
    expect(s('.bar')).toEqual(['progbits', true, false, true, 2]);
    expect(s('.note.GNU-stack')).toEqual(['progbits', false, false, false, 0]);
  });

  it('records binding, type and size; .L symbols stay out of the table', () => {
    const obj = asmOk('.globl f\n.type f, @function\nf: nop\nret\n.size f, .-f\n.weak w\nw: nop\nlocal: nop\n.Lhidden: nop\n.local q\nq: nop');
    const sym = (n: string): unknown => obj.symbols.find((s) => s.name === n);
    expect(sym('f')).toMatchObject({ binding: 'global', type: 'func', size: 4n, value: 0n });
    expect(sym('w')).toMatchObject({ binding: 'weak', value: 4n });
    expect(sym('local')).toMatchObject({ binding: 'local', value: 6n });
    expect(sym('q')).toMatchObject({ binding: 'local' });
    expect(sym('.Lhidden')).toBeUndefined();
  });

  it('gives equates absolute symbols and .comm space in .bss', () => {
    const obj = asmOk('.equ K, 7\n.globl K\n.comm buf, 100, 16\n.lcomm lbuf, 8');
    expect(obj.symbols.find((s) => s.name === 'K')).toMatchObject({ section: 'abs', value: 7n, binding: 'global' });
    expect(obj.symbols.find((s) => s.name === 'buf')).toMatchObject({ binding: 'global', size: 100n, type: 'object', value: 0n });
    expect(obj.symbols.find((s) => s.name === 'lbuf')).toMatchObject({ binding: 'local', value: 104n });
    expect(section(obj, '.bss')).toMatchObject({ size: 112, align: 16 });
  });

  it('numeric local labels refer to the nearest definition backward or forward', () => {
    const obj = asmOk('.option norvc\n1: nop\n1: j 1b\nj 1f\n1: j 1b', { rvc: false });
    const t = section(obj, '.text').bytes;
    const w = (i: number): number => new DataView(t.buffer).getUint32(i * 4, true);
    expect([w(1), w(2), w(3)].map((x) => x.toString(16))).toEqual(['6f', '40006f', '6f']);
  });

  it('ignores .file, .ident, .attribute and .cfi_* directives', () => {
    expect(() => asmOk('.file "a.c"\n.ident "x"\n.attribute arch, "rv64gc"\n.cfi_startproc\n.cfi_def_cfa_offset 16\n.cfi_endproc\n.option relax\n.option norelax')).not.toThrow();
  });

  it('pads code sections to their alignment with nops, data sections not at all', () => {
    const obj = asmOk('nop\n.align 3\n.data\n.byte 1\n.align 3\n.byte 2');
    expect(hexOf(section(obj, '.text').bytes)).toBe('0100' + '0100' + '13000000');
    expect(section(obj, '.data').size).toBe(9);
  });
});
