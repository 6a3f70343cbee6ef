// Structured error codes returned by every system call in a0 (0 = OK) and by
// every service in the wire format's standard error response. Internal kernel
// code returns them inside a KResult; they become a register value exactly
// once, at the syscall boundary.

export const RvosError = {
  Ok: 0,
  /** The handle number is not open in the caller's table. */
  BadHandle: 1,
  /** The handle is open but names an object of another kind. */
  WrongType: 2,
  /** The handle lacks a right the operation needs. */
  AccessDenied: 3,
  /** An argument is out of range or malformed. */
  InvalidArgument: 4,
  /** A user pointer/length does not lie in mapped user memory with the needed permission. */
  BadAddress: 5,
  /** Physical frames (or page-table pages) are exhausted. */
  NoMemory: 6,
  /** Non-blocking send: the peer's queue is full. */
  QueueFull: 7,
  /** Non-blocking receive: no message. */
  WouldBlock: 8,
  /** The other end of the channel is closed (and, for receive, the queue is empty). */
  PeerClosed: 9,
  /** The caller's handle table is full. */
  TooManyHandles: 10,
  /** The kernel's channel table is full. */
  TooManyChannels: 11,
  /** The process table is full. */
  TooManyProcesses: 12,
  /** The kernel's shared-memory region table is full. */
  TooManyShm: 13,
  /** The caller's mmap region table is full. */
  TooManyRegions: 14,
  /** A name (service, file, path) does not exist. */
  NotFound: 15,
  /** Unknown system call number. */
  BadSyscall: 16,
  /** Message data longer than RVOS_MSG_DATA_MAX or more than RVOS_MSG_CAPS_MAX caps. */
  MessageTooLarge: 17,
  /** An executable image is not a valid RV64 ELF the kernel can load. */
  BadExecutable: 18,
  /** wait_many (or a service request) timed out. */
  TimedOut: 19,
  /** The name is already taken. */
  AlreadyExists: 20,
  /** The operation is valid but this kernel or service does not implement it. */
  NotSupported: 21,
  /** A fixed-size service table (console clients, boot registrations, named services) is full. */
  LimitReached: 22,
  /** A file operation on a directory (or a directory operation on a file). */
  IsDirectory: 23,
  NotDirectory: 24,
  /** rmdir/unlink of a directory that is not empty. */
  NotEmpty: 25,
} as const;

export type RvosErrorCode = (typeof RvosError)[keyof typeof RvosError];

/** The symbolic name of an error code ("QueueFull"), or "Error(n)" for an unknown one. */
export function errorName(code: number): string {
  for (const [name, value] of Object.entries(RvosError)) if (value === code) return name;
  return `Error(${code})`;
}
