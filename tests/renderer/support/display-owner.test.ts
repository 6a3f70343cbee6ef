// displayClients on real introspection snapshots: a booted rvos has a gpu
// service without clients; a C program holding the display makes it one.
import { describe, expect, it } from 'vitest';
import { introspect } from '../../../emulator/kernel/introspection/introspection.ts';
import { bootSystem } from '../../../emulator/kernel/system/boot.ts';
import { buildBootImage } from '../../../emulator/host/boot-image.ts';
import { displayClients } from '../../../renderer/src/support/display-owner.ts';

describe('displayClients', () => {
  it('is undefined without a snapshot, 0 at the shell prompt and 1 while paint runs', async () => {
    expect(displayClients(null)).toBeUndefined();
    const kernel = await bootSystem(buildBootImage(), { start: ['/bin/fs', '/bin/shell'] });
    kernel.run(20_000_000);
    expect(displayClients(introspect(kernel))).toBe(0);
    kernel.pushConsoleInput(new TextEncoder().encode('paint\r'));
    kernel.run(20_000_000);
    expect(displayClients(introspect(kernel))).toBe(1);
  });
});
