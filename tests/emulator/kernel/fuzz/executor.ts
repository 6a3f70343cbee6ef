// The syscall fuzzer's executor: a real booted kernel (init, console, sysinfo,
// math on a real Machine) whose guest processes make the program's calls
// through the real trap path: a0-a7 go into the caller's TrapContext with pc on
// an ecall and handleTrap runs exactly as the run loop would run it. A blocked
// caller is left to the run loop (which re-executes its ecall on the hart when
// it is woken); preemption runs the kernel between calls. After the program:
// the invariant checker, no kernel bug in the log, and (once every fuzzed
// process has exited) frames, handles, channels and SHM back at the boot baseline.

import { EXIT_KILLED, DEFAULT_RIGHTS, HandleKind, type HandleKindCode } from '../../../../emulator/kernel/abi/handles.ts';
import { errorName } from '../../../../emulator/kernel/abi/errors.ts';
import { MSG_CAPS_MAX, MSG_DATA_MAX, MsgLayout } from '../../../../emulator/kernel/abi/message.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { checkInvariants } from '../../../../emulator/kernel/introspection/invariants.ts';
import { OwnedEndpoint } from '../../../../emulator/kernel/ipc/owned-endpoint.ts';
import { exitProcess } from '../../../../emulator/kernel/lifecycle/exit.ts';
import { userMemory } from '../../../../emulator/kernel/lifecycle/user-access.ts';
import { ProcState, type Process, type ProcStateName } from '../../../../emulator/kernel/proc/process.ts';
import type { InitService } from '../../../../emulator/kernel/services/init.ts';
import { memInfoCounts, type MemInfoCounts } from '../../../../emulator/kernel/syscall/misc.ts';
import { bootKernel } from '../../../../emulator/kernel/system/boot.ts';
import type { Kernel } from '../../../../emulator/kernel/system/kernel.ts';
import { handleTrap } from '../../../../emulator/kernel/trap/trap-handler.ts';
import { Machine } from '../../../../emulator/machine/machine.ts';
import { USER_TEXT_BASE, userProgram } from '../proc/user-program.ts';
import { describeCall, type Arg, type Fill, type FuzzCall, type FuzzProgram, type PtrBase } from './fuzz-program.ts';
import { SCRATCH_BASE } from './generator.ts';

const CAUSE_ECALL_FROM_U = 8n;
const ECALL = 0x0000_0073;
/** The guest program: spins at _start; the ecall after the spin is where every fuzzed call is made. */
const FUZZ_GUEST = 'spin:\n  j spin\n  ecall\n  j spin\n';
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** Instructions the kernel runs after the calls, and to settle after the processes were killed. */
const SETTLE_STEPS = 5_000;

/** What one program did. */
export interface ProgramResult {
  /** Calls made through the trap path. */
  readonly calls: number;
  /** Syscalls the fuzzed processes made in all (retries of woken blocking calls on the hart included). */
  readonly syscalls: number;
  /** Outcomes by "Name:error" / "Name:block" / "Name:exited", for coverage statistics. */
  readonly outcomes: Map<string, number>;
  /** Everything wrong: invariant violations, kernel bugs, escaped exceptions, leaks (empty = clean). */
  readonly failures: string[];
}

export interface FuzzMachineOptions {
  /** Changes the kernel after boot (tests plant a bug to check that the fuzzer finds, replays and reduces it). */
  readonly plant?: (kernel: Kernel) => void;
  /** Also check the invariants after every call (slower; finds states that heal before the program ends). */
  readonly checkEveryCall?: boolean;
}

/** The baseline counts compared after each program. */
type Baseline = Omit<MemInfoCounts, 'framesTotal'>;

export class FuzzMachine {
  private readonly elf = userProgram(FUZZ_GUEST);
  private baseline!: Baseline;
  /** Where the guest's ecall is (after the spin jump, compressed or not). */
  private ecallSite = 0n;

  private constructor(
    readonly kernel: Kernel, readonly init: InitService, private readonly watch: ConsoleWatch, private readonly options: FuzzMachineOptions,
  ) {}

  /** A booted kernel (no boot programs) with a short time slice, settled; its counts are the baseline. */
  static async create(options: FuzzMachineOptions = {}): Promise<FuzzMachine> {
    const watch = new ConsoleWatch();
    const machine = await Machine.create({ config: { ramSize: 16 << 20 }, consoleOutput: (b) => watch.append(b) });
    const kernel = bootKernel(machine, { programs: [] }, { start: [], limits: { timeSliceInstructions: 400 } });
    const fm = new FuzzMachine(kernel, kernel.serviceTask(1) as InitService, watch, options);
    kernel.run(SETTLE_STEPS);
    fm.baseline = countsOf(kernel);
    options.plant?.(kernel);
    return fm;
  }

