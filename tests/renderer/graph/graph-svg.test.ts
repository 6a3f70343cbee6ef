// The SVG serialiser of the graph export (graph-svg.ts): a well-formed
// standalone document sized to the drawing, shapes per node kind, dashed and
// arrowed edges, and labels escaped.

import { describe, expect, it } from 'vitest';
import { graphSvg, type SvgEdge, type SvgNode } from '../../../renderer/src/graph/graph-svg.ts';

const node = (x: number, label: string, shape: SvgNode['shape']): SvgNode => ({
  x, y: 50, width: 30, height: 20, shape, fill: '#3b82f6', stroke: '#fff', strokeWidth: 2, dashed: shape === 'diamond', label, labelColor: '#eee', fontSize: 11,
});
const edge: SvgEdge = { x1: 0, y1: 50, x2: 100, y2: 50, color: '#c4b5fd', width: 2, dashed: true, arrow: true, label: 'refs 1/1', labelColor: '#ccc', fontSize: 9 };

describe('graphSvg', () => {
  it('draws nodes by shape over edges, with a marker per arrow colour, sized to fit', () => {
    const svg = graphSvg([node(0, 'shell 5', 'rectangle'), node(100, 'ep <3> & "x"', 'ellipse'), node(200, 'shm 1', 'diamond')], [edge], '#1e1e1e');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="270" height="\d+(\.\d)?" viewBox="-35 /);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('<rect x="-15" y="40" width="30" height="20" rx="6"');
    expect(svg).toContain('<ellipse cx="100" cy="50" rx="15" ry="10"');
    expect(svg).toMatch(/<polygon points="200,40 215,50 200,60 185,50"[^>]*stroke-dasharray/);
    expect(svg).toContain('ep &lt;3&gt; &amp; &quot;x&quot;');
    expect(svg).toContain('marker-end="url(#a0)"');
    expect(svg).toContain('<marker id="a0"');
    expect(svg.indexOf('<line')).toBeLessThan(svg.indexOf('<rect x="-15"'));
    expect(svg).toContain('>refs 1/1</text>');
  });

  it('is an empty canvas for an empty graph', () => {
    expect(graphSvg([], [], '#000')).toContain('width="40" height="40"');
  });
});
