// Assembler directives (GNU as): sections, symbol binding/type/size, alignment,
// data (.byte ... .dword, .float/.double, .uleb128/.sleb128, strings,
// .zero/.space), .equ/.set, .comm, .option, .attribute arch, and directives
// accepted and ignored (.file, .ident, .loc, .cfi_*, ...). (.rept is in parser.ts.)

import type { AssemblyContext, SectionFlags } from './assembly-context.ts';
import { defaultSectionFlags, marchHasC } from './assembly-context.ts';
import { AsmError, type SourceLocation } from './diagnostics.ts';
import { evaluateConstant } from './eval.ts';
import { parseExpr, type Expr } from './expr.ts';
import type { SymbolType } from './object.ts';
import { describe, type TokenCursor } from './token-cursor.ts';

type Handler = (ctx: AssemblyContext, args: TokenCursor, loc: SourceLocation, name: string) => void;

const IGNORED = new Set([
  '.file', '.ident', '.addrsig', '.addrsig_sym', '.loc', '.hidden', '.protected', '.internal',
  '.cfi_startproc', '.cfi_endproc', '.cfi_def_cfa_offset', '.cfi_offset', '.cfi_restore', '.cfi_def_cfa',
  '.cfi_def_cfa_register', '.cfi_remember_state', '.cfi_restore_state', '.cfi_sections', '.cfi_signal_frame',
  '.cfi_adjust_cfa_offset', '.cfi_rel_offset', '.cfi_register', '.cfi_undefined', '.cfi_same_value',
  '.cfi_escape', '.cfi_return_column', '.cfi_personality', '.cfi_lsda', '.size_hint',
]);

function constant(ctx: AssemblyContext, c: TokenCursor, what: string): number {
  const expr = ctx.resolveExpr(parseExpr(c));
  const v = evaluateConstant(expr, ctx.constEval, what);
  if (v < BigInt(Number.MIN_SAFE_INTEGER) || v > BigInt(Number.MAX_SAFE_INTEGER)) throw new AsmError(`${what} is too large`, expr.loc);
  return Number(v);
}

function symbolNames(c: TokenCursor): { name: string; loc: SourceLocation }[] {
  const out: { name: string; loc: SourceLocation }[] = [];
  do {
    const t = c.expectIdent('a symbol name');
    out.push({ name: t.text, loc: c.locOf(t) });
  } while (c.accept(','));
  c.expectEnd();
  return out;
}

function switchTo(name: string): Handler {
  return (ctx, c) => {
    if (!c.atEnd()) parseExpr(c); // subsection number: accepted, not separated
    c.expectEnd();
    ctx.current = ctx.section(name);
  };
}

function parseSectionFlags(name: string, flagText: string | undefined, type: string | undefined, loc: SourceLocation): SectionFlags {
  if (flagText === undefined) return defaultSectionFlags(name);
  const flags: SectionFlags = { kind: 'progbits', alloc: false, write: false, exec: false };
  for (const ch of flagText) {
    if (ch === 'a') flags.alloc = true;
    else if (ch === 'w') flags.write = true;
    else if (ch === 'x') flags.exec = true;
    else if (!'MSGTRoe'.includes(ch)) throw new AsmError(`unknown section flag '${ch}'`, loc);
  }
  if (type === 'nobits') flags.kind = 'nobits';
  else if (type !== undefined && type !== 'progbits' && type !== 'init_array' && type !== 'fini_array' && type !== 'note') {
    throw new AsmError(`unknown section type '@${type}'`, loc);
  }
  return flags;
}

// .section name [, "flags" [, @type [, entsize]]]
const section: Handler = (ctx, c, loc) => {
  const t = c.take();
  if (t.kind !== 'ident' && t.kind !== 'string') throw c.error(`expected a section name, found ${describe(t)}`, t);
  let name = t.kind === 'string' ? new TextDecoder().decode(new Uint8Array(t.bytes!)) : t.text;
  // Names like .note.GNU-stack: glue the following tokens up to ',' or the end.
  while (t.kind === 'ident' && !c.atEnd() && !c.isPunct(',')) name += c.take().text;
  let flagText: string | undefined;
  let type: string | undefined;
  if (c.accept(',')) {
    const f = c.take();
    if (f.kind !== 'string') throw c.error('expected a flags string such as "ax"', f);
    flagText = new TextDecoder().decode(new Uint8Array(f.bytes!));
    if (c.accept(',')) {
      if (!c.accept('@') && !c.accept('%')) throw c.error('expected @type');
      type = c.expectIdent('a section type').text;
      while (c.accept(',')) parseExpr(c);
    }
  }
  c.expectEnd();
  const existing = ctx.sections.get(name);
  ctx.current = existing ?? ctx.section(name, parseSectionFlags(name, flagText, type, loc));
};

function bind(binding: 'global' | 'local' | 'weak'): Handler {
  return (ctx, c) => {
    for (const { name, loc } of symbolNames(c)) {
      const sym = ctx.symbol(name, loc);
      sym.binding = binding;
      sym.declaredGlobal = binding !== 'local';
      if (binding !== 'local') sym.temporary = false;
    }
  };
}

