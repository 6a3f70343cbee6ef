// Temporary directories for tests: each is removed after the test file that
// made it has run, so test runs do not pile up directories in the system temp
// folder. (Content-hash build caches that should outlive a run do not use this.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const created: string[] = [];

function removeAll(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

// This module is evaluated once per test file (vitest isolates files), while
// the file's tests are collected: the hook belongs to that file's root suite.
afterAll(removeAll);
process.on('exit', removeAll);

/** Creates a fresh directory named `prefix` + random suffix; it is deleted after the test file. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}
