// Regression tests from the syscall fuzzer: each is a failing program the
// reducer shrank (printed by `npm run fuzz` as a test case), replayed on a
// fresh kernel, which must now end with no invariant violation, kernel bug
// or leak. The title names the seed and what failed before the fix.

import { describe, expect, it } from 'vitest';
import { replayProgram } from './campaign.ts';

describe('syscall fuzzer regressions', () => {
  // A client sent its boot-channel end through itself to init while init's outbox waited for room
  // in that (never read) end: init stopped reading the client, so the queued cap kept the channel
  // alive after the client exited. Fixed in services/service-task.ts (no throttling while the client
  // end is only queued), ipc/object-refs.ts (wake the waiting service) and services/outbox.ts.
  it('seed 7000111: leak: channels 4 after exit, 3 at boot', async () => {
    expect(await replayProgram({
      seed: 7000111, procs: 2, calls: [
        {"id":4,"proc":1,"name":"ChanRecvBlocking","args":[{"v":"0"},{"ptr":{"scratch":0}}],"preempt":0},
        {"id":11,"proc":1,"name":"ChanSendBlocking","args":[{"v":"0"},{"ptr":{"scratch":4093},"fill":{"msg":{"len":32,"ncaps":0,"caps":[],"data":[155,255,185,22,87,108,111,66,251,44,196,94,254,141,247,67,209,237,165,77,209,171,149,153]}}}],"preempt":0,"repeat":70},
        {"id":12,"proc":1,"name":"HandleDup","args":[{"v":"0"},{"v":"2"}],"preempt":0},
        {"id":23,"proc":1,"name":"ChanSend","args":[{"ref":12,"out":1,"or":"31"},{"ptr":{"scratch":32768},"fill":{"msg":{"len":35,"ncaps":1,"caps":[{"ref":20,"out":1,"or":"0"}],"data":[172,147,4,207,201,167,44,245,26,185,18,120,247,184,13,44,103,155,133,206,248,154,69,32]}}}],"preempt":0},
    ] })).toEqual([]);
  });

  // The same bug with a cap of a channel the client created itself (old generator, before link channels).
  it('seed 5017522: leak: channels 4 after exit, 3 at boot', async () => {
    expect(await replayProgram({
      seed: 5017522, procs: 3, calls: [
        {"id":3,"proc":2,"name":"HandleClose","args":[{"v":"0"}],"preempt":0},
        {"id":4,"proc":1,"name":"ChanSendBlocking","args":[{"v":"0"},{"ptr":{"scratch":1024},"fill":{"msg":{"len":0,"ncaps":0,"caps":[],"data":[]}}}],"preempt":0,"repeat":70},
        {"id":7,"proc":1,"name":"ChanCreate","args":[],"preempt":0},
        {"id":9,"proc":0,"name":"ChanCreate","args":[],"preempt":3008},
        {"id":26,"proc":1,"name":"ChanSend","args":[{"ref":7,"out":1,"or":"31"},{"ptr":{"scratch":8184},"fill":{"msg":{"len":12,"ncaps":1,"caps":[{"ref":7,"out":1,"or":"0"}],"data":[4,1,4,4,0,109,97,116,104]}}}],"preempt":0},
    ] })).toEqual([]);
  });
});