const TYPES: Record<string, SymbolType> = {
  function: 'func', object: 'object', notype: 'notype', STT_FUNC: 'func', STT_OBJECT: 'object', STT_NOTYPE: 'notype',
};

// .type sym, @function | %function | "function" | STT_FUNC
const type: Handler = (ctx, c) => {
  const t = c.expectIdent('a symbol name');
  c.expect(',');
  c.accept('@');
  c.accept('%');
  const k = c.take();
  const text = k.kind === 'string' ? new TextDecoder().decode(new Uint8Array(k.bytes!)) : k.text;
  const ty = TYPES[text];
  if (!ty) throw c.error(`unknown symbol type '${text}'`, k);
  c.expectEnd();
  ctx.symbol(t.text, c.locOf(t)).type = ty;
};

const size: Handler = (ctx, c) => {
  const t = c.expectIdent('a symbol name');
  c.expect(',');
  const expr = ctx.resolveExpr(parseExpr(c));
  c.expectEnd();
  ctx.symbol(t.text, c.locOf(t)).size = expr;
};

function align(mode: 'p2' | 'bytes'): Handler {
  return (ctx, c, loc) => {
    const n = constant(ctx, c, 'alignment');
    const fill = c.accept(',') && !c.isPunct(',') ? constant(ctx, c, 'fill value') : undefined;
    const max = c.accept(',') ? constant(ctx, c, 'maximum skip') : undefined;
    c.expectEnd();
    const bytes = mode === 'p2' ? 2 ** n : n;
    if (mode === 'p2' ? n < 0 || n > 16 : n <= 0 || n > 65536 || (n & (n - 1)) !== 0) {
      throw new AsmError(`alignment must be a power of two up to 64 KiB, got ${n}`, loc);
    }
    if (max === undefined || bytes - 1 <= max) ctx.current.align = Math.max(ctx.current.align, bytes);
    ctx.addItem({ kind: 'align', align: bytes, fill, max }, loc);
  };
}

function data(width: 1 | 2 | 4 | 8): Handler {
  return (ctx, c, loc) => {
    do {
      const expr: Expr = ctx.resolveExpr(parseExpr(c));
      ctx.addItem({ kind: 'value', width, expr, loc: expr.loc }, loc);
    } while (c.accept(','));
    c.expectEnd();
  };
}

function strings(terminate: boolean): Handler {
  return (ctx, c, loc) => {
    do {
      const t = c.take();
      if (t.kind !== 'string') throw c.error(`expected a string, found ${describe(t)}`, t);
      const bytes = terminate ? [...t.bytes!, 0] : t.bytes!;
      ctx.addItem({ kind: 'bytes', bytes: new Uint8Array(bytes) }, loc);
    } while (c.accept(','));
    c.expectEnd();
  };
}

/** Returns the (s)LEB128 bytes of `v`. */
function leb128(v: bigint, signed: boolean): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    const done = signed ? (v === 0n && (byte & 0x40) === 0) || (v === -1n && (byte & 0x40) !== 0) : v === 0n;
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

// .uleb128 / .sleb128 expr, ... (constants only)
function leb(signed: boolean): Handler {
  return (ctx, c, loc) => {
    do {
      const expr = ctx.resolveExpr(parseExpr(c));
      let v = evaluateConstant(expr, ctx.constEval, signed ? '.sleb128 value' : '.uleb128 value');
      if (!signed) v = BigInt.asUintN(64, v);
      ctx.addItem({ kind: 'bytes', bytes: new Uint8Array(leb128(v, signed)) }, loc);
    } while (c.accept(','));
    c.expectEnd();
  };
}

// .float / .double: IEEE 754 binary32 / binary64 values, written as literals (1.5, -2e-3, 7) or integer expressions.
function floats(width: 4 | 8): Handler {
  return (ctx, c, loc) => {
    do {
      const negative = c.accept('-') ? true : (c.accept('+'), false);
      const t = c.peek();
      let v: number;
      if (t.kind === 'float') v = c.take().float!;
      else if (t.kind === 'ident' && /^(inf|nan)$/i.test(t.text)) v = c.take().text.toLowerCase() === 'inf' ? Infinity : NaN;
      else v = Number(evaluateConstant(ctx.resolveExpr(parseExpr(c)), ctx.constEval, 'floating-point value'));
      const bytes = new Uint8Array(width);
      const view = new DataView(bytes.buffer);
      if (width === 4) view.setFloat32(0, negative ? -v : v, true);
      else view.setFloat64(0, negative ? -v : v, true);
      ctx.addItem({ kind: 'bytes', bytes }, loc);
    } while (c.accept(','));
    c.expectEnd();
  };
}

const space: Handler = (ctx, c, loc) => {
  const n = constant(ctx, c, 'size');
  const fill = c.accept(',') ? constant(ctx, c, 'fill value') : 0;
  c.expectEnd();
  if (n < 0 || n > 1 << 28) throw new AsmError(`bad size ${n}`, loc);
  ctx.addItem({ kind: 'space', size: n, fill: fill & 0xff }, loc);
};