  /** Runs `program`: setup, its calls, the checks; returns what happened (never throws for a kernel failure). */
  run(program: FuzzProgram): ProgramResult {
    const failures: string[] = [];
    const procs = this.spawn(program.procs);
    const results = new Map<number, readonly [bigint, bigint]>();
    const outcomes = new Map<string, number>();
    let calls = 0;
    for (const call of program.calls) {
      if (call.preempt > 0) this.guard(failures, 'kernel run', () => this.kernel.run(call.preempt));
      const p = this.caller(procs, call.proc);
      if (p === undefined) continue;
      this.guard(failures, describeCall(call), () => {
        for (let i = 0; i < (call.repeat ?? 1) && this.callable(p); i++) {
          calls++;
          const key = `${call.number === undefined ? call.name : 'raw'}:${this.call(p, call, results)}`;
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
          if (this.options.checkEveryCall) failures.push(...checkInvariants(this.kernel).map((v) => `invariant after ${describeCall(call)}: ${v}`));
        }
      });
      if (failures.length > 0) break;
    }
    this.guard(failures, 'kernel run', () => this.kernel.run(SETTLE_STEPS));
    failures.push(...checkInvariants(this.kernel).map((v) => `invariant (live): ${v}`));
    const syscalls = procs.reduce((n, p) => n + p.syscalls, 0);
    this.cleanup(procs, failures);
    return { calls, syscalls, outcomes, failures };
  }

  /**
   * Spawns `count` fuzz processes served by init. Each gets handles 1 .. count to every process in
   * spawn order (itself included), then count+1 .. 2count-1: one end of a channel to every other one.
   */
  private spawn(count: number): Process[] {
    const procs: Process[] = [];
    for (let i = 0; i < count; i++) {
      const spawned = this.kernel.spawn(`fuzz${i}`, this.elf);
      if (!spawned.ok) throw new Error(`fuzz: spawn failed with error ${spawned.error}`);
      this.init.children.push({ pid: spawned.value.pid, boot: OwnedEndpoint.adopt(this.kernel, spawned.value.bootEndpoint) });
      procs.push(this.kernel.processes.get(spawned.value.pid)!);
    }
    this.kernel.scheduler.wake(1);
    for (const p of procs) for (const other of procs) this.give(p, HandleKind.Process, other.pid);
    const links = new Map<string, readonly [number, number]>();
    for (const [i, p] of procs.entries()) {
      for (const [j, other] of procs.entries()) {
        if (other === p) continue;
        const key = `${Math.min(i, j)}-${Math.max(i, j)}`;
        if (!links.has(key)) {
          const pair = this.kernel.channels.create();
          if (!pair.ok) throw new Error('fuzz: no channel for a link');
          links.set(key, pair.value);
        }
        this.install(p, HandleKind.Channel, links.get(key)![i < j ? 0 : 1]);
      }
    }
    this.ecallSite = findEcall(this.kernel, procs[0]!);
    return procs;
  }

  /**
   * The process that makes a call of process `index`: itself when it can make a call, else the next
   * one that can (a blocked process is not called until it is woken); the kernel runs a little when
   * none can. Undefined when every process has exited or stays blocked.
   */
  private caller(procs: readonly Process[], index: number): Process | undefined {
    for (let attempt = 0; attempt < 2; attempt++) {
      for (let i = 0; i < procs.length; i++) {
        const p = procs[(index + i) % procs.length]!;
        if (this.callable(p)) return p;
      }
      if (procs.every((p) => p.state === ProcState.Zombie)) return undefined;
      this.kernel.run(2_000);
    }
    return undefined;
  }

  /** Installs in `p` a handle to object (kind, id) with a new reference. */
  private give(p: Process, kind: HandleKindCode, id: number): void {
    this.kernel.objects.retain(kind, id);
    this.install(p, kind, id);
  }

  /** Installs in `p` a handle that takes over a reference the caller holds. */
  private install(p: Process, kind: HandleKindCode, id: number): void {
    if (!p.handles!.install({ kind, objectId: id, rights: DEFAULT_RIGHTS[kind] }).ok) throw new Error('fuzz: setup handle table full');
  }

  /** True when `p` can make a new call: Runnable, and not waiting to retry a woken blocking call. */
  private callable(p: Process): boolean {
    return p.state === ProcState.Runnable && p.context.pc !== this.ecallSite;
  }

  /** Makes `call` as `p` through the trap path and records its results. */
  private call(p: Process, call: FuzzCall, results: Map<number, readonly [bigint, bigint]>): string {
    const x = p.context.x;
    call.args.forEach((arg, i) => { x[10 + i] = this.resolve(p, arg, results); });
    for (let i = call.args.length; i < 6; i++) x[10 + i] = 0n;
    x[17] = call.number === undefined ? BigInt(Syscall[call.name]) : BigInt(call.number);
    p.context.pc = this.ecallSite;
    p.state = ProcState.Running;
    this.kernel.scheduler.current = p.pid;
    handleTrap(this.kernel, p, CAUSE_ECALL_FROM_U, 0n);
    const state = stateOf(p); // the handler changed it
    if (state === ProcState.Running) p.state = ProcState.Runnable;
    this.kernel.scheduler.current = 0;
    if (state === ProcState.Zombie) return 'exited';
    if (p.context.pc !== this.ecallSite + 4n) return 'block';
    if (x[10] === 0n) results.set(call.id, [x[11]!, x[12]!]);
    return errorName(Number(x[10]));
  }

