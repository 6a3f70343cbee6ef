// The mutable state of pass 1: sections and the current one, the symbol table,
// numeric local labels (1: / 1b / 1f), `.option` flags, and the rewriting of
// '.' and local label references into plain symbols at their point of use.

import type { Item, SectionState, SymbolInfo } from './asm-state.ts';
import { AsmError, type DiagnosticBag, type SourceLocation } from './diagnostics.ts';
import type { EvalContext } from './eval.ts';
import type { Expr } from './expr.ts';

export interface SectionFlags {
  kind: 'progbits' | 'nobits';
  alloc: boolean;
  write: boolean;
  exec: boolean;
}

/** Returns whether an ISA string (rv64gc, rv64i2p1_m2p0_c2p0, ...) includes the C extension. */
export function marchHasC(march: string): boolean {
  const [first = '', ...rest] = march.toLowerCase().replace(/^rv(32|64)/, '').split('_');
  return first.replace(/\d+(p\d+)?/g, '').includes('c') || rest.some((ext) => /^c(\d+(p\d+)?)?$/.test(ext));
}

/** Flags of the sections GNU as knows by name. */
export function defaultSectionFlags(name: string): SectionFlags {
  if (name === '.text' || name.startsWith('.text.')) return { kind: 'progbits', alloc: true, write: false, exec: true };
  if (name === '.bss' || name.startsWith('.bss.') || name === '.sbss' || name.startsWith('.sbss.')) {
    return { kind: 'nobits', alloc: true, write: true, exec: false };
  }
  if (name.startsWith('.rodata') || name.startsWith('.srodata')) return { kind: 'progbits', alloc: true, write: false, exec: false };
  if (name === '.data' || name.startsWith('.data.') || name.startsWith('.sdata')) {
    return { kind: 'progbits', alloc: true, write: true, exec: false };
  }
  return { kind: 'progbits', alloc: false, write: false, exec: false };
}

interface ForwardRef {
  label: string;
  instance: number;
  loc: SourceLocation;
}

export class AssemblyContext {
  readonly sections = new Map<string, SectionState>();
  readonly symbols = new Map<string, SymbolInfo>();
  current: SectionState;
  /** Emit compressed forms now (`.option rvc/norvc`, `.option arch, +c/-c`). */
  rvc: boolean;
  /** The architecture includes C (options, `.attribute arch`): code padding uses c.nop, e_flags has RVC. */
  archRvc: boolean;
  readonly optionStack: boolean[] = [];
  private readonly localCount = new Map<string, number>();
  private readonly forwardRefs: ForwardRef[] = [];
  private tempCounter = 0;
  /** Evaluation during pass 1: symbols resolve, but no label has an offset yet. */
  readonly constEval: EvalContext = {
    symbol: (name, expr) => this.symbol(name, expr.loc),
    offsetOf: () => undefined,
  };

  constructor(readonly file: string, readonly diags: DiagnosticBag, rvc: boolean) {
    this.rvc = rvc;
    this.archRvc = rvc;
    this.current = this.section('.text');
  }

  /** Returns the section called `name`, creating it with `flags` (or its default flags). */
  section(name: string, flags: SectionFlags = defaultSectionFlags(name)): SectionState {
    let s = this.sections.get(name);
    if (!s) {
      s = { name, ...flags, align: 1, items: [] };
      this.sections.set(name, s);
    }
    return s;
  }

  /** Returns the symbol called `name`, creating an undefined one (first referenced at `loc`). */
  symbol(name: string, loc: SourceLocation): SymbolInfo {
    let s = this.symbols.get(name);
    if (!s) {
      const temporary = name.startsWith('.L') || name.includes('\u0002');
      s = { name, binding: 'local', type: 'notype', loc, temporary, declaredGlobal: false };
      this.symbols.set(name, s);
    }
    return s;
  }

  /** Appends an item to the current section; a nobits section takes only zero bytes (throws AsmError at `loc`). */
  addItem(item: Item, loc: SourceLocation): void {
    const isData = item.kind === 'bytes' || item.kind === 'value' || item.kind === 'insn' || (item.kind === 'space' && item.fill !== 0);
    if (this.current.kind === 'nobits' && isData) {
      const isZero = item.kind === 'bytes' && item.bytes.every((b) => b === 0);
      if (!isZero) throw new AsmError(`section ${this.current.name} cannot hold data or instructions`, loc);
      this.current.items.push({ kind: 'space', size: item.bytes.length, fill: 0 });
      return;
    }
    this.current.items.push(item);
  }

  /** Defines `name` as a label at the current position; throws AsmError when already defined. */
  defineLabel(name: string, loc: SourceLocation): SymbolInfo {
    const sym = this.symbol(name, loc);
    if (sym.def) throw new AsmError(`symbol '${name}' is already defined`, loc);
    sym.def = { kind: 'label', section: this.current, item: this.current.items.length };
    sym.loc = loc;
    this.current.items.push({ kind: 'label', sym });
    return sym;
  }

  /** Defines `name` as `expr` (.equ/.set/=); redefining an equ is allowed, a label is not. */
  defineEqu(name: string, expr: Expr, loc: SourceLocation): void {
    const sym = this.symbol(name, loc);
    if (sym.def?.kind === 'label') throw new AsmError(`symbol '${name}' is already defined as a label`, loc);
    sym.def = { kind: 'equ', expr };
    sym.loc = loc;
  }

  /** Defines the next instance of numeric label `n` (`1:`) here. */
  defineLocalLabel(n: string, loc: SourceLocation): void {
    const k = (this.localCount.get(n) ?? 0) + 1;
    this.localCount.set(n, k);
    this.defineLabel(localName(n, k), loc);
  }

  /** Defines a fresh internal label here (for `.` and %pcrel_lo anchors) and returns its name. */
  tempLabel(loc: SourceLocation, prefix = '.Ltmp'): string {
    const name = `${prefix}${this.tempCounter++}`;
    this.defineLabel(name, loc);
    return name;
  }

  /** Returns `expr` with '.' and 1b/1f references replaced by symbols; '.' becomes a label defined here. */
  resolveExpr(expr: Expr): Expr {
    switch (expr.kind) {
      case 'dot': return { kind: 'sym', name: this.tempLabel(expr.loc, '.Ldot'), loc: expr.loc };
      case 'local': return { kind: 'sym', name: this.localRef(expr), loc: expr.loc };
      case 'unary':
      case 'modifier': return { ...expr, arg: this.resolveExpr(expr.arg) };
      case 'binary': return { ...expr, left: this.resolveExpr(expr.left), right: this.resolveExpr(expr.right) };
      default: return expr;
    }
  }

  private localRef(expr: Expr & { kind: 'local' }): string {
    const n = expr.label.toString();
    const k = this.localCount.get(n) ?? 0;
    if (expr.direction === 'b') {
      if (k === 0) throw new AsmError(`undefined local label '${n}b'`, expr.loc);
      return localName(n, k);
    }
    this.forwardRefs.push({ label: n, instance: k + 1, loc: expr.loc });
    return localName(n, k + 1);
  }

  /** Reports every `Nf` reference whose label was never defined after it. */
  checkForwardRefs(): void {
    for (const ref of this.forwardRefs) {
      if ((this.localCount.get(ref.label) ?? 0) < ref.instance) {
        this.diags.error(ref.loc, `undefined local label '${ref.label}f'`);
      }
    }
  }
}

function localName(n: string, k: number): string {
  return `.L${n}\u0002${k}`;
}
