// A small PNG of the guest display for the snapshots panel, drawn from the
// display pane's canvas (components/WbDisplay.vue, data-test="display-canvas");
// null when there is no display canvas or it has no size yet.

export const THUMBNAIL_SIZE = { width: 160, height: 120 };

/** Returns a PNG data URL of the display scaled into THUMBNAIL_SIZE, or null. */
export function captureDisplayThumbnail(root: ParentNode = document): string | null {
  const source = root.querySelector<HTMLCanvasElement>('canvas[data-test="display-canvas"]');
  if (source === null || source.width === 0 || source.height === 0) return null;
  const scale = Math.min(THUMBNAIL_SIZE.width / source.width, THUMBNAIL_SIZE.height / source.height);
  const thumbnail = document.createElement('canvas');
  thumbnail.width = Math.max(1, Math.round(source.width * scale));
  thumbnail.height = Math.max(1, Math.round(source.height * scale));
  const context = thumbnail.getContext('2d');
  if (context === null) return null;
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, thumbnail.width, thumbnail.height);
  return thumbnail.toDataURL('image/png');
}
