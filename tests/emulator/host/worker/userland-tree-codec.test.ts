// The userland tree asset (emulator/host/worker/userland-tree-codec.ts): it
// round-trips, refuses damaged files, and the worker's decoded tree (virtual
// root, no Node APIs) builds the same program bytes as the Node build.

import { describe, expect, it } from 'vitest';
import { buildGuestProgram } from '../../../../emulator/host/guest-programs.ts';
import { buildProgramInMemory } from '../../../../emulator/host/userland-build/build-in-memory.ts';
import { diskSourceTree } from '../../../../emulator/host/userland-build/disk-source-tree.ts';
import { VIRTUAL_USERLAND_ROOT } from '../../../../emulator/host/userland-build/source-tree.ts';
import { decodeUserlandTree, encodeUserlandTree } from '../../../../emulator/host/worker/userland-tree-codec.ts';

describe('userland tree codec', () => {
  const tree = diskSourceTree(['hello', 'greeter']);
  const bytes = encodeUserlandTree(tree);

  it('round-trips the files and the runtime library under the virtual root', () => {
    const decoded = decodeUserlandTree(bytes);
    expect(decoded.root).toBe(VIRTUAL_USERLAND_ROOT);
    expect([...decoded.files]).toEqual([...tree.files]);
    expect({ crt0: [...decoded.runtime.crt0], libc: [...decoded.runtime.libc] }).toEqual({ crt0: [...tree.runtime.crt0], libc: [...tree.runtime.libc] });
  });

  it('refuses a truncated file or a wrong magic', () => {
    expect(() => decodeUserlandTree(bytes.subarray(0, bytes.length - 1))).toThrow(/truncated/);
    expect(() => decodeUserlandTree(Uint8Array.of(1, 2, 3, 4, 1, 0, 0, 0))).toThrow(/bad magic/);
  });

  it('builds a program from the decoded tree with diagnostics relative to the tree', { timeout: 60_000 }, () => {
    const decoded = decodeUserlandTree(bytes);
    const built = buildProgramInMemory(decoded, 'hello');
    expect(built.elf?.length).toBe(buildGuestProgram('hello').elf.length);
    decoded.files.set('programs/hello/hello.c', 'int main(void) { return x; }\n');
    const broken = buildProgramInMemory(decoded, 'hello');
    expect(broken.elf).toBeUndefined();
    expect(broken.diagnostics).toEqual([{ path: 'programs/hello/hello.c', line: 1, column: 25, severity: 'error', message: expect.stringContaining('x') }]);
  });
});
