// Checks the layering rules of docs/architecture.md on the real source tree:
// relative imports between folders form no cycle, and emulator/ never imports
// from the UI folders (main/, preload/, renderer/).

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const SOURCE_ROOTS = ['emulator', 'main', 'preload', 'renderer'];
/** AssemblyScript sources and build output are one unit (the hart); not part of the TS import graph. */
const SKIPPED_DIRS = new Set(['assembly', 'build', 'node_modules']);
const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Folder-to-folder edges of relative imports in .ts and .vue files under `dir`. */
function collectEdges(dir: string, edges: Map<string, Set<string>>): void {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) collectEdges(path, edges);
    } else if (/\.(ts|vue)$/.test(entry.name)) {
      for (const match of readFileSync(join(root, path), 'utf8').matchAll(IMPORT)) {
        const target = dirname(normalize(join(dir, match[1])));
        if (target !== dir) edges.set(dir, (edges.get(dir) ?? new Set()).add(target));
      }
    }
  }
}

/** Returns one cycle (as a folder list) in the graph, or undefined. */
function findCycle(edges: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

const edges = new Map<string, Set<string>>();
for (const dir of SOURCE_ROOTS) collectEdges(dir, edges);

describe('folder dependencies', () => {
  it('have no cycles', () => {
    expect(findCycle(edges)).toBeUndefined();
  });

  it('keep emulator/ free of UI imports', () => {
    const bad = [...edges].flatMap(([from, targets]) => [...targets]
      .filter((to) => from.startsWith('emulator') && /^(main|preload|renderer)(\/|$)/.test(relative(root, join(root, to))))
      .map((to) => `${from} -> ${to}`));
    expect(bad).toEqual([]);
  });

  it('finds a cycle when there is one (self-check of the checker)', () => {
    const graph = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])]]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });
});
