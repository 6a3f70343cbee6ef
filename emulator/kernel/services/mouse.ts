// The mouse service: the tablet device's pointer and wheel events to its one
// client, as MouseEvent messages (input-service.ts has the rules).

import { WireTag } from '../abi/wire-tags.ts';
import type { PointerEvent } from '../../machine/input-devices.ts';
import { InputService } from './input-service.ts';
import { WireWriter } from './wire-codec.ts';

export class MouseService extends InputService<PointerEvent> {
  protected encode(event: PointerEvent): Uint8Array {
    return new WireWriter(WireTag.MouseEvent).u64(event.x).u64(event.y).u64(event.buttons).i64(event.wheel).bytes();
  }
}
