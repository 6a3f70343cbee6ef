// Error tests: every kind of bad input gives a diagnostic with the right line
// and column (and assemble() never throws), plus the GNU-style formatter with
// the source line and a caret.

import { describe, expect, it } from 'vitest';
import { assemble } from '../../../../emulator/toolchain/asm/assembler.ts';
import { formatDiagnostic, formatDiagnostics } from '../../../../emulator/toolchain/asm/diagnostics.ts';

/** Returns the errors of `source` as [line, column, message] triples. */
function errors(source: string): [number, number, string][] {
  const r = assemble(source, 'bad.s');
  return r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.column, d.message]);
}

describe('diagnostics', () => {
  // [name, source, line, text the column points at (first occurrence on that line), message]
  const cases: [string, string, number, string, RegExp][] = [
    ['unknown mnemonic', 'nop\n  frob a0, a1', 2, 'frob', /unknown instruction 'frob'/],
    ['too few operands', '  addi a0, a1', 1, 'addi', /'addi' expects 3 operands \(addi rd,rs1,imm12\), got 2/],
    ['too many operands', '  ecall a0', 1, 'ecall', /'ecall' expects no operands, got 1/],
    ['pseudo with wrong count', '  mv a0', 1, 'mv', /'mv' expects 2 operands, got 1/],
    ['register where an immediate goes', '  addi a0, a1, a2', 1, 'a2', /expected an immediate, found register 'a2'/],
    ['immediate where a register goes', '  add a0, a1, 5', 1, '5', /expected an integer register/],
    ['integer register for a float operand', '  fadd.d fa0, a1, fa2', 1, 'a1', /expected a floating-point register, found 'a1'/],
    ['bad base register', '  lw a0, 4(q7)', 1, 'q7', /expected an integer register, found 'q7'/],
    ['immediate out of range', '  addi a0, a0, 5000', 1, '5000', /imm12: 5000 out of range/],
    ['shift amount out of range', '  slli a0, a0, 64', 1, '64', /shamt6: 64 out of range/],
    ['misaligned branch offset', '  beq a0, a1, .+3', 1, '+', /not a multiple of 2/],
    ['explicit c.beqz too far', '  c.beqz a0, 1f\n  .space 400\n1: nop', 1, '1f', /c_boff: \d+ out of range/],
    ['undefined forward local label', '  j 1f\n  nop', 1, '1f', /undefined local label '1f'/],
    ['undefined backward local label', '  nop\n  beqz a0, 3b', 2, '3b', /undefined local label '3b'/],
    ['undefined .L symbol', '  j .Lnowhere', 1, '.Lnowhere', /undefined local symbol '.Lnowhere'/],
    ['unknown directive', '  .frobnicate 3', 1, '.frobnicate', /unknown directive '.frobnicate'/],
    ['unterminated string', '  .string "abc', 1, '"', /unterminated string/],
    ['duplicate label', 'x: nop\nx: nop', 2, 'x', /symbol 'x' is already defined/],
    ['li of a non-constant', '  li a0, sym', 1, 'sym', /li value must be a constant/],
    ['memory operand as la symbol', '  la a0, 4(a1)', 1, '4', /not a memory operand/],
    ['bad rounding mode', '  fadd.d fa0, fa1, fa2, xyz', 1, 'xyz', /rounding mode/],
    ['bad fence set', '  fence rw, q', 1, 'q', /fence set/],
    ['%hi in a 12-bit operand', '  addi a0, a0, %hi(x)', 1, '%', /%hi is not valid/],
    ['unknown modifier', '  lui a0, %foo(x)', 1, 'foo', /unknown relocation modifier '%foo'/],
    ['value too wide for .byte', '  .byte 300', 1, '300', /does not fit in 1 bytes/],
    ['address in a .half', '  .half sym', 1, 'sym', /2-byte value cannot hold an address/],
    ['.option pop without push', '  .option pop', 1, '.option', /\.option pop with no matching/],
    ['junk after operands', '  addi a0, a1, 1 2', 1, '2', /junk at end of line: '2'/],
    ['missing closing parenthesis', '  lw a0, 4(a1', 1, '4(a1', /expected '\)'/],
    ['division by zero', '  .word 1/0', 1, '/', /division by zero/],
    ['instructions in .bss', '  .bss\n  nop', 2, 'nop', /cannot hold data or instructions/],
    ['c.* without rvc', '  .option norvc\n  c.nop', 2, 'c.nop', /needs the C extension/],
    ['bad alignment', '  .balign 3', 1, '.balign', /power of two/],
    ['.rept without .endr', 'nop\n.rept 2\nnop', 2, '.rept', /'.rept' without '.endr'/],
    ['.endr without .rept', '.endr', 1, '.endr', /'.endr' without '.rept'/],
    ['.rept with a symbol count', '.rept K\nnop\n.endr', 1, 'K', /must be a constant number, not 'K'/],
    ['circular equates (reported inside the definition)', '  .equ a, b\n  .equ b, a\n  .word a', 1, 'b', /circular/],
  ];
  for (const [name, source, line, needle, message] of cases) {
    it(name, () => {
      const errs = errors(source);
      expect(errs.length).toBeGreaterThan(0);
      const text = source.split('\n')[line - 1]!;
      const column = needle === '4(a1' ? text.length + 1 : text.indexOf(needle) + 1;
      expect(errs[0]!.slice(0, 2)).toEqual([line, column]);
      expect(errs[0]![2]).toMatch(message);
    });
  }

  it('reports an undefined 1f once, and li of a later equate naming the symbol', () => {
    expect(errors('  j 1f')).toEqual([[1, 5, "undefined local label '1f'"]]);
    expect(errors('  li a0, 1 + K\n  .equ K, 2')).toEqual([[1, 14, "li value must be a constant: 'K' is not an equate defined before this line"]]);
  });

  it('keeps going after an error and reports each bad line once', () => {
    expect(errors('frob\nnop\naddi a0\n.string "x\nnop').map((e) => e[0])).toEqual([1, 3, 4]);
  });

  it('formats as file:line:col: error: message, the line, and a caret under the column', () => {
    const source = 'nop\n\taddi a0, a0, 5000\n';
    const d = assemble(source, 'bad.s').diagnostics[0]!;
    expect(formatDiagnostic(d, source)).toBe('bad.s:2:15: error: addi: imm12: 5000 out of range\n\taddi a0, a0, 5000\n\t             ^');
    expect(formatDiagnostic(d)).toBe('bad.s:2:15: error: addi: imm12: 5000 out of range');
    expect(formatDiagnostics([d, d], source).split('\n')).toHaveLength(6);
  });
});
