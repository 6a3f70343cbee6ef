// The init service: serves the boot channel of every process it starts
// (InitConnect, InitStdio, InitRegister, InitSpawn[Stdio], InitKill), keeps the
// registry of named services, and launches programs: the boot programs
// (limits.bootRegistrations; /bin/fs from the in-memory boot image with the
// initrd as a read-only SHM cap) and later programs loaded from the file server.

import { RvosError, errorName, type RvosErrorCode } from '../abi/errors.ts';
import { DEFAULT_RIGHTS, EXIT_KILLED, HandleKind } from '../abi/handles.ts';
import { WireTag } from '../abi/wire-tags.ts';
import type { KernelContext } from '../context/kernel-context.ts';
import type { Cap } from '../ipc/message.ts';
import { OwnedEndpoint } from '../ipc/owned-endpoint.ts';
import type { ReceivedMessage } from '../ipc/received-message.ts';
import { PAGE_SIZE } from '../mm/memory-layout.ts';
import { exitProcess } from '../lifecycle/exit.ts';
import { ProcState, type Process } from '../proc/process.ts';
import { fail, ok, type KResult } from '../core/result.ts';
import { ServiceRegistry } from './init-registry.ts';
import { baseName, bootArgv, jobOnReply, releaseHeldCaps, resolveProgramPath, startFsLoad, type JobAction, type SpawnJob } from './init-spawn.ts';
import { initrdRegion } from './initrd-region.ts';
import { binWriteOnReply, newBinWrite, startBinWrite, type BinWriteAction, type BinWriteJob } from './init-bin-write.ts';
import { restartChildren, type ReloadOutcome } from './init-reload.ts';
import { launchProgram } from './launch.ts';
import { channelCaps, EndpointService } from './service-task.ts';
import { tagOnly, WireReader, WireWriter } from './wire-codec.ts';

/** The file server's registry name. */
export const FS_SERVICE = 'fs';
/** The console's registry name (InitStdio connects to it). */
export const CONSOLE_SERVICE = 'console';
/** The boot program that gets the initrd. */
export const FS_PROGRAM = '/bin/fs';

const CHANNEL_RIGHTS = DEFAULT_RIGHTS[HandleKind.Channel];

/** How init started a child, kept so a hot reload can start it again the same way. */
export interface ChildLaunch {
  readonly path: string;
  readonly argv: Uint8Array;
  /** The BootInfo caps; init holds one reference on each until the child is forgotten. */
  readonly caps: Cap[];
  /** The stdio endpoint (InitSpawnStdio) InitStdio answers with; one reference held until the child exits. */
  stdio: Cap | undefined;
  /** pid that asked for the spawn (0 = boot plan). */
  readonly requester: number;
}

/** A process init started: it serves the process's boot channel. */
export interface InitChild {
  readonly pid: number;
  /** Init's end of the boot channel (undefined once the process closed its end). */
  boot: OwnedEndpoint | undefined;
  /** How it was started (absent for children made outside init's launch path: nothing to reload). */
  readonly launch?: ChildLaunch;
}

/** A program init starts at boot. */
export interface BootProgramEntry {
  readonly path: string;
  /** NUL-terminated argument strings (empty: argv = [path]). */
  readonly argv: Uint8Array;
}

export class InitService extends EndpointService {
  readonly registry: ServiceRegistry;
  readonly children: InitChild[] = [];
  readonly jobs: SpawnJob[] = [];
  /** Boot programs not started yet, in order. */
  readonly bootPlan: BootProgramEntry[] = [];
  /** Program images being written into the file server by hot reloads (init-bin-write.ts). */
  readonly binWrites: BinWriteJob[] = [];
  private nextJobId = 1;

  /** An init with an empty registry (limits.namedServices) and boot plan (limits.bootRegistrations). */
  constructor(namedServices: number, readonly bootRegistrations: number) {
    super();
    this.registry = new ServiceRegistry(namedServices);
  }

  /** Adds a boot program (started on init's first step); LimitReached beyond limits.bootRegistrations. */
  addBootProgram(path: string, argv: Uint8Array = new Uint8Array(0)): KResult<void> {
    if (this.bootPlan.length >= this.bootRegistrations) return fail(RvosError.LimitReached);
    this.bootPlan.push({ path, argv });
    return ok(undefined);
  }

