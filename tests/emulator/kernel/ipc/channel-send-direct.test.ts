// sendDirect, the direct-handoff variant of the one send path (a cap-less
// message copied straight into a waiting receiver's buffer): it validates
// like sendMessage (MessageTooLarge, PeerClosed, QueueFull change nothing and
// record nothing), queues nothing and records the send in the IPC trace.

import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { HandleKind } from '../../../../emulator/kernel/abi/handles.ts';
import { MSG_DATA_MAX } from '../../../../emulator/kernel/abi/message.ts';
import { sendDirect, sendMessage } from '../../../../emulator/kernel/ipc/channel-send.ts';
import { makeIpcKit } from './ipc-test-kit.ts';

function setup() {
  const kit = makeIpcKit();
  const r = kit.channels.create();
  if (!r.ok) throw new Error('create');
  return { kit, a: r.value[0], b: r.value[1] };
}

describe('sendDirect', () => {
  it('returns the destination and records the send without queueing', () => {
    const { kit, a, b } = setup();
    expect(sendDirect(kit, a, 7, 3, 0x1234)).toEqual({ ok: true, value: b });
    expect(kit.channels.live(b).queue).toHaveLength(0);
    expect(kit.channels.trace.recent()).toEqual([{ time: expect.any(Number) as number, fromPid: 7, toEndpoint: b, tag: 0x1234, caps: [] }]);
  });

  it('fails like sendMessage and records nothing', () => {
    const { kit, a, b } = setup();
    expect(sendDirect(kit, a, 7, MSG_DATA_MAX + 1, undefined)).toEqual({ ok: false, error: RvosError.MessageTooLarge });
    for (let i = 0; i < kit.channels.queueDepth; i++) expect(sendMessage(kit, a, { sender: 7, data: Uint8Array.of(1), caps: [] }).ok).toBe(true);
    const recorded = kit.channels.trace.total;
    expect(sendDirect(kit, a, 7, 1, undefined)).toEqual({ ok: false, error: RvosError.QueueFull });
    kit.objects.release(HandleKind.Channel, b);
    expect(sendDirect(kit, a, 7, 1, undefined)).toEqual({ ok: false, error: RvosError.PeerClosed });
    expect(kit.channels.trace.total).toBe(recorded);
  });
});
