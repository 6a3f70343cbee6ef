// The rvos system-call numbers: the one list the kernel's dispatch table and
// the generated C header (fixtures/userland/include/rvos/abi.h) both come from.
// Calling convention: number in a7, arguments in a0-a5; on return a0 holds an
// RvosError (0 = OK) and a1/a2 hold the results. Never a sentinel value.

/** System calls by group (emulator/kernel/syscall/<group>.ts holds the handlers). */
export const Syscall = {
  // misc
  /** exit(status): ends the calling process; does not return. */
  Exit: 93,
  /** yield(): gives up the rest of the time slice. */
  Yield: 124,
  /** getpid() -> a1 = pid. */
  GetPid: 172,
  /** clock() -> a1 = virtual time in nanoseconds since boot. */
  Clock: 113,
  /** sleep(ns): blocks for at least ns nanoseconds of virtual time. */
  Sleep: 101,
  /** debug_write(buf, len): writes bytes straight to the serial console (kernel log; for early bring-up and panics). */
  DebugWrite: 64,
  /** meminfo(struct rvos_meminfo *out): frames and kernel object counts, for leak checks. */
  MemInfo: 233,

  // chan
  /** chan_create() -> a1 = handle of endpoint A, a2 = handle of endpoint B. */
  ChanCreate: 200,
  /** chan_send(handle, const struct rvos_msg *msg): non-blocking; QueueFull when the peer's queue is full. */
  ChanSend: 201,
  /** chan_recv(handle, struct rvos_msg *msg): non-blocking; WouldBlock when empty, PeerClosed when empty and the peer is gone. */
  ChanRecv: 202,
  /** chan_send_blocking(handle, msg): waits while the peer's queue is full. */
  ChanSendBlocking: 205,
  /** chan_recv_blocking(handle, msg): waits for a message (or PeerClosed). */
  ChanRecvBlocking: 204,
  /** chan_call(handle, struct rvos_msg *reply, const struct rvos_msg *request): sends request on handle (waiting while the peer's queue is full), then waits for the reply on the same handle. Needs Write and Read (a handle without Read sends nothing). An error after the send means the request was sent but no reply was received. Clobbers a7. */
  ChanCall: 208,
  /** chan_reply_recv(reply_handle, struct rvos_msg *msg, const struct rvos_msg *reply, recv_handle): sends reply on reply_handle (waiting while the queue is full), then waits for the next message on recv_handle (needs Read, checked before the reply goes) into msg. A failed reply returns its error and receives nothing. Clobbers a7. */
  ChanReplyRecv: 209,
  /** wait_many(const uint64_t *handles, count, timeout_ns or UINT64_MAX) -> a1 = index of a handle that is readable or peer-closed; TimedOut. */
  WaitMany: 207,

  // handle (any kind)
  /** handle_close(handle): drops the handle; the object goes when its last reference does. */
  HandleClose: 203,
  /** handle_dup(handle, rights) -> a1 = new handle with rights (a subset of the original's). */
  HandleDup: 206,

  // mem
  /** mmap(len, prot) -> a1 = address of len bytes (rounded up to pages) of zeroed anonymous memory. */
  Mmap: 222,
  /** munmap(addr, len): unmaps whole pages of an earlier mmap. */
  Munmap: 215,
  /** shm_create(len) -> a1 = handle of a new shared-memory region (zeroed, rounded up to pages). */
  ShmCreate: 210,
  /** shm_map(handle, prot) -> a1 = address where the region is mapped. Writable needs the Write right. */
  ShmMap: 211,
  /** shm_unmap(addr): unmaps a region mapped by shm_map. */
  ShmUnmap: 212,

  // process
  /** proc_wait(process handle) -> a1 = exit status; blocks until the process has exited. */
  ProcWait: 260,
  /** proc_kill(process handle): ends the process with status RVOS_EXIT_KILLED. */
  ProcKill: 129,
} as const;

export type SyscallNumber = (typeof Syscall)[keyof typeof Syscall];