  protected override otherEndpoints(): number[] {
    const held = [...this.jobs, ...this.children.flatMap((c) => (c.launch === undefined ? [] : [c.launch]))];
    return held.flatMap((h) => channelCaps(h.stdio === undefined ? h.caps : [...h.caps, h.stdio]));
  }

  /** The SHM regions init holds a reference on for a reload (children's launch caps: the initrd for fs). */
  ownedShm(): number[] {
    return this.children.flatMap((c) => (c.launch?.caps ?? []).filter((cap) => cap.kind === HandleKind.Shm).map((cap) => cap.id));
  }

  override endpointLabels(): [number, string][] {
    const labels: [number, string][] = this.registry.entries.map((e) => [e.control.id, `registry: ${e.name}`]);
    for (const c of this.children) if (c.boot !== undefined) labels.push([c.boot.id, `boot channel of pid ${c.pid}`]);
    for (const j of this.jobs) {
      if (j.fs !== undefined) labels.push([j.fs.id, `fs connection for ${j.path}`]);
      if (j.file !== undefined) labels.push([j.file.id, `file ${j.path}`]);
    }
    for (const w of this.binWrites) for (const ep of [w.fs, w.file]) if (ep !== undefined) labels.push([ep.id, `reload write ${w.path}`]);
    return labels;
  }

  /** Boot channels, spawn-job connections, and the registry's ends (watched so a gone service's entry goes at once; what a service sends there is dropped). */
  protected endpoints(): readonly OwnedEndpoint[] {
    const eps: OwnedEndpoint[] = this.registry.entries.map((e) => e.control);
    for (const child of this.children) if (child.boot !== undefined) eps.push(child.boot);
    for (const job of this.jobs) {
      if (job.fs !== undefined) eps.push(job.fs);
      if (job.file !== undefined) eps.push(job.file);
    }
    for (const w of this.binWrites) for (const ep of [w.fs, w.file]) if (ep !== undefined) eps.push(ep);
    return eps;
  }

  protected override accepting(ep: OwnedEndpoint): boolean {
    const child = this.children.find((c) => c.boot === ep);
    return child === undefined || !this.jobs.some((j) => j.requester === child.pid);
  }

  protected override onStep(k: KernelContext, self: Process): void {
    for (const entry of this.bootPlan.splice(0)) this.startBootProgram(k, self, entry);
    this.startWaitingJobs(k, self);
    this.pruneChildren(k);
  }

  /** Jobs waiting for the file server start loading once it is registered. */
  private startWaitingJobs(k: KernelContext, self: Process): void {
    if (this.registry.lookup(FS_SERVICE) === undefined) return;
    for (const job of this.jobs.filter((j) => j.stage === 'wait-fs')) this.connectJob(k, self, job);
    // Writes of one path run one after the other (two at once would interleave their chunks).
    for (const w of this.binWrites.slice()) {
      // (Re-checked per job: a failed start ends a job and calls this again.)
      if (w.stage !== 'wait-fs' || !this.binWrites.includes(w) || this.binWrites.some((o) => o.path === w.path && o.stage !== 'wait-fs')) continue;
      const fs = this.connect(k, self, FS_SERVICE);
      this.applyWrite(k, self, w, fs.ok ? startBinWrite(w, fs.value) : { kind: 'failed', error: fs.error });
    }
  }

  protected onMessage(k: KernelContext, self: Process, from: OwnedEndpoint, msg: ReceivedMessage): void {
    const child = this.children.find((c) => c.boot === from);
    if (child !== undefined) {
      this.onRequest(k, self, child, from, msg);
      return;
    }
    const job = this.jobs.find((j) => j.fs === from || j.file === from);
    if (job !== undefined) this.apply(k, self, job, jobOnReply(k, job, msg, k.frames.freeCount * PAGE_SIZE));
    const write = this.binWrites.find((w) => w.fs === from || w.file === from);
    if (write !== undefined) this.applyWrite(k, self, write, binWriteOnReply(k, write, msg));
  }

