// What a benchmark section is: a named producer of result tables. bench/run.ts
// keeps the list of sections; each lives in its own folder under bench/.

export interface BenchTable {
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Lines printed under the table (method notes, skipped parts). */
  readonly notes?: readonly string[];
}

export interface BenchOptions {
  /** Wall-clock seconds a single measurement aims for. */
  readonly targetSeconds: number;
}

export interface BenchSection {
  readonly name: string;
  /** Runs the measurements; returns the tables to print. Rejects only on a broken setup. */
  run(options: BenchOptions): Promise<BenchTable[]>;
}
