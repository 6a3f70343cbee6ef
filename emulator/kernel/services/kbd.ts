// The kbd service: the keyboard device's key events (Linux evdev codes) to
// its one client, as KbdEvent messages (input-service.ts has the rules).

import { WireTag } from '../abi/wire-tags.ts';
import type { KeyEvent } from '../../machine/input-devices.ts';
import { InputService } from './input-service.ts';
import { WireWriter } from './wire-codec.ts';

export class KbdService extends InputService<KeyEvent> {
  protected encode(event: KeyEvent): Uint8Array {
    return new WireWriter(WireTag.KbdEvent).u64(event.code).bool(event.down).bytes();
  }
}
