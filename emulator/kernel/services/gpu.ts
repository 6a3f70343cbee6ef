// The gpu service: one client at a time (a second connection gets the standard
// Error LimitReached, by design). The framebuffer is an SHM region created once
// (GpuService.create, at boot) whose frames are the display device's backing
// store; each accepted client first receives GpuInfo with a cap to it, then
// sends GpuFlush rectangles, which the device checks and records as dirty.

import { RvosError } from '../abi/errors.ts';
import { HandleKind, Right } from '../abi/handles.ts';
import { GpuFormat, WireTag } from '../abi/wire-tags.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import { fail, ok, type KResult } from '../core/result.ts';
import type { OwnedEndpoint } from '../ipc/owned-endpoint.ts';
import type { ReceivedMessage } from '../ipc/received-message.ts';
import type { Process } from '../proc/process.ts';
import type { DisplayDevice } from '../../machine/display-device.ts';
import { StatelessClientService, type ServiceClient } from './client-service.ts';
import { tagOnly, WireReader, WireWriter } from './wire-codec.ts';

/** Rights of the framebuffer cap a client gets: map it read/write, not pass it on. */
export const FRAMEBUFFER_RIGHTS = Right.Read | Right.Write;

/** Counters the gpu service reports in introspection. */
export interface GpuStats {
  /** Connections accepted (GpuInfo sent). */
  accepted: number;
  /** Flushes recorded. */
  flushes: number;
  /** Flushes refused (empty or out-of-range rectangles). */
  badFlushes: number;
}

export class GpuService extends StatelessClientService {
  readonly stats: GpuStats = { accepted: 0, flushes: 0, badFlushes: 0 };

  /**
   * Use GpuService.create. `display`: the machine's device (a snapshot treats it as an external and
   * restores the device itself); `framebuffer`: the SHM region id whose one reference the service owns.
   */
  private constructor(control: OwnedEndpoint, private readonly display: DisplayDevice, readonly framebuffer: number) {
    super(control, 1);
  }

  /**
   * Creates the framebuffer SHM region (the service owns its reference), attaches its frames to
   * `display` and returns the service, which owns `control`. Errors (nothing kept, `control` still
   * the caller's): TooManyShm, NoMemory.
   */
  static create(k: KernelContext, control: OwnedEndpoint, display: DisplayDevice): KResult<GpuService> {
    const created = k.shm.create(k, display.byteSize);
    if (!created.ok) return fail(created.error);
    display.attachBacking(k.shm.get(created.value)!.frames);
    return ok(new GpuService(control, display, created.value));
  }

  /** SHM regions this task holds a reference to (introspection, invariants). */
  ownedShm(): number[] {
    return [this.framebuffer];
  }

  /** Counters for introspection. */
  serviceStats(): Record<string, number> {
    return { clients: this.clients.length, ...this.stats };
  }

  override endpointLabels(): [number, string][] {
    return super.endpointLabels().map(([id, label]) => [id, label === 'client connection' ? 'gpu client' : label]);
  }

  protected override onConnected(k: KernelContext, self: Process, client: ServiceClient): void {
    const d = this.display;
    const info = new WireWriter(WireTag.GpuInfo).u64(d.width).u64(d.height).u64(d.stride).u64(GpuFormat.Xrgb8888).cap(0).bytes();
    if (this.reply(k, self, client.ep, info, [{ kind: HandleKind.Shm, id: this.framebuffer, rights: FRAMEBUFFER_RIGHTS }])) this.stats.accepted++;
  }

  protected onRequest(k: KernelContext, self: Process, client: ServiceClient, msg: ReceivedMessage): void {
    const r = new WireReader(msg.data);
    const rect = r.tag === WireTag.GpuFlush ? { x: field(r), y: field(r), width: field(r), height: field(r) } : undefined;
    if (rect === undefined || !r.end() || msg.capCount !== 0) {
      this.replyMalformed(k, self, client.ep);
      return;
    }
    const error = this.display.flush(rect);
    if (error === undefined) {
      this.stats.flushes++;
      this.reply(k, self, client.ep, tagOnly(WireTag.Ok));
    } else {
      this.stats.badFlushes++;
      this.replyError(k, self, client.ep, RvosError.InvalidArgument, error === 'empty' ? 'empty rectangle' : 'rectangle outside the framebuffer');
    }
  }
}

/** A U64 field as a number; values past Number.MAX_SAFE_INTEGER become Infinity, which the bounds check refuses. */
function field(r: WireReader): number {
  const v = r.u64();
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(v);
}
