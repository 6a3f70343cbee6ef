// Csmith differential test of the C compiler against gcc, shard 0 of 2 (see
// csmith-shard.ts and README.md): one of the files vitest runs in parallel.

import { defineCsmithShard } from './csmith-shard.ts';

defineCsmithShard(0);