  protected onPeerClosed(k: KernelContext, self: Process, ep: OwnedEndpoint): void {
    const entry = this.registry.entries.find((e) => e.control === ep);
    if (entry !== undefined) {
      this.registry.remove(entry.name);
      return;
    }
    const child = this.children.find((c) => c.boot === ep);
    if (child !== undefined) {
      ep.close();
      child.boot = undefined;
      this.pruneChildren(k);
      return;
    }
    const job = this.jobs.find((j) => j.fs === ep || j.file === ep);
    if (job !== undefined) this.endJob(k, self, job, RvosError.PeerClosed);
    const write = this.binWrites.find((w) => w.fs === ep || w.file === ep);
    if (write !== undefined) this.applyWrite(k, self, write, { kind: 'failed', error: RvosError.PeerClosed });
  }

  /** One request on `child`'s boot channel. */
  private onRequest(k: KernelContext, self: Process, child: InitChild, boot: OwnedEndpoint, msg: ReceivedMessage): void {
    const r = new WireReader(msg.data);
    switch (r.tag) {
      case WireTag.InitConnect: {
        const name = r.str();
        if (r.end() && msg.capCount === 0) this.replyConnect(k, self, boot, name);
        else this.replyMalformed(k, self, boot);
        return;
      }
      case WireTag.InitStdio:
        if (!r.end() || msg.capCount !== 0) this.replyMalformed(k, self, boot);
        // A new reference to the endpoint the spawner gave (InitSpawnStdio; the send path takes it), else the console.
        else if (child.launch?.stdio !== undefined) this.reply(k, self, boot, new WireWriter(WireTag.Ok).cap(0).bytes(), [child.launch.stdio]);
        else this.replyConnect(k, self, boot, CONSOLE_SERVICE);
        return;
      case WireTag.InitRegister: this.onRegister(k, self, boot, r, msg); return;
      case WireTag.InitSpawn: this.onSpawn(k, self, child, boot, r, msg, false); return;
      case WireTag.InitSpawnStdio: this.onSpawn(k, self, child, boot, r, msg, true); return;
      case WireTag.InitKill: {
        const pid = r.u64Number();
        if (r.end() && msg.capCount === 0) this.replyResult(k, self, boot, this.kill(k, pid));
        else this.replyMalformed(k, self, boot);
        return;
      }
      default: this.replyMalformed(k, self, boot);
    }
  }

  /** Ok + Cap(0) client end of a new connection to `name`, or the standard Error. */
  private replyConnect(k: KernelContext, self: Process, boot: OwnedEndpoint, name: string): void {
    const connected = this.connect(k, self, name);
    if (!connected.ok) {
      this.replyError(k, self, boot, connected.error, `cannot connect to ${name}`);
      return;
    }
    using client = connected.value;
    this.reply(k, self, boot, new WireWriter(WireTag.Ok).cap(0).bytes(), [client.cap(CHANNEL_RIGHTS)]);
  }

  /**
   * A new connection to service `name`: sends SvcNewClient with the server end to the service (the
   * one send path takes that reference) and returns the client end, owned by the caller.
   * NotFound (no such service, or it is gone), TooManyChannels.
   */
  connect(k: KernelContext, self: Process, name: string): KResult<OwnedEndpoint> {
    const entry = this.registry.lookup(name);
    if (entry === undefined) return fail(RvosError.NotFound);
    const pair = OwnedEndpoint.createPair(k);
    if (!pair.ok) return pair;
    using client = pair.value[0];
    using server = pair.value[1];
    const note = new WireWriter(WireTag.SvcNewClient).cap(0).bytes();
    if (!this.outbox.post(k, self.pid, entry.control, note, [server.cap(CHANNEL_RIGHTS)]).ok) {
      this.registry.remove(name);
      return fail(RvosError.NotFound);
    }
    return ok(client.take());
  }

  /** InitRegister: Str name, Cap(0) control endpoint -> Ok; AlreadyExists, LimitReached. */
  private onRegister(k: KernelContext, self: Process, boot: OwnedEndpoint, r: WireReader, msg: ReceivedMessage): void {
    const name = r.str();
    const index = r.cap(msg.capCount);
    const control = r.end() && msg.capCount === 1 ? OwnedEndpoint.fromMessage(k, msg, index) : undefined;
    if (control === undefined) {
      this.replyMalformed(k, self, boot);
      return;
    }
    const child = this.children.find((c) => c.boot === boot);
    const registered = this.registry.register(name, control, child?.pid ?? 0);
    if (!registered.ok) control.close();
    this.replyResult(k, self, boot, registered);
    if (registered.ok && name === FS_SERVICE) this.startWaitingJobs(k, self);
  }

