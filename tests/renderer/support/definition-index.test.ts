// The Source view's definition index over the real guest sources: librvos
// calls resolve to their bodies in librvos, a program's own functions to its
// own files, names of another program are not seen, and the scanner keeps to
// definitions (not calls, not comments) with 1-based positions.

import { describe, expect, it } from 'vitest';
import { listUserlandSources } from '../../../emulator/host/worker/userland-files.ts';
import { USERLAND_DIR } from '../../../emulator/toolchain/cc/driver/runtime-library.ts';
import { blankComments, DefinitionIndex, scanDefinitions } from '../../../renderer/src/support/definition-index.ts';

const files = listUserlandSources(USERLAND_DIR).files;
const index = new DefinitionIndex(files);
const textOf = (id: string): string => files.find((f) => `${f.folder}/${f.name}` === id)!.text;

describe('DefinitionIndex on fixtures/userland', () => {
  it('resolves a librvos call from a program to the function body in librvos', () => {
    const found = index.lookup('rvos_getpid', 'hello/hello.c', 'hello');
    expect(found).toMatchObject({ fileId: 'librvos/syscall.c', kind: 'function' });
    const line = textOf('librvos/syscall.c').split('\n')[found!.line - 1]!;
    expect(line.slice(found!.column - 1)).toMatch(/^rvos_getpid\(/);
  });

  it('resolves a program\'s own main and keeps other programs out of scope', () => {
    expect(index.lookup('main', 'hello/hello.c', 'hello')?.fileId).toBe('hello/hello.c');
    expect(index.lookup('main', 'shell/shell.c', 'shell')?.fileId).toBe('shell/shell.c');
    const treeFunction = scanDefinitions({ folder: 'fs', name: 'tree.c', text: textOf('fs/tree.c') }).find((d) => d.kind === 'function')!;
    expect(index.lookup(treeFunction.name, 'fs/fs.c', 'fs')?.fileId).toBe('fs/tree.c');
    expect(index.lookup(treeFunction.name, 'hello/hello.c', 'hello')).toBeUndefined();
  });

  it('finds macros and types in the include/rvos headers', () => {
    expect(index.lookup('RVOS_OK', 'hello/hello.c', 'hello')).toMatchObject({ fileId: 'include/rvos/abi.h', kind: 'macro' });
    expect(index.lookup('printf', 'hello/hello.c', 'hello')).toBeUndefined(); // libc is not listed
  });
});

describe('scanDefinitions', () => {
  const text = [
    '/* int commented(void) { } */',
    '#define LIMIT 4',
    'static int helper(int x);',
    'typedef struct point { int x; } point_t;',
    'static int helper(int x) {',
    '    if (x) return helper(x - 1);',
    '    return 0;',
    '}',
    'int',
    'two_line(void)',
    '{ return 2; }',
  ].join('\n');
  const found = scanDefinitions({ folder: 'p', name: 'p.c', text });

  it('lists bodies, prototypes, macros and types at their positions, skipping comments and calls', () => {
    expect(found.filter((d) => d.name === 'helper').map((d) => [d.kind, d.line, d.column])).toEqual([['declaration', 3, 12], ['function', 5, 12]]);
    expect(found.find((d) => d.name === 'LIMIT')).toMatchObject({ kind: 'macro', line: 2, column: 9 });
    expect(found.filter((d) => d.kind === 'type').map((d) => d.name).sort()).toEqual(['point', 'point_t']);
    expect(found.find((d) => d.name === 'two_line')).toMatchObject({ kind: 'function', line: 10, column: 1 });
    expect(found.some((d) => d.name === 'commented' || d.name === 'if')).toBe(false);
    expect(blankComments('a /* b\nc */ d // e')).toBe('a     \n     d     ');
  });

  it('prefers a body over a prototype, and the same file over another', () => {
    const local = new DefinitionIndex([{ folder: 'p', name: 'p.c', text }, { folder: 'p', name: 'q.c', text: 'int helper(int x) { return x; }\n' }]);
    expect(local.lookup('helper', 'p/p.c', 'p')).toMatchObject({ fileId: 'p/p.c', line: 5 });
    expect(local.lookup('helper', 'p/q.c', 'p')).toMatchObject({ fileId: 'p/q.c', line: 1 });
  });
});
