// The initial ramdisk as a shared-memory region: init copies the boot image's
// initrd bytes into a new SHM region and passes it read-only (no Write right)
// as cap 0 of the file server's BootInfo.

import { HandleKind, Right } from '../abi/handles.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import type { Cap } from '../ipc/message.ts';
import { PAGE_SIZE } from '../mm/memory-layout.ts';
import { ok, type KResult } from '../core/result.ts';

/** Rights of the initrd cap: mappable read-only, passable on. */
export const INITRD_RIGHTS = Right.Read | Right.Transfer;

/**
 * A new SHM region holding `bytes`; returns its cap, whose one reference the caller owns.
 * InvalidArgument for empty bytes, TooManyShm, NoMemory (nothing kept).
 */
export function initrdRegion(k: KernelContext, bytes: Uint8Array): KResult<Cap> {
  const created = k.shm.create(k, bytes.length);
  if (!created.ok) return created;
  const region = k.shm.get(created.value)!;
  region.frames.forEach((frame, i) => {
    const chunk = bytes.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE);
    if (chunk.length > 0) k.mem.write(frame, chunk);
  });
  return ok({ kind: HandleKind.Shm, id: created.value, rights: INITRD_RIGHTS });
}
