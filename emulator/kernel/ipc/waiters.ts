// Waiter lists: the pids blocked on a kernel object (plain arrays on the
// object) and the one interface through which IPC wakes them (the scheduler's
// wake(pid); waking a pid that is not blocked, or is gone, must be harmless:
// woken tasks re-execute their restartable syscall and block again if needed).

/** What IPC needs from the scheduler. */
export interface Waker {
  wake(pid: number): void;
}

/** Adds `pid` to `list` unless it is already there. */
export function addWaiter(list: number[], pid: number): void {
  if (!list.includes(pid)) list.push(pid);
}

/** Empties `list` and wakes every pid that was in it, in order. */
export function wakeAll(list: number[], waker: Waker): void {
  if (list.length === 0) return; // the common case: nobody waits
  if (list.length === 1) { // the IPC fast path: one receiver (no copy of the list)
    const pid = list.pop()!;
    waker.wake(pid);
    return;
  }
  const pids = list.splice(0, list.length);
  for (const pid of pids) waker.wake(pid);
}