  /** InitSpawn[Stdio]: Str path, Bytes argv[, Cap stdio channel], caps -> (later) Ok + U64 pid + Cap(0) process. */
  private onSpawn(k: KernelContext, self: Process, child: InitChild, boot: OwnedEndpoint, r: WireReader, msg: ReceivedMessage, withStdio: boolean): void {
    const path = resolveProgramPath(r.str());
    const argv = r.bytesField();
    const stdioIndex = withStdio ? r.cap(msg.capCount) : -1;
    if (!r.end() || path === undefined || (withStdio && msg.peekCap(stdioIndex)?.kind !== HandleKind.Channel)) {
      this.replyMalformed(k, self, boot);
      return;
    }
    const stdio = withStdio ? msg.takeCap(stdioIndex) : undefined;
    const caps: Cap[] = [];
    for (let i = 0; i < msg.capCount; i++) if (i !== stdioIndex) caps.push(msg.takeCap(i)!);
    this.startJob(k, self, path, bootArgv(path, argv), caps, child.pid, stdio);
  }

  /**
   * Starts a program: the image a hot reload is still writing to that path (the file is
   * partial until the write ends), else from the file server when it is registered, else
   * from the boot image.
   */
  private startJob(k: KernelContext, self: Process, path: string, argv: Uint8Array, caps: Cap[], requester: number, stdio?: Cap): void {
    const job: SpawnJob = {
      id: this.nextJobId++, path, name: baseName(path), argv, caps, stdio, requester,
      stage: 'wait-fs', fs: undefined, file: undefined, image: new Uint8Array(0), offset: 0,
    };
    this.jobs.push(job);
    const image = k.bootImage.programs.find((p) => p.path === path);
    const writing = this.binWrites.findLast((w) => w.path === path);
    if (writing !== undefined) this.apply(k, self, job, { kind: 'loaded', elf: writing.image });
    else if (this.registry.lookup(FS_SERVICE) !== undefined) this.connectJob(k, self, job);
    else if (image !== undefined) this.apply(k, self, job, { kind: 'loaded', elf: image.elf });
    else if (requester !== 0) this.endJob(k, self, job, RvosError.NotFound);
  }

  /** Boot program: from the boot image when it is there (fs gets the initrd), else from fs once it registers. */
  private startBootProgram(k: KernelContext, self: Process, entry: BootProgramEntry): void {
    const caps: Cap[] = [];
    const initrd = k.bootImage.initrd;
    if (entry.path === FS_PROGRAM && initrd !== undefined && initrd.length > 0) {
      const region = initrdRegion(k, initrd);
      if (!region.ok) {
        k.log(`init: cannot place the initrd in shared memory: ${errorName(region.error)}`);
        return;
      }
      caps.push(region.value);
    }
    this.startJob(k, self, entry.path, bootArgv(entry.path, entry.argv), caps, 0);
  }

  /** Opens a connection to fs for `job` and sends FsOpen. */
  private connectJob(k: KernelContext, self: Process, job: SpawnJob): void {
    const fs = this.connect(k, self, FS_SERVICE);
    if (!fs.ok) this.endJob(k, self, job, fs.error);
    else this.apply(k, self, job, startFsLoad(job, fs.value));
  }

  /** Carries out a job's next action. */
  private apply(k: KernelContext, self: Process, job: SpawnJob, action: JobAction): void {
    if (action.kind === 'failed') {
      this.endJob(k, self, job, action.error);
    } else if (action.kind === 'send') {
      if (!this.outbox.post(k, self.pid, action.via, action.data).ok) this.endJob(k, self, job, RvosError.PeerClosed);
    } else {
      const launched = launchProgram(k, { name: job.name, elf: action.elf, argv: job.argv, caps: job.caps, parent: job.requester });
      if (!launched.ok) {
        this.endJob(k, self, job, launched.error);
        return;
      }
      // The child record keeps the job's cap references (a reload starts it again with them); fs is never restarted.
      const caps = job.path === FS_PROGRAM ? [] : job.caps.splice(0);
      const launch: ChildLaunch = { path: job.path, argv: job.argv, caps, stdio: job.stdio, requester: job.requester };
      job.stdio = undefined;
      this.children.push({ pid: launched.value.pid, boot: launched.value.boot, launch });
      this.endJob(k, self, job, RvosError.Ok, launched.value.pid);
    }
  }

