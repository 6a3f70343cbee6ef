// The one typed protocol between the workbench UI and the VM host (docs/architecture.md,
// "Electron and the browser host"): requests with ids and their responses, one-way
// inputs (console bytes, display input) and the host's event streams (run state and
// speed, console output, display frames, errors). Transport-agnostic plain data.

import type { IntrospectionSnapshot, ProcessView } from '../../kernel/introspection/introspection-types.ts';
import type { IntrospectionDiff } from './introspection-diff.ts';
import type { SourceSaveResult } from './hot-reload-types.ts';

/** The VM's run state as the UI shows it. */
export type RunState = 'off' | 'booting' | 'running' | 'paused' | 'halted' | 'failed';

/** Run state and speed: sent as a 'state' event and as most responses. */
export interface RunStatus {
  readonly state: RunState;
  /** Running but nothing runnable: the guest waits for input or sleeps. */
  readonly idle: boolean;
  /** Emulation speed while executing, million steps per wall-clock second (0 before any run). */
  readonly mips: number;
  /** Virtual time since boot in nanoseconds (1 tick = 100 ns). */
  readonly virtualTimeNs: number;
  /** Steps executed since boot (user instructions, trapping instructions, service steps). */
  readonly steps: number;
  /** Why the VM stopped or failed ('failed' and 'halted'), else empty. */
  readonly message: string;
}

/** What a step request did. */
export interface StepResult {
  readonly steps: number;
  readonly status: RunStatus;
}

/** Request operations and their parameters. */
export interface RequestParams {
  /** Boots rvos (fails unless the state is 'off'); `ramMib` overrides the machine's RAM. */
  boot: { readonly ramMib?: number };
  pause: Record<string, never>;
  resume: Record<string, never>;
  /** Discards the running VM and boots a fresh one. */
  reset: Record<string, never>;
  /** Runs at most `instructions` steps while paused. */
  step: { readonly instructions: number };
  'get-state': Record<string, never>;
  /** A kernel introspection snapshot (fails unless booted). */
  introspect: Record<string, never>;
  /** Saves the whole VM (fails unless booted) into a snapshot file's bytes; `description` goes into its header. */
  'snapshot-save': { readonly description?: string };
  /** Verifies a snapshot file and restores it (the VM is unchanged when the file is refused). */
  'snapshot-load': { readonly bytes: Uint8Array };
  /** Reads a snapshot file's header and sections without restoring it. */
  'snapshot-info': { readonly bytes: Uint8Array };
  /** The state hash of the whole VM (hart, RAM in use, kernel, devices, clock). */
  'state-hash': Record<string, never>;
  /** Starts the 'introspection-diff' event stream (capability graph), beginning with a full diff. */
  'graph-subscribe': Record<string, never>;
  'graph-unsubscribe': Record<string, never>;
  /** Saves a userland source (`path` relative to fixtures/userland), rebuilds what it affects and hot-reloads it (hot-reload-types.ts). */
  'source-save': { readonly path: string; readonly text: string };
}

/** What a snapshot file's header and section table say. */
export interface SnapshotInfo {
  /** "major.minor" of the file format. */
  readonly formatVersion: string;
  /** ISO 8601 time the snapshot was taken. */
  readonly createdAt: string;
  readonly description: string;
  /** The machine configuration the snapshot needs. */
  readonly machine: { readonly ramMib: number; readonly display: { readonly width: number; readonly height: number } };
  readonly sections: readonly { readonly name: string; readonly size: number; readonly storedSize: number }[];
  /** Size of the whole file in bytes. */
  readonly size: number;
  /** State hash of the VM the file holds (hex). */
  readonly stateHash: string;
}

/** A saved snapshot: the file's bytes (transferred) and what its header says. */
export interface SnapshotSaved {
  readonly bytes: Uint8Array;
  readonly info: SnapshotInfo;
}

/** The whole VM's state hash and the steps run since boot when it was taken. */
export interface StateHash {
  readonly hash: string;
  readonly steps: number;
}

