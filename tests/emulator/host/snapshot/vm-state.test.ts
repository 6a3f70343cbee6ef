// captureVm / restoreVm / the state hash as an API: the sections and what is
// in them (RAM = allocated frames only), capture leaves the VM as it was,
// restore builds a separate VM, and bad states are refused with the right
// SnapshotError code (nothing half-restored is returned).

import { beforeAll, describe, expect, it } from 'vitest';
import { ClassRegistry } from '../../../../emulator/host/snapshot/class-registry.ts';
import { encodeGraph } from '../../../../emulator/host/snapshot/graph-encoder.ts';
import { capturedPages } from '../../../../emulator/host/snapshot/ram-state.ts';
import { sameBytes } from '../../../../emulator/host/snapshot/snapshot-digest.ts';
import { SnapshotError } from '../../../../emulator/host/snapshot/snapshot-error.ts';
import { vmStateDigests, vmStateHash } from '../../../../emulator/host/snapshot/state-hash.ts';
import { captureVm, restoreVm, vmHeader, VM_SECTION_NAMES, VM_STATE_VERSION, type VmState } from '../../../../emulator/host/snapshot/vm-state.ts';
import { bootTestVm, testBootImage, type TestVm } from './snapshot-kit.ts';

let vm: TestVm;
let state: VmState;

beforeAll(async () => {
  vm = await bootTestVm();
  vm.kernel.run(5_000_000); // the shell prompt
  state = await captureVm(vm.kernel);
});

/** `state` with section `name` replaced by `bytes` (or dropped when undefined). */
function withSection(name: string, bytes: Uint8Array | undefined): VmState {
  return { sections: state.sections.flatMap((s) => (s.name !== name ? [s] : bytes === undefined ? [] : [{ ...s, bytes }])) };
}

async function refusal(bad: VmState, bootImage = testBootImage()): Promise<SnapshotError> {
  const error: unknown = await restoreVm(bad, { bootImage }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SnapshotError);
  return error as SnapshotError;
}

describe('captureVm', () => {
  it('gives the sections in order, with the header, and RAM holding exactly the allocated frames', () => {
    expect(state.sections.map((s) => s.name)).toEqual([...VM_SECTION_NAMES]);
    const header = vmHeader(state);
    expect(header.version).toBe(VM_STATE_VERSION);
    expect(header.config).toEqual(vm.kernel.machine.config);
    expect(header.bootImageDigest).toMatch(/^[0-9a-f]{64}$/);
    const ram = state.sections.find((s) => s.name === 'ram')!.bytes;
    expect(capturedPages(ram)).toBe(vm.kernel.frames.usedCount);
    expect(ram.length).toBeLessThan(vm.kernel.machine.config.ramSize / 8);
  });

  it('leaves the VM as it was: capturing twice gives the same bytes and the hash is stable', async () => {
    const again = await captureVm(vm.kernel);
    again.sections.forEach((s, i) => expect(sameBytes(s.bytes, state.sections[i]!.bytes), s.name).toBe(true));
    expect(await vmStateHash(vm.kernel)).toBe((await vmStateDigests(state)).hash);
  });
});

describe('restoreVm', () => {
  it('builds a separate VM: running it leaves the original untouched', async () => {
    const before = await vmStateHash(vm.kernel);
    const restored = await restoreVm(state, { bootImage: testBootImage() });
    expect(restored).not.toBe(vm.kernel);
    expect(restored.machine).not.toBe(vm.kernel.machine);
    restored.pushConsoleInput(new TextEncoder().encode('ps\n'));
    restored.run(5_000_000);
    expect(await vmStateHash(restored)).not.toBe(before);
    expect(await vmStateHash(vm.kernel)).toBe(before);
  });

  it('re-links kernel-held views of the hart\'s memory to the new hart (same offsets, not copied)', async () => {
    const source = await restoreVm(state, { bootImage: testBootImage() });
    const probe = source as unknown as { probe?: BigUint64Array };
    probe.probe = source.hart.registerFile!().x;
    const bad = await captureVm(source);
    expect(bad.sections.find((s) => s.name === 'kernel')!.bytes.length).toBeLessThan(1 << 20);
    const restored = await restoreVm(bad, { bootImage: testBootImage() }) as unknown as { probe: BigUint64Array } & typeof source;
    expect(restored.probe.buffer).toBe(restored.hart.ram.buffer);
    restored.hart.setX(7, 0x77n);
    expect(restored.probe[7]).toBe(0x77n);
  });

  it('refuses another boot image (configuration)', async () => {
    const image = testBootImage();
    const other = { ...image, programs: image.programs.slice(0, -1) };
    expect((await refusal(state, other)).code).toBe('configuration');
  });

  it('refuses another VM state version', async () => {
    const header = { ...vmHeader(state), version: VM_STATE_VERSION + 1 };
    const error = await refusal(withSection('vm', encodeGraph(header, { classes: new ClassRegistry([]) })));
    expect([error.code, error.message]).toEqual(['version', `VM state version ${VM_STATE_VERSION + 1}; this build reads version ${VM_STATE_VERSION}`]);
  });

  it('refuses a machine config that cannot be built, and a vm section that is no header', async () => {
    const header = { ...vmHeader(state), config: { ...vmHeader(state).config, ramSize: 1000 } };
    const error = await refusal(withSection('vm', encodeGraph(header, { classes: new ClassRegistry([]) })));
    expect([error.code, error.message]).toEqual(['configuration', expect.stringContaining('multiple of 4096')]);
    expect((await refusal(withSection('vm', encodeGraph([1], { classes: new ClassRegistry([]) })))).message).toContain('not a VM state header');
  });

  it('refuses missing, repeated and unknown sections', async () => {
    expect((await refusal(withSection('kernel', undefined))).message).toBe('the VM state lacks section(s) kernel');
    expect((await refusal({ sections: [...state.sections, state.sections[1]!] })).message).toBe("VM state section 'hart' appears twice");
    expect((await refusal({ sections: [...state.sections, { name: 'extra' as 'vm', bytes: new Uint8Array(1) }] })).code).toBe('section');
  });

  it('refuses truncated or corrupt sections, naming the section', async () => {
    for (const name of ['hart', 'ram', 'devices', 'kernel'] as const) {
      const bytes = state.sections.find((s) => s.name === name)!.bytes;
      const error = await refusal(withSection(name, bytes.subarray(0, bytes.length - 3)));
      expect([error.code, error.message.startsWith(`section '${name}' does not restore: `)], name).toEqual(['section', true]);
    }
    const hart = state.sections.find((s) => s.name === 'hart')!.bytes.slice();
    hart[0] ^= 0xff; // the magic
    expect((await refusal(withSection('hart', hart))).message).toContain('unknown format');
  });

  it('refuses a kernel that decodes but breaks the kernel invariants', async () => {
    const restored = await restoreVm(state, { bootImage: testBootImage() });
    const shell = restored.processes.list().find((p) => p.name === 'shell')!;
    shell.refs += 5; // a reference count nothing accounts for
    const bad = await captureVm(restored);
    const error = await refusal(bad);
    expect([error.code, error.message]).toEqual(['section', expect.stringContaining('invariants')]);
  });
});
