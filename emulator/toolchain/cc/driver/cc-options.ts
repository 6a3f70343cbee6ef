// The argument model of `rvos cc`: parses a gcc-like command line
// (-c -S -E -O0/-O1 -I -D -U --target -o -nostdlib) into CcOptions, or a usage
// error message. Also names the output files (a.out, file.o, file.s).

export type CcMode = 'preprocess' | 'assemble-only' | 'compile' | 'link';
export type CcTarget = 'bare' | 'rvos';
export type InputKind = 'c' | 'asm' | 'asm-cpp' | 'object' | 'archive';

export interface CcInput {
  path: string;
  kind: InputKind;
}

export interface CcOptions {
  mode: CcMode;
  optimize: 0 | 1;
  includePaths: string[];
  /** -D and -U in command-line order: `{ define: 'N=4' }` or `{ undefine: 'N' }`. */
  macros: ({ define: string } | { undefine: string })[];
  target: CcTarget;
  output: string | undefined;
  /** Link only the given inputs: no crt0, no libc, no platform layer. */
  noStdlib: boolean;
  /** Do not search the userland include directory. */
  noStdinc: boolean;
  /** Overrides the runtime-library cache directory. */
  cacheDir: string | undefined;
  inputs: CcInput[];
}

export const CC_USAGE = `usage: rvos cc [-c|-S|-E] [-O0|-O1] [-I dir]... [-D name[=value]]... [-U name]...
               [--target=bare|rvos] [-nostdlib] [-nostdinc] [--cache-dir=dir] [-o out] file...

Compiles C (.c), assembles (.s, and .S through the preprocessor) and links
objects (.o) and archives (.a) for the emulated RV64GC machine with the
project's own toolchain. Without -c/-S/-E it links the inputs with crt0 and the
libc of fixtures/userland (built on first use and cached) into an executable.

options:
  -E                 preprocess only; the text goes to stdout (or -o)
  -S                 compile each C file to assembly (file.s, or -o with one input)
  -c                 compile/assemble each source to an object (file.o, or -o with one input)
  -o out             output file (default a.out when linking; '-' is stdout)
  -O0, -O1           optimization level (-O0 default)
  -I dir, -D n[=v], -U n   preprocessor include path and macros
  --target=bare      bare machine, M-mode, code at 0x80000000 (the default)
  --target=rvos      rvos user process: code at 0x10000, libc on librvos (system calls), defines __rvos__
  -nostdlib          link only the given inputs (no crt0, libc or platform layer)
  -nostdinc          do not search fixtures/userland/include
  --cache-dir=dir    where the built runtime library is cached (default $RVOS_CACHE_DIR,
                     $XDG_CACHE_HOME/rvos, or node_modules/.cache/rvos)

exit codes: 0 success, 1 compile/assemble/link errors (no output written), 2 usage errors.
`;

/** The kind of an input from its file name, or undefined for an unknown extension. */
export function inputKind(path: string): InputKind | undefined {
  if (path.endsWith('.c')) return 'c';
  if (path.endsWith('.s')) return 'asm';
  if (path.endsWith('.S')) return 'asm-cpp';
  if (path.endsWith('.o')) return 'object';
  if (path.endsWith('.a')) return 'archive';
  return undefined;
}

/** Options that take a value: the value is attached (-Idir) or the next argument (-I dir). */
const VALUE_OPTIONS = ['-I', '-D', '-U', '-o'] as const;

/**
 * Parses `args`. Returns the options, 'help', or a usage error message
 * (unknown option, missing value or input, bad target, -o with several outputs).
 */
export function parseCcArgs(args: readonly string[]): CcOptions | 'help' | string {
  const o: CcOptions = {
    mode: 'link', optimize: 0, includePaths: [], macros: [], target: 'bare', output: undefined,
    noStdlib: false, noStdinc: false, cacheDir: undefined, inputs: [],
  };
  const modes = new Set<CcMode>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const valueOption = VALUE_OPTIONS.find((name) => arg.startsWith(name));
    if (valueOption !== undefined) {
      const value = arg.length > valueOption.length ? arg.slice(valueOption.length) : args[++i];
      if (value === undefined || value === '') return `missing argument to '${valueOption}'`;
      const error = applyValue(o, valueOption, value);
      if (error !== undefined) return error;
      continue;
    }
    const error = applyFlag(o, arg, modes);
    if (error === 'help') return 'help';
    if (error !== undefined) return error;
  }
  return finish(o, modes);
}

