// Running out of the JavaScript stack on deeply nested input (thousands of
// nested parentheses, blocks, declarators or macro calls) is a limit of the
// compiler, not a bug: each stage reports it as an error diagnostic at the
// place it had reached instead of an internal error.

/** True when `e` is the engine's stack overflow ("Maximum call stack size exceeded"). */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** The diagnostic for a stack overflow: the construct at this place is nested too deeply. */
export const NESTED_TOO_DEEPLY = 'nested too deeply: the compiler ran out of stack here (split the expression, block or declaration)';
