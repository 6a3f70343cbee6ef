// The classes whose instances make up kernel state (the graph reachable from
// the Kernel instance), registered under fixed names for the object-graph
// codec. Adding a kernel class that is kept in state means adding it here; a
// snapshot of a kernel holding an unregistered one fails naming its path
// (tests/emulator/host/snapshot/kernel-classes.test.ts also scans the sources).

import { ChannelTable } from '../../kernel/ipc/channel-table.ts';
import { HandleTable } from '../../kernel/ipc/handle-table.ts';
import { IpcTrace } from '../../kernel/ipc/ipc-trace.ts';
import { ObjectRefs } from '../../kernel/ipc/object-refs.ts';
import { OwnedEndpoint } from '../../kernel/ipc/owned-endpoint.ts';
import { AddressSpace } from '../../kernel/mm/address-space.ts';
import { FrameAllocator } from '../../kernel/mm/frame-allocator.ts';
import { PageTable } from '../../kernel/mm/page-table.ts';
import { ShmTable } from '../../kernel/mm/shm.ts';
import { UserMemory } from '../../kernel/mm/user-memory.ts';
import { ProcessTable } from '../../kernel/proc/process-table.ts';
import { Scheduler } from '../../kernel/sched/scheduler.ts';
import { ConsoleInputState } from '../../kernel/services/console-input.ts';
import { ConsoleService } from '../../kernel/services/console.ts';
import { GpuService } from '../../kernel/services/gpu.ts';
import { ServiceRegistry } from '../../kernel/services/init-registry.ts';
import { InitService } from '../../kernel/services/init.ts';
import { KbdService } from '../../kernel/services/kbd.ts';
import { MathService } from '../../kernel/services/math.ts';
import { MouseService } from '../../kernel/services/mouse.ts';
import { Outbox } from '../../kernel/services/outbox.ts';
import { SysinfoService } from '../../kernel/services/sysinfo.ts';
import { Kernel, ShmRefs } from '../../kernel/system/kernel.ts';
import { ClassRegistry, type AnyClass } from './class-registry.ts';

/** Kernel classes by snapshot name. Names are part of the snapshot format: never rename one. */
const KERNEL_CLASS_LIST: readonly (readonly [string, AnyClass])[] = [
  ['Kernel', Kernel],
  ['ShmRefs', ShmRefs],
  ['FrameAllocator', FrameAllocator],
  ['ShmTable', ShmTable],
  ['PageTable', PageTable],
  ['AddressSpace', AddressSpace],
  ['UserMemory', UserMemory],
  ['ProcessTable', ProcessTable],
  ['Scheduler', Scheduler],
  ['ChannelTable', ChannelTable],
  ['HandleTable', HandleTable],
  ['IpcTrace', IpcTrace],
  ['ObjectRefs', ObjectRefs],
  ['OwnedEndpoint', OwnedEndpoint],
  ['InitService', InitService],
  ['ServiceRegistry', ServiceRegistry],
  ['Outbox', Outbox],
  ['ConsoleService', ConsoleService],
  ['ConsoleInputState', ConsoleInputState],
  ['SysinfoService', SysinfoService],
  ['MathService', MathService],
  ['GpuService', GpuService],
  ['KbdService', KbdService],
  ['MouseService', MouseService],
];

/**
 * Kernel classes that are deliberately NOT in the registry, with the reason
 * (the source scan in the tests accepts exactly these besides the registered ones).
 */
export const KERNEL_CLASSES_NOT_IN_STATE: Readonly<Record<string, string>> = {
  PhysicalMemory: 'a view of the hart\'s RAM: an external, rebuilt over the new hart',
  ReceivedMessage: 'lives only during one service step (its caps are in #private fields)',
  WireReader: 'lives only during one service step',
  WireWriter: 'lives only during one service step',
  ContextArgs: 'lives only during one syscall',
  KernelBug: 'an Error, thrown, never stored',
  EndpointService: 'abstract',
  ClientService: 'abstract',
  StatelessClientService: 'abstract',
  InputService: 'abstract',
};

/** The registry of kernel classes for the object-graph codec. */
export const KERNEL_CLASSES = new ClassRegistry(KERNEL_CLASS_LIST);
