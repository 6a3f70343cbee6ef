// Unit tests of the tokenizer: numbers in every base, local label references,
// strings with escapes, comments, statement separators, and bad tokens.

import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../../emulator/toolchain/asm/diagnostics.ts';
import { parseIntegerLiteral, tokenize } from '../../../../emulator/toolchain/asm/lexer.ts';

function lex(src: string): { kinds: string[]; tokens: ReturnType<typeof tokenize>; diags: DiagnosticBag } {
  const diags = new DiagnosticBag();
  const tokens = tokenize(src, 'x.s', diags);
  return { kinds: tokens.map((t) => `${t.kind}:${t.text}`), tokens, diags };
}

describe('lexer', () => {
  it('reads integer literals in decimal, hex, binary, octal and characters', () => {
    expect(parseIntegerLiteral('123')).toBe(123n);
    expect(parseIntegerLiteral('0x7F')).toBe(127n);
    expect(parseIntegerLiteral('0b101')).toBe(5n);
    expect(parseIntegerLiteral('017')).toBe(15n);
    expect(parseIntegerLiteral('0')).toBe(0n);
    expect(parseIntegerLiteral('12a')).toBeUndefined();
    const { tokens } = lex("'A' '\\n'");
    expect(tokens.slice(0, 2).map((t) => t.value)).toEqual([65n, 10n]);
  });

  it('reads floating-point literals only where they look like one', () => {
    const { tokens } = lex('1.5 2e-3 7. 1e 1b');
    expect(tokens.slice(0, 5).map((t) => [t.kind, t.float ?? t.value])).toEqual([
      ['float', 1.5], ['float', 0.002], ['float', 7], ['bad', undefined], ['eol', undefined],
    ]);
  });

  it('tells local label references (1b, 2f) from binary numbers (0b1)', () => {
    const { tokens } = lex('1b 2f 0b1 0b');
    expect(tokens.slice(0, 4).map((t) => [t.kind, t.value, t.direction])).toEqual([
      ['localref', 1n, 'b'], ['localref', 2n, 'f'], ['number', 1n, undefined], ['localref', 0n, 'b'],
    ]);
  });

  it('decodes string escapes', () => {
    const { tokens } = lex('"a\\tb\\n\\0\\101\\x41\\"\\\\"');
    expect(tokens[0]!.bytes).toEqual([97, 9, 98, 10, 0, 65, 65, 34, 92]);
  });

  it('drops # and /* */ comments, keeps line numbers, splits statements at ; and newline', () => {
    const { kinds, tokens } = lex('a # c\n/* x\ny */ b; c');
    expect(kinds).toEqual(['ident:a', 'eol:\n', 'ident:b', 'eol:;', 'ident:c', 'eol:\n']);
    expect(tokens[2]).toMatchObject({ line: 3, column: 6 });
  });

  it('reads two-character operators and identifiers with dots and dollars', () => {
    const { kinds } = lex('fadd.d .L1$x<<2>=3');
    expect(kinds.slice(0, 6)).toEqual(['ident:fadd.d', 'ident:.L1$x', 'punct:<<', 'number:2', 'punct:>=', 'number:3']);
  });

  it('reports an unterminated string and a bad character with their columns and marks the line bad', () => {
    const { diags, kinds } = lex('  .string "abc\nnop\n  @x `');
    expect(diags.items.map((d) => [d.line, d.column, d.message])).toEqual([
      [1, 11, 'unterminated string'],
      [3, 6, "unexpected character '`'"],
    ]);
    expect(kinds).toContain('bad:');
    expect(kinds).toContain('ident:nop');
  });

  it('reports an unterminated block comment', () => {
    const { diags } = lex('nop\n /* never closed\n nop');
    expect(diags.items).toMatchObject([{ line: 2, column: 2, message: 'unterminated comment' }]);
  });
});
