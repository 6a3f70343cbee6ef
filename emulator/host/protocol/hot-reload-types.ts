// The hot-reload part of the VM host protocol (messages.ts): what a 'source-save'
// request answers and the 'reload' event carries: the build's report (programs
// rebuilt, diagnostics with 1-based positions) and what the reload did in the VM.

/** One compiler or linker message; `path` is relative to fixtures/userland ("programs/hello/hello.c"). */
export interface SourceDiagnostic {
  readonly path: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** The build a save started: `ok` false means nothing changed in the VM. */
export interface BuildReport {
  readonly ok: boolean;
  /** Names of the programs rebuilt. */
  readonly programs: readonly string[];
  readonly diagnostics: readonly SourceDiagnostic[];
  /** Wall-clock milliseconds of the build. */
  readonly ms: number;
}

/** One reloaded program: where its binary went, the instances restarted (old -> new pid) and the service names they held. */
export interface ReloadedProgram {
  readonly name: string;
  readonly binPath: string;
  readonly restarted: readonly { readonly oldPid: number; readonly newPid: number }[];
  readonly reRegistered: readonly string[];
}

/** What a successful build changed in the VM. */
export interface ReloadReport {
  readonly programs: readonly ReloadedProgram[];
  /** Wall-clock milliseconds of applying the reload (after the build). */
  readonly ms: number;
}

/** The answer to 'source-save' (also the 'reload' event's body, with the saved path). */
export interface SourceSaveResult {
  readonly build: BuildReport;
  readonly reload?: ReloadReport;
}
