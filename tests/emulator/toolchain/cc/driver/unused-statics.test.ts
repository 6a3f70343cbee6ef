// Unreferenced static functions are not compiled (driver/unused-statics.ts):
// what the generated assembly keeps and drops, and that dropping changes
// nothing for a program that runs.

import { describe, expect, it } from 'vitest';
import { compileC } from '../../../../../emulator/toolchain/cc/driver/compile-c.ts';
import { runC } from '../codegen/rvos-cc-build.ts';

const SOURCE = `
static int later(int x);
static int unused(int x) { return x * 3; }
static inline int unused_inline(int x) { return x - 1; }
static int kept_used(int x) __attribute__((used));
static int kept_used(int x) { return x; }
static int by_pointer(int x) { return x + 2; }
static int (*const table[1])(int) = { by_pointer };
int visible(int x) { return x; }
int main(void) { return later(1) + table[0](2) - 8; }
static int later(int x) { return x * 4; }
`;

const labels = (asm: string): string[] => [...asm.matchAll(/^([A-Za-z_]\w*):/gm)].map((m) => m[1]!).sort();

describe('unused static functions', () => {
  it('keeps referenced, used and external functions and drops the rest', () => {
    for (const optimize of [0, 1] as const) {
      const r = compileC('s.c', { fs: { read: (p) => (p === 's.c' ? SOURCE : undefined) }, includePaths: [], optimize });
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(labels(r.asm ?? '').filter((l) => !l.startsWith('table'))).toEqual(['by_pointer', 'kept_used', 'later', 'main', 'visible']);
    }
  });

  it('the program still runs', async () => {
    expect((await runC(SOURCE, 's.c')).exitCode).toBe(0);
  });
});
