// In-process tests of the `rvos` dispatcher and `rvos bare` argument handling:
// help, unknown commands, bad options (no hart is needed for these).

import { describe, expect, it } from 'vitest';
import { main } from '../../../emulator/cli/main.ts';
import type { CliIo } from '../../../emulator/cli/support/cli-io.ts';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const decoder = new TextDecoder();
  const text = (d: string | Uint8Array): string => (typeof d === 'string' ? d : decoder.decode(d));
  const io: CliIo = { stdout: (d) => { out += text(d); }, stderr: (d) => { err += text(d); } };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('rvos main', () => {
  it.each([['help'], ['--help'], ['-h']])('%s prints usage on stdout and exits 0', async (arg) => {
    const r = await run(arg);
    expect(r.code).toBe(0);
    expect(r.out).toContain('usage: rvos <command>');
    expect(r.out).toContain('bare <file.elf>');
  });

  it('exits 2 with usage on stderr without a command or with an unknown one', async () => {
    expect(await run()).toMatchObject({ code: 2, out: '', err: expect.stringContaining('usage: rvos') });
    const r = await run('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toContain("rvos: unknown command 'frobnicate'");
    expect((await run('toString')).code).toBe(2);
  });

  it('prints bare usage for bare --help', async () => {
    const r = await run('bare', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--max-instructions N');
  });

  it.each([
    [['bare'], /missing the ELF file/],
    [['bare', 'a.elf', 'b.elf'], /expected one ELF file, got 2/],
    [['bare', 'a.elf', '--bogus'], /Unknown option '--bogus'/],
    [['bare', 'a.elf', '--max-instructions', '0'], /--max-instructions must be a positive integer, got '0'/],
    [['bare', 'a.elf', '--max-instructions', '12abc'], /--max-instructions must be a positive integer/],
    [['bare', 'a.elf', '--ram-mib', '0'], /--ram-mib must be an integer from 1 to 2048/],
    [['bare', 'a.elf', '--ram-mib', '4096'], /--ram-mib must be an integer/],
  ])('rejects %j with exit code 2', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
