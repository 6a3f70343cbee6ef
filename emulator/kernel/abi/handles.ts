// Handle kinds and rights: a handle is (object, rights) in a per-process
// table. Rights can only be dropped (handle_dup with a subset), never added.

export const HandleKind = {
  Channel: 1,
  Shm: 2,
  Process: 3,
} as const;
export type HandleKindCode = (typeof HandleKind)[keyof typeof HandleKind];

/** Rights bits. */
export const Right = {
  /** chan_recv / wait_many; shm_map readable. */
  Read: 1 << 0,
  /** chan_send; shm_map writable. */
  Write: 1 << 1,
  /** Placing the handle in a message, and handle_dup. */
  Transfer: 1 << 2,
  /** proc_wait on a process. */
  Wait: 1 << 3,
  /** proc_kill on a process. */
  Kill: 1 << 4,
} as const;

/** Rights a freshly created object's handle gets. */
export const DEFAULT_RIGHTS = {
  [HandleKind.Channel]: Right.Read | Right.Write | Right.Transfer,
  [HandleKind.Shm]: Right.Read | Right.Write | Right.Transfer,
  [HandleKind.Process]: Right.Wait | Right.Kill | Right.Transfer,
} as const;

/** Memory protection bits for mmap / shm_map. */
export const Prot = {
  Read: 1,
  Write: 2,
} as const;

/** Exit status of a process ended by proc_kill, a fault, or the kernel. */
export const EXIT_KILLED = -9;
/** Exit status of a process the kernel ended for a fault (page fault, illegal instruction). */
export const EXIT_FAULT = -11;
