// Delta-debugging shrinker for differential-test programs: removes chunks of
// items, then single items, unwraps blocks (branch/loop -> its body) and shrinks
// block bodies, keeping every candidate for which `stillFails` holds.

import type { Block, Item } from './program-model.ts';

export type Predicate = (items: readonly Item[]) => Promise<boolean>;

export interface ShrinkOptions {
  /** Upper bound on predicate calls (each builds and runs a program). */
  readonly maxTests: number;
}

interface Budget { left: number }

/**
 * Returns a smaller item list on which `stillFails` still holds (the input
 * itself when nothing could be removed). `stillFails(items)` must be true.
 */
export async function shrinkItems(
  items: readonly Item[], stillFails: Predicate, options: ShrinkOptions = { maxTests: 600 },
): Promise<Item[]> {
  const budget: Budget = { left: options.maxTests };
  const test = async (candidate: readonly Item[]): Promise<boolean> => {
    if (budget.left <= 0) return false;
    budget.left--;
    return stillFails(candidate);
  };
  let current = await ddmin([...items], test);
  for (let round = 0; round < 3 && budget.left > 0; round++) {
    const next = await simplifyBlocks(current, test);
    if (next === current) break;
    current = await ddmin(next, test);
  }
  return current;
}

/** Classic ddmin on complements: try dropping chunks of size n/k, refining k until single items. */
async function ddmin(items: Item[], test: (c: readonly Item[]) => Promise<boolean>): Promise<Item[]> {
  let current = items;
  let chunks = 2;
  while (current.length >= 1) {
    const size = Math.ceil(current.length / chunks);
    let removed = false;
    for (let start = 0; start < current.length; start += size) {
      const candidate = [...current.slice(0, start), ...current.slice(start + size)];
      if (await test(candidate)) {
        current = candidate;
        chunks = Math.max(chunks - 1, 2);
        removed = true;
        break;
      }
    }
    if (removed) continue;
    if (size === 1) break;
    chunks = Math.min(chunks * 2, current.length);
  }
  return current;
}

/** Tries, for each block, to replace it by its body, then to shrink its body; returns the input if nothing changed. */
async function simplifyBlocks(items: Item[], test: (c: readonly Item[]) => Promise<boolean>): Promise<Item[]> {
  let current = items;
  for (let i = 0; i < current.length; i++) {
    const item = current[i];
    if (item.kind !== 'block') continue;
    const unwrapped = [...current.slice(0, i), ...item.body, ...current.slice(i + 1)];
    if (await test(unwrapped)) {
      current = unwrapped;
      i--;
      continue;
    }
    const replace = (body: readonly Item[]): Item[] =>
      [...current.slice(0, i), { ...item, body } satisfies Block, ...current.slice(i + 1)];
    const body = await ddmin([...item.body], (b) => test(replace(b)));
    if (body.length < item.body.length) current = replace(body);
  }
  return current;
}
