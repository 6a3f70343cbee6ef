// Measures a terminal character cell in CSS pixels the way xterm's DOM renderer
// does (a span of repeated characters in the terminal's font), so the terminal
// can be fitted to its pane without the fit addon.

const SAMPLE = 'W'.repeat(32);

/** The cell size for `fontFamily` at `fontSize` px and `lineHeight` (xterm's option), measured inside `parent`. */
export function measureCell(parent: HTMLElement, fontFamily: string, fontSize: number, lineHeight: number): { width: number; height: number } {
  const span = document.createElement('span');
  span.textContent = SAMPLE;
  Object.assign(span.style, { position: 'absolute', visibility: 'hidden', whiteSpace: 'pre', fontFamily, fontSize: `${fontSize}px`, lineHeight: 'normal' });
  parent.appendChild(span);
  const rect = span.getBoundingClientRect();
  span.remove();
  return { width: rect.width / SAMPLE.length, height: Math.ceil(Math.ceil(rect.height) * lineHeight) };
}

/** Columns and rows of `cell`-sized cells that fit in `width` x `height` (at least 20 x 5). */
export function fitCells(width: number, height: number, cell: { width: number; height: number }): { cols: number; rows: number } {
  if (cell.width <= 0 || cell.height <= 0) return { cols: 80, rows: 24 };
  return { cols: Math.max(20, Math.floor(width / cell.width)), rows: Math.max(5, Math.floor(height / cell.height)) };
}
