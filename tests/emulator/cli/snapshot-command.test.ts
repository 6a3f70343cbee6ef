// `rvos snapshot save|load|info` as a user runs them (in-process through the
// CLI's main with captured output; one run spawns the real bin/rvos.mjs):
// deterministic saves, the load/save round trip, info, and refused files with
// exit code 2 and a message that says what is wrong.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../emulator/cli/main.ts';
import type { CliIo } from '../../../emulator/cli/support/cli-io.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const root = resolve(import.meta.dirname, '../../..');
const hartBuilt = existsSync(join(root, 'emulator/hart/build/hart.wasm'));
const HASH = /state hash ([0-9a-f]{64}) at step (\d+)/;

async function rvos(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const decoder = new TextDecoder();
  const text = (data: string | Uint8Array): string => (typeof data === 'string' ? data : decoder.decode(data));
  const io: CliIo = { stdout: (d) => { stdout += text(d); }, stderr: (d) => { stderr += text(d); } };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

describe.skipIf(!hartBuilt)('rvos snapshot', () => {
  const dir = makeTempDir('rvos-snapshot-cli-');
  const a = join(dir, 'a.snap');
  const log = join(dir, 'a.log');
  let saved: RegExpExecArray;

  beforeAll(async () => {
    const r = await rvos('snapshot', 'save', a, '--ram-mib', '16', '--script', 'echo one; echo two', '--after', '1000', '--log', log);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    saved = HASH.exec(r.stdout)!;
    expect(r.stdout).toMatch(new RegExp(`^saved ${a.replaceAll('\\', '\\\\')}: \\d+ bytes, format 1\\.0, state hash [0-9a-f]{64} at step \\d+\\n$`));
  }, 60_000);

  it('saves deterministically: the same command gives the same state hash', async () => {
    const r = await rvos('snapshot', 'save', join(dir, 'again.snap'), '--ram-mib', '16', '--script', 'echo one\necho two', '--after', '1000');
    expect(HASH.exec(r.stdout)?.slice(1)).toEqual(saved.slice(1));
  }, 60_000);

  it('replays the input log of the save on a fresh boot to the same state hash', async () => {
    expect(readFileSync(log, 'utf8')).toMatch(/^\{"format":"rvos-input-log","version":1,"boot":\{"ramMib":16\}/);
    const r = await rvos('snapshot', 'replay', log);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe(`state hash ${saved[1]} at step ${saved[2]}\n`);
    const wrong = await rvos('snapshot', 'replay', log, '--ram-mib', '32');
    expect(wrong).toMatchObject({ status: 2, stderr: expect.stringMatching(/the log starts at a boot with 16 MiB RAM, not 32/) });
  }, 60_000);

  it('prints the header, the sections and the console the snapshot carries', async () => {
    const r = await rvos('snapshot', 'info', a, '--console');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('format       1.0\n');
    expect(r.stdout).toContain('description  rvos snapshot save --script "echo one; echo two"\n');
    expect(r.stdout).toContain('machine      16 MiB RAM, display 1024x768, 10 instructions per timer tick\n');
    expect(r.stdout).toContain(`state hash   ${saved[1]}\n`);
    expect(r.stdout).toMatch(/ +ram +\d+ +\d+\n/);
    expect(r.stdout).toMatch(/rvos> echo one\r?\none\nrvos> echo two\r?\ntwo\nrvos> $/);
  }, 60_000);

  it('loads, runs on, prints the state hash; load then save gives the same bytes', async () => {
    const b = join(dir, 'b.snap');
    const same = await rvos('snapshot', 'load', a, '--save', b);
    expect(same.status).toBe(0);
    expect(same.stdout).toContain(`state hash ${saved[1]} at step ${saved[2]}\n`);
    expect(readFileSync(b)).toEqual(readFileSync(a));
    const ran = await rvos('snapshot', 'load', a, '--run', '500000', '--ram-mib', '16');
    expect(ran.status).toBe(0);
    expect(HASH.exec(ran.stdout)?.[1]).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);

  it('refuses bad files and arguments with exit code 2 and a message that says what is wrong', async () => {
    const bytes = readFileSync(a);
    const flipped = join(dir, 'flipped.snap');
    bytes[1000] ^= 0x10;
    writeFileSync(flipped, bytes);
    const truncated = join(dir, 'truncated.snap');
    writeFileSync(truncated, readFileSync(a).subarray(0, 5000));
    const cases: [string[], RegExp][] = [
      [['load', flipped], /flipped\.snap: checksum mismatch: the file is corrupted/],
      [['load', truncated], new RegExp(`truncated\\.snap: snapshot file is truncated: 5000 of ${bytes.length} bytes`)],
      [['info', truncated], /snapshot file is truncated/],
      [['load', a, '--ram-mib', '32'], /machine configuration differs: snapshot needs 16 MiB RAM, this VM has 32 MiB/],
      [['load', join(dir, 'missing.snap')], /cannot read .*missing\.snap/],
      [['load'], /missing the snapshot file/],
      [['load', a, '--run', 'lots'], /--run must be an integer/],
      [['frobnicate', a], /unknown subcommand 'frobnicate'/],
    ];
    for (const [args, message] of cases) {
      const r = await rvos('snapshot', ...args);
      expect([args, r.status, r.stderr]).toEqual([args, 2, expect.stringMatching(message)]);
    }
  }, 60_000);

  it('works as the installed command (bin/rvos.mjs)', () => {
    const run = spawnSync(process.execPath, [join(root, 'bin/rvos.mjs'), 'snapshot', 'load', a], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`state hash ${saved[1]}`);
  }, 60_000);
});
