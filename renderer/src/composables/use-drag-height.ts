// A pane's height set by dragging a grip on its bottom edge (the pane sits on
// top of a split): pointer capture while dragging, clamped between a minimum
// and a share of the window. The vertical twin of use-drag-width.ts.

import { ref, type Ref } from 'vue';

export interface DragHeight {
  readonly height: Ref<number>;
  /** Bind to the grip's pointerdown. */
  readonly onPointerDown: (event: PointerEvent) => void;
}

/** A height starting at `initial` px, kept within [min, maxShare × window height] while the grip is dragged. */
export function useDragHeight(initial: number, min: number, maxShare: number): DragHeight {
  const height = ref(initial);
  function onPointerDown(event: PointerEvent): void {
    const grip = event.currentTarget as HTMLElement;
    const startY = event.clientY;
    const startHeight = height.value;
    grip.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent): void => {
      const max = Math.max(min, window.innerHeight * maxShare);
      height.value = Math.round(Math.min(max, Math.max(min, startHeight + (e.clientY - startY))));
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
  return { height, onPointerDown };
}
