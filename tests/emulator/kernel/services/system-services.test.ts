// The services with the real guest programs (C, built by our toolchain): init
// starts /bin/fs from the boot image with the initrd and /bin/shell from the
// file server; the shell runs hello (loaded through fs by init) on the
// console; afterwards every endpoint reference is accounted for.

import { beforeAll, describe, expect, it } from 'vitest';
import { buildBootImage } from '../../../../emulator/host/boot-image.ts';
import { WireTag } from '../../../../emulator/kernel/abi/wire-tags.ts';
import type { BootImage } from '../../../../emulator/kernel/context/kernel-context.ts';
import { bootSystem, lastExit } from '../../../../emulator/kernel/system/boot.ts';
import { introspect } from '../../../../emulator/kernel/introspection/introspection.ts';

let image: BootImage;
beforeAll(() => {
  image = buildBootImage();
}, 120_000);

describe('kernel services with the guest programs', () => {
  it('boots fs and the shell, runs hello from the file server, and leaks no reference', async () => {
    let out = '';
    const decoder = new TextDecoder();
    const kernel = await bootSystem(image, { consoleOutput: (b) => { out += decoder.decode(b); } });
    expect(kernel.run(20_000_000).reason).toBe('idle');
    expect(out).toMatch(/rvos> $/);
    out = '';
    kernel.pushConsoleInput(new TextEncoder().encode('hello a b\n'));
    expect(kernel.run(50_000_000).reason).toBe('idle');
    expect(out).toMatch(/Hello from rvos! \(pid \d+\)\narg 1: a\narg 2: b\n(.|\n)*rvos> $/);
    expect(lastExit(kernel, 'hello')?.status).toBe(0);
    const reads = kernel.channels.trace.recent().filter((e) => e.tag === WireTag.FileRead);
    expect(reads.length).toBeGreaterThan(1);
    const snap = introspect(kernel);
    expect(snap.processes.filter((p) => p.kind === 'user').map((p) => p.name)).toEqual(['fs', 'shell']);
    for (const ep of snap.endpoints) expect(ep.unaccountedRefs, `endpoint ${ep.id}`).toBe(0);
    const pidOf = (name: string): number => snap.processes.find((p) => p.name === name)!.pid;
    // The gpu service's framebuffer (held by the service alone), then the initrd fs holds.
    expect(snap.shm.map((r) => [r.holders.map((h) => h.pid), r.services ?? []])).toEqual([[[], [pidOf('gpu')]], [[pidOf('fs')], []]]);
  });
});
