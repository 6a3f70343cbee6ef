// The display's keyboard while input is captured: DOM key events -> evdev key
// events for the guest, the held keys (so releasing capture lifts them in the
// guest: no stuck Ctrl), and the key combination that releases capture.

import type { DisplayInputEvent } from '../../../emulator/host/protocol/messages.ts';
import { evdevKeyCode } from './evdev-key-codes.ts';

/** The key combination that releases captured input, as the hint shows it. */
export const RELEASE_COMBO_LABEL = 'Ctrl+Alt+G';

/** The fields of a DOM KeyboardEvent the tracker reads. */
export interface KeyLike {
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
}

type KeyEvent = Extract<DisplayInputEvent, { type: 'key' }>;

/** True for the keydown of Ctrl+Alt+G (by physical key, any layout). */
export function isReleaseCombo(event: KeyLike): boolean {
  return event.code === 'KeyG' && event.ctrlKey && event.altKey;
}

export class DisplayKeyTracker {
  private readonly held = new Set<number>();

  /** The guest key event for a DOM keydown (auto-repeat included) or keyup; undefined for a key without an evdev code or a keyup of a key the guest never saw pressed. */
  translate(event: KeyLike, down: boolean): KeyEvent | undefined {
    const code = evdevKeyCode(event.code);
    if (code === undefined) return undefined;
    if (down) this.held.add(code);
    else if (!this.held.delete(code)) return undefined;
    return { type: 'key', code, down };
  }

  /** Key-up events for every key still held (in press order); forgets them. */
  releaseAll(): KeyEvent[] {
    const ups = [...this.held].map((code): KeyEvent => ({ type: 'key', code, down: false }));
    this.held.clear();
    return ups;
  }
}
