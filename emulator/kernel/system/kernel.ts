// The Kernel: builds the kernel's tables over a Machine (Kernel.create), starts
// service tasks and user processes, and runs them (run): the scheduler picks a
// task, a user task runs on the hart in U-mode (host-trap mode) for at most one
// time slice, its traps go to trap/trap-handler.ts; a service task is stepped.
// When nothing is runnable virtual time skips to the next deadline; with no
// deadline left run() returns 'idle' (waiting for console input) or 'exited'.

import { ExitReason, Privilege, type HartApi } from '../../hart/hart-api.ts';
import type { Machine } from '../../machine/machine.ts';
import { EXIT_FAULT } from '../abi/handles.ts';
import { ChannelTable } from '../ipc/channel-table.ts';
import { ObjectRefs, type RefCountedTable } from '../ipc/object-refs.ts';
import type { BootImage, ConsoleInput, ExitRecord, KernelContext, ServiceTask } from '../context/kernel-context.ts';
import { resolveKernelLimits, type KernelLimits } from '../core/limits.ts';
import { noFaults, type FaultCountdowns } from '../core/fault-injection.ts';
import { FrameAllocator } from '../mm/frame-allocator.ts';
import { PhysicalMemory } from '../mm/physical-memory.ts';
import { ShmTable } from '../mm/shm.ts';
import { describeError, exitAfterBug, exitProcess } from '../lifecycle/exit.ts';
import { ProcState, type Process } from '../proc/process.ts';
import { ProcessTable } from '../proc/process-table.ts';
import { createProcess, type Spawned } from '../lifecycle/spawn.ts';
import { newTrapContext, restoreIntegerContext, saveIntegerContext } from '../proc/trap-context.ts';
import { ok, type KResult } from '../core/result.ts';
import { Scheduler } from '../sched/scheduler.ts';
import { switchFloatState } from '../sched/float-switch.ts';
import { CAUSE_ECALL_FROM_U, handleTrap } from '../trap/trap-handler.ts';

const CSR_MSTATUS = 0x300;
const CSR_SATP = 0x180;
const MSTATUS_FS_INITIAL = 1n << 13n;
const CSR_MCOUNTEREN = 0x306;
const CSR_SCOUNTEREN = 0x106;
/** cycle, time and instret readable from U-mode (rdcycle/rdtime/rdinstret: deterministic virtual counters). */
const COUNTERS_CY_TM_IR = 7n;
const UART_THR = 0;

/** Why Kernel.run returned. */
export type KernelStopReason =
  /** Nothing is runnable and no deadline is pending; some task waits (e.g. for console input). */
  | 'idle'
  /** No user process is left (services may still exist). */
  | 'exited'
  /** maxInstructions steps were used. */
  | 'limit'
  /** With idleSkip off: nothing is runnable until `deadline` (the host may wait in wall-clock time, then run again). */
  | 'waiting';

export interface KernelRunResult {
  readonly reason: KernelStopReason;
  /** Steps used by this run: user instructions retired plus trapping instructions and service steps. */
  readonly steps: number;
  /** Reason 'waiting': the earliest deadline in ticks (virtual time; 1 tick = 100 ns). */
  readonly deadline?: number;
}

export interface KernelRunOptions {
  /** When nothing is runnable, jump virtual time to the next deadline (default true); off, run() returns 'waiting'. */
  idleSkip?: boolean;
}

export interface KernelOptions {
  limits?: Partial<KernelLimits>;
  bootImage?: BootImage;
}

/** Shm references for ObjectRefs (ShmTable.release needs the frame allocator). */
export class ShmRefs implements RefCountedTable {
  constructor(private readonly k: KernelContext) {}
  retain(id: number): void { this.k.shm.retain(id); }
  release(id: number): void { this.k.shm.release(this.k, id); }
}

export class Kernel implements KernelContext {
  readonly limits: KernelLimits;
  readonly mem: PhysicalMemory;
  readonly frames: FrameAllocator;
  readonly shm: ShmTable;
  readonly processes: ProcessTable;
  readonly scheduler: Scheduler;
  readonly channels: ChannelTable;
  readonly objects: ObjectRefs;
  readonly bootImage: BootImage;
  readonly consoleInput: ConsoleInput = { bytes: [], waiters: [] };
  readonly exits: ExitRecord[] = [];
  readonly faults: FaultCountdowns = noFaults();
  readonly hart: HartApi;
  /** Service tasks by process-table slot. */
  private readonly serviceTasks: (ServiceTask | undefined)[];
  /** pid whose f registers and page table are on the hart (0 = none). */
  private hartOwner = 0;

