// SVG export of the drawn capability graph: serialises laid-out shapes (node
// positions, sizes, colours, labels; edges as straight lines with arrows) that
// the view reads from cytoscape into a standalone SVG document. No layout here.

export interface SvgNode {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly shape: 'ellipse' | 'rectangle' | 'diamond';
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth: number;
  readonly dashed: boolean;
  readonly label: string;
  readonly labelColor: string;
  readonly fontSize: number;
}

export interface SvgEdge {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly color: string;
  readonly width: number;
  readonly dashed: boolean;
  readonly arrow: boolean;
  readonly label: string;
  readonly labelColor: string;
  readonly fontSize: number;
}

const MARGIN = 20;

/** A standalone SVG document drawing `edges` under `nodes` on `background`, sized to fit them. */
export function graphSvg(nodes: readonly SvgNode[], edges: readonly SvgEdge[], background: string): string {
  const box = bounds(nodes, edges);
  const colours = [...new Set(edges.filter((e) => e.arrow).map((e) => e.color))];
  const defs = colours.map((c, i) => `<marker id="a${i}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0L10,5L0,10z" fill="${esc(c)}"/></marker>`);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(box.w)}" height="${fmt(box.h)}" viewBox="${fmt(box.x)} ${fmt(box.y)} ${fmt(box.w)} ${fmt(box.h)}" font-family="sans-serif">`,
    `<defs>${defs.join('')}</defs>`,
    `<rect x="${fmt(box.x)}" y="${fmt(box.y)}" width="${fmt(box.w)}" height="${fmt(box.h)}" fill="${esc(background)}"/>`,
    ...edges.map((e) => edgeSvg(e, colours.indexOf(e.color))),
    ...nodes.map(nodeSvg),
    '</svg>',
  ];
  return parts.join('\n');
}

function bounds(nodes: readonly SvgNode[], edges: readonly SvgEdge[]): { x: number; y: number; w: number; h: number } {
  const xs = [...nodes.flatMap((n) => [n.x - n.width / 2, n.x + n.width / 2]), ...edges.flatMap((e) => [e.x1, e.x2])];
  const ys = [...nodes.flatMap((n) => [n.y - n.height / 2, n.y + n.height / 2 + n.fontSize * 1.6]), ...edges.flatMap((e) => [e.y1, e.y2])];
  if (xs.length === 0) return { x: 0, y: 0, w: 2 * MARGIN, h: 2 * MARGIN };
  const x = Math.min(...xs) - MARGIN;
  const y = Math.min(...ys) - MARGIN;
  return { x, y, w: Math.max(...xs) + MARGIN - x, h: Math.max(...ys) + MARGIN - y };
}

function edgeSvg(e: SvgEdge, marker: number): string {
  const dash = e.dashed ? ' stroke-dasharray="6 4"' : '';
  const arrow = e.arrow ? ` marker-end="url(#a${marker})"` : '';
  const line = `<line x1="${fmt(e.x1)}" y1="${fmt(e.y1)}" x2="${fmt(e.x2)}" y2="${fmt(e.y2)}" stroke="${esc(e.color)}" stroke-width="${fmt(e.width)}"${dash}${arrow}/>`;
  if (e.label === '') return line;
  const label = `<text x="${fmt((e.x1 + e.x2) / 2)}" y="${fmt((e.y1 + e.y2) / 2)}" fill="${esc(e.labelColor)}" font-size="${fmt(e.fontSize)}" text-anchor="middle">${esc(e.label)}</text>`;
  return `${line}\n${label}`;
}

function nodeSvg(n: SvgNode): string {
  const paint = `fill="${esc(n.fill)}" stroke="${esc(n.stroke)}" stroke-width="${fmt(n.strokeWidth)}"${n.dashed ? ' stroke-dasharray="5 3"' : ''}`;
  const shape = n.shape === 'ellipse'
    ? `<ellipse cx="${fmt(n.x)}" cy="${fmt(n.y)}" rx="${fmt(n.width / 2)}" ry="${fmt(n.height / 2)}" ${paint}/>`
    : n.shape === 'diamond'
      ? `<polygon points="${fmt(n.x)},${fmt(n.y - n.height / 2)} ${fmt(n.x + n.width / 2)},${fmt(n.y)} ${fmt(n.x)},${fmt(n.y + n.height / 2)} ${fmt(n.x - n.width / 2)},${fmt(n.y)}" ${paint}/>`
      : `<rect x="${fmt(n.x - n.width / 2)}" y="${fmt(n.y - n.height / 2)}" width="${fmt(n.width)}" height="${fmt(n.height)}" rx="6" ${paint}/>`;
  const label = `<text x="${fmt(n.x)}" y="${fmt(n.y + n.height / 2 + n.fontSize * 1.2)}" fill="${esc(n.labelColor)}" font-size="${fmt(n.fontSize)}" text-anchor="middle">${esc(n.label)}</text>`;
  return `${shape}\n${label}`;
}

function fmt(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 10) / 10) : '0';
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
