// Test kit for the kernel services: a real Kernel on a real Machine with init,
// console, sysinfo and math started as service tasks (as boot.ts does), and
// kernel-side "clients": a boot channel attached to init (as if init had
// started the client), over which a test sends real requests and reads replies.

import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { DEFAULT_RIGHTS, HandleKind } from '../../../../emulator/kernel/abi/handles.ts';
import { WireTag } from '../../../../emulator/kernel/abi/wire-tags.ts';
import type { BootImage } from '../../../../emulator/kernel/context/kernel-context.ts';
import { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import type { KernelLimits } from '../../../../emulator/kernel/core/limits.ts';
import type { Cap } from '../../../../emulator/kernel/ipc/message.ts';
import { OwnedEndpoint } from '../../../../emulator/kernel/ipc/owned-endpoint.ts';
import type { ReceivedMessage } from '../../../../emulator/kernel/ipc/received-message.ts';
import { ConsoleService } from '../../../../emulator/kernel/services/console.ts';
import { InitService } from '../../../../emulator/kernel/services/init.ts';
import { MathService } from '../../../../emulator/kernel/services/math.ts';
import type { EndpointService } from '../../../../emulator/kernel/services/service-task.ts';
import { SysinfoService } from '../../../../emulator/kernel/services/sysinfo.ts';
import { WireReader, WireWriter } from '../../../../emulator/kernel/services/wire-codec.ts';
import { Machine } from '../../../../emulator/machine/machine.ts';

export const CHANNEL_RIGHTS = DEFAULT_RIGHTS[HandleKind.Channel];

export interface ServiceKit {
  readonly kernel: Kernel;
  readonly init: InitService;
  readonly console: ConsoleService;
  readonly sysinfo: SysinfoService;
  readonly math: MathService;
  /** pid of each service by name. */
  readonly pids: Record<string, number>;
  /** Console output so far. */
  output(): string;
  /** Runs the kernel until nothing is runnable. */
  settle(): void;
}

export interface KitOptions {
  limits?: Partial<KernelLimits>;
  image?: BootImage;
  bootPrograms?: string[];
}

/** A kernel with the four services started (init pid 1) on a fresh 16 MiB machine. */
export async function serviceKit(options: KitOptions = {}): Promise<ServiceKit> {
  const chunks: Uint8Array[] = [];
  const machine = await Machine.create({ config: { ramSize: 16 << 20 }, consoleOutput: (b) => chunks.push(b.slice()) });
  const kernel = Kernel.create(machine, { limits: options.limits, bootImage: options.image ?? { programs: [] } });
  const init = new InitService(kernel.limits.namedServices, kernel.limits.bootRegistrations);
  for (const path of options.bootPrograms ?? []) if (!init.addBootProgram(path).ok) throw new Error('boot plan full');
  const pids: Record<string, number> = { init: started(kernel.startService('init', init)) };
  const named = <S extends EndpointService>(name: string, make: (c: OwnedEndpoint) => S): S => {
    const pair = OwnedEndpoint.createPair(kernel);
    if (!pair.ok) throw new Error('no channel');
    const service = make(pair.value[0]);
    pids[name] = started(kernel.startService(name, service));
    if (!init.registry.register(name, pair.value[1]).ok) throw new Error(`cannot register ${name}`);
    return service;
  };
  const console = named('console', (c) => new ConsoleService(c, kernel.limits.consoleClients));
  const sysinfo = named('sysinfo', (c) => new SysinfoService(c));
  const math = named('math', (c) => new MathService(c));
  const decoder = new TextDecoder();
  const kit: ServiceKit = {
    kernel, init, console, sysinfo, math, pids,
    output: () => chunks.map((c) => decoder.decode(c)).join(''),
    settle: () => { kernel.run(100_000); },
  };
  kit.settle();
  return kit;
}

function started(r: { ok: true; value: number } | { ok: false; error: number }): number {
  if (!r.ok) throw new Error(`startService failed: ${r.error}`);
  return r.value;
}

/** A client init serves as if it had started it (pid `pid`); returns the client's end of its boot channel. */
export function attachToInit(kit: ServiceKit, pid: number): OwnedEndpoint {
  const pair = OwnedEndpoint.createPair(kit.kernel);
  if (!pair.ok) throw new Error('no channel');
  kit.init.children.push({ pid, boot: pair.value[0] });
  kit.kernel.scheduler.wake(kit.pids.init!);
  return pair.value[1];
}

/** Sends `data` (+ caps, copied) from `client`; throws when the send fails. */
export function send(client: OwnedEndpoint, data: Uint8Array, caps: readonly Cap[] = [], sender = 900): void {
  const sent = client.send({ sender, data, caps });
  if (!sent.ok) throw new Error(`send failed: ${sent.error}`);
}

/** The next message queued on `client` (the kit settles the kernel first); throws when there is none. */
export function receive(kit: ServiceKit, client: OwnedEndpoint): ReceivedMessage {
  kit.settle();
  const got = client.recv();
  if (!got.ok) throw new Error(`no reply (error ${got.error})`);
  return got.value;
}

/** Sends a request and returns the reply. */
export function call(kit: ServiceKit, client: OwnedEndpoint, data: Uint8Array, caps: readonly Cap[] = []): ReceivedMessage {
  send(client, data, caps);
  return receive(kit, client);
}

/** InitRegister `name` with a new channel; returns the reply's error code and the service's end of that channel. */
export function register(kit: ServiceKit, boot: OwnedEndpoint, name: string): { code: number; service: OwnedEndpoint } {
  const pair = OwnedEndpoint.createPair(kit.kernel);
  if (!pair.ok) throw new Error('no channel');
  const [service, initEnd] = pair.value;
  using reply = call(kit, boot, new WireWriter(WireTag.InitRegister).str(name).cap(0).bytes(), [initEnd.cap(CHANNEL_RIGHTS)]);
  initEnd.close();
  kit.settle();
  return { code: errorCode(reply), service };
}

/** Connects to service `name` through init (InitConnect); returns the owned client endpoint. */
export function connect(kit: ServiceKit, boot: OwnedEndpoint, name: string): OwnedEndpoint {
  using reply = call(kit, boot, new WireWriter(WireTag.InitConnect).str(name).bytes());
  const r = new WireReader(reply.data);
  const index = r.cap(reply.capCount);
  if (r.tag !== WireTag.Ok || !r.end()) throw new Error(`connect ${name}: reply tag ${r.tag}`);
  const ep = OwnedEndpoint.fromMessage(kit.kernel, reply, index);
  if (ep === undefined) throw new Error('no endpoint in reply');
  return ep;
}

/** The Error code of a reply, or Ok (0) when it is not an Error response. */
export function errorCode(msg: ReceivedMessage): number {
  const r = new WireReader(msg.data);
  return r.tag === WireTag.Error ? r.u64Number() : RvosError.Ok;
}

/** The tag of a reply. */
export function tagOf(msg: ReceivedMessage): number | undefined {
  return new WireReader(msg.data).tag;
}

/** Reference count of live endpoint `id` (undefined once destroyed). */
export function refsOf(kit: ServiceKit, id: number): number | undefined {
  return kit.kernel.channels.endpoint(id)?.refs;
}