/** Each operation's successful result. */
export interface RequestResults {
  boot: RunStatus;
  pause: RunStatus;
  resume: RunStatus;
  reset: RunStatus;
  step: StepResult;
  'get-state': RunStatus;
  introspect: HostIntrospection;
  'snapshot-save': SnapshotSaved;
  'snapshot-load': RunStatus;
  'snapshot-info': SnapshotInfo;
  'state-hash': StateHash;
  'graph-subscribe': { readonly subscribed: boolean };
  'graph-unsubscribe': { readonly subscribed: boolean };
  'source-save': SourceSaveResult;
}

/** A process of the introspect response: the kernel's view plus what the host knows from symbols. */
export interface HostProcessView extends ProcessView {
  /** The function its saved pc is in ("rvos_syscall+0x1c"), for user processes of boot-image programs with a symbol there. */
  readonly function?: string;
}

/** The introspect response: the kernel's snapshot with processes annotated by the host. */
export interface HostIntrospection extends Omit<IntrospectionSnapshot, 'processes'> {
  readonly processes: readonly HostProcessView[];
}

export type RequestOp = keyof RequestParams;

/** A request: `id` pairs it with its response. */
export type HostRequest = { [Op in RequestOp]: { readonly kind: 'request'; readonly id: number; readonly op: Op } & RequestParams[Op] }[RequestOp];

/**
 * Keyboard, pointer and wheel input for the guest display: `code` is a Linux evdev
 * KEY_* code (KEY_A = 30), pointer x/y are absolute framebuffer pixels, `buttons`
 * bit 0 left, bit 1 right, bit 2 middle; wheel `delta` in notches (+ = up).
 */
export type DisplayInputEvent =
  | { readonly type: 'key'; readonly code: number; readonly down: boolean }
  | { readonly type: 'pointer'; readonly x: number; readonly y: number; readonly buttons: number }
  | { readonly type: 'wheel'; readonly delta: number };

/** UI -> host messages. */
export type UiMessage =
  | HostRequest
  | { readonly kind: 'console-input'; readonly bytes: Uint8Array }
  | { readonly kind: 'display-input'; readonly event: DisplayInputEvent };

/** A response: `ok` with the operation's result, or an error message. */
export type HostResponse =
  | { [Op in RequestOp]: { readonly kind: 'response'; readonly id: number; readonly op: Op; readonly ok: true; readonly result: RequestResults[Op] } }[RequestOp]
  | { readonly kind: 'response'; readonly id: number; readonly ok: false; readonly error: string };

/** One changed rectangle of the framebuffer: RGBA8 pixels, row-major, `width * height * 4` bytes (transferred). */
export interface DirtyRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly pixels: ArrayBuffer;
}

/** A display update: the framebuffer's size and the rectangles that changed since the last frame. */
export interface DisplayFrame {
  readonly width: number;
  readonly height: number;
  readonly rects: readonly DirtyRect[];
}

/** Host -> UI event streams. */
export type HostEvent =
  | { readonly kind: 'event'; readonly event: 'state'; readonly status: RunStatus }
  | { readonly kind: 'event'; readonly event: 'console-output'; readonly bytes: Uint8Array }
  | { readonly kind: 'event'; readonly event: 'display-frame'; readonly frame: DisplayFrame }
  | { readonly kind: 'event'; readonly event: 'introspection-diff'; readonly diff: IntrospectionDiff }
  | { readonly kind: 'event'; readonly event: 'error'; readonly message: string }
  /** Every save's build and reload (also saves from the file watcher), for the reload log. */
  | ({ readonly kind: 'event'; readonly event: 'reload'; readonly path: string } & SourceSaveResult);

/** Host -> UI messages. */
export type HostMessage = HostResponse | HostEvent;

/** Sends a message with the ArrayBuffers to transfer (not copy); a transport implements it. */
export type MessageSink<M> = (message: M, transfer: ArrayBuffer[]) => void;
