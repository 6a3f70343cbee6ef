// The display pane's canvas as the display store's surface: attached while
// mounted, resized to the framebuffer (cleared to black), rectangles copied in
// with putImageData straight from their transferred buffers (no copy).

import { onBeforeUnmount, onMounted, type Ref } from 'vue';
import type { DirtyRect } from '../../../emulator/host/protocol/messages.ts';
import { vmConnection } from '../host-client/vm-connection.ts';
import { useDisplayStore, type DisplaySurface } from '../stores/display.ts';

/** A surface painting on `canvas` (opaque, no smoothing: the guest's pixels as they are). */
function canvasSurface(canvas: HTMLCanvasElement): DisplaySurface {
  const context = canvas.getContext('2d', { alpha: false });
  if (context === null) throw new Error('display: the canvas has no 2D context');
  const clear = (): void => {
    context.fillStyle = '#000';
    context.fillRect(0, 0, canvas.width, canvas.height);
  };
  return {
    resize(width, height) {
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      clear();
    },
    put(rect: DirtyRect) {
      const pixels = new Uint8ClampedArray(rect.pixels);
      context.putImageData(new ImageData(pixels, rect.width, rect.height), rect.x, rect.y);
    },
  };
}

/** Attaches the canvas in `canvas` to the display store from mount to unmount and subscribes the store to the host. */
export function useDisplayCanvas(canvas: Ref<HTMLCanvasElement | null>): void {
  const display = useDisplayStore();
  let detach: (() => void) | undefined;
  onMounted(() => {
    display.connect(vmConnection());
    if (canvas.value !== null) detach = display.attach(canvasSurface(canvas.value));
  });
  onBeforeUnmount(() => detach?.());
}
