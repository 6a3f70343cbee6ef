// Unit tests of the pp-token lexer and line splicing: token kinds, prefixes,
// digraphs, comments, spacing flags and original (pre-splice) locations.

import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../../../emulator/toolchain/asm/diagnostics.ts';
import { Lexer } from '../../../../../emulator/toolchain/cc/preprocess/lexer.ts';
import type { PPToken } from '../../../../../emulator/toolchain/cc/preprocess/pp-token.ts';
import { SourceFile } from '../../../../../emulator/toolchain/cc/preprocess/source-file.ts';

function lex(text: string): { toks: PPToken[]; diags: DiagnosticBag } {
  const diags = new DiagnosticBag();
  const lexer = new Lexer(new SourceFile('t.c', text), diags);
  const toks: PPToken[] = [];
  for (let t = lexer.next(); t.kind !== 'eof'; t = lexer.next()) toks.push(t);
  return { toks, diags };
}

const kinds = (text: string): string[] => lex(text).toks.map((t) => `${t.kind}:${t.text}`);

describe('SourceFile', () => {
  it('splices backslash-newline and maps offsets back to physical lines', () => {
    const f = new SourceFile('a.c', 'ab\\\ncd\\\r\nef\ngh');
    expect(f.text).toBe('abcdef\ngh');
    expect(f.locate(0)).toEqual({ file: 'a.c', line: 1, column: 1 });
    expect(f.locate(2)).toEqual({ file: 'a.c', line: 2, column: 1 }); // c
    expect(f.locate(4)).toEqual({ file: 'a.c', line: 3, column: 1 }); // e
    expect(f.locate(7)).toEqual({ file: 'a.c', line: 4, column: 1 }); // g
  });

  it('leaves a lone backslash alone', () => {
    expect(new SourceFile('a.c', 'a\\b\\').text).toBe('a\\b\\');
  });

  it('locates correctly after a backwards lookup', () => {
    const f = new SourceFile('a.c', 'x\n'.repeat(200));
    expect(f.locate(300).line).toBe(151);
    expect(f.locate(2).line).toBe(2);
  });
});

describe('Lexer', () => {
  it('lexes identifiers, pp-numbers and punctuators', () => {
    expect(kinds('a_1 $b 0x1fUL 1.5e+3f .5 1..2 0x1p-3 08 a+++b ->* <<= ... .. #')).toEqual([
      'identifier:a_1', 'identifier:$b', 'number:0x1fUL', 'number:1.5e+3f', 'number:.5', 'number:1..2', 'number:0x1p-3',
      'number:08', 'identifier:a', 'punct:++', 'punct:+', 'identifier:b', 'punct:->', 'punct:*', 'punct:<<=', 'punct:...',
      'punct:.', 'punct:.', 'punct:#',
    ]);
  });

  it('lexes 1e+ as one pp-number but 1+ as two tokens', () => {
    expect(kinds('1e+x 1+x 0xe+1')).toEqual(['number:1e+x', 'number:1', 'punct:+', 'identifier:x', 'number:0xe+1']);
  });

  it('lexes character constants and strings with encoding prefixes', () => {
    const { toks } = lex(`'a' L'b' u'c' U'd' "s" L"w" u8"u" u"x" U"y" '\\'' "\\"q"`);
    expect(toks.map((t) => [t.kind, t.prefix, t.text])).toEqual([
      ['char', '', "'a'"], ['char', 'L', "L'b'"], ['char', 'u', "u'c'"], ['char', 'U', "U'd'"],
      ['string', '', '"s"'], ['string', 'L', 'L"w"'], ['string', 'u8', 'u8"u"'], ['string', 'u', 'u"x"'], ['string', 'U', 'U"y"'],
      ['char', '', "'\\''"], ['string', '', '"\\"q"'],
    ]);
  });

  it('treats an identifier that is not a prefix as an identifier before a string', () => {
    expect(kinds('x"s" LL"s"')).toEqual(['identifier:x', 'string:"s"', 'identifier:LL', 'string:"s"']);
  });

  it('maps digraphs to canonical punctuators and keeps their spelling', () => {
    const { toks } = lex('<: :> <% %> %: %:%:');
    expect(toks.map((t) => t.text)).toEqual(['[', ']', '{', '}', '#', '##']);
    expect(toks.map((t) => t.spelling)).toEqual(['<:', ':>', '<%', '%>', '%:', '%:%:']);
  });

  it('makes a lone stray character an other token', () => {
    expect(kinds('@ ` \\')).toEqual(['other:@', 'other:`', 'other:\\']);
  });

  it('drops comments as white space; a block comment does not end the line', () => {
    const { toks } = lex('a/* c\n */b // x\nc');
    expect(toks.map((t) => [t.text, t.hasSpaceBefore, t.atLineStart])).toEqual([
      ['a', false, true],
      ['b', true, false],
      ['c', false, true],
    ]);
  });

  it('gives each token its physical line and column, also across splices', () => {
    const { toks } = lex('  ab\\\ncd e\n\tf');
    expect(toks.map((t) => [t.text, t.loc.line, t.loc.column])).toEqual([
      ['abcd', 1, 3],
      ['e', 2, 4],
      ['f', 3, 2],
    ]);
  });

  it('reports an unterminated comment and unterminated literals', () => {
    expect(lex('a /* b').diags.items.map((d) => d.message)).toEqual(['unterminated comment']);
    const r = lex("x = 'ab\ny = \"cd\n");
    expect(r.diags.items.map((d) => [d.message, d.line])).toEqual([
      ["missing terminating ' character", 1],
      ['missing terminating " character', 2],
    ]);
    expect(r.toks.map((t) => t.kind)).toEqual(['identifier', 'punct', 'other', 'identifier', 'punct', 'other']);
  });

  it('reports nothing for unterminated literals while skipping', () => {
    const diags = new DiagnosticBag();
    const lexer = new Lexer(new SourceFile('t.c', "don't"), diags);
    lexer.skipping = true;
    while (lexer.next().kind !== 'eof');
    expect(diags.items).toEqual([]);
  });

  it('reads a <header-name> only when asked', () => {
    const lexer = new Lexer(new SourceFile('t.c', '#include <sys/a b.h> x'), new DiagnosticBag());
    lexer.next();
    lexer.next();
    expect(lexer.angleHeaderName()).toBe('sys/a b.h');
    expect(lexer.next().text).toBe('x');
    const l2 = new Lexer(new SourceFile('t.c', '#include "a.h"'), new DiagnosticBag());
    l2.next();
    l2.next();
    expect(l2.angleHeaderName()).toBeUndefined();
    expect(l2.next().text).toBe('"a.h"');
  });

  it('returns eof repeatedly at the end', () => {
    const lexer = new Lexer(new SourceFile('t.c', 'x'), new DiagnosticBag());
    lexer.next();
    expect(lexer.next().kind).toBe('eof');
    expect(lexer.next().kind).toBe('eof');
  });
});
