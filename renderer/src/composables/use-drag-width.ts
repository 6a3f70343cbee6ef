// A pane's width set by dragging a grip on its left edge (the pane sits on the
// right of a split): pointer capture while dragging, clamped between a minimum
// and a share of the window.

import { ref, type Ref } from 'vue';

export interface DragWidth {
  readonly width: Ref<number>;
  /** Bind to the grip's pointerdown. */
  readonly onPointerDown: (event: PointerEvent) => void;
}

/** A width starting at `initial` px, kept within [min, maxShare × window width] while the grip is dragged. */
export function useDragWidth(initial: number, min: number, maxShare: number): DragWidth {
  const width = ref(initial);
  function onPointerDown(event: PointerEvent): void {
    const grip = event.currentTarget as HTMLElement;
    const startX = event.clientX;
    const startWidth = width.value;
    grip.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent): void => {
      const max = Math.max(min, window.innerWidth * maxShare);
      width.value = Math.round(Math.min(max, Math.max(min, startWidth - (e.clientX - startX))));
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
  return { width, onPointerDown };
}