function applyValue(o: CcOptions, option: (typeof VALUE_OPTIONS)[number], value: string): string | undefined {
  switch (option) {
    case '-I': o.includePaths.push(value); return undefined;
    case '-D': o.macros.push({ define: value }); return undefined;
    case '-U': o.macros.push({ undefine: value }); return undefined;
    case '-o':
      if (o.output !== undefined) return `more than one '-o'`;
      o.output = value;
      return undefined;
  }
}

const MODE_FLAGS: Readonly<Record<string, CcMode>> = { '-E': 'preprocess', '-S': 'assemble-only', '-c': 'compile' };

/** Applies one flag or input; returns 'help', an error message, or undefined. */
function applyFlag(o: CcOptions, arg: string, modes: Set<CcMode>): string | undefined {
  const mode = MODE_FLAGS[arg];
  if (mode !== undefined) { modes.add(mode); return undefined; }
  if (arg === '-O0' || arg === '-O1') { o.optimize = arg === '-O0' ? 0 : 1; return undefined; }
  if (arg === '-nostdlib') { o.noStdlib = true; return undefined; }
  if (arg === '-nostdinc') { o.noStdinc = true; return undefined; }
  if (arg === '-h' || arg === '--help') return 'help';
  if (arg.startsWith('--target=')) {
    const target = arg.slice('--target='.length);
    if (target !== 'bare' && target !== 'rvos') return `unknown target '${target}' (expected bare or rvos)`;
    o.target = target;
    return undefined;
  }
  if (arg.startsWith('--cache-dir=')) { o.cacheDir = arg.slice('--cache-dir='.length); return undefined; }
  if (arg.startsWith('-') && arg !== '-') return `unknown option '${arg}'`;
  const kind = inputKind(arg);
  if (kind === undefined) return `'${arg}': unknown file type (expected .c, .s, .S, .o or .a)`;
  o.inputs.push({ path: arg, kind });
  return undefined;
}

/** Picks the mode (the earliest stage wins, as in gcc) and checks the inputs against it. */
function finish(o: CcOptions, modes: Set<CcMode>): CcOptions | string {
  o.mode = modes.has('preprocess') ? 'preprocess' : modes.has('assemble-only') ? 'assemble-only' : modes.has('compile') ? 'compile' : 'link';
  if (o.inputs.length === 0) return 'no input files';
  const sources = o.inputs.filter((i) => i.kind !== 'object' && i.kind !== 'archive');
  if (o.mode === 'preprocess' && o.inputs.some((i) => i.kind === 'object' || i.kind === 'archive')) return '-E takes only source files (.c, .s, .S)';
  if (o.mode === 'assemble-only' && o.inputs.some((i) => i.kind !== 'c')) return '-S takes only C files';
  if (o.mode === 'compile' && sources.length !== o.inputs.length) return '-c takes only source files (.c, .s, .S)';
  if (o.output !== undefined && o.mode !== 'link' && o.inputs.length > 1) return `cannot use '-o' with ${o.mode === 'preprocess' ? '-E' : o.mode === 'compile' ? '-c' : '-S'} and several input files`;
  return o;
}

/** The output file of `input` for the per-file modes: -o when given, else the base name with .o/.s (undefined for -E: stdout). */
export function perFileOutput(o: CcOptions, input: CcInput): string | undefined {
  if (o.output !== undefined) return o.output;
  if (o.mode === 'preprocess') return undefined;
  const base = input.path.replace(/^.*\//, '').replace(/\.[^.]*$/, '');
  return `${base}${o.mode === 'compile' ? '.o' : '.s'}`;
}

/** The preprocessor's -D list (`N=4`) and -U list from the macros in order. */
export function splitMacros(o: CcOptions): { defines: string[]; undefines: string[] } {
  const defines: string[] = [];
  const undefines: string[] = [];
  for (const m of o.macros) {
    if ('define' in m) defines.push(m.define);
    else undefines.push(m.undefine);
  }
  return { defines, undefines };
}