  private constructor(readonly machine: Machine, options: KernelOptions) {
    this.limits = resolveKernelLimits(options.limits);
    this.bootImage = options.bootImage ?? { programs: [] };
    this.hart = machine.hart;
    this.mem = new PhysicalMemory(this.hart);
    this.frames = new FrameAllocator(this.mem, this.mem.base, this.limits.frames, this.faults);
    this.shm = new ShmTable(this.limits.shmRegions);
    this.processes = new ProcessTable(this.limits.processes);
    this.scheduler = new Scheduler(this.processes);
    this.channels = new ChannelTable(this.limits, this.scheduler, this.faults);
    this.objects = new ObjectRefs({ channels: this.channels, shm: new ShmRefs(this), processes: this.processes });
    this.serviceTasks = new Array<ServiceTask | undefined>(this.limits.processes).fill(undefined);
    this.hart.setHostTrapMode(true);
    this.hart.setCsr(CSR_MSTATUS, MSTATUS_FS_INITIAL);
    this.hart.setCsr(CSR_MCOUNTEREN, COUNTERS_CY_TM_IR);
    this.hart.setCsr(CSR_SCOUNTEREN, COUNTERS_CY_TM_IR);
    this.hart.setPrivilege(Privilege.User);
  }

  /** A kernel with empty tables over `machine` (nothing started). Throws RangeError for bad limits. */
  static create(machine: Machine, options: KernelOptions = {}): Kernel {
    return new Kernel(machine, options);
  }

  now(): number {
    return this.hart.mtimeNumber?.() ?? Number(this.hart.mtime());
  }

  instructionsRetired(): number {
    return Number(this.hart.retired());
  }

  log(line: string): void {
    this.consoleWrite(new TextEncoder().encode(`kernel: ${line}\n`));
  }

  consoleWrite(bytes: Uint8Array): void {
    for (const byte of bytes) this.machine.uart.write(UART_THR, 1, byte);
  }

  /** Moves virtual time forward to `ticks` (no-op when it is not in the future): the host's side of run()'s 'waiting'. */
  advanceTimeTo(ticks: number): void {
    const now = this.now();
    if (ticks > now) this.hart.advanceTime(BigInt(ticks - now));
  }

  /** Queues console input for the console service and wakes its waiters. */
  pushConsoleInput(bytes: Iterable<number>): void {
    for (const b of bytes) this.consoleInput.bytes.push(b & 0xff);
    for (const pid of this.consoleInput.waiters.splice(0)) this.scheduler.wake(pid);
  }

  /** The service task of `pid` (introspection attributes the endpoints it owns), or undefined for a user process or unknown pid. */
  serviceTask(pid: number): ServiceTask | undefined {
    const p = this.processes.get(pid);
    return p?.kind === 'service' ? this.serviceTasks[p.slot] : undefined;
  }

  startService(name: string, task: ServiceTask): KResult<number> {
    const slot = this.processes.allocate({
      name, kind: 'service', state: ProcState.Blocked, parent: 0, handles: undefined, space: undefined,
      context: newTrapContext(0n, 0n), block: undefined, timeout: undefined, restartEcall: false, exitStatus: 0, exitWaiters: [],
      refs: 0, instructions: 0, syscalls: 0,
    });
    if (!slot.ok) return slot;
    this.serviceTasks[slot.value.slot] = task;
    this.scheduler.makeRunnable(slot.value);
    return ok(slot.value.pid);
  }

  /** Creates a Runnable user process (see proc/spawn.ts); the boot endpoint's reference goes to the caller. */
  spawn(name: string, elf: Uint8Array, parent = 0): KResult<Spawned> {
    return createProcess(this, { name, elf, parent });
  }

  /** Runs tasks until nothing is runnable or `maxInstructions` steps are used; returns why it stopped. */
  run(maxInstructions = Number.POSITIVE_INFINITY, options: KernelRunOptions = {}): KernelRunResult {
    let steps = 0;
    try {
      while (steps < maxInstructions) {
        if (this.scheduler.hasDeadlines) this.scheduler.expire(this.now());
        const p = this.scheduler.pickNext();
        if (p === undefined) {
          const deadline = this.scheduler.nextDeadline();
          if (deadline !== undefined && options.idleSkip === false) return { reason: 'waiting', steps, deadline };
          if (this.skipToDeadline()) continue;
          return { reason: this.userProcessesAlive() ? 'idle' : 'exited', steps };
        }
        steps += p.kind === 'service' ? this.stepService(p) : this.runUserSafely(p, this.sliceFor(maxInstructions - steps));
      }
      return { reason: 'limit', steps };
    } finally {
      this.machine.flushConsole();
    }
  }

