// Export of the drawn capability graph: PNG through cytoscape's own cy.png(),
// SVG by reading each visible element's laid-out position and computed style
// from cytoscape and handing them to the serialiser in graph-svg.ts.

import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { TRANSIENT_CLASS } from './graph-cy-sync.ts';
import { graphSvg, type SvgEdge, type SvgNode } from './graph-svg.ts';
import { GRAPH_COLORS } from './graph-style.ts';

/** The whole graph as a PNG blob at twice the screen resolution, on the graph's background. */
export function graphPng(cy: Core): Promise<Blob> {
  return cy.png({ output: 'blob-promise', bg: GRAPH_COLORS.background, full: true, scale: 2 });
}

/** The visible graph as a standalone SVG document. */
export function graphSvgOf(cy: Core): string {
  const shown = cy.elements().not(`.${TRANSIENT_CLASS}`).not('.hidden');
  return graphSvg(shown.nodes().map(svgNode), shown.edges().map(svgEdge), GRAPH_COLORS.background);
}

function svgNode(n: NodeSingular): SvgNode {
  const shape = String(n.style('shape'));
  return {
    x: n.position('x'), y: n.position('y'), width: n.width(), height: n.height(),
    shape: shape === 'ellipse' ? 'ellipse' : shape === 'diamond' ? 'diamond' : 'rectangle',
    fill: String(n.style('background-color')), stroke: String(n.style('border-color')), strokeWidth: parseFloat(String(n.style('border-width'))) || 0,
    dashed: n.style('border-style') === 'dashed', label: String(n.data('label') ?? ''), labelColor: String(n.style('color')),
    fontSize: parseFloat(String(n.style('font-size'))) || 11,
  };
}

function svgEdge(e: EdgeSingular): SvgEdge {
  const from = e.sourceEndpoint();
  const to = e.targetEndpoint();
  return {
    x1: from.x, y1: from.y, x2: to.x, y2: to.y, color: String(e.style('line-color')), width: parseFloat(String(e.style('width'))) || 1,
    dashed: e.style('line-style') !== 'solid', arrow: e.style('target-arrow-shape') !== 'none', label: String(e.data('label') ?? ''),
    labelColor: String(e.style('color')), fontSize: parseFloat(String(e.style('font-size'))) || 9,
  };
}
