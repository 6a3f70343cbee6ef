// The capability graph's cytoscape stylesheet and colours: processes blue,
// kernel services purple, endpoints teal, SHM gold, dangling orange, zombies
// grey, and the warning colour (red) for failed consistency checks.

import type { StylesheetJson } from 'cytoscape';

export const GRAPH_COLORS = {
  background: '#1e1e1e',
  process: '#3b82f6',
  service: '#8b5cf6',
  endpoint: '#14b8a6',
  shm: '#eab308',
  channel: '#94a3b8',
  processHandle: '#c4b5fd',
  zombie: '#6b7280',
  dangling: '#f97316',
  inFlight: '#a3e635',
  warning: '#ff1f4b',
  pulse: '#fde047',
  match: '#facc15',
  label: '#e5e7eb',
} as const;

const C = GRAPH_COLORS;

/** The stylesheet (selectors on the data fields of graph-model.ts and the classes hidden/match/pulse). */
export const GRAPH_STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)', color: C.label, 'font-size': 12, 'text-valign': 'bottom', 'text-margin-y': 4,
      'text-outline-color': C.background, 'text-outline-width': 2, width: 26, height: 26, 'border-width': 0,
    },
  },
  { selector: 'node[kind = "process"]', style: { shape: 'round-rectangle', 'background-color': C.process, width: 36, height: 26 } },
  { selector: 'node[kind = "service"]', style: { shape: 'round-rectangle', 'background-color': C.service, width: 36, height: 26 } },
  { selector: 'node[kind = "endpoint"]', style: { shape: 'ellipse', 'background-color': C.endpoint, width: 14, height: 14, 'font-size': 9 } },
  { selector: 'node[kind = "shm"]', style: { shape: 'diamond', 'background-color': C.shm, width: 24, height: 24 } },
  { selector: 'node[?zombie]', style: { 'background-color': C.zombie, 'border-width': 2, 'border-style': 'dashed', 'border-color': '#9ca3af' } },
  { selector: 'node[?inFlight]', style: { 'background-color': C.inFlight } },
  { selector: 'node[?dangling]', style: { 'background-color': C.dangling, 'border-width': 2, 'border-style': 'dashed', 'border-color': '#fed7aa' } },
  { selector: 'node[?warn]', style: { 'background-color': C.warning, 'border-width': 4, 'border-color': '#ffd1dc', 'border-style': 'solid', color: '#ff8aa5', 'font-weight': 'bold' } },
  { selector: 'node[?warn][kind = "endpoint"]', style: { width: 24, height: 24 } },
  {
    selector: 'edge',
    style: {
      width: 2, 'line-color': C.channel, 'curve-style': 'bezier', label: 'data(label)', 'font-size': 10, color: '#cbd5e1',
      'text-rotation': 'autorotate', 'text-background-color': C.background, 'text-background-opacity': 0.85, 'text-background-padding': '1px',
    },
  },
  { selector: 'edge[kind = "channel"]', style: { width: 2.5 } },
  { selector: 'edge[kind = "hold"]', style: { width: 1.5, 'line-color': C.endpoint } },
  { selector: 'edge[kind = "shm"]', style: { 'line-color': C.shm, 'line-style': 'dashed' } },
  {
    selector: 'edge[kind = "process-handle"]',
    style: { 'line-color': C.processHandle, 'line-style': 'dotted', 'target-arrow-shape': 'triangle', 'target-arrow-color': C.processHandle },
  },
  { selector: 'edge[?dangling]', style: { 'line-color': C.dangling, 'line-style': 'dashed' } },
  { selector: 'edge[?warn]', style: { 'line-color': C.warning, width: 3.5, color: '#ff8aa5' } },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#ffffff', 'border-style': 'solid' } },
  { selector: 'edge:selected', style: { 'line-color': '#ffffff' } },
  { selector: '.match', style: { 'border-width': 4, 'border-color': C.match, 'border-style': 'double' } },
  { selector: '.hidden', style: { display: 'none' } },
  {
    selector: '.pulse',
    style: { width: 10, height: 10, 'background-color': C.pulse, label: '', 'z-index': 999, 'border-width': 0, events: 'no' },
  },
  { selector: '.pulse-cap', style: { width: 14, height: 14, shape: 'diamond' } },
];