  /** runUser, with a kernel bug outside the syscall dispatcher (trap path, exit) logged and ending only `p`. */
  private runUserSafely(p: Process, budget: number): number {
    try {
      return this.runUser(p, budget);
    } catch (error) {
      this.log(`kernel bug while running pid ${p.pid} (${p.name}): ${describeError(error)}`);
      exitAfterBug(this, p);
      return 1;
    }
  }

  /** Runs user task `p` for at most `budget` steps (its time slice); returns the steps used. */
  private runUser(p: Process, budget: number): number {
    this.switchTo(p);
    let used = 0;
    const fastCount = this.hart.lastRunRetired !== undefined;
    let retired = fastCount ? 0n : this.hart.retired(); // only hart.run() retires instructions
    while (used < budget && p.state === ProcState.Running) {
      if (p.restartEcall === true) {
        // Woken from a blocking syscall: retry it without the hart (the ecall would trap at once).
        used++;
        handleTrap(this, p, CAUSE_ECALL_FROM_U, 0n);
        continue;
      }
      restoreIntegerContext(this.hart, p.context);
      const exit = this.hart.run(budget - used);
      let ran: number;
      if (fastCount) ran = this.hart.lastRunRetired!();
      else {
        const after = this.hart.retired();
        ran = Number(after - retired);
        retired = after;
      }
      saveIntegerContext(this.hart, p.context);
      p.instructions += ran;
      used += ran;
      if (exit === ExitReason.HostTrap) {
        used++;
        const cause = this.hart.trapCause();
        handleTrap(this, p, cause, cause === CAUSE_ECALL_FROM_U ? 0n : this.hart.trapValue()); // tval only matters for faults
      } else if (exit !== ExitReason.Budget) {
        this.log(`pid ${p.pid} (${p.name}): unexpected hart exit ${exit} at pc 0x${p.context.pc.toString(16)}`);
        exitProcess(this, p, EXIT_FAULT);
      }
    }
    if (p.state === ProcState.Running) {
      // Preempted: a task whose deadline came during the slice goes ahead of p in the run queue.
      if (this.scheduler.hasDeadlines) this.scheduler.expire(this.now());
      this.scheduler.makeRunnable(p);
    }
    return used;
  }

  /**
   * The budget of the next user slice: the time slice, cut short so the slice
   * ends when the earliest deadline comes (a sleeper wakes on time, like a timer
   * interrupt would preempt), and never more than `remaining`.
   */
  private sliceFor(remaining: number): number {
    const slice = Math.min(this.limits.timeSliceInstructions, remaining);
    const deadline = this.scheduler.nextDeadline();
    if (deadline === undefined) return slice;
    const ticks = deadline - this.now();
    return ticks <= 0 ? 1 : Math.min(slice, ticks * this.machine.config.instructionsPerTick);
  }

  /** Puts `p`'s page table and f registers on the hart (the previous owner's f registers are saved first). */
  private switchTo(p: Process): void {
    if (this.hartOwner === p.pid) return;
    const owner = this.processes.get(this.hartOwner);
    switchFloatState(this.hart, owner !== undefined && owner.state !== ProcState.Zombie ? owner.context : undefined, p.context);
    // A satp write flushes the hart's TLB and fetch cache (no explicit flushTlb needed).
    this.hart.setCsr(CSR_SATP, p.space!.table.satp());
    this.hartOwner = p.pid;
  }

  /** Steps service task `p` once; returns 1 (a service step counts as one step). */
  private stepService(p: Process): number {
    const task = this.serviceTasks[p.slot];
    try {
      task?.step(this, p);
    } catch (error) {
      this.log(`kernel bug in service ${p.name} (pid ${p.pid}): ${describeError(error)}`);
    }
    if (p.state === ProcState.Running) this.scheduler.block(p, { kind: 'idle' });
    return 1;
  }

  /** Idle skip: moves virtual time to the earliest deadline; false when there is none. */
  private skipToDeadline(): boolean {
    const deadline = this.scheduler.nextDeadline();
    if (deadline === undefined) return false;
    this.advanceTimeTo(deadline);
    return true;
  }

  private userProcessesAlive(): boolean {
    return this.processes.list().some((p) => p.kind === 'user' && p.state !== ProcState.Zombie);
  }
}
