// GNU labels as values: `&&label` is the label's address (a `void *`, also a
// constant for static initializers such as dispatch tables) and `goto *p;`
// jumps to an address. Labels get an assembler symbol from the function
// symbol and the label name, which the code generator defines at the label.

import type { SourceLocation } from '../asm/diagnostics.ts';
import type { Expr, Stmt } from './ast.ts';
import { decay } from './conversions.ts';
import { parseExpr } from './parse-expression.ts';
import { ParseError, type Parser } from './parser.ts';
import { isPointer, pointerTo, voidType } from './types.ts';

/** The assembler symbol of C label `label` in the function whose symbol is `fnSymbol`. */
export function labelSymbol(fnSymbol: string, label: string): string {
  return `.L.addr.${fnSymbol}.${label}`;
}

/** Parses `&& label` (the current token is `&&`); returns its address as a `void *` expression. */
export function parseLabelAddress(p: Parser, loc: SourceLocation): Expr {
  p.next();
  const id = p.next();
  if (id.kind !== 'identifier' || p.fn === undefined) { p.errorAt(id, p.fn === undefined ? 'label address outside a function' : 'expected identifier'); throw new ParseError(); }
  p.fn.gotos.push({ label: id.text, loc: p.loc(id) });
  return { kind: 'label_addr', label: id.text, symbol: labelSymbol(p.fn.obj.symbol, id.text), type: pointerTo(voidType), loc };
}

/** Parses the rest of `goto * expr ;` (the current token is `*`). */
export function parseIndirectGoto(p: Parser, loc: SourceLocation): Stmt {
  p.next();
  const target = decay(parseExpr(p));
  if (!isPointer(target.type)) p.error(target.loc, 'computed goto needs a pointer');
  p.expect(';');
  return { kind: 'goto_indirect', target, loc };
}
