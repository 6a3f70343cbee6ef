// Every limit of the kernel and its services in one place, each with the
// seed's value as the default (the minimum). A machine configuration may raise
// them (resolveKernelLimits). Reaching any limit gives the caller a structured
// error; the kernel keeps running.

export interface KernelLimits {
  /** process table slots, kernel service tasks included */
  processes: number;
  /** handles per process */
  handlesPerProcess: number;
  /** channels (endpoint pairs) in the whole kernel */
  channels: number;
  /** messages queued per endpoint */
  queueDepth: number;
  /** shared-memory regions in the whole kernel */
  shmRegions: number;
  /** mmap regions per process */
  mmapRegions: number;
  /** physical frames the kernel may hand out (page-table pages count too) */
  frames: number;
  /** console clients */
  consoleClients: number;
  /** boot registrations (services init starts at boot) */
  bootRegistrations: number;
  /** named services in init's registry */
  namedServices: number;
  /** user stack pages per process (a guard page sits below) */
  userStackPages: number;
  /** instructions a task runs before it is preempted */
  timeSliceInstructions: number;
}

export const DEFAULT_LIMITS: Readonly<KernelLimits> = {
  processes: 64,
  handlesPerProcess: 32,
  channels: 64,
  queueDepth: 64,
  shmRegions: 32,
  mmapRegions: 256,
  frames: 32768,
  consoleClients: 8,
  bootRegistrations: 16,
  /** The seed's 8, doubled: six kernel services (console, sysinfo, math, gpu, kbd, mouse) and fs take seven. */
  namedServices: 16,
  userStackPages: 16,
  timeSliceInstructions: 100_000,
};

/** The limits with `overrides` applied; throws RangeError for a value below the default minimum or not an integer. */
export function resolveKernelLimits(overrides: Partial<KernelLimits> = {}): KernelLimits {
  const limits: KernelLimits = { ...DEFAULT_LIMITS, ...overrides };
  for (const [key, value] of Object.entries(limits) as [keyof KernelLimits, number][]) {
    if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`kernel limit ${key} must be a positive integer, got ${value}`);
    if (key !== 'timeSliceInstructions' && key !== 'userStackPages' && value < DEFAULT_LIMITS[key]) {
      throw new RangeError(`kernel limit ${key} may only be raised: ${value} < ${DEFAULT_LIMITS[key]}`);
    }
  }
  return limits;
}