  /** The register value of `arg` for `p`; pointer arguments first get their buffer written. */
  private resolve(p: Process, arg: Arg, results: ReadonlyMap<number, readonly [bigint, bigint]>): bigint {
    if ('v' in arg) return BigInt(arg.v);
    if ('ref' in arg) return results.get(arg.ref)?.[arg.out - 1] ?? BigInt(arg.or);
    const va = pointer(arg.ptr, results);
    if (arg.fill !== undefined && va <= MAX_SAFE) userMemory(this.kernel, p)?.write(Number(va), this.fillBytes(p, arg.fill, results));
    return va;
  }

  private fillBytes(p: Process, fill: Fill, results: ReadonlyMap<number, readonly [bigint, bigint]>): Uint8Array {
    if ('bytes' in fill) return new Uint8Array(fill.bytes).fill(fill.byte);
    if ('handles' in fill) {
      const out = new Uint8Array(8 * fill.handles.length);
      fill.handles.forEach((h, i) => new DataView(out.buffer).setBigUint64(8 * i, BigInt.asUintN(64, this.resolve(p, h, results)), true));
      return out;
    }
    const { len, ncaps, caps, data } = fill.msg;
    const out = new Uint8Array(MsgLayout.data + (len <= MSG_DATA_MAX ? len : data.length));
    const view = new DataView(out.buffer);
    view.setUint32(MsgLayout.len, len, true);
    view.setUint32(MsgLayout.ncaps, ncaps, true);
    caps.slice(0, MSG_CAPS_MAX).forEach((h, i) => view.setBigUint64(MsgLayout.caps + 8 * i, BigInt.asUintN(64, this.resolve(p, h, results)), true));
    out.set(data.slice(0, out.length - MsgLayout.data), MsgLayout.data);
    return out;
  }

  /** Kills what is left of the program's processes, settles, and checks invariants, the log and the baseline. */
  private cleanup(procs: readonly Process[], failures: string[]): void {
    for (const p of procs) {
      if (p.state !== ProcState.Zombie) this.guard(failures, `kill of pid ${p.pid}`, () => exitProcess(this.kernel, p, EXIT_KILLED));
    }
    this.guard(failures, 'kernel run', () => this.kernel.run(SETTLE_STEPS));
    this.kernel.machine.flushConsole();
    failures.push(...checkInvariants(this.kernel).map((v) => `invariant (after exit): ${v}`));
    failures.push(...this.watch.bugs.splice(0).map((l) => `log: ${l.trim()}`));
    const now = countsOf(this.kernel);
    for (const key of Object.keys(this.baseline) as (keyof Baseline)[]) {
      if (now[key] !== this.baseline[key]) failures.push(`leak: ${key} ${now[key]} after exit, ${this.baseline[key]} at boot`);
    }
  }

  /** Runs `fn`; an exception escaping the kernel is a failure. */
  private guard(failures: string[], what: string, fn: () => unknown): void {
    try {
      fn();
    } catch (error) {
      failures.push(`exception in ${what}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
}

/** The address of the first ecall in `p`'s text (the fuzz guest's call site). */
function findEcall(k: Kernel, p: Process): bigint {
  const text = userMemory(k, p)!.read(Number(USER_TEXT_BASE), 16);
  if (!text.ok) throw new Error('fuzz: guest text unreadable');
  const view = new DataView(text.value.buffer);
  for (let off = 0; off + 4 <= 16; off += 2) if (view.getUint32(off, true) === ECALL) return USER_TEXT_BASE + BigInt(off);
  throw new Error('fuzz: guest has no ecall after its spin loop');
}


function pointer(base: PtrBase, results: ReadonlyMap<number, readonly [bigint, bigint]>): bigint {
  if ('scratch' in base) return BigInt.asUintN(64, BigInt(SCRATCH_BASE + base.scratch));
  if ('abs' in base) return BigInt(base.abs);
  const at = results.get(base.ref)?.[0];
  return at === undefined ? BigInt(base.or) : BigInt.asUintN(64, at + BigInt(base.off));
}

function stateOf(p: Process): ProcStateName {
  return p.state;
}

function countsOf(k: Kernel): Baseline {
  const c = memInfoCounts(k);
  return { framesFree: c.framesFree, processes: c.processes, channels: c.channels, handles: c.handles, shmRegions: c.shmRegions, mmapRegions: c.mmapRegions };
}

/** Watches the console for kernel-bug lines (keeps only a short tail of the text). */
class ConsoleWatch {
  private tail = '';
  private readonly decoder = new TextDecoder();
  /** Kernel-bug lines not yet reported. */
  readonly bugs: string[] = [];

  append(bytes: Uint8Array): void {
    this.tail = (this.tail + this.decoder.decode(bytes)).slice(-4096);
    if (!this.tail.includes('kernel bug')) return;
    this.bugs.push(...this.tail.split('\n').filter((l) => l.includes('kernel bug')));
    this.tail = '';
  }
}
