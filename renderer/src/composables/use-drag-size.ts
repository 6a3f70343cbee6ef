// A pane's size set by dragging a grip: 'width' for a pane on the right of a
// split (grip on its left edge, dragging left grows it), 'height' for a pane on
// top of a split (grip on its bottom edge, dragging down grows it). Pointer
// capture while dragging; clamped between a minimum and a share of the window.

import { ref, type Ref } from 'vue';

export interface DragSize {
  readonly size: Ref<number>;
  /** Bind to the grip's pointerdown. */
  readonly onPointerDown: (event: PointerEvent) => void;
}

/** A size along `axis` starting at `initial` px, kept within [min, maxShare × window size] while the grip is dragged. */
export function useDragSize(axis: 'width' | 'height', initial: number, min: number, maxShare: number): DragSize {
  const size = ref(initial);
  const position = (e: PointerEvent): number => (axis === 'width' ? -e.clientX : e.clientY);
  const windowSize = (): number => (axis === 'width' ? window.innerWidth : window.innerHeight);
  function onPointerDown(event: PointerEvent): void {
    const grip = event.currentTarget as HTMLElement;
    const start = position(event);
    const startSize = size.value;
    grip.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent): void => {
      const max = Math.max(min, windowSize() * maxShare);
      size.value = Math.round(Math.min(max, Math.max(min, startSize + (position(e) - start))));
    };
    const up = (): void => {
      grip.removeEventListener('pointermove', move);
      grip.removeEventListener('pointerup', up);
      grip.removeEventListener('pointercancel', up);
    };
    grip.addEventListener('pointermove', move);
    grip.addEventListener('pointerup', up);
    grip.addEventListener('pointercancel', up);
    event.preventDefault();
  }
  return { size, onPointerDown };
}
