// Defines the tests of one shard of the Csmith differential run: one test per
// seed (its name carries the seed), a skip for programs gcc cannot settle on,
// and a tally of passed/skipped/failed seeds printed after the shard. gcc's
// side of the next seeds runs in child processes while a seed is compiled here.
// Reproduce a failure with RVOS_CSMITH_SEED=<seed> RVOS_CSMITH_COUNT=1.

import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../../support/temp-dir.ts';
import { compareWithGcc, gccReference, type Reference } from './csmith-compare.ts';
import { baseSeed, csmithReady, seedCount, SHARDS, shardSeeds } from './csmith-plan.ts';

/** A seed's case may take this long (typically under 1 s; two runs to the instruction limit take ~20 s, more on a loaded machine). */
const CASE_MS = 180_000;
/** gcc references prepared ahead of the seed being compared. */
const PREFETCH = 2;

/** Registers the describe block of shard `shard` (0 <= shard < SHARDS). */
export function defineCsmithShard(shard: number): void {
  const base = baseSeed();
  const seeds = shardSeeds(shard, base, seedCount());
  const title = `csmith differential, shard ${shard}/${SHARDS} of RVOS_CSMITH_SEED=${base} RVOS_CSMITH_COUNT=${seedCount()}`;
  describe.skipIf(!csmithReady || seeds.length === 0)(title, () => {
    const tally = { pass: 0, skip: 0, fail: 0 };
    const skips = new Map<string, number>();
    const dir = csmithReady ? makeTempDir('rvos-csmith-') : '';
    const pending = new Map<number, Promise<Reference>>();
    const reference = (i: number): Promise<Reference> | undefined => {
      const seed = seeds[i];
      if (seed !== undefined && !pending.has(seed)) pending.set(seed, gccReference(seed, dir));
      return seed === undefined ? undefined : pending.get(seed);
    };
    afterAll(() => {
      const why = skips.size === 0 ? '' : ` (${[...skips].map(([reason, n]) => `${n} ${reason}`).join(', ')})`;
      console.log(`csmith shard ${shard}: ${tally.pass} passed, ${tally.skip} skipped${why}, ${tally.fail} failed of ${seeds.length} (base ${base})`);
    });
    seeds.forEach((seed, i) => {
      it(`seed ${seed}: rvos cc -O0/-O1 checksums equal gcc's`, async (ctx) => {
        for (let k = 0; k <= PREFETCH; k++) void reference(i + k);
        const ref = await reference(i)!;
        const outcome = await compareWithGcc(ref);
        pending.delete(seed);
        if (outcome.kind !== 'fail') rmSync(ref.source, { force: true });
        tally[outcome.kind]++;
        if (outcome.kind === 'skip') {
          const reason = outcome.why.replace(/ [0-9A-F]+ != (gcc -O1) [0-9A-F]+/, ' != $1').split(':')[0]!;
          skips.set(reason, (skips.get(reason) ?? 0) + 1);
          ctx.skip(`seed ${seed}: ${outcome.why}`);
        }
        expect(outcome.kind === 'fail' ? `seed ${seed}: ${outcome.why}` : 'pass').toBe('pass');
      }, CASE_MS);
    });
  });
}
