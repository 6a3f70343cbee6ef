// The generated C header fixtures/userland/include/rvos/abi.h: it must equal
// what emulator/kernel/abi/generate-c-header.ts produces now (regenerate with
// `npx tsx emulator/kernel/abi/generate-c-header.ts`), carry every ABI value,
// and compile with our C compiler (its _Static_asserts check struct rvos_msg).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RvosError } from '../../../../emulator/kernel/abi/errors.ts';
import { C_HEADER_PATH, generateCHeader, upperSnake } from '../../../../emulator/kernel/abi/generate-c-header.ts';
import { MsgLayout } from '../../../../emulator/kernel/abi/message.ts';
import { Syscall } from '../../../../emulator/kernel/abi/syscall-numbers.ts';
import { WireTag } from '../../../../emulator/kernel/abi/wire-tags.ts';
import { compileC } from '../../../../emulator/toolchain/cc/driver/compile-c.ts';
import { REPO_ROOT, USERLAND_INCLUDE } from '../../../../emulator/toolchain/cc/driver/runtime-library.ts';

const header = readFileSync(join(REPO_ROOT, C_HEADER_PATH), 'utf8');

/** The value of `#define name value` in the header, or undefined. */
function define(name: string): string | undefined {
  return new RegExp(`^#define ${name} (.*)$`, 'm').exec(header)?.[1];
}

describe('rvos/abi.h', () => {
  it('is exactly what the generator produces (run generate-c-header.ts after changing emulator/kernel/abi)', () => {
    expect(header).toBe(generateCHeader());
  });

  it('defines every syscall number, error code and wire tag with its TypeScript value', () => {
    expect(define('RVOS_SYS_CHAN_SEND_BLOCKING')).toBe(String(Syscall.ChanSendBlocking));
    expect(define('RVOS_SYS_MEMINFO')).toBe(String(Syscall.MemInfo));
    expect(define('RVOS_SYS_GETPID')).toBe(String(Syscall.GetPid));
    for (const [name, code] of Object.entries(RvosError)) {
      expect(define(code === 0 ? 'RVOS_OK' : `RVOS_E_${upperSnake(name)}`), name).toBe(String(code));
    }
    for (const [name, tag] of Object.entries(WireTag)) expect(Number(define(`RVOS_TAG_${upperSnake(name)}`)), name).toBe(tag);
    expect(define('RVOS_MSG_DATA_MAX')).toBe('1024');
    expect(header).toContain(`_Static_assert(sizeof(struct rvos_msg) == ${MsgLayout.size}`);
  });

  it('turns TypeScript names into C names', () => {
    expect(upperSnake('QueueFull')).toBe('QUEUE_FULL');
    expect(upperSnake('SysinfoPsReply')).toBe('SYSINFO_PS_REPLY');
    expect(upperSnake('U64')).toBe('U64');
  });

  it('compiles with our C compiler (the layout _Static_asserts hold)', () => {
    const source = '#include <rvos/abi.h>\nint f(struct rvos_msg *m) { return (int)m->caps[RVOS_MSG_CAPS_MAX - 1] + RVOS_E_NOT_EMPTY; }\n';
    const r = compileC('abi-test.c', { fs: { read: (p) => (p === 'abi-test.c' ? source : readMaybe(p)) }, includePaths: [USERLAND_INCLUDE], target: 'rvos' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.object).toBeInstanceOf(Uint8Array);
  });

  it('a wrong layout assertion would fail to compile', () => {
    const source = '#include <rvos/abi.h>\n_Static_assert(sizeof(struct rvos_msg) == 1, "x");\n';
    const r = compileC('bad.c', { fs: { read: (p) => (p === 'bad.c' ? source : readMaybe(p)) }, includePaths: [USERLAND_INCLUDE], target: 'rvos' });
    expect(r.object).toBeUndefined();
  });
});

function readMaybe(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