const equ: Handler = (ctx, c) => {
  const t = c.expectIdent('a symbol name');
  c.expect(',');
  const expr = ctx.resolveExpr(parseExpr(c));
  c.expectEnd();
  ctx.defineEqu(t.text, expr, c.locOf(t));
};

// .comm name, size [, align]  (and .lcomm): space in .bss
function common(global: boolean): Handler {
  return (ctx, c, loc) => {
    const t = c.expectIdent('a symbol name');
    c.expect(',');
    const n = constant(ctx, c, 'size');
    const al = c.accept(',') ? constant(ctx, c, 'alignment') : Math.min(16, 2 ** Math.floor(Math.log2(Math.max(1, n))));
    c.expectEnd();
    const saved = ctx.current;
    ctx.current = ctx.section('.bss');
    ctx.current.align = Math.max(ctx.current.align, al);
    ctx.addItem({ kind: 'align', align: al, fill: 0, max: undefined }, loc);
    const sym = ctx.defineLabel(t.text, c.locOf(t));
    sym.type = 'object';
    sym.size = { kind: 'num', value: BigInt(n), loc };
    if (global) {
      sym.binding = 'global';
      sym.declaredGlobal = true;
    }
    ctx.addItem({ kind: 'space', size: n, fill: 0 }, loc);
    ctx.current = saved;
  };
}

const option: Handler = (ctx, c, loc) => {
  const t = c.expectIdent('an option name');
  switch (t.text) {
    case 'rvc': ctx.rvc = true; break;
    case 'norvc': ctx.rvc = false; break;
    case 'push': ctx.optionStack.push(ctx.rvc); break;
    case 'pop': {
      const v = ctx.optionStack.pop();
      if (v === undefined) throw new AsmError('.option pop with no matching .option push', loc);
      ctx.rvc = v;
      break;
    }
    case 'arch': optionArch(ctx, c); break;
    case 'relax': case 'norelax': case 'pic': case 'nopic': case 'csr-check': case 'no-csr-check':
      while (!c.atEnd()) c.take();
      break;
    default: throw c.error(`unknown .option '${t.text}'`, t);
  }
  c.expectEnd();
};

// .option arch, +c | -c | rv64gc ...  (only the C extension matters here)
function optionArch(ctx: AssemblyContext, c: TokenCursor): void {
  while (c.accept(',')) {
    if (c.accept('+') || c.isPunct('-')) {
      const minus = c.accept('-');
      const ext = c.expectIdent('an extension name').text.toLowerCase();
      if (ext === 'c') ctx.rvc = !minus;
    } else {
      ctx.rvc = marchHasC(c.expectIdent('an ISA string').text);
    }
  }
}

// .attribute arch, "rv64..." sets the architecture (as -march does); other attributes are ignored.
const attribute: Handler = (ctx, c) => {
  const tag = c.take();
  if (tag.text !== 'arch' && tag.text !== '5') {
    while (!c.atEnd()) c.take();
    return;
  }
  c.expect(',');
  const s = c.take();
  if (s.kind !== 'string') throw c.error('expected an ISA string', s);
  c.expectEnd();
  ctx.rvc = ctx.archRvc = marchHasC(new TextDecoder().decode(new Uint8Array(s.bytes!)));
};

const HANDLERS: Record<string, Handler> = {
  '.attribute': attribute,
  '.text': switchTo('.text'), '.data': switchTo('.data'), '.bss': switchTo('.bss'), '.rodata': switchTo('.rodata'),
  '.section': section,
  '.globl': bind('global'), '.global': bind('global'), '.local': bind('local'), '.weak': bind('weak'),
  '.type': type, '.size': size,
  '.align': align('p2'), '.p2align': align('p2'), '.balign': align('bytes'),
  '.byte': data(1), '.half': data(2), '.short': data(2), '.2byte': data(2),
  '.word': data(4), '.long': data(4), '.4byte': data(4), '.int': data(4),
  '.dword': data(8), '.quad': data(8), '.8byte': data(8),
  '.string': strings(true), '.asciz': strings(true), '.ascii': strings(false),
  '.float': floats(4), '.single': floats(4), '.double': floats(8),
  '.uleb128': leb(false), '.sleb128': leb(true),
  '.zero': space, '.space': space, '.skip': space,
  '.equ': equ, '.set': equ,
  '.comm': common(true), '.lcomm': common(false),
  '.option': option,
};

/** Carries out directive `name`; throws AsmError for an unknown directive or bad arguments. */
export function handleDirective(ctx: AssemblyContext, name: string, args: TokenCursor, loc: SourceLocation): void {
  if (IGNORED.has(name)) return;
  const h = Object.hasOwn(HANDLERS, name) ? HANDLERS[name] : undefined;
  if (!h) throw new AsmError(`unknown directive '${name}'`, loc);
  h(ctx, args, loc, name);
}
