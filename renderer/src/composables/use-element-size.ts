// The content-box size of an element, kept current by a ResizeObserver from
// mount to unmount (0 x 0 until laid out).

import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

export interface ElementSize {
  readonly width: Ref<number>;
  readonly height: Ref<number>;
}

/** The size of the element in `element`, observed while the calling component is mounted. */
export function useElementSize(element: Ref<HTMLElement | null>): ElementSize {
  const width = ref(0);
  const height = ref(0);
  const observer = new ResizeObserver(([entry]) => {
    if (entry === undefined) return;
    width.value = entry.contentRect.width;
    height.value = entry.contentRect.height;
  });
  onMounted(() => { if (element.value !== null) observer.observe(element.value); });
  onBeforeUnmount(() => observer.disconnect());
  return { width, height };
}
