// Differential test: every fixtures/*.c is preprocessed by GCC (`-E -P -undef`
// with our predefined macros passed as -D) and by us; the token streams must
// match spelling for spelling (white space is not compared, string contents are).
// Skips when neither riscv64-unknown-elf-gcc nor gcc is on PATH.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preprocess } from '../../../../../emulator/toolchain/cc/preprocess/preprocess.ts';
import { predefinedSource } from '../../../../../emulator/toolchain/cc/preprocess/predefined.ts';
import { hasTool } from '../../support/gnu-tools.ts';
import { spellings } from './pp-helpers.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const GCC = ['riscv64-unknown-elf-gcc', 'gcc'].find(hasTool);
const INCLUDE_PATHS = ['sys', 'next1', 'next2'];

/** Our predefined macros as GCC -D options (GCC keeps its own __STDC* ones under -undef). */
function gccDefines(): string[] {
  const out: string[] = [];
  for (const line of predefinedSource({}).split('\n')) {
    const m = /^#define (\S+) ?(.*)$/.exec(line);
    if (m !== null && !m[1].startsWith('__STDC')) out.push(`-D${m[1]}=${m[2]}`);
  }
  return out;
}

function gccTokens(file: string): string[] {
  const args = ['-E', '-P', '-undef', '-nostdinc', '-std=gnu11', '-funsigned-char', ...INCLUDE_PATHS.map((p) => `-I${p}`), ...gccDefines(), file];
  const text = execFileSync(GCC as string, args, { cwd: FIXTURES, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return spellings(text);
}

function ourTokens(file: string): { tokens: string[]; errors: string[] } {
  const fs = {
    read: (path: string): string | undefined => {
      try {
        return readFileSync(join(FIXTURES, path), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
  const r = preprocess(file, { fs, includePaths: INCLUDE_PATHS });
  const tokens: string[] = [];
  for (const t of r.tokens) {
    if (t.kind === 'eof') break;
    if (t.kind === 'pragma') tokens.push('#', 'pragma', ...spellings(t.text));
    else tokens.push(t.spelling ?? t.text);
  }
  return { tokens, errors: r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}: ${d.message}`) };
}

const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.c')).sort();

describe.skipIf(GCC === undefined)(`preprocessor vs ${GCC ?? 'gcc'} -E -P`, () => {
  it('has at least 20 fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });
  for (const file of files) {
    it(file, () => {
      const ours = ourTokens(file);
      expect(ours.errors).toEqual([]);
      expect(ours.tokens.join(' ')).toEqual(gccTokens(file).join(' '));
    });
  }
});