  /** Ends `job`: releases what it holds and answers the requester (Ok + pid + process cap, or the error). */
  private endJob(k: KernelContext, self: Process, job: SpawnJob, error: RvosErrorCode, pid = 0): void {
    this.jobs.splice(this.jobs.indexOf(job), 1);
    job.fs?.close();
    job.file?.close();
    const requester = this.children.find((c) => c.pid === job.requester)?.boot;
    if (requester !== undefined) {
      if (error === RvosError.Ok) {
        const cap: Cap = { kind: HandleKind.Process, id: pid, rights: DEFAULT_RIGHTS[HandleKind.Process] };
        this.reply(k, self, requester, new WireWriter(WireTag.Ok).u64(pid).cap(0).bytes(), [cap]);
      } else {
        this.replyError(k, self, requester, error, `cannot spawn ${job.path}`);
      }
    } else if (job.requester === 0 && error !== RvosError.Ok) {
      k.log(`init: cannot start ${job.path}: ${errorName(error)}`);
    }
    releaseHeldCaps(k, job);
  }

  /** InitKill: ends child `pid` with EXIT_KILLED; NotFound unless it is a live process init started. */
  private kill(k: KernelContext, pid: number): KResult<void> {
    this.pruneChildren(k);
    const p = this.children.some((c) => c.pid === pid) ? k.processes.get(pid) : undefined;
    if (p === undefined || p.state === ProcState.Zombie) return fail(RvosError.NotFound);
    exitProcess(k, p, EXIT_KILLED);
    this.pruneChildren(k);
    return ok(undefined);
  }

  /** Releases the launch caps of children that have exited, and forgets those whose boot channel is closed. */
  private pruneChildren(k: KernelContext): void {
    for (let i = this.children.length - 1; i >= 0; i--) {
      const c = this.children[i]!;
      const p = k.processes.get(c.pid);
      if (p !== undefined && p.state !== ProcState.Zombie) continue;
      // Gone: the caps kept for a reload (and the stdio endpoint) are released at once, the record once the boot channel is closed.
      if (c.launch !== undefined) releaseHeldCaps(k, c.launch);
      if (c.boot === undefined) this.children.splice(i, 1);
    }
  }

  /**
   * Hot reload of the program at `path` (init-reload.ts): writes `elf` there in the file server,
   * and ends each live child started from `path` and starts it again with `elf`, the same argv,
   * BootInfo caps and requester. Service names the old instance registered are dropped at once
   * (the new instance registers them again). The file server itself is not restarted.
   */
  reloadProgram(k: KernelContext, self: Process, path: string, elf: Uint8Array): ReloadOutcome {
    // A write still waiting for its turn is superseded by this newer image.
    const waiting = this.binWrites.findIndex((w) => w.path === path && w.stage === 'wait-fs');
    if (waiting >= 0) this.binWrites.splice(waiting, 1);
    this.binWrites.push(newBinWrite(path, elf));
    this.startWaitingJobs(k, self);
    if (path === FS_PROGRAM) return { restarted: [], reRegistered: [] };
    this.pruneChildren(k);
    return restartChildren(k, this.children, this.registry, path, elf);
  }

  /** Carries out a bin-write job's next action; a failed write is logged (the restarted instances keep running). */
  private applyWrite(k: KernelContext, self: Process, job: BinWriteJob, action: BinWriteAction): void {
    if (action.kind === 'send' && this.outbox.post(k, self.pid, action.via, action.data).ok) return;
    this.binWrites.splice(this.binWrites.indexOf(job), 1);
    job.fs?.close();
    job.file?.close();
    if (action.kind === 'failed') k.log(`init: cannot write ${job.path}: ${errorName(action.error)}`);
    else if (action.kind === 'send') k.log(`init: cannot write ${job.path}: the file server is gone`);
    this.startWaitingJobs(k, self);
  }

  /** Ok (no fields) or the standard Error for `result`. */
  private replyResult(k: KernelContext, self: Process, boot: OwnedEndpoint, result: KResult<void>): void {
    if (result.ok) this.reply(k, self, boot, tagOnly(WireTag.Ok));
    else this.replyError(k, self, boot, result.error);
  }
}
